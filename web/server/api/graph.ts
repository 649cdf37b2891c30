/**
 * GET /api/graph — the whole graph (capped) for the overview. Two forms of the same
 * nodes and relationships:
 * - the wire format (default): edge ids are the same stable `source-TYPE->target` ids
 *   every other endpoint uses, so an expansion or a lineage merges into the overview
 *   instead of doubling its edges;
 * - `format=columns`: parallel arrays (graph-schema/src/wire-columns.ts), which the page
 *   loads: a seventh of the size at 50,000 nodes, and no per-node objects to parse.
 */
import {
  type GraphColumns,
  GraphResponseSchema,
  NODE_LABELS,
  type NodeLabel,
  NodeLabelSchema,
  nodeId,
  REL_TYPES,
  type RelType,
  RelTypeSchema,
  ROUTES,
  toGraphColumns,
  type WireGraph,
} from "@kg/graph-schema";
import { graphEdgesQuery, graphNodesQuery, toWireEdge, toWireNode } from "@kg/queries";
import type { ApiDeps } from "./route.ts";
import { bindRoute } from "./route.ts";

async function readRows(deps: ApiDeps, limit: number) {
  const [nodes, edges] = await Promise.all([
    deps.db.run(graphNodesQuery, { limit }),
    deps.db.run(graphEdgesQuery, { limit: limit * 4 }),
  ]);
  return { nodes, edges, truncated: nodes.length >= limit || edges.length >= limit * 4 };
}

export async function readWholeGraph(deps: ApiDeps, limit: number): Promise<WireGraph> {
  const { nodes, edges, truncated } = await readRows(deps, limit);
  const ids = new Set<string>();
  const wireNodes = nodes.map((n) => {
    const node = toWireNode(n, { degree: n.degree });
    ids.add(node.id);
    return node;
  });
  const wireEdges = edges
    .map((e) =>
      toWireEdge(
        RelTypeSchema.parse(e.type),
        nodeId(NodeLabelSchema.parse(e.fromLabel), e.fromKey),
        nodeId(NodeLabelSchema.parse(e.toLabel), e.toKey),
        { method: e.method, confidence: e.confidence },
      ),
    )
    .filter((e) => ids.has(e.source) && ids.has(e.target));
  return GraphResponseSchema.parse({ nodes: wireNodes, edges: wireEdges, truncated });
}

const KNOWN_LABELS: ReadonlySet<string> = new Set(NODE_LABELS);
const KNOWN_TYPES: ReadonlySet<string> = new Set(REL_TYPES);

// Set lookups rather than a zod parse per row: the columns form is for large graphs.
function knownLabel(label: string): NodeLabel {
  if (!KNOWN_LABELS.has(label)) {
    throw new Error(`api/graph: the database holds a label "${label}" the schema does not know.`);
  }
  return label as NodeLabel;
}

function knownType(type: string): RelType {
  if (!KNOWN_TYPES.has(type)) {
    throw new Error(`api/graph: the database holds a relationship type "${type}" the schema does not know.`);
  }
  return type as RelType;
}

/** The same graph as readWholeGraph, in the compact form, built straight from the rows. */
export async function readGraphColumns(deps: ApiDeps, limit: number): Promise<GraphColumns> {
  const { nodes, edges, truncated } = await readRows(deps, limit);
  return toGraphColumns(
    nodes.map((n) => {
      const label = knownLabel(n.label);
      return { id: nodeId(label, n.key), label, name: n.name, degree: n.degree };
    }),
    edges.map((e) => ({
      type: knownType(e.type),
      source: nodeId(knownLabel(e.fromLabel), e.fromKey),
      target: nodeId(knownLabel(e.toLabel), e.toKey),
    })),
    truncated,
  );
}

export const graphRoute = bindRoute(ROUTES.graph, (deps, { query }) =>
  query.format === "columns" ? readGraphColumns(deps, query.limit) : readWholeGraph(deps, query.limit),
);
