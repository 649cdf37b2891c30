/**
 * GET /api/graph — the whole graph (capped) for the overview, in the wire format.
 * Edge ids are the same stable `source-TYPE->target` ids every other endpoint uses, so
 * an expansion or a lineage merges into the overview instead of doubling its edges.
 */
import {
  GraphQuerySchema,
  GraphResponseSchema,
  NodeLabelSchema,
  nodeId,
  RelTypeSchema,
  type WireGraph,
} from "@kg/graph-schema";
import { graphEdgesQuery, graphNodesQuery, toWireEdge, toWireNode } from "@kg/queries";
import type { ApiDeps } from "./route.ts";
import { defineRoute } from "./route.ts";

export async function readWholeGraph(deps: ApiDeps, limit: number): Promise<WireGraph> {
  const [nodes, edges] = await Promise.all([
    deps.db.run(graphNodesQuery, { limit }),
    deps.db.run(graphEdgesQuery, { limit: limit * 4 }),
  ]);
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
  return GraphResponseSchema.parse({
    nodes: wireNodes,
    edges: wireEdges,
    truncated: nodes.length >= limit || edges.length >= limit * 4,
  });
}

export const graphRoute = defineRoute({
  method: "GET",
  url: "/api/graph",
  summary: "The whole graph, capped, for the overview",
  querystring: GraphQuerySchema,
  response: GraphResponseSchema,
  handler: (deps, { query }) => readWholeGraph(deps, query.limit),
});
