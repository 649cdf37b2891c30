export * from "./database.ts";
export * from "./plain.ts";
