import type { LineageChildrenResponse, LineageResponse } from "@kg/graph-schema";

export interface LineageBox {
  id: string;
  name: string;
  level: number;
  x: number;
  y: number;
}

export interface LineageLink {
  id: string;
  /** The base model (drawn above). */
  from: string;
  /** The model made from it (drawn below). */
  to: string;
  method: string | null;
}

export interface LineageLayout {
  boxes: LineageBox[];
  links: LineageLink[];
  width: number;
  height: number;
}

export const BOX_W = 190;
export const BOX_H = 44;
export const SLOT_W = 360;
export const ROW_H = 130;
const MARGIN = 30;

/**
 * A layered top-to-bottom layout of a model's lineage: ancestors above (negative
 * levels), descendants below; within a layer, nodes ordered by the mean position of
 * their neighbours in the layer above, then below (two barycentre sweeps), which keeps
 * crossings few on trees and near-trees.
 */
export function layoutLineage(lineage: LineageResponse): LineageLayout {
  const nodes = lineage.graph.nodes;
  const links: LineageLink[] = lineage.graph.edges
    .filter((e) => e.type === "BASED_ON")
    .map((e) => ({
      id: e.id,
      from: e.target,
      to: e.source,
      method: typeof e.properties.method === "string" ? e.properties.method : null,
    }));
  const level = new Map<string, number>();
  for (const n of nodes) {
    const l = n.properties.level;
    if (typeof l === "number" && Number.isFinite(l)) level.set(n.id, l);
  }
  // Levels missing from the answer: walk from the root (up = ancestors, down = descendants).
  if (level.size < nodes.length) {
    level.set(lineage.root, level.get(lineage.root) ?? 0);
    let changed = true;
    while (changed) {
      changed = false;
      for (const link of links) {
        const f = level.get(link.from);
        const t = level.get(link.to);
        if (f !== undefined && t === undefined) {
          level.set(link.to, f + 1);
          changed = true;
        } else if (t !== undefined && f === undefined) {
          level.set(link.from, t - 1);
          changed = true;
        }
      }
    }
  }
  const layers = new Map<number, string[]>();
  for (const n of nodes) {
    const l = level.get(n.id) ?? 0;
    layers.set(l, [...(layers.get(l) ?? []), n.id]);
  }
  const levels = [...layers.keys()].sort((a, b) => a - b);
  const position = new Map<string, number>();
  const place = (layer: string[]) => {
    layer.forEach((id, i) => {
      position.set(id, i - (layer.length - 1) / 2);
    });
  };
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const link of links) {
    down.set(link.from, [...(down.get(link.from) ?? []), link.to]);
    up.set(link.to, [...(up.get(link.to) ?? []), link.from]);
  }
  const sweep = (order: number[], neighbours: Map<string, string[]>) => {
    for (const l of order) {
      const layer = layers.get(l) ?? [];
      const bary = (id: string) => {
        const ps = (neighbours.get(id) ?? []).map((n) => position.get(n)).filter((p) => p !== undefined);
        return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : (position.get(id) ?? 0);
      };
      layer.sort((a, b) => bary(a) - bary(b) || a.localeCompare(b));
      place(layer);
    }
  };
  for (const l of levels) place(layers.get(l) ?? []);
  sweep(levels, up);
  sweep([...levels].reverse(), down);
  sweep(levels, up);

  const widest = Math.max(1, ...[...layers.values()].map((l) => l.length));
  const width = widest * SLOT_W + MARGIN * 2;
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const boxes: LineageBox[] = [];
  levels.forEach((l, row) => {
    for (const id of layers.get(l) ?? []) {
      boxes.push({
        id,
        name: names.get(id) ?? id,
        level: l,
        x: width / 2 + (position.get(id) ?? 0) * SLOT_W - SLOT_W / 2 + MARGIN / 2,
        y: MARGIN + row * ROW_H,
      });
    }
  });
  return { boxes, links, width, height: MARGIN * 2 + levels.length * ROW_H - (ROW_H - BOX_H) };
}

/** Children drawn under one model before the rest fold into "+N more". */
export const LINEAGE_FANOUT = 6;

export interface MethodGroup {
  /** The BASED_ON method, or "other" when the text did not say. */
  method: string;
  count: number;
}

export interface PrunedLineage {
  lineage: LineageResponse;
  /** Descendant derivations in the whole answer, by method, most first. */
  groups: MethodGroup[];
  /** Models whose children were folded, with how many are not drawn. */
  folded: Map<string, number>;
}

const methodOf = (e: { properties: Record<string, unknown> }) =>
  typeof e.properties.method === "string" ? e.properties.method : "other";

/**
 * Hugging Face's model tree, from text: the descendants grouped by how they were made
 * (fine-tunes, adapters, merges, quantisations, distillations, continued pre-training…),
 * a group hidden on demand, and a large fan-out folded to its first children (by name)
 * until it is unfolded. Ancestors are always drawn: the chain up is short and it is
 * what a reader asks for first.
 */
