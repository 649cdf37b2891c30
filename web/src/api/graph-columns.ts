/**
 * The overview's compact wire form (`GET /api/graph?format=columns`): the same nodes and
 * relationships as the object form, as parallel arrays. Node ids, names and label
 * indices; relationships as a flat list of [source index, target index, type index]
 * triples, without their properties (the overview draws none of them; cards read them
 * from their own endpoints). At 50,000 nodes and 150,000 relationships it is a sixth of
 * the object form's size, and parses and validates in a fraction of its time.
 * Shared by the server (web/server/api/graph.ts), the page and the web benchmark.
 */
import { type NodeLabel, NodeLabelSchema, type RelType, RelTypeSchema } from "@kg/graph-schema";
import { z } from "zod";

function isIndex(value: unknown, bound: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < bound;
}

/**
 * A list of indices: only checked to be an array here; the refinement below checks each
 * entry once, against its bound, instead of a zod parse per entry and then a bounds pass
 * (450,000 entries at 150,000 relationships).
 */
const indexList = (what: string) =>
  z.custom<number[]>((value) => Array.isArray(value), { message: `${what} must be a list of indices` });

export const GraphColumnsSchema = z
  .object({
    format: z.literal("columns"),
    /** The label vocabulary; `nodeLabels` holds indices into it. */
    labels: z.array(NodeLabelSchema),
    /** The relationship-type vocabulary; the third entry of each edge triple indexes it. */
    types: z.array(RelTypeSchema),
    /** `Label:key` ids, one per node. */
    ids: z.array(z.string()),
    nodeLabels: indexList("nodeLabels"),
    /** Display names: a paper's title, an entity's name. */
    names: z.array(z.string()),
    /** Each node's degree in the database (the object form's `properties.degree`). */
    degrees: z.array(z.number()),
    /** [source, target, type, source, target, type, …]: node indices and a type index. */
    edges: indexList("edges"),
    /** True when a cap cut the result. */
    truncated: z.boolean().default(false),
  })
  .superRefine((g, ctx) => {
    const n = g.ids.length;
    for (const [name, list] of [
      ["nodeLabels", g.nodeLabels],
      ["names", g.names],
      ["degrees", g.degrees],
    ] as const) {
      if (list.length !== n) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} has ${list.length} entries for ${n} ids`,
        });
      }
    }
    if (g.edges.length % 3 !== 0) {
      ctx.addIssue({ code: "custom", path: ["edges"], message: "edges is not a list of triples" });
    }
    const nodeLabels: readonly unknown[] = g.nodeLabels;
    for (let i = 0; i < nodeLabels.length; i++) {
      if (!isIndex(nodeLabels[i], g.labels.length)) {
        ctx.addIssue({ code: "custom", path: ["nodeLabels", i], message: "not an index into labels" });
        return;
      }
    }
    const edges: readonly unknown[] = g.edges;
    for (let i = 0; i < edges.length; i += 3) {
      if (!isIndex(edges[i], n) || !isIndex(edges[i + 1], n) || !isIndex(edges[i + 2], g.types.length)) {
        ctx.addIssue({
          code: "custom",
          path: ["edges", i],
          message: "not a [node, node, type] index triple",
        });
        return;
      }
    }
  });
export type GraphColumns = z.infer<typeof GraphColumnsSchema>;

export interface ColumnsNode {
  id: string;
  label: NodeLabel;
  name: string;
  degree: number;
}

export interface ColumnsEdge {
  source: string;
  target: string;
  type: RelType;
}

/**
 * Encodes nodes and relationships in the compact form. Relationships with an end that is
 * not among the nodes are left out, as in the object form.
 */
export function toGraphColumns(
  nodes: Iterable<ColumnsNode>,
  edges: Iterable<ColumnsEdge>,
  truncated: boolean,
): GraphColumns {
  const labels: NodeLabel[] = [];
  const labelIndex = new Map<NodeLabel, number>();
  const types: RelType[] = [];
  const typeIndex = new Map<RelType, number>();
  const index = new Map<string, number>();
  const ids: string[] = [];
  const nodeLabels: number[] = [];
  const names: string[] = [];
  const degrees: number[] = [];
  for (const node of nodes) {
    if (index.has(node.id)) continue;
    let l = labelIndex.get(node.label);
    if (l === undefined) {
      l = labels.push(node.label) - 1;
      labelIndex.set(node.label, l);
    }
    index.set(node.id, ids.length);
    ids.push(node.id);
    nodeLabels.push(l);
    names.push(node.name);
    degrees.push(node.degree);
  }
  const triples: number[] = [];
  for (const edge of edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) continue;
    let k = typeIndex.get(edge.type);
    if (k === undefined) {
      k = types.push(edge.type) - 1;
      typeIndex.set(edge.type, k);
    }
    triples.push(s, t, k);
  }
  return { format: "columns", labels, types, ids, nodeLabels, names, degrees, edges: triples, truncated };
}
