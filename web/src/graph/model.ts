import type { GraphColumns, NodeLabel, RelType, WireEdge, WireNode } from "@kg/graph-schema";
import { MultiDirectedGraph } from "graphology";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { SerializedEdge, SerializedNode } from "graphology-types";
import { LABEL_COLORS } from "./style.ts";

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
  /** Louvain community from the server's layout; -1 for nodes added since. */
  community: number;
  /** Month index of the earliest dated paper about it (graph-schema monthIndex), -1 when none. */
  first: number;
}

export interface EdgeAttrs {
  /** Unset on the overview: sigma's `defaultEdgeColor` draws them all alike. */
  color?: string;
  size: number;
  relType: RelType;
  label?: string;
}

export type KgGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

export function createKgGraph(): KgGraph {
  return new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
}

/** Counts over the whole loaded graph, for the legend and the filters. */
export interface GraphSummary {
  byLabel: Map<NodeLabel, number>;
  byType: Map<RelType, number>;
  maxDegree: number;
}

/**
 * What the page knows about each node beyond what is drawn (name, label, properties),
 * kept apart from the drawn graph. Evidence and abstracts come with the cards. The map
 * is made from the wire on first read or when the page is idle, whichever comes first:
 * nothing reads it before a panel, a search or an import does, so its 50,000 objects are
 * not made on the way to the first frame.
 */
export class DataStore {
  #nodes = new Map<string, WireNode>();
  #pending: GraphColumns | null = null;
  summary: GraphSummary = { byLabel: new Map(), byType: new Map(), maxDegree: 0 };

  get nodes(): ReadonlyMap<string, WireNode> {
    this.prepare();
    return this.#nodes;
  }

  /** Makes the map now if a load left it to be made (the page calls it when idle). */
  prepare(): void {
    const wire = this.#pending;
    if (!wire) return;
    this.#pending = null;
    this.#nodes.clear();
    wire.ids.forEach((id, i) => {
      const label = wire.labels[wire.nodeLabels[i] as number] as NodeLabel;
      this.#nodes.set(id, {
        id,
        label,
        name: wire.names[i] as string,
        properties: { key: id.slice(label.length + 1), degree: wire.degrees[i] },
      });
    });
  }

  /** Replaces what the store knows with the nodes of this wire graph. */
  fill(wire: GraphColumns, summary: GraphSummary): void {
    this.#pending = wire;
    this.summary = summary;
  }
}

export function createDataStore(): DataStore {
  return new DataStore();
}

/** FNV-1a of a string: hashed once, it gives as many stable pseudo-random numbers as needed through unitOf. */
export function textHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h;
}