export function pruneLineage(
  lineage: LineageResponse,
  options: { hiddenMethods: ReadonlySet<string>; unfolded: ReadonlySet<string>; fanout?: number },
): PrunedLineage {
  const fanout = options.fanout ?? LINEAGE_FANOUT;
  const level = new Map<string, number>();
  for (const n of lineage.graph.nodes) {
    const l = n.properties.level;
    level.set(n.id, typeof l === "number" ? l : 0);
  }
  const downEdges = lineage.graph.edges.filter(
    (e) =>
      e.type === "BASED_ON" &&
      (level.get(e.source) ?? 0) > 0 &&
      (level.get(e.source) ?? 0) > (level.get(e.target) ?? 0),
  );
  const counts = new Map<string, number>();
  for (const e of downEdges) counts.set(methodOf(e), (counts.get(methodOf(e)) ?? 0) + 1);
  // Children the server folded (not sent yet) count in their group and their parent's "+N more".
  const unsent = new Map<string, number>();
  for (const f of lineage.folds) {
    const rest = Math.max(0, f.total - f.shown);
    counts.set(f.method, (counts.get(f.method) ?? 0) + rest);
    if (!options.hiddenMethods.has(f.method)) unsent.set(f.parent, (unsent.get(f.parent) ?? 0) + rest);
  }
  const groups = [...counts.entries()]
    .map(([method, count]) => ({ method, count }))
    .sort((a, b) => b.count - a.count || a.method.localeCompare(b.method));

  // Walk down from the root and the ancestors, keeping what the groups and folds allow.
  const children = new Map<string, { id: string; method: string; name: string }[]>();
  const names = new Map(lineage.graph.nodes.map((n) => [n.id, n.name]));
  for (const e of downEdges) {
    const list = children.get(e.target) ?? [];
    list.push({ id: e.source, method: methodOf(e), name: names.get(e.source) ?? e.source });
    children.set(e.target, list);
  }
  const keep = new Set(lineage.graph.nodes.filter((n) => (level.get(n.id) ?? 0) <= 0).map((n) => n.id));
  const folded = new Map<string, number>();
  const queue = [lineage.root];
  while (queue.length) {
    const id = queue.shift() as string;
    const shown = (children.get(id) ?? [])
      .filter((c) => !options.hiddenMethods.has(c.method))
      .sort((a, b) => a.name.localeCompare(b.name));
    const drawn = options.unfolded.has(id) ? shown : shown.slice(0, fanout);
    const notDrawn = shown.length - drawn.length + (unsent.get(id) ?? 0);
    if (notDrawn > 0) folded.set(id, notDrawn);
    for (const c of drawn) {
      if (keep.has(c.id)) continue;
      keep.add(c.id);
      queue.push(c.id);
    }
  }
  return {
    lineage: {
      ...lineage,
      graph: {
        ...lineage.graph,
        nodes: lineage.graph.nodes.filter((n) => keep.has(n.id)),
        edges: lineage.graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
      },
    },
    groups,
    folded,
  };
}

/**
 * The lineage with one fetched page of a folded group added: the children one level
 * below their parent, their edges to models already in the tree, and the fold's count
 * of what has been sent moved on.
 */
export function mergeChildren(lineage: LineageResponse, page: LineageChildrenResponse): LineageResponse {
  const parent = lineage.graph.nodes.find((n) => n.id === page.parent);
  const parentLevel = typeof parent?.properties.level === "number" ? parent.properties.level : 0;
  const present = new Set(lineage.graph.nodes.map((n) => n.id));
  const added = page.graph.nodes
    .filter((n) => !present.has(n.id))
    .map((n) => ({ ...n, properties: { ...n.properties, level: parentLevel + 1 } }));
  for (const n of added) present.add(n.id);
  const edgeIds = new Set(lineage.graph.edges.map((e) => e.id));
  const edges = page.graph.edges.filter(
    (e) => !edgeIds.has(e.id) && present.has(e.source) && present.has(e.target),
  );
  return {
    ...lineage,
    graph: {
      ...lineage.graph,
      nodes: [...lineage.graph.nodes, ...added],
      edges: [...lineage.graph.edges, ...edges],
    },
    datasets: { ...page.datasets, ...lineage.datasets },
    evidence: { ...page.evidence, ...lineage.evidence },
    dates: { ...page.dates, ...lineage.dates },
    folds: lineage.folds.map((f) =>
      f.parent === page.parent && f.method === page.method
        ? { ...f, total: page.total, shown: Math.min(page.total, page.offset + page.graph.nodes.length) }
        : f,
    ),
  };
}

/** The folded groups of one parent that still have children to fetch, not hidden. */
export function pendingFolds(
  lineage: LineageResponse,
  parent: string,
  hiddenMethods: ReadonlySet<string>,
): LineageResponse["folds"] {
  return lineage.folds.filter(
    (f) => f.parent === parent && f.shown < f.total && !hiddenMethods.has(f.method),
  );
}
