/**
 * The lineage map, built from rows (pure: the route, the benchmark server and the unit
 * tests call it alike). Selection within a node budget, then ForceAtlas2 positions and
 * Louvain communities, so the page draws its first frame without running a layout.
 */
import {
  NODE_LABELS,
  type NodeLabel,
  type OverviewResponse,
  REL_TYPES,
  type RelType,
  toGraphColumns,
} from "@kg/graph-schema";
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import forceAtlas2 from "graphology-layout-forceatlas2";

/** Labels of the map by default; papers and authors come with `papers=true`; Source never. */
export const MAP_LABELS: readonly NodeLabel[] = ["Model", "Dataset", "Method", "Organization"];
export const PAPER_LABELS: readonly NodeLabel[] = ["Paper", "Author"];

const PAPER_TYPES: ReadonlySet<RelType> = new Set<RelType>([
  "AUTHORED",
  "PUBLISHED",
  "INTRODUCES",
  "MENTIONS",
]);

/**
 * Relationship types among the map's entities: every type but those that tie a paper or
 * a document, so a type the schema gains (VARIANT_OF from the name grammar) is drawn
 * without a change here.
 */
export const MAP_TYPES: readonly RelType[] = REL_TYPES.filter(
  (t) => !PAPER_TYPES.has(t) && t !== "FROM_SOURCE",
);

const LINEAGE_TYPE_NAMES: ReadonlySet<string> = new Set(["BASED_ON", "VARIANT_OF"]);
/** Types that make a lineage path (VARIANT_OF, from the name grammar, once the schema has it). */
export const LINEAGE_TYPES: readonly RelType[] = REL_TYPES.filter((t) => LINEAGE_TYPE_NAMES.has(t));

export function overviewTypes(papers: boolean): RelType[] {
  return papers ? [...MAP_TYPES, ...PAPER_TYPES] : [...MAP_TYPES];
}

export function overviewLabels(papers: boolean): NodeLabel[] {
  return papers ? [...MAP_LABELS, ...PAPER_LABELS] : [...MAP_LABELS];
}

export interface OverviewNode {
  id: string;
  label: NodeLabel;
  name: string;
  /** In the whole database, documents not counted: how much the corpus says about it. */
  degree: number;
  /** Month index of the earliest dated paper about it (monthIndex), -1 when none. */
  first: number;
}

export interface OverviewEdge {
  type: RelType;
  source: string;
  target: string;
}

export interface Selection {
  nodes: OverviewNode[];
  edges: OverviewEdge[];
  aggregated: { label: NodeLabel; count: number }[];
}

/**
 * At most `budget` nodes: the ends of lineage relationships first (best connected first
 * when they alone are too many), then the best connected nodes that have a relation on
 * the map. Nodes without one (a data set only papers mention) would be loose dots: they
 * are counted in `aggregated` with everything else the budget leaves out.
 */