/** A stable pseudo-random number in [0, 1) from a text's hash and a salt (murmur3's finaliser). */
export function unitOf(hash: number, salt: number): number {
  let h = hash ^ Math.imul(salt, 0x9e3779b9);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** A stable pseudo-random number in [0, 1) from a string, so first positions do not jump between loads. */
export function hashUnit(text: string, salt = 0): number {
  return unitOf(textHash(text), salt);
}

/** Drawn labels stay short (a paper's title can fill the screen); the panels show the full name. */
export function shortLabel(name: string, max = 42): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A capped, logarithmic scale: GPT-4o with 300 papers is drawn larger than a model with
 * three, but not so large that its disc hides its neighbours.
 */
export const MAX_NODE_SIZE = 12;
export function sizeForDegree(degree: number): number {
  return Math.min(MAX_NODE_SIZE, 2 + 1.4 * Math.log2(1 + Math.max(0, degree)));
}

/** Positions, communities and dates the server computed for each node of a load (GET /api/overview). */
export interface ServerLayout {
  xs: readonly number[];
  ys: readonly number[];
  communities: readonly number[];
  firsts: readonly number[];
}

/** `a[i]++` for typed arrays under noUncheckedIndexedAccess; returns the value before. */
function bump(a: Int32Array, i: number): number {
  const v = a[i] as number;
  a[i] = v + 1;
  return v;
}

/**
 * First positions that already put neighbours together: hubs (by degree) spread over a
 * disc, every other node placed beside the first placed neighbour found by a walk from
 * the hubs. Edges start short, so the first frame is cheap to draw (a software renderer
 * pays for every pixel of a long edge) and ForceAtlas2 starts near an answer. Works on
 * node indices and a compact adjacency (typed arrays) before the graph is built, so it
 * costs a few milliseconds at 50,000 nodes. O(n + m).
 */
export function seedPositions(
  ids: readonly string[],
  edges: readonly number[],
  degree: Int32Array,
): { xs: Float64Array; ys: Float64Array } {
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  let maxDegree = 0;
  for (let i = 0; i < n; i++) {
    const d = degree[i] as number;
    offsets[i + 1] = (offsets[i] as number) + d;
    if (d > maxDegree) maxDegree = d;
  }
  const fill = offsets.slice(0, n);
  const adjacency = new Int32Array(offsets[n] as number);
  for (let e = 0; e < edges.length; e += 3) {
    const s = edges[e] as number;
    const t = edges[e + 1] as number;
    adjacency[bump(fill, s)] = t;
    adjacency[bump(fill, t)] = s;
  }
  // Nodes by decreasing degree (a stable counting sort: ties keep the server's order).
  const starts = new Int32Array(maxDegree + 2);
  for (let i = 0; i < n; i++) bump(starts, maxDegree - (degree[i] as number) + 1);
  for (let d = 1; d < starts.length; d++) starts[d] = (starts[d] as number) + (starts[d - 1] as number);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[bump(starts, maxDegree - (degree[i] as number))] = i;

  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const placed = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  let head = 0;
  const radius = Math.sqrt(n + 1) * 10;
  for (let o = 0; o < n; o++) {
    const start = order[o] as number;
    if (placed[start]) continue;
    const h = textHash(ids[start] as string);
    const angle = unitOf(h, 1) * Math.PI * 2;
    const r = Math.sqrt(unitOf(h, 2)) * radius;
    xs[start] = Math.cos(angle) * r;
    ys[start] = Math.sin(angle) * r;
    placed[start] = 1;
    queue[tail++] = start;
    while (head < tail) {
      const parent = queue[head++] as number;
      const px = xs[parent] as number;
      const py = ys[parent] as number;
      const spread = 2 + Math.sqrt(degree[parent] as number) * 1.5;
      for (let k = offsets[parent] as number, end = offsets[parent + 1] as number; k < end; k++) {
        const child = adjacency[k] as number;
        if (placed[child]) continue;
        placed[child] = 1;
        const hc = textHash(ids[child] as string);
        const a = unitOf(hc, 3) * Math.PI * 2;
        const d = spread * (0.5 + unitOf(hc, 4));
        xs[child] = px + Math.cos(a) * d;
        ys[child] = py + Math.sin(a) * d;
        queue[tail++] = child;
      }
    }
  }
  return { xs, ys };
}

/** Labels drawn beneath the others: documents and people, under the entities of the map. */
export const UNDERLAY_LABELS: ReadonlySet<NodeLabel> = new Set<NodeLabel>(["Paper", "Author", "Source"]);

/** Node indices with the underlay labels first, each group in the server's order. */
export function drawingOrder(n: number, labelOf: (i: number) => NodeLabel): number[] {
  const under: number[] = [];
  const over: number[] = [];
  for (let i = 0; i < n; i++) (UNDERLAY_LABELS.has(labelOf(i)) ? under : over).push(i);
  return under.concat(over);
}

/** A stable edge key: the same relationship keeps its key across reloads, so a reload can be a diff. */
export function edgeKey(edge: Pick<WireEdge, "source" | "type" | "target">): string {
  return `${edge.source}|${edge.type}|${edge.target}`;
}

function nodeAttributes(
  label: NodeLabel,
  name: string,
  degree: number,
  x: number,
  y: number,
  community = -1,
  first = -1,
): NodeAttrs {
  return {
    x,
    y,
    size: sizeForDegree(degree),
    color: LABEL_COLORS[label],
    label: shortLabel(name),
    kind: label,
    degree,
    community,
    first,
  };
}

/**
 * Fills the graph from the compact wire form. An empty graph is filled with one
 * `import`, positions computed beforehand; a graph already drawn is updated by
 * difference (nodes and edges added or dropped, degrees refreshed), so sigma and the
 * layout hear of only what changed and the layout the user has stays in place, new
 * nodes starting beside a neighbour. A relationship is known by its ends and type, not
 * by its key: the first fill numbers edges 0, 1, 2… (integer-like keys, which sigma's
 * per-edge caches, plain objects, hold as array elements rather than hashed properties:
 * a quarter less time in sigma's start-up at 150,000 edges); later ones get graphology's.
 */
export function loadGraphColumns(
  graph: KgGraph,
  store: DataStore,
  wire: GraphColumns,
  layout?: ServerLayout,
): { added: string[] } {
  const { ids, names, edges, types } = wire;
  const n = ids.length;
  const labelOf = (i: number) => wire.labels[wire.nodeLabels[i] as number] as NodeLabel;
  const degree = new Int32Array(n);
  for (let e = 0; e < edges.length; e += 3) {
    bump(degree, edges[e] as number);
    bump(degree, edges[e + 1] as number);
  }
  const summary: GraphSummary = { byLabel: new Map(), byType: new Map(), maxDegree: 0 };
  for (let i = 0; i < n; i++) {
    const label = labelOf(i);
    summary.byLabel.set(label, (summary.byLabel.get(label) ?? 0) + 1);
    if ((degree[i] as number) > summary.maxDegree) summary.maxDegree = degree[i] as number;
  }
  const typeCounts = new Int32Array(types.length);
  for (let e = 2; e < edges.length; e += 3) bump(typeCounts, edges[e] as number);
  types.forEach((type, k) => {
    if (typeCounts[k]) summary.byType.set(type, (summary.byType.get(type) ?? 0) + (typeCounts[k] as number));
  });
  store.fill(wire, summary);

  // The size is how much the corpus says about a node (its degree in the database),
  // not how many relations of the map it has: a map of few relations is no less important.
  const weight = (i: number) => Math.max(degree[i] as number, (wire.degrees[i] as number) ?? 0);
  if (graph.order === 0) {
    const { xs, ys } = layout ? { xs: layout.xs, ys: layout.ys } : seedPositions(ids, edges, degree);
    const nodes: SerializedNode<NodeAttrs>[] = [];
    // Papers and authors first: sigma draws (and picks under the pointer) in graph order
    // when it does not sort by zIndex, so a model is drawn over a paper's disc, never
    // under it, and a click on the model selects the model.
    for (const i of drawingOrder(n, labelOf)) {
      nodes.push({
        key: ids[i] as string,
        attributes: nodeAttributes(
          labelOf(i),
          names[i] as string,
          weight(i),
          xs[i] as number,
          ys[i] as number,
          layout?.communities[i] ?? -1,
          layout?.firsts[i] ?? -1,
        ),
      });
    }
    const serializedEdges: SerializedEdge<EdgeAttrs>[] = new Array(edges.length / 3);
    for (let e = 0, j = 0; e < edges.length; e += 3, j++) {
      serializedEdges[j] = {
        key: String(j),
        source: ids[edges[e] as number] as string,
        target: ids[edges[e + 1] as number] as string,
        attributes: { size: 1, relType: types[edges[e + 2] as number] as RelType },
      };
    }
    graph.import({ nodes, edges: serializedEdges });
    return { added: [] };
  }

  const wanted = new Set(ids);
  graph.forEachNode((id) => {
    if (!wanted.has(id)) graph.dropNode(id);
  });
  // The edges already drawn, by ends and type (a list: two papers may mention a model twice).
  const drawn = new Map<string, string[]>();
  graph.forEachEdge((key, attrs, source, target) => {
    const k = edgeKey({ source, type: attrs.relType, target });
    const list = drawn.get(k);
    if (list) list.push(key);
    else drawn.set(k, [key]);
  });
  const fresh: [number, number, RelType][] = [];
  for (let e = 0; e < edges.length; e += 3) {
    const s = edges[e] as number;
    const t = edges[e + 1] as number;
    const type = types[edges[e + 2] as number] as RelType;
    const list = drawn.get(edgeKey({ source: ids[s] as string, type, target: ids[t] as string }));
    if (list?.length) list.pop();
    else fresh.push([s, t, type]);
  }
  for (const list of drawn.values()) for (const key of list) graph.dropEdge(key);

  const added: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const d = weight(i);
    if (!graph.hasNode(id)) {
      added.push(i);
      continue;
    }
    const attrs = graph.getNodeAttributes(id);
    const label = shortLabel(names[i] as string);
    if (attrs.degree !== d || attrs.label !== label) {
      graph.mergeNodeAttributes(id, { degree: d, size: sizeForDegree(d), label });
    }
  }
  const addedSet = new Set(added);
  const anchorOf = new Map<number, number>();
  for (const [s, t] of fresh) {
    if (addedSet.has(s) && !addedSet.has(t)) anchorOf.set(s, t);
    if (addedSet.has(t) && !addedSet.has(s)) anchorOf.set(t, s);
  }
  const radius = Math.sqrt(n + 1) * 10;
  for (const i of added) {
    const id = ids[i] as string;
    const anchor = anchorOf.get(i);
    let x: number;
    let y: number;
    if (anchor !== undefined && layout) {
      // Where the server put it (it extends the map it had, beside what the node names),
      // taken relative to a neighbour: right even if the user has moved the layout since.
      const a = graph.getNodeAttributes(ids[anchor] as string);
      x = a.x + (layout.xs[i] as number) - (layout.xs[anchor] as number);
      y = a.y + (layout.ys[i] as number) - (layout.ys[anchor] as number);
    } else if (anchor !== undefined) {
      // Beside a neighbour already placed, so the layout the user has stays readable.
      const a = graph.getNodeAttributes(ids[anchor] as string);
      const angle = hashUnit(id, 3) * Math.PI * 2;
      x = a.x + Math.cos(angle) * 8;
      y = a.y + Math.sin(angle) * 8;
    } else if (layout) {
      // Where the server's layout put it: among the nodes of its community.
      x = layout.xs[i] as number;
      y = layout.ys[i] as number;
    } else {
      // Random in a disc sized to the graph: cheap, and ForceAtlas2 untangles it quickly.
      const angle = hashUnit(id, 1) * Math.PI * 2;
      const r = Math.sqrt(hashUnit(id, 2)) * radius;
      x = Math.cos(angle) * r;
      y = Math.sin(angle) * r;
    }
    graph.addNode(
      id,
      nodeAttributes(
        labelOf(i),
        names[i] as string,
        weight(i),
        x,
        y,
        layout?.communities[i] ?? -1,
        layout?.firsts[i] ?? -1,
      ),
    );
  }
  for (const [s, t, type] of fresh) {
    graph.addDirectedEdge(ids[s] as string, ids[t] as string, { size: 1, relType: type });
  }
  return { added: added.map((i) => ids[i] as string) };
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

/**
 * Adds a small wire graph (an expansion, a path) to the overview: nodes not drawn yet
 * are placed on a circle round `around` (or round the first of their neighbours already
 * drawn), relationships not drawn yet are added. Returns the ids of the new nodes.
 */
export function mergeWireGraph(
  graph: KgGraph,
  wire: { nodes: WireNode[]; edges: WireEdge[] },
  around?: string,
): string[] {
  const added: string[] = [];
  const centreOf = (id: string) => {
    if (around && graph.hasNode(around)) return graph.getNodeAttributes(around);
    for (const e of wire.edges) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      if (other && graph.hasNode(other)) return graph.getNodeAttributes(other);
    }
    return { x: 0, y: 0 };
  };
  const fresh = wire.nodes.filter((n) => !graph.hasNode(n.id));
  fresh.forEach((n, i) => {
    const c = centreOf(n.id);
    const angle = (i / Math.max(1, fresh.length)) * Math.PI * 2 + hashUnit(n.id, 5);
    const r = 6 + Math.sqrt(fresh.length) * 2;
    const degree = Number(n.properties.degree ?? 1) || 1;
    graph.addNode(
      n.id,
      nodeAttributes(n.label, n.name, degree, c.x + Math.cos(angle) * r, c.y + Math.sin(angle) * r),
    );
    added.push(n.id);
  });
  for (const e of wire.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const drawn = graph
      .directedEdges(e.source, e.target)
      .some((k) => graph.getEdgeAttribute(k, "relType") === e.type);
    if (!drawn) graph.addDirectedEdge(e.source, e.target, { size: 1, relType: e.type });
  }
  return added;
}
