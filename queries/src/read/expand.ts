/**
 * Neighbourhood expansion for the front end: a node and up to `limit` of its
 * neighbours (through one relationship type, when given). On a hub only the first `scan` relationships are looked at (fan-out cap),
 * then the best connected neighbours come first and documents (Source) last.
 */
import { type RelType, RelTypeSchema, type WireGraph } from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";
import type { Database } from "../run/database.ts";
import {
  NodeRowSchema,
  NotFoundError,
  nodeProjection,
  parseNodeRef,
  perLabel,
  toWireEdge,
  toWireNode,
} from "./wire.ts";

/** How many relationships of a hub are looked at before ranking; bounds the work. */
export const EXPAND_SCAN_CAP = 2_000;

const ExpandRowSchema = z.object({
  node: NodeRowSchema,
  degree: z.number(),
  total: z.number(),
  neighbours: z.array(
    z.object({
      other: NodeRowSchema,
      type: z.string(),
      outgoing: z.boolean(),
      method: z.string().nullable(),
      confidence: z.number().nullable(),
      degree: z.number(),
    }),
  ),
});

export const expandQueries = perLabel((label, keyProperty) =>
  defineQuery({
    name: `expand${label}`,
    mode: "READ",
    cypher: /* cypher */ `
      MATCH (n:${label} {${keyProperty}: $key})
      CALL (n) {
        MATCH (n)-[r]-(o)
        WHERE $type IS NULL OR type(r) = $type
        WITH r, o LIMIT $scan
        WITH r, o, COUNT { (o)--() } AS degree
        ORDER BY o:Source, degree DESC, o.name, coalesce(o.key, o.id)
        LIMIT $limit
        RETURN collect({
          other: ${nodeProjection("o")}, type: type(r), outgoing: startNode(r) = n,
          method: r.method, confidence: r.confidence, degree: degree
        }) AS neighbours
      }
      WITH n, neighbours, COUNT { (n)--() } AS total
      RETURN ${nodeProjection("n")} AS node, total AS degree, total, neighbours`,
    params: z.object({
      key: z.string().min(1),
      limit: z.number().int().min(1).max(5_000),
      scan: z.number().int().min(1).max(100_000),
      type: RelTypeSchema.nullable(),
    }),
    row: ExpandRowSchema,
  }),
);

/** The node and its neighbours as a wire graph; `truncated` when it has more than `limit`. */
export async function expandNode(
  db: Database,
  id: string,
  options: { limit?: number; type?: RelType | undefined; timeoutMs?: number | undefined } = {},
): Promise<WireGraph> {
  const ref = parseNodeRef(id);
  const limit = options.limit ?? 100;
  const [row] = await db.run(
    expandQueries[ref.label],
    { key: ref.key, limit, scan: Math.max(limit, EXPAND_SCAN_CAP), type: options.type ?? null },
    { timeoutMs: options.timeoutMs },
  );
  if (!row) throw new NotFoundError(`queries/expand: no node ${id}`);
  const root = toWireNode(row.node, { degree: row.degree });
  const nodes = new Map([[root.id, root]]);
  const edges = new Map<string, ReturnType<typeof toWireEdge>>();
  for (const n of row.neighbours) {
    const other = toWireNode(n.other, { degree: n.degree });
    if (!nodes.has(other.id)) nodes.set(other.id, other);
    const [source, target] = n.outgoing ? [root.id, other.id] : [other.id, root.id];
    const edge = toWireEdge(RelTypeSchema.parse(n.type), source, target, {
      method: n.method,
      confidence: n.confidence,
    });
    edges.set(edge.id, edge);
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: row.total > row.neighbours.length,
  };
}
