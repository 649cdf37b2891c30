/**
 * Which of these nodes the graph already holds: an import reports what it added
 * against what was there before, not what it read.
 */
import { z } from "zod";
import { defineQuery } from "../define.ts";
import type { Database } from "../run/database.ts";
import { parseNodeRef, perLabel } from "./wire.ts";

export const existingKeysQueries = perLabel((label, keyProperty) =>
  defineQuery({
    name: `existingKeys${label}`,
    mode: "READ",
    cypher: /* cypher */ `
      UNWIND $keys AS k
      MATCH (n:${label} {${keyProperty}: k})
      RETURN k AS key`,
    params: z.object({ keys: z.array(z.string()) }),
    row: z.object({ key: z.string() }),
  }),
);

/** The ids (`Label:key`) among `ids` that name a node in the graph. */
export async function existingNodeIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const byLabel = new Map<string, string[]>();
  for (const id of ids) {
    const ref = parseNodeRef(id);
    byLabel.set(ref.label, [...(byLabel.get(ref.label) ?? []), ref.key]);
  }
  const found = new Set<string>();
  for (const [label, keys] of byLabel) {
    const rows = await db.run(existingKeysQueries[label as keyof typeof existingKeysQueries], { keys });
    for (const row of rows) found.add(`${label}:${row.key}`);
  }
  return found;
}
