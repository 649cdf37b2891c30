export * from "./api.ts";
export * from "./config.ts";
export * from "./extraction.ts";
export * from "./indexes.ts";
export * from "./keys.ts";
export * from "./labels.ts";
export * from "./nodes.ts";
export * from "./wire.ts";
