/**
 * GET /api/overview — the lineage map the page opens on. The rows are read, selected
 * and laid out once per (papers, budget) and data version, and kept: the first frame
 * waits for a cached answer, not for a layout. The data version is the database's node
 * and relationship counts (an ingest changes them); `warmOverview` fills the cache
 * before the server says it is ready. With the local Neo4j the answers are also kept
 * in its data folder, so a restart on the same data (a 100k-paper database takes
 * minutes to read and lay out) serves the map at once.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  monthIndex,
  NODE_LABELS,
  type NodeLabel,
  nodeId,
  OverviewQuerySchema,
  type OverviewResponse,
  REL_TYPES,
  type RelType,
  ROUTES,
} from "@kg/graph-schema";
import { countAllQuery, overviewEdgesQuery, overviewFirstsQuery, overviewNodesQuery } from "@kg/queries";
import {
  chooseOverview,
  finishOverview,
  keepOverview,
  type OverviewEdge,
  type OverviewNode,
  overviewLabels,
  overviewTypes,
} from "../overview/build.ts";
import { canExtend } from "../overview/extend.ts";
import type { ApiDeps } from "./route.ts";
import { bindRoute } from "./route.ts";

const KNOWN_LABELS: ReadonlySet<string> = new Set(NODE_LABELS);
const KNOWN_TYPES: ReadonlySet<string> = new Set(REL_TYPES);

/** Answers by `papers|budget|nodes|relationships`; a few entries at most. */
const cache = new Map<string, Promise<OverviewResponse>>();
/**
 * Nodes the page imported while this server ran: drawn on the map however little the
 * corpus says about them (bounded: a bulk import is laid out afresh anyway).
 */
const pinned = new Set<string>();
const MAX_PINNED = 5_000;

/** Called after each import with the ids of the nodes it added. */
export function noteImported(ids: readonly string[]): void {
  for (const id of ids) {
    if (pinned.size >= MAX_PINNED) break;
    pinned.add(id);
  }
}

/** The last answer asked for, by `papers|budget`: the base an import's map extends. */
const latest = new Map<string, Promise<OverviewResponse>>();
const CACHE_ENTRIES = 6;
/** Part of the file name of a kept answer: bumped when the selection or the layout changes. */
const LAYOUT_VERSION = 2;

/** Where an answer is kept on disk: beside the local Neo4j's data; none for a server of one's own. */
function cacheFile(deps: ApiDeps, key: string): string | null {
  if (deps.config.NEO4J_URI) return null;
  return path.join(
    path.resolve(deps.config.NEO4J_DATA_DIR),
    "overview-cache",
    `v${LAYOUT_VERSION}-${key.replaceAll("|", "-")}.json`,
  );
}

async function readKept(file: string | null): Promise<OverviewResponse | null> {
  if (!file) return null;
  try {
    return JSON.parse(await readFile(file, "utf8")) as OverviewResponse;
  } catch {
    // None yet, or a file cut short: the map is computed again.
    return null;
  }
}

async function keep(file: string | null, answer: OverviewResponse): Promise<void> {
  if (!file) return;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify(answer));
    await rename(partial, file);
  } catch {
    // A read-only folder costs a restart's layout, nothing more.
  }
}

/** Kept answers on disk of one kind of map (any data version), in the folder of `file`. */
async function keptOfKind(file: string, papers: boolean, budget: number): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = `v${LAYOUT_VERSION}-${papers}-${budget}-`;
  try {
    return (await readdir(dir))
      .filter((n) => n.startsWith(prefix) && n.endsWith(".json"))
      .map((n) => path.join(dir, n));
  } catch {
    return []; // Nothing kept yet.
  }
}

/** The newest kept answer for this kind of map, to extend. */
async function readLatestKept(
  deps: ApiDeps,
  papers: boolean,
  budget: number,
): Promise<OverviewResponse | null> {
  const file = cacheFile(deps, `${papers}|${budget}|0|0`);
  if (!file) return null;
  try {
    const files = await keptOfKind(file, papers, budget);
    const dated = await Promise.all(files.map(async (f) => ({ f, t: (await stat(f)).mtimeMs })));
    const newest = dated.sort((a, b) => b.t - a.t)[0];
    return newest ? readKept(newest.f) : null;
  } catch {
    return null;
  }
}

