/**
 * The overview's compact wire form (`GET /api/graph?format=columns`): the same nodes and
 * relationships as the object form, as parallel arrays. Node ids, names and label
 * indices; relationships as a flat list of [source index, target index, type index]
 * triples, without their properties (the overview draws none of them; cards read them
 * from their own endpoints). At 50,000 nodes and 150,000 relationships it is a sixth of
 * the object form's size, and parses and validates in a fraction of its time.
 * Shared by the server (web/server/api/graph.ts), the page and the web benchmark.
 */

import { z } from "zod";
import { type NodeLabel, NodeLabelSchema, type RelType, RelTypeSchema } from "./labels.ts";

function isIndex(value: unknown, bound: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < bound;
}

/**
 * A long list: only checked to be an array here; the refinement below checks every entry
 * in one pass over the nodes and one over the edges, instead of a zod parse per entry
 * (700,000 entries at 50,000 nodes and 150,000 relationships).
 */
function list<T>(what: string, entries: string) {
  return z.custom<T[]>((value) => Array.isArray(value), { message: `${what} must be a list of ${entries}` });
}

export const GraphColumnsSchema = z
  .object({
    format: z.literal("columns"),
    /** The label vocabulary; `nodeLabels` holds indices into it. */
    labels: z.array(NodeLabelSchema),
    /** The relationship-type vocabulary; the third entry of each edge triple indexes it. */
    types: z.array(RelTypeSchema),
    /** `Label:key` ids, one per node. */
    ids: list<string>("ids", "strings"),
    nodeLabels: list<number>("nodeLabels", "indices into labels"),
    /** Display names: a paper's title, an entity's name. */
    names: list<string>("names", "strings"),
    /** Each node's degree in the database (the object form's `properties.degree`). */
    degrees: list<number>("degrees", "numbers"),
    /** [source, target, type, source, target, type, …]: node indices and a type index. */
    edges: list<number>("edges", "node and type indices"),
    /** True when a cap cut the result. */
    truncated: z.boolean().default(false),
  })
  .superRefine((g, ctx) => {
    const n = g.ids.length;
    for (const [name, column] of [
      ["nodeLabels", g.nodeLabels],
      ["names", g.names],
      ["degrees", g.degrees],
    ] as const) {
      if (column.length !== n) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} has ${column.length} entries for ${n} ids`,
        });
        return;
      }
    }
    const ids: readonly unknown[] = g.ids;
    const names: readonly unknown[] = g.names;
    const nodeLabels: readonly unknown[] = g.nodeLabels;
    const degrees: readonly unknown[] = g.degrees;
    for (let i = 0; i < n; i++) {
      if (
        typeof ids[i] !== "string" ||
        typeof names[i] !== "string" ||
        typeof degrees[i] !== "number" ||
        !isIndex(nodeLabels[i], g.labels.length)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["ids", i],
          message: "node without a string id and name, a degree and a label index",
        });
        return;
      }
    }
    const edges: readonly unknown[] = g.edges;
    if (edges.length % 3 !== 0) {
      ctx.addIssue({ code: "custom", path: ["edges"], message: "edges is not a list of triples" });
      return;
    }
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
