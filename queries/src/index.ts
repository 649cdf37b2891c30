export * from "./define.ts";
export * from "./write/load.ts";
export * from "./write/schema.ts";
export * from "./write/admin.ts";
export * from "./read/graph.ts";
