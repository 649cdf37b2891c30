/**
 * GET /api/graph — the whole graph (capped) for the overview, in the wire format.
 */
import { GraphQuerySchema, GraphResponseSchema, nodeId, type WireGraph } from "@kg/graph-schema";
import { graphEdgesQuery, graphNodesQuery } from "@kg/queries";
import type { ApiDeps, ApiRoute } from "./route.ts";

export async function readWholeGraph(deps: ApiDeps, limit: number): Promise<WireGraph> {
  const [nodes, edges] = await Promise.all([
    deps.db.run(graphNodesQuery, { limit }),
    deps.db.run(graphEdgesQuery, { limit: limit * 4 }),
  ]);
  const ids = new Set<string>();
  const wireNodes = nodes.map((n) => {
    const id = nodeId(n.label as never, n.key);
    ids.add(id);
    return { id, label: n.label as never, name: n.name, properties: { key: n.key, degree: n.degree } };
  });
  const wireEdges = edges
    .map((e, index) => ({
      id: `e${index}`,
      type: e.type as never,
      source: nodeId(e.fromLabel as never, e.fromKey),
      target: nodeId(e.toLabel as never, e.toKey),
      properties: { method: e.method, confidence: e.confidence },
    }))
    .filter((e) => ids.has(e.source) && ids.has(e.target));
  return GraphResponseSchema.parse({
    nodes: wireNodes,
    edges: wireEdges,
    truncated: nodes.length >= limit || edges.length >= limit * 4,
  });
}

export const graphRoute: ApiRoute = {
  method: "GET",
  url: "/api/graph",
  summary: "The whole graph, capped, for the overview",
  querystring: GraphQuerySchema,
  response: GraphResponseSchema,
  handler: async (deps, request) => readWholeGraph(deps, GraphQuerySchema.parse(request.query).limit),
};
