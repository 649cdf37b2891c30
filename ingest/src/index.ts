export * from "./load/load-extraction.ts";
