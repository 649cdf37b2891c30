/**
 * The shortest connection between two nodes: shortestPath over every relationship
 * type but FROM_SOURCE (so documents never serve as shortcuts), capped in length.
 * The cap is written into the query text (variable-length bounds cannot be
 * parameters); it is a validated integer 1..15 and each length's query is built once.
 */
import {
  KEY_PROPERTY,
  NODE_LABELS,
  REL_TYPES,
  RelTypeSchema,
  type WireEdge,
  type WireNode,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery, type QueryDef } from "../define.ts";
import type { Database } from "../run/database.ts";
import {
  NodeRowSchema,
  nodeProjection,
  parseNodeRef,
  QueryInputError,
  toWireEdge,
  toWireNode,
} from "./wire.ts";

export const DEFAULT_PATH_LENGTH = 8;
export const MAX_PATH_LENGTH = 15;
const PATH_TYPES = REL_TYPES.filter((t) => t !== "FROM_SOURCE").join("|");

/** One index seek per label; only the branch whose label matches the parameter finds anything. */
function endpoint(variable: string, labelParam: string, keyParam: string): string {
  return `CALL () {
      ${NODE_LABELS.map((label) => `MATCH (${variable}:${label} {${KEY_PROPERTY[label]}: $${keyParam}}) WHERE $${labelParam} = '${label}' RETURN ${variable}`).join("\n      UNION\n      ")}
    }`;
}

const PathRowSchema = z.object({
  nodes: z.array(NodeRowSchema),
  relationships: z.array(
    z.object({
      type: z.string(),
      source: NodeRowSchema,
      target: NodeRowSchema,
      method: z.string().nullable(),
    }),
  ),
});
const PathParamsSchema = z.object({
  fromLabel: z.string(),
  fromKey: z.string(),
  toLabel: z.string(),
  toKey: z.string(),
});
type PathQuery = QueryDef<typeof PathParamsSchema, typeof PathRowSchema>;

/** A node by label and key, or no row. */
export const findNodeQuery = defineQuery({
  name: "findNode",
  mode: "READ",
  cypher: /* cypher */ `
    ${endpoint("n", "label", "key")}
    RETURN ${nodeProjection("n")} AS node`,
  params: z.object({ label: z.string(), key: z.string() }),
  row: z.object({ node: NodeRowSchema }),
});

const pathByLength = new Map<number, PathQuery>();

export function shortestPathQueryFor(maxLength: number): PathQuery {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
    throw new QueryInputError(`queries/path: maxLength must be an integer from 1 to ${MAX_PATH_LENGTH}`);
  }
  let query = pathByLength.get(maxLength);
  if (!query) {
    query = defineQuery({
      name: "shortestPath",
      mode: "READ",
      cypher: /* cypher */ `
    ${endpoint("a", "fromLabel", "fromKey")}
    ${endpoint("b", "toLabel", "toKey")}
    MATCH p = shortestPath((a)-[:${PATH_TYPES}*..${maxLength}]-(b))
    RETURN [n IN nodes(p) | ${nodeProjection("n")}] AS nodes,
           [r IN relationships(p) | {type: type(r), source: ${nodeProjection("startNode(r)")},
                                     target: ${nodeProjection("endNode(r)")}, method: r.method}] AS relationships`,
      params: PathParamsSchema,
      row: PathRowSchema,
    });
    pathByLength.set(maxLength, query);
  }
  return query;
}

export const shortestPathQuery = shortestPathQueryFor(DEFAULT_PATH_LENGTH);

export interface PathResult {
  found: boolean;
  graph: { nodes: WireNode[]; edges: WireEdge[]; truncated: boolean };
  steps: WireEdge[];
}

/** The shortest connection from one node id to another, or `found: false`. */
export async function readShortestPath(
  db: Database,
  from: string,
  to: string,
  options: { maxLength?: number; timeoutMs?: number | undefined } = {},
): Promise<PathResult> {
  const a = parseNodeRef(from);
  const b = parseNodeRef(to);
  const query = shortestPathQueryFor(options.maxLength ?? DEFAULT_PATH_LENGTH);
  if (a.label === b.label && a.key === b.key) {
    // shortestPath refuses equal ends; the answer is the node itself, if it exists.
    const [row] = await db.run(
      findNodeQuery,
      { label: a.label, key: a.key },
      { timeoutMs: options.timeoutMs },
    );
    const nodes = row ? [toWireNode(row.node)] : [];
    return { found: nodes.length > 0, graph: { nodes, edges: [], truncated: false }, steps: [] };
  }
  const [row] = await db.run(
    query,
    { fromLabel: a.label, fromKey: a.key, toLabel: b.label, toKey: b.key },
    { timeoutMs: options.timeoutMs },
  );
  if (!row) return { found: false, graph: { nodes: [], edges: [], truncated: false }, steps: [] };
  const nodes = row.nodes.map((n) => toWireNode(n));
  const steps = row.relationships.map((r) =>
    toWireEdge(RelTypeSchema.parse(r.type), toWireNode(r.source).id, toWireNode(r.target).id, {
      method: r.method,
    }),
  );
  return { found: true, graph: { nodes, edges: steps, truncated: false }, steps };
}
