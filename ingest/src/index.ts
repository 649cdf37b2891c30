export * from "./ingest-documents.ts";
export * from "./load/load-extraction.ts";
