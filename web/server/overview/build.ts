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
import { mulberry32 } from "../random.ts";
import { extendLayout } from "./extend.ts";

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

/** Relationship types that carry lineage on the map: what a model was built from and trained on. */
const BACKBONE_TYPE_NAMES: ReadonlySet<string> = new Set(["BASED_ON", "VARIANT_OF", "TRAINED_ON"]);
/** An organisation is drawn as a hub only when it developed at least this many models of the map. */
export const ORG_HUB_MIN = 3;

/**
 * How much a node tells at first glance: each lineage relation (based on, variant of,
 * trained on) counts three, every other relation of the map one, and how much the
 * corpus says about it (its degree in the database) a little, on a log scale.
 */
function score(lineage: number, map: number, degree: number): number {
  return 3 * lineage + map + Math.log2(1 + degree);
}

/**
 * At most `budget` nodes, the lineage backbone first: relations ranked by their ends'
 * `score` (lineage relations and the most used data sets before a model evaluated
 * once), nodes taken with the relations until the budget is spent; organisations only
 * as hubs of several models; a node without a relation on the map never (a loose dot
 * says nothing). What is left out is counted in `aggregated`.
 */
export function selectOverview(
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
  budget: number,
): Selection {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const unique = edges.filter((e) => {
    if (!byId.has(e.source) || !byId.has(e.target) || e.source === e.target) return false;
    const k = `${e.source}|${e.type}|${e.target}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const mapDegree = new Map<string, number>();
  const lineageDegree = new Map<string, number>();
  const developed = new Map<string, number>();
  const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const e of unique) {
    bump(mapDegree, e.source);
    bump(mapDegree, e.target);
    if (BACKBONE_TYPE_NAMES.has(e.type)) {
      bump(lineageDegree, e.source);
      bump(lineageDegree, e.target);
    }
    if (e.type === "DEVELOPED") bump(developed, e.source);
  }
  const eligible = (id: string) => {
    const n = byId.get(id) as OverviewNode;
    return n.label !== "Organization" || (developed.get(id) ?? 0) >= ORG_HUB_MIN;
  };
  const scores = new Map(
    nodes.map((n) => [n.id, score(lineageDegree.get(n.id) ?? 0, mapDegree.get(n.id) ?? 0, n.degree)]),
  );
  const of = (id: string) => scores.get(id) ?? 0;
  // Relations are ranked, not nodes, so every node kept comes with a relation to draw
  // and a chain is not cut in half: a relation ranks as its weaker end, lineage first.
  const edgeScore = (e: OverviewEdge) =>
    Math.min(of(e.source), of(e.target)) + (BACKBONE_TYPE_NAMES.has(e.type) ? 3 : 0);
  const ranked = unique
    .filter((e) => eligible(e.source) && eligible(e.target))
    .map((e) => ({ e, score: edgeScore(e) }))
    .sort((a, b) => b.score - a.score || (a.e.source < b.e.source ? -1 : a.e.source > b.e.source ? 1 : 0));
  const linked = new Set<string>();
  for (const { e } of ranked) {
    if (linked.size >= budget) break;
    const need = (linked.has(e.source) ? 0 : 1) + (linked.has(e.target) ? 0 : 1);
    if (linked.size + need > budget) continue;
    linked.add(e.source).add(e.target);
  }
  const kept = nodes
    .filter((n) => linked.has(n.id))
    .sort((a, b) => of(b.id) - of(a.id) || b.degree - a.degree || (a.id < b.id ? -1 : 1));
  const keptEdges = unique.filter((e) => linked.has(e.source) && linked.has(e.target));
  const left = new Map<NodeLabel, number>();
  for (const n of nodes) if (!linked.has(n.id)) left.set(n.label, (left.get(n.label) ?? 0) + 1);
  const aggregated = aggregatedOf(left);
  return { nodes: kept, edges: keptEdges, aggregated };
}

/** Nodes left off the map, counted by label, in the labels' order. */
function aggregatedOf(left: ReadonlyMap<NodeLabel, number>): Selection["aggregated"] {
  return NODE_LABELS.filter((l) => left.has(l)).map((label) => ({ label, count: left.get(label) ?? 0 }));
}

export interface Layout {
  xs: number[];
  ys: number[];
  communities: number[];
}

/** How long ForceAtlas2 may run for one map; it is computed once per data version and cached. */
const LAYOUT_BUDGET_MS = 2_500;
const MAX_ITERATIONS = 400;
/** The screen's shape (width over height): components are packed to fill it, not a disc. */
const ASPECT = 1.6;

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
 * ForceAtlas2 on one component, from positions that already put each community
 * together. Hub dissuasion keeps hubs from swallowing their leaves; a gravity that
 * grows with the component's size keeps a large component round rather than a hub
 * with long tails; Barnes-Hut keeps an iteration near O(n log n). The time left is
 * shared among components by size.
 */
function layoutComponent(
  graph: Graph,
  members: readonly string[],
  community: (id: string) => number,
  random: () => number,
  deadline: number,
): void {
  if (members.length === 1) {
    graph.mergeNodeAttributes(members[0] as string, { x: 0, y: 0 });
    return;
  }
  const part = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const inPart = new Set(members);
  const communities = new Map<number, number>();
  for (const id of members) communities.set(community(id), (communities.get(community(id)) ?? 0) + 1);
  const order = [...communities.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const radius = Math.sqrt(members.length) * 3;
  const centres = new Map(
    order.map(([c, size], i) => {
      const r = radius * Math.sqrt(i / Math.max(1, order.length));
      const a = i * 2.399963; // the golden angle: spots spread evenly
      return [c, { x: Math.cos(a) * r, y: Math.sin(a) * r, spread: Math.sqrt(size) * 1.5 }];
    }),
  );
  for (const id of members) {
    const centre = centres.get(community(id)) ?? { x: 0, y: 0, spread: 1 };
    const a = random() * Math.PI * 2;
    const d = Math.sqrt(random()) * centre.spread;
    part.addNode(id, { x: centre.x + Math.cos(a) * d, y: centre.y + Math.sin(a) * d, size: 1 });
  }
  for (const id of members) {
    graph.forEachNeighbor(id, (other) => {
      if (inPart.has(other) && id < other) part.addEdge(id, other);
    });
  }
  const settings = {
    ...forceAtlas2.inferSettings(part),
    barnesHutOptimize: part.order > 250,
    linLogMode: false,
    outboundAttractionDistribution: true,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 4,
    adjustSizes: false,
  };
  // Small components settle in a few dozen iterations; large ones get the most.
  const iterations = Math.min(MAX_ITERATIONS, 50 + part.order);
  for (let done = 0; done < iterations && Date.now() < deadline; done += 25) {
    forceAtlas2.assign(part, { iterations: 25, settings, getEdgeWeight: null });
  }
  part.forEachNode((id, a) => {
    graph.mergeNodeAttributes(id, { x: a.x, y: a.y });
  });
}

interface Disc {
  members: readonly string[];
  cx: number;
  cy: number;
  r: number;
}

/**
 * Packs components (each a disc round its own layout) into a rectangle of the screen's
 * shape: largest first at the centre, each next one touching a disc already placed, at
 * the free spot nearest the centre in a metric stretched to the aspect (so the packing
 * grows wider than tall). Buckets of a grid keep the test for overlap local. Returns
 * where each disc's centre goes.
 */
export function packDiscs(discs: readonly { r: number }[], aspect = ASPECT): { x: number; y: number }[] {
  const radii = discs.map((d) => d.r).sort((a, b) => a - b);
  const cell = Math.max(1, (radii[Math.floor(radii.length / 2)] ?? 1) * 2);
  const buckets = new Map<number, number[]>();
  const placed: { x: number; y: number; r: number }[] = [];
  const cover = (x: number, y: number, r: number, f: (key: number) => boolean) => {
    for (let i = Math.floor((x - r) / cell), i1 = Math.floor((x + r) / cell); i <= i1; i++)
      for (let j = Math.floor((y - r) / cell), j1 = Math.floor((y + r) / cell); j <= j1; j++)
        if (!f((i + 32_768) * 65_536 + (j + 32_768))) return false;
    return true;
  };
  const free = (x: number, y: number, r: number) =>
    cover(x, y, r, (key) => {
      for (const k of buckets.get(key) ?? []) {
        const p = placed[k] as { x: number; y: number; r: number };
        if ((p.x - x) ** 2 + (p.y - y) ** 2 < (p.r + r) ** 2 - 1e-6) return false;
      }
      return true;
    });
  const norm = (x: number, y: number) => (x * x) / aspect + y * y * aspect;
  const ANGLES = 16;
  const out: { x: number; y: number }[] = [];
  for (const d of discs) {
    let best = { x: 0, y: 0, cost: Number.POSITIVE_INFINITY };
    if (placed.length === 0) best.cost = 0;
    for (const p of placed) {
      const reach = p.r + d.r + 0.5;
      // A disc whose nearest touching spot is already farther than the best cannot win.
      if (
        Math.max(0, Math.sqrt(norm(p.x, p.y)) - reach * Math.max(Math.sqrt(aspect), 1 / Math.sqrt(aspect))) **
          2 >
        best.cost
      )
        continue;
      for (let k = 0; k < ANGLES; k++) {
        const a = (k / ANGLES) * Math.PI * 2;
        const x = p.x + Math.cos(a) * reach;
        const y = p.y + Math.sin(a) * reach;
        const cost = norm(x, y);
        if (cost < best.cost && free(x, y, d.r)) best = { x, y, cost };
      }
    }
    const index = placed.push({ x: best.x, y: best.y, r: d.r }) - 1;
    cover(best.x, best.y, d.r, (key) => {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
      return true;
    });
    out.push({ x: best.x, y: best.y });
  }
  return out;
}

/**
 * Louvain communities (numbered largest first), then each connected component laid
 * out on its own (ForceAtlas2) and the components packed into a rectangle of the
 * screen's shape, so a few large families fill the screen and small ones sit in the
 * gaps, instead of components pushed apart to the edges or shelved in a grid.
 */
export function layoutOverview(nodes: readonly OverviewNode[], edges: readonly OverviewEdge[]): Layout {
  const n = nodes.length;
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(node.id, { x: 0, y: 0, size: 1 });
  for (const e of edges) {
    if (e.source !== e.target && !graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target);
  }
  const random = mulberry32(n * 7919 + edges.length);
  const raw = n > 0 ? louvain(graph, { rng: random, getEdgeWeight: null }) : {};
  const sizes = new Map<number, number>();
  for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const renumber = new Map(order.map((c, i) => [c, i]));
  const community = (id: string) => renumber.get(raw[id] as number) ?? 0;

  const started = Date.now();
  const parts = components(graph);
  const total = Math.max(1, n);
  let spent = 0;
  const discs: Disc[] = parts.map((members) => {
    // Each component gets the share of the time its size asks for, plus what earlier ones left.
    spent += members.length;
    const deadline = started + (LAYOUT_BUDGET_MS * spent) / total;
    layoutComponent(graph, members, community, random, deadline);
    let cx = 0;
    let cy = 0;
    for (const id of members) {
      cx += graph.getNodeAttribute(id, "x") as number;
      cy += graph.getNodeAttribute(id, "y") as number;
    }
    cx /= members.length;
    cy /= members.length;
    let r = 0;
    for (const id of members) {
      const a = graph.getNodeAttributes(id);
      r = Math.max(r, Math.hypot(a.x - cx, a.y - cy));
    }
    // A little air round each component; a lone pair is no smaller than a dot's room.
    return { members, cx, cy, r: r + 2 + Math.sqrt(members.length) };
  });
  const offsets = packDiscs(discs);
  discs.forEach((d, i) => {
    const o = offsets[i] as { x: number; y: number };
    for (const id of d.members) {
      const a = graph.getNodeAttributes(id);
      graph.mergeNodeAttributes(id, { x: a.x - d.cx + o.x, y: a.y - d.cy + o.y });
    }
  });

  const xs = new Array<number>(n);
  const ys = new Array<number>(n);
  const communities = new Array<number>(n);
  nodes.forEach((node, i) => {
    const a = graph.getNodeAttributes(node.id);
    xs[i] = Math.round(a.x * 100) / 100;
    ys[i] = -Math.round(a.y * 100) / 100;
    communities[i] = community(node.id);
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
    aggregated: aggregatedOf(left),
  };
}

/**
 * The map after an import: the nodes it had (those still there), the imported nodes
 * (`pinned`) and what they are tied to, with every relation among them. No ranking
 * again, so the map the user knows stays whole and an imported model shows however
 * little the corpus says about it (the budget's ranking would leave it out).
 */
export function keepOverview(
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
  had: readonly string[],
  pinned: ReadonlySet<string>,
): Selection {
  const exists = new Set(nodes.map((n) => n.id));
  const keep = new Set(had.filter((id) => exists.has(id)));
  for (const id of pinned) if (exists.has(id)) keep.add(id);
  for (const e of edges) {
    if (pinned.has(e.source) && exists.has(e.target)) keep.add(e.target);
    if (pinned.has(e.target) && exists.has(e.source)) keep.add(e.source);
  }
  const seen = new Set<string>();
  const keptEdges = edges.filter((e) => {
    if (e.source === e.target || !keep.has(e.source) || !keep.has(e.target)) return false;
    const k = `${e.source}|${e.type}|${e.target}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const left = new Map<NodeLabel, number>();
  for (const n of nodes) if (!keep.has(n.id)) left.set(n.label, (left.get(n.label) ?? 0) + 1);
  const order = new Map(had.map((id, i) => [id, i]));
  return {
    // The nodes it had in their order, then the new ones.
    nodes: nodes
      .filter((n) => keep.has(n.id))
      .sort((a, b) => (order.get(a.id) ?? had.length) - (order.get(b.id) ?? had.length)),
    edges: keptEdges,
    aggregated: aggregatedOf(left),
  };
}

/** The nodes and relations the map shows within `budget`: the selection, fragments left out. */
export function chooseOverview(
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
  budget: number,
): Selection {
  return dropFragments(selectOverview(nodes, edges, budget));
}

export interface FinishOptions {
  total: { nodes: number; relationships: number };
  /** The map as it was before the data changed: its positions are kept and extended. */
  previous?: OverviewResponse | null;
}

/** Positions (kept from `previous` where it can be, else laid out) and the answer's columns. */
export function finishOverview(selection: Selection, options: FinishOptions): OverviewResponse {
  const layout =
    (options.previous && extendLayout(options.previous, selection.nodes, selection.edges)) ??
    layoutOverview(selection.nodes, selection.edges);
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

export function buildOverview(
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
  options: FinishOptions & { budget: number },
): OverviewResponse {
  return finishOverview(chooseOverview(nodes, edges, options.budget), options);
}