/** Older kept answers of the same kind of map: each import would otherwise leave one behind. */
async function forgetOlder(papers: boolean, budget: number, keepFile: string | null) {
  if (!keepFile) return;
  for (const f of await keptOfKind(keepFile, papers, budget)) {
    if (f !== keepFile) await unlink(f).catch(() => {});
  }
}

async function readOverview(
  deps: ApiDeps,
  papers: boolean,
  budget: number,
  total: { nodes: number; relationships: number },
  previous: OverviewResponse | null,
) {
  const labels = overviewLabels(papers);
  // No time limit of the console here: this runs once per data version, and a large
  // database needs longer than an interactive query may take.
  const [nodeRows, edgeRows] = await Promise.all([
    deps.db.run(overviewNodesQuery, { labels }),
    deps.db.run(overviewEdgesQuery, { types: overviewTypes(papers), labels }),
  ]);
  const nodes: OverviewNode[] = [];
  const idOf = new Map<string, string>();
  const refOf = new Map<string, string>();
  for (const r of nodeRows) {
    if (!KNOWN_LABELS.has(r.label)) continue;
    const label = r.label as NodeLabel;
    const id = nodeId(label, r.key);
    idOf.set(r.ref, id);
    refOf.set(id, r.ref);
    nodes.push({ id, label, name: r.name, degree: r.degree, first: -1 });
  }
  const edges: OverviewEdge[] = [];
  for (const r of edgeRows) {
    const source = idOf.get(r.source);
    const target = idOf.get(r.target);
    // A type or label this build does not know yet (a newer ingest) is left off the map.
    if (!KNOWN_TYPES.has(r.type) || !source || !target) continue;
    edges.push({ type: r.type as RelType, source, target });
  }
  // After an import the map it had is kept and extended; a first map, or one that
  // changed too much to patch, is chosen and laid out afresh.
  const kept = previous ? keepOverview(nodes, edges, previous.graph.ids, pinned) : null;
  const extend = previous && kept && canExtend(previous, kept.nodes) ? previous : null;
  const selection = extend && kept ? kept : chooseOverview(nodes, edges, budget);
  // The earliest paper only for the nodes kept: asked for every node it was most of the time.
  const firstRows = await deps.db.run(overviewFirstsQuery, {
    refs: selection.nodes.flatMap((n) => refOf.get(n.id) ?? []),
  });
  const firstOf = new Map(firstRows.map((r) => [idOf.get(r.ref), monthIndex(r.first)]));
  const dated = {
    ...selection,
    nodes: selection.nodes.map((n) => ({ ...n, first: firstOf.get(n.id) ?? -1 })),
  };
  return finishOverview(dated, { total, previous: extend });
}

export async function overviewFor(deps: ApiDeps, papers: boolean, budget: number): Promise<OverviewResponse> {
  const [counts] = await deps.db.run(countAllQuery, {});
  const total = { nodes: counts?.nodes ?? 0, relationships: counts?.relationships ?? 0 };
  const kind = `${papers}|${budget}`;
  const key = `${kind}|${total.nodes}|${total.relationships}`;
  let answer = cache.get(key);
  if (!answer) {
    const file = cacheFile(deps, key);
    const before = latest.get(kind);
    answer = readKept(file).then(async (kept) => {
      if (kept) return kept;
      // The map before the data changed (an import): its layout is extended, not redone.
      const previous = (await before?.catch(() => null)) ?? (await readLatestKept(deps, papers, budget));
      const fresh = await readOverview(deps, papers, budget, total, previous);
      await keep(file, fresh);
      await forgetOlder(papers, budget, file);
      return fresh;
    });
    cache.set(key, answer);
    latest.set(kind, answer);
    answer.catch(() => {
      cache.delete(key);
      if (latest.get(kind) === answer) latest.delete(kind);
    });
    while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  return answer;
}

/** Computes the default map (and the one with papers) so the first page open finds them ready. */
export async function warmOverview(deps: ApiDeps): Promise<void> {
  const query = OverviewQuerySchema.parse({});
  await overviewFor(deps, false, query.budget);
}

export const overviewRoute = bindRoute(ROUTES.overview, (deps, { query }) =>
  overviewFor(deps, query.papers, query.budget),
);