export function selectOverview(
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
  budget: number,
): Selection {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const mapDegree = new Map<string, number>();
  const onLineage = new Set<string>();
  const lineage = new Set<RelType>(LINEAGE_TYPES);
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target) || e.source === e.target) continue;
    mapDegree.set(e.source, (mapDegree.get(e.source) ?? 0) + 1);
    mapDegree.set(e.target, (mapDegree.get(e.target) ?? 0) + 1);
    if (lineage.has(e.type)) {
      onLineage.add(e.source);
      onLineage.add(e.target);
    }
  }
  const rank = (a: OverviewNode, b: OverviewNode) =>
    b.degree - a.degree || (mapDegree.get(b.id) ?? 0) - (mapDegree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1);
  const first = nodes.filter((n) => onLineage.has(n.id)).sort(rank);
  const rest = nodes.filter((n) => !onLineage.has(n.id) && (mapDegree.get(n.id) ?? 0) > 0).sort(rank);
  const kept = [...first, ...rest].slice(0, budget);
  const keptIds = new Set(kept.map((n) => n.id));
  const seen = new Set<string>();
  const keptEdges = edges.filter((e) => {
    if (!keptIds.has(e.source) || !keptIds.has(e.target) || e.source === e.target) return false;
    const k = `${e.source}|${e.type}|${e.target}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const left = new Map<NodeLabel, number>();
  for (const n of nodes) if (!keptIds.has(n.id)) left.set(n.label, (left.get(n.label) ?? 0) + 1);
  const aggregated = NODE_LABELS.filter((l) => left.has(l)).map((label) => ({
    label,
    count: left.get(label) ?? 0,
  }));
  return { nodes: kept, edges: keptEdges, aggregated };
}

/** A small deterministic generator (mulberry32), so the same data gives the same map. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Layout {
  xs: number[];
  ys: number[];
  communities: number[];
}

/** How long ForceAtlas2 may run for one map; it is computed once per data version and cached. */
const LAYOUT_BUDGET_MS = 12_000;
const MAX_ITERATIONS = 400;
/** Components smaller than this are shelved below the map instead of laid out in it. */
const SMALL_COMPONENT = 12;

/** Connected components, largest first, as lists of node ids. */
function components(graph: Graph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const members = [start];
    seen.add(start);
    for (let i = 0; i < members.length; i++) {
      graph.forEachNeighbor(members[i] as string, (next) => {
        if (!seen.has(next)) {
          seen.add(next);
          members.push(next);
        }
      });
    }
    out.push(members);
  });
  return out.sort((a, b) => b.length - a.length);
}

/**
 * Louvain communities (numbered largest first), then ForceAtlas2 on the large
 * components from positions that already put each community together: linLog and hub
 * dissuasion pull clusters apart and keep hubs from swallowing their leaves,
 * Barnes-Hut keeps an iteration near O(n log n). Small components (an organisation and
 * the one model it developed) are not thrown into the map, where they would ring it as
 * loose dots: they are shelved in rows below it, largest first, each a small circle.
 */
export function layoutOverview(nodes: readonly OverviewNode[], edges: readonly OverviewEdge[]): Layout {
  const n = nodes.length;
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(node.id, { x: 0, y: 0, size: 1 });
  for (const e of edges) {
    if (e.source !== e.target && !graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target);
  }
  const random = seeded(n * 7919 + edges.length);
  const raw = n > 0 ? louvain(graph, { rng: random, getEdgeWeight: null }) : {};
  const sizes = new Map<number, number>();
  for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const renumber = new Map(order.map((c, i) => [c, i]));

  const parts = components(graph);
  const large = parts.filter((c) => c.length >= SMALL_COMPONENT || c === parts[0]);
  const small = parts.filter((c) => !large.includes(c));
  const main = graph.copy();
  const inMain = new Set(large.flat());
  main.forEachNode((id) => {
    if (!inMain.has(id)) main.dropNode(id);
  });

  // Each community of the map starts on its own spot of a disc (the largest in the middle).
  const radius = Math.sqrt(main.order + 1) * 4;
  const centres = order.map((_c, i) => {
    const r = radius * Math.sqrt(i / Math.max(1, order.length));
    const a = i * 2.399963; // the golden angle: spots spread evenly
    return {
      x: Math.cos(a) * r,
      y: Math.sin(a) * r,
      spread: Math.sqrt(sizes.get(order[i] as number) ?? 1) * 2,
    };
  });
  main.updateEachNodeAttributes((id, attrs) => {
    const centre = centres[renumber.get(raw[id] as number) ?? 0] ?? { x: 0, y: 0, spread: 1 };
    const a = random() * Math.PI * 2;
    const d = Math.sqrt(random()) * centre.spread;
    return { ...attrs, x: centre.x + Math.cos(a) * d, y: centre.y + Math.sin(a) * d };
  });
  if (main.size > 0) {
    const settings = {
      ...forceAtlas2.inferSettings(main),
      barnesHutOptimize: main.order > 1_000,
      linLogMode: true,
      outboundAttractionDistribution: true,
      strongGravityMode: false,
      gravity: 1,
      scalingRatio: 10,
      adjustSizes: false,
    };
    const started = Date.now();
    for (let done = 0; done < MAX_ITERATIONS && Date.now() - started < LAYOUT_BUDGET_MS; done += 25) {
      forceAtlas2.assign(main, { iterations: 25, settings, getEdgeWeight: null });
    }
  }
  let minX = 0;
  let maxX = 0;
  let maxY = 0;
  main.forEachNode((id, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    maxY = Math.max(maxY, a.y);
    graph.mergeNodeAttributes(id, { x: a.x, y: a.y });
  });

  // The shelf: rows as wide as the map, below it.
  const width = Math.max(maxX - minX, 100);
  const cell = Math.max(width / 40, 6);
  let x = minX;
  let y = maxY + cell * 2;
  for (const part of small) {
    const r = cell * 0.3 * Math.sqrt(part.length);
    if (x + 2 * r > minX + width) {
      x = minX;
      y += cell;
    }
    part.forEach((id, k) => {
      const a = (k / part.length) * Math.PI * 2;
      graph.mergeNodeAttributes(id, {
        x: x + r + (part.length > 1 ? Math.cos(a) * r : 0),
        y: y + (part.length > 1 ? Math.sin(a) * r : 0),
      });
    });
    x += 2 * r + cell * 0.6;
  }

  const xs = new Array<number>(n);
  const ys = new Array<number>(n);
  const communities = new Array<number>(n);
  nodes.forEach((node, i) => {
    const a = graph.getNodeAttributes(node.id);
    xs[i] = Math.round(a.x * 100) / 100;
    // Sigma's y axis points up; the shelf belongs below the map on screen.
    ys[i] = -Math.round(a.y * 100) / 100;
    communities[i] = renumber.get(raw[node.id] as number) ?? 0;
  });
  return { xs, ys, communities };
}

/** Fragments smaller than this, with no lineage relation, are counted rather than drawn. */
const MIN_FRAGMENT = 3;

/**
 * Leaves out the fragments of two (an organisation and the one model it developed, a
 * model and one benchmark): thousands of them would bury the map. Fragments with a
 * lineage relation stay: lineage is what the map is for.
 */
export function dropFragments(selection: Selection): Selection {
  const graph = new Graph({ type: "undirected", multi: false });
  for (const n of selection.nodes) graph.addNode(n.id);
  const lineage = new Set<RelType>(LINEAGE_TYPES);
  const onLineage = new Set<string>();
  for (const e of selection.edges) {
    if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target);
    if (lineage.has(e.type)) onLineage.add(e.source).add(e.target);
  }
  const dropped = new Set<string>();
  for (const part of components(graph)) {
    if (part.length < MIN_FRAGMENT && !part.some((id) => onLineage.has(id)))
      for (const id of part) dropped.add(id);
  }
  if (dropped.size === 0) return selection;
  const left = new Map(selection.aggregated.map((a) => [a.label, a.count]));
  for (const n of selection.nodes) if (dropped.has(n.id)) left.set(n.label, (left.get(n.label) ?? 0) + 1);
  return {
    nodes: selection.nodes.filter((n) => !dropped.has(n.id)),
    edges: selection.edges.filter((e) => !dropped.has(e.source) && !dropped.has(e.target)),
    aggregated: NODE_LABELS.filter((l) => left.has(l)).map((label) => ({
      label,
      count: left.get(label) ?? 0,
    })),
  };
}

export function buildOverview(
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
  options: { budget: number; total: { nodes: number; relationships: number } },
): OverviewResponse {
  const selection = dropFragments(selectOverview(nodes, edges, options.budget));
  const layout = layoutOverview(selection.nodes, selection.edges);
  const graph = toGraphColumns(
    selection.nodes.map((n) => ({ id: n.id, label: n.label, name: n.name, degree: n.degree })),
    selection.edges,
    selection.aggregated.length > 0,
  );
  return {
    graph,
    ...layout,
    firsts: selection.nodes.map((n) => n.first),
    aggregated: selection.aggregated,
    total: options.total,
  };
}
