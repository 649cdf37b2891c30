import type { NodeLabel, RelType, WireEdge, WireGraph, WireNode } from "@kg/graph-schema";
import { MultiDirectedGraph } from "graphology";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { SerializedGraph } from "graphology-types";
import { EDGE_COLOR, LABEL_COLORS } from "./style.ts";

/**
 * What sigma draws, and nothing more. `kind` (the node label) and `relType` stay on the
 * drawn graph because colour, filters and the GraphML/GEXF exports need them; `type`
 * is left to sigma, which reads it as the name of a rendering program.
 */
export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: NodeLabel;
  degree: number;
  pagerank?: number;
}

export interface EdgeAttrs {
  color: string;
  size: number;
  relType: RelType;
  label?: string;
}

export type KgGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

export function createKgGraph(): KgGraph {
  return new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
}

/**
 * What the page knows about each node beyond what is drawn (name, label, properties),
 * kept apart from the drawn graph. Evidence and abstracts come with the cards.
 */
export interface DataStore {
  nodes: Map<string, WireNode>;
}

export function createDataStore(): DataStore {
  return { nodes: new Map() };
}

/** A stable pseudo-random number in [0, 1) from a string, so first positions do not jump between loads. */
export function hashUnit(text: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** Drawn labels stay short (a paper's title can fill the screen); the panels show the full name. */
export function shortLabel(name: string, max = 42): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

export function sizeForDegree(degree: number): number {
  return Math.min(28, 2.5 + 1.6 * Math.sqrt(degree));
}

/**
 * First positions that already put neighbours together: hubs (by degree) spread over a
 * disc, every other node placed beside the first placed neighbour found by a walk from
 * the hubs. Edges start short, so the first frame is cheap to draw (a software renderer
 * pays for every pixel of a long edge) and ForceAtlas2 starts near an answer. Writes the
 * attribute objects directly: it runs before anyone listens to the graph. O(n + m).
 */
export function seedPositions(graph: KgGraph): void {
  const order = graph
    .nodes()
    .sort((a, b) => graph.getNodeAttribute(b, "degree") - graph.getNodeAttribute(a, "degree"));
  const placed = new Set<string>();
  const radius = Math.sqrt(graph.order + 1) * 10;
  const queue: string[] = [];
  let head = 0;
  for (const start of order) {
    if (placed.has(start)) continue;
    const attrs = graph.getNodeAttributes(start);
    const angle = hashUnit(start, 1) * Math.PI * 2;
    const r = Math.sqrt(hashUnit(start, 2)) * radius;
    attrs.x = Math.cos(angle) * r;
    attrs.y = Math.sin(angle) * r;
    placed.add(start);
    queue.push(start);
    while (head < queue.length) {
      const parent = queue[head++] as string;
      const p = graph.getNodeAttributes(parent);
      const spread = 2 + Math.sqrt(p.degree) * 1.5;
      graph.forEachNeighbor(parent, (child, c) => {
        if (placed.has(child)) return;
        placed.add(child);
        const a = hashUnit(child, 3) * Math.PI * 2;
        const d = spread * (0.5 + hashUnit(child, 4));
        c.x = p.x + Math.cos(a) * d;
        c.y = p.y + Math.sin(a) * d;
        queue.push(child);
      });
    }
  }
}

/** A stable edge key: the same relationship keeps its key across reloads, so a reload can be a diff. */
export function edgeKey(edge: Pick<WireEdge, "source" | "type" | "target">): string {
  return `${edge.source}|${edge.type}|${edge.target}`;
}

function nodeAttributes(node: WireNode, degree: number, position: { x: number; y: number }): NodeAttrs {
  return {
    x: position.x,
    y: position.y,
    size: sizeForDegree(degree),
    color: LABEL_COLORS[node.label],
    label: shortLabel(node.name),
    kind: node.label,
    degree,
  };
}

/**
 * Fills the graph with a wire graph. An empty graph is filled with one `import`; a graph
 * already drawn is updated by difference (nodes and edges added or dropped, degrees
 * refreshed), so sigma and the layout hear of only what changed and the layout the user
 * has stays in place, new nodes starting beside a neighbour.
 */
export function loadWireGraph(graph: KgGraph, store: DataStore, wire: WireGraph): { added: string[] } {
  const degree = new Map<string, number>();
  const edges = new Map<string, WireEdge>();
  for (const edge of wire.edges) {
    let key = edgeKey(edge);
    if (edges.has(key)) key = `${key}|${edge.id}`;
    edges.set(key, edge);
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  store.nodes.clear();
  for (const node of wire.nodes) store.nodes.set(node.id, node);

  const radius = Math.sqrt(wire.nodes.length + 1) * 10;
  const randomPosition = (id: string) => {
    // Random in a disc sized to the graph: cheap, and ForceAtlas2 untangles it quickly.
    const angle = hashUnit(id, 1) * Math.PI * 2;
    const r = Math.sqrt(hashUnit(id, 2)) * radius;
    return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
  };

  if (graph.order === 0) {
    const serialized: SerializedGraph<NodeAttrs, EdgeAttrs> = {
      attributes: {},
      options: { type: "directed", multi: true, allowSelfLoops: true },
      nodes: wire.nodes.map((node) => ({
        key: node.id,
        attributes: nodeAttributes(node, degree.get(node.id) ?? 0, randomPosition(node.id)),
      })),
      edges: [...edges].map(([key, edge]) => ({
        key,
        source: edge.source,
        target: edge.target,
        attributes: { color: EDGE_COLOR, size: 1, relType: edge.type },
      })),
    };
    graph.import(serialized);
    seedPositions(graph);
    return { added: [] };
  }

  const wanted = new Set(wire.nodes.map((n) => n.id));
  graph.forEachNode((id) => {
    if (!wanted.has(id)) graph.dropNode(id);
  });
  graph.forEachEdge((key) => {
    if (!edges.has(key)) graph.dropEdge(key);
  });
  const added: string[] = [];
  for (const node of wire.nodes) {
    const d = degree.get(node.id) ?? 0;
    if (graph.hasNode(node.id)) {
      const attrs = graph.getNodeAttributes(node.id);
      const label = shortLabel(node.name);
      if (attrs.degree !== d || attrs.label !== label) {
        graph.mergeNodeAttributes(node.id, { degree: d, size: sizeForDegree(d), label });
      }
      continue;
    }
    added.push(node.id);
  }
  const addedSet = new Set(added);
  const anchorOf = new Map<string, string>();
  for (const edge of edges.values()) {
    if (addedSet.has(edge.source) && !addedSet.has(edge.target)) anchorOf.set(edge.source, edge.target);
    if (addedSet.has(edge.target) && !addedSet.has(edge.source)) anchorOf.set(edge.target, edge.source);
  }
  for (const id of added) {
    const node = store.nodes.get(id)!;
    const anchor = anchorOf.get(id);
    let position = randomPosition(id);
    if (anchor && graph.hasNode(anchor)) {
      const a = graph.getNodeAttributes(anchor);
      const angle = hashUnit(id, 3) * Math.PI * 2;
      position = { x: a.x + Math.cos(angle) * 8, y: a.y + Math.sin(angle) * 8 };
    }
    graph.addNode(id, nodeAttributes(node, degree.get(id) ?? 0, position));
  }
  for (const [key, edge] of edges) {
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, edge.source, edge.target, {
      color: EDGE_COLOR,
      size: 1,
      relType: edge.type,
    });
  }
  return { added };
}

export function positionsOf(graph: KgGraph): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id, attrs) => {
    out.set(id, { x: attrs.x, y: attrs.y });
  });
  return out;
}

/** Sizes nodes by degree or by PageRank, telling sigma only `size` changed. */
export function applySizes(graph: KgGraph, by: "degree" | "pagerank"): void {
  if (graph.order === 0) return;
  if (by === "degree") {
    graph.updateEachNodeAttributes((_id, attrs) => ({ ...attrs, size: sizeForDegree(attrs.degree) }), {
      attributes: ["size"],
    });
    return;
  }
  const scores = pagerank(graph, { getEdgeWeight: null });
  let max = 0;
  for (const id in scores) max = Math.max(max, scores[id] ?? 0);
  graph.updateEachNodeAttributes(
    (id, attrs) => {
      const score = scores[id] ?? 0;
      return { ...attrs, pagerank: score, size: 2.5 + 25 * Math.sqrt(max > 0 ? score / max : 0) };
    },
    { attributes: ["size"] },
  );
}
