/**
 * The lineage map after a small change (an imported abstract): the nodes it had keep
 * their places and communities, and each node it did not have is put beside the nodes
 * it is tied to, so what was read next to what it names is drawn next to it. No new
 * layout: ForceAtlas2 on the whole map would move everything the user knows.
 */
import type { OverviewResponse } from "@kg/graph-schema";
import type { Layout, OverviewEdge, OverviewNode } from "./build.ts";

const LINEAGE: ReadonlySet<string> = new Set(["BASED_ON", "VARIANT_OF"]);
/** More new nodes than this share of the map (or 50) and the map is laid out afresh. */
const MAX_NEW_SHARE = 0.2;
const MAX_NEW_FLOOR = 50;
/** Directions tried round a neighbour, from one that the node's id picks. */
const TRIES = 12;

/** A number in [0, 1) from a string: the same node gets the same direction every time. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}

/** Whether a map of `nodes` is near enough to `previous` to be extended rather than laid out. */
export function canExtend(previous: OverviewResponse, nodes: readonly OverviewNode[]): boolean {
  const had = new Set(previous.graph.ids);
  const fresh = nodes.reduce((count, n) => count + (had.has(n.id) ? 0 : 1), 0);
  return fresh <= Math.max(MAX_NEW_FLOOR, MAX_NEW_SHARE * nodes.length);
}

/**
 * Positions for `nodes`: kept from `previous` for the nodes it had; for the others, one
 * typical edge length from the model they are based on (else from the centre of their
 * placed neighbours), towards their other ties, at the first direction with room;
 * chains of new nodes one step at a time. Null when the map
 * changed too much to be patched (then it is laid out afresh).
 */
export function extendLayout(
  previous: OverviewResponse,
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
): Layout | null {
  const before = new Map<string, number>();
  previous.graph.ids.forEach((id, i) => {
    before.set(id, i);
  });
  if (!canExtend(previous, nodes)) return null;
  const fresh = nodes.filter((n) => !before.has(n.id));

  const at = new Map<string, { x: number; y: number; community: number }>();
  for (const n of nodes) {
    const i = before.get(n.id);
    if (i === undefined) continue;
    at.set(n.id, {
      x: previous.xs[i] as number,
      y: previous.ys[i] as number,
      community: previous.communities[i] as number,
    });
  }
  const neighbours = new Map<string, string[]>();
  /** Lineage neighbours (based on, variant of): what a new model is drawn beside first. */
  const parents = new Map<string, string[]>();
  const link = (m: Map<string, string[]>, a: string, b: string) => {
    const list = m.get(a);
    if (list) list.push(b);
    else m.set(a, [b]);
  };
  const lengths: number[] = [];
  for (const e of edges) {
    link(neighbours, e.source, e.target);
    link(neighbours, e.target, e.source);
    if (LINEAGE.has(e.type)) {
      link(parents, e.source, e.target);
      link(parents, e.target, e.source);
    }
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (a && b) lengths.push(Math.hypot(a.x - b.x, a.y - b.y));
  }
  lengths.sort((a, b) => a - b);
  const placed = [...at.values()];
  // One step: a typical edge, but no more than twice the usual gap between a node and
  // its nearest: in a dense map edges cross it, and an edge's length is no "next to".
  const gaps = placed
    .map((p, i) => {
      let nearest = Number.POSITIVE_INFINITY;
      for (let j = 0; j < placed.length; j++) {
        const q = placed[j] as { x: number; y: number };
        if (j !== i) nearest = Math.min(nearest, (p.x - q.x) ** 2 + (p.y - q.y) ** 2);
      }
      return Math.sqrt(nearest);
    })
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const median = (list: number[]) => list[Math.floor(list.length / 2)];
  const step = Math.max(1, Math.min(median(lengths) ?? 10, 2 * (median(gaps) ?? 5)));
  const roomAt = (x: number, y: number) => {
    let nearest = Number.POSITIVE_INFINITY;
    for (const p of placed) nearest = Math.min(nearest, (p.x - x) ** 2 + (p.y - y) ** 2);
    return nearest;
  };

  let waiting = fresh;
  while (waiting.length > 0) {
    const next: OverviewNode[] = [];
    const now: { id: string; x: number; y: number; community: number }[] = [];
    for (const n of waiting) {
      const near = (neighbours.get(n.id) ?? []).flatMap((id) => at.get(id) ?? []);
      if (near.length === 0) {
        next.push(n);
        continue;
      }
      // Beside its lineage (the model it is based on) when it has one placed, else
      // beside the centre of what it is tied to; leaning towards the rest of its ties.
      const lineage = (parents.get(n.id) ?? []).flatMap((id) => at.get(id) ?? []);
      const anchor = lineage.length > 0 ? lineage : near;
      const cx = anchor.reduce((s, p) => s + p.x, 0) / anchor.length;
      const cy = anchor.reduce((s, p) => s + p.y, 0) / anchor.length;
      const mx = near.reduce((s, p) => s + p.x, 0) / near.length;
      const my = near.reduce((s, p) => s + p.y, 0) / near.length;
      const votes = new Map<number, number>();
      for (const p of anchor) votes.set(p.community, (votes.get(p.community) ?? 0) + 1);
      const community = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
      const start =
        Math.hypot(mx - cx, my - cy) > 1e-9 ? Math.atan2(my - cy, mx - cx) : unitHash(n.id) * Math.PI * 2;
      let best = { x: cx + Math.cos(start) * step, y: cy + Math.sin(start) * step, room: -1 };
      for (let k = 0; k < TRIES; k++) {
        // Directions alternate either side of the preferred one: 0, +1, -1, +2, …
        const turn = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2);
        const a = start + (turn / TRIES) * Math.PI * 2;
        const x = cx + Math.cos(a) * step;
        const y = cy + Math.sin(a) * step;
        const room = roomAt(x, y);
        if (room > best.room) best = { x, y, room };
        // Half a step from every other node is room enough: take the first such direction.
        if (room >= (step / 2) ** 2) break;
      }
      now.push({ id: n.id, x: best.x, y: best.y, community });
    }
    if (now.length === 0) break;
    for (const p of now) {
      at.set(p.id, p);
      placed.push(p);
    }
    waiting = next;
  }
  // What no relation ties to the map it had (a new component) goes in a row below it.
  if (waiting.length > 0) {
    let minX = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const p of placed) {
      minX = Math.min(minX, p.x);
      maxY = Math.max(maxY, p.y);
    }
    if (!Number.isFinite(minX)) minX = maxY = 0;
    const communities = Math.max(0, ...previous.communities) + 1;
    waiting.forEach((n, i) => {
      at.set(n.id, { x: minX + i * step, y: maxY + 2 * step, community: communities });
    });
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    xs: nodes.map((n) => round(at.get(n.id)?.x ?? 0)),
    ys: nodes.map((n) => round(at.get(n.id)?.y ?? 0)),
    communities: nodes.map((n) => at.get(n.id)?.community ?? 0),
  };
}
