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

/**
 * Keeps the literal types of a query definition, and its text without the indentation:
 * the text goes to Neo4j with every run (12 KB for a depth-10 lineage, half of it
 * leading spaces), packed by the driver and written to the socket each time. Line
 * breaks stay, so a `//` comment still ends at its line.
 */
export function defineQuery<P extends z.ZodType, R extends z.ZodType>(def: QueryDef<P, R>): QueryDef<P, R> {
  return { ...def, cypher: def.cypher.replace(/\n[ \t]+/g, "\n").trim() };
}
