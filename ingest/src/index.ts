export type { CommandContext } from "./cli/context.ts";
export { runIngestCommand } from "./commands/ingest.ts";
export * from "./ingest-documents.ts";
export type { BulkServer } from "./load/bulk-load.ts";
export * from "./load/load-extraction.ts";
