export * from "./define.ts";
export * from "./write/load.ts";
export * from "./write/schema.ts";
