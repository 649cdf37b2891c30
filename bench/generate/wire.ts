/**
 * A synthetic graph in the wire format the web reads ({nodes, edges}), for the web
 * benchmark: labels in the corpus's proportions, relationship types only between the
 * labels the schema allows, and preferential attachment so a few nodes are hubs.
 * Deterministic: same options, same graph.
 */
import {
  type NodeLabel,
  nodeId,
  REL_ENDPOINTS,
  type RelType,
  type WireEdge,
  type WireGraph,
  type WireNode,
} from "@kg/graph-schema";
import { createRandom } from "./random.ts";
import { capitalise, pseudoWord } from "./words.ts";

export interface WireGraphOptions {
  nodes: number;
  edges: number;
  seed: number;
}

/** Share of nodes per label, close to the generated corpus. */
const LABEL_SHARES: readonly [NodeLabel, number][] = [
  ["Paper", 0.4],
  ["Author", 0.28],
  ["Model", 0.2],
  ["Dataset", 0.04],
  ["Organization", 0.03],
  ["Method", 0.03],
  ["Source", 0.02],
];

/** Share of edges per type. */
const TYPE_SHARES: readonly [RelType, number][] = [
  ["MENTIONS", 0.3],
  ["AUTHORED", 0.22],
  ["EVALUATED_ON", 0.1],
  ["PUBLISHED", 0.08],
  ["FROM_SOURCE", 0.08],
  ["BASED_ON", 0.06],
  ["INTRODUCES", 0.06],
  ["TRAINED_ON", 0.04],
  ["USES_METHOD", 0.03],
  ["DEVELOPED", 0.03],
];

export function generateWireGraph(options: WireGraphOptions): WireGraph {
  const random = createRandom(options.seed);
  const byLabel = new Map<NodeLabel, WireNode[]>();
  const nodes: WireNode[] = [];
  let assigned = 0;
  LABEL_SHARES.forEach(([label, share], index) => {
    const count =
      index === LABEL_SHARES.length - 1 ? options.nodes - assigned : Math.round(options.nodes * share);
    assigned += count;
    const list: WireNode[] = [];
    for (let i = 0; i < count; i++) {
      const key =
        label === "Paper"
          ? `arxiv:${2400 + (i % 12)}.${String(i).padStart(5, "0")}`
          : `${label.toLowerCase()}-${i}`;
      const name =
        label === "Paper"
          ? `${capitalise(pseudoWord(random))} ${capitalise(pseudoWord(random))}: ${capitalise(pseudoWord(random))} for ${pseudoWord(random)}`
          : label === "Model"
            ? `${capitalise(pseudoWord(random))}-${1 + random.int(70)}B`
            : `${capitalise(pseudoWord(random))} ${capitalise(pseudoWord(random))}`;
      const node: WireNode = { id: nodeId(label, key), label, name, properties: { key } };
      list.push(node);
      nodes.push(node);
    }
    byLabel.set(label, list);
  });

  // Zipf samplers per label: index 0 is the biggest hub of that label.
  const samplers = new Map<NodeLabel, () => number>();
  for (const [label, list] of byLabel) {
    samplers.set(
      label,
      random.zipf(Math.max(1, list.length), label === "Paper" || label === "Author" ? 0.6 : 1.05),
    );
  }
  const sample = (labels: readonly NodeLabel[], uniform: boolean): WireNode | undefined => {
    const label = labels[random.int(labels.length)] as NodeLabel;
    const list = byLabel.get(label) ?? [];
    if (list.length === 0) return undefined;
    return list[uniform ? random.int(list.length) : (samplers.get(label) as () => number)()];
  };

  const edges: WireEdge[] = [];
  const seen = new Set<string>();
  for (const [type, share] of TYPE_SHARES) {
    const target = Math.round(options.edges * share);
    const { from, to } = REL_ENDPOINTS[type];
    let made = 0;
    for (let attempts = 0; made < target && attempts < target * 20; attempts++) {
      // The "many" side is spread out, the "one" side concentrates on hubs.
      const source = sample(from, true);
      const end = sample(to, false);
      if (!source || !end || source.id === end.id) continue;
      const id = `${source.id}-${type}->${end.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({ id, type, source: source.id, target: end.id, properties: {} });
      made++;
    }
  }
  // Top up to the exact count with mentions.
  for (let attempts = 0; edges.length < options.edges && attempts < options.edges * 20; attempts++) {
    const source = sample(["Paper"], true);
    const end = sample(["Model", "Dataset", "Method"], false);
    if (!source || !end) continue;
    const id = `${source.id}-MENTIONS->${end.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, type: "MENTIONS", source: source.id, target: end.id, properties: {} });
  }
  return { nodes, edges: edges.slice(0, options.edges), truncated: false };
}
