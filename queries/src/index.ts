export * from "./define.ts";
export * from "./read/graph.ts";
export * from "./write/admin.ts";
export * from "./write/load.ts";
export * from "./write/schema.ts";
