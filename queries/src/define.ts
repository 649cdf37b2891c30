/**
 * A named, parameterised Cypher query with zod schemas for its parameters and rows.
 * Everything that reads or writes the graph is one of these; the runner executes them.
 */
import type { z } from "zod";

export type QueryMode = "READ" | "WRITE";

export interface QueryDef<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly mode: QueryMode;
  readonly cypher: string;
  readonly params: P;
  readonly row: R;
}

/** Identity helper that keeps the literal types of a query definition. */
export function defineQuery<P extends z.ZodType, R extends z.ZodType>(def: QueryDef<P, R>): QueryDef<P, R> {
  return def;
}
