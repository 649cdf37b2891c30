import { type NodeLabel, OverviewQuerySchema } from "@kg/graph-schema";
import { ApiRequestError, api } from "../api/client.ts";
import { actions, appStore, type OverviewInfo } from "../state/store.ts";
import { createDataStore, createKgGraph, loadGraphColumns } from "./model.ts";

/** The one graph of the overview and the data behind it; every view of it reads these. */
export const mainGraph = createKgGraph();
export const mainData = createDataStore();

/**
 * The lineage map's node budget. The page never asks for the whole database: the
 * server selects this many nodes (lineage paths first), lays them out and counts the
 * rest. web/index.html preloads the same URL.
 */
export const OVERVIEW_BUDGET = OverviewQuerySchema.parse({}).budget;

let inflight: AbortController | null = null;

/**
 * Fetches the lineage map into the overview. The first load (or `relayout`, when the
 * map changes kind: papers on or off) fills the graph in one import at the server's
 * positions; later ones (after an import of documents) apply the difference, so the
 * layout stays and only new nodes are placed, beside a neighbour. Returns the ids of
 * nodes that were not there before.
 */
export async function reloadMainGraph(options: { relayout?: boolean } = {}): Promise<string[]> {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  if (mainGraph.order === 0 || options.relayout) actions.loading("Loading the lineage map…");
  try {
    const papers = appStore.get().showPapers;
    const overview = await api.overview({ query: { papers, budget: OVERVIEW_BUDGET } }, controller.signal);
    if (controller.signal.aborted) return [];
    performance.mark("kg:graph-fetched");
    if (options.relayout) mainGraph.clear();
    const { added } = loadGraphColumns(mainGraph, mainData, overview.graph, overview);
    performance.measure("kg:build", "kg:graph-fetched");
    performance.mark("kg:graph-loaded");
    // After the first frame, when the page is idle: so a first click does not make it.
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(() => mainData.prepare(), { timeout: 5_000 });
    } else {
      window.setTimeout(() => mainData.prepare(), 2_000);
    }
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const m of overview.firsts) {
      if (m < 0) continue;
      if (m < min) min = m;
      if (m > max) max = m;
    }
    const info: OverviewInfo = {
      aggregated: overview.aggregated as { label: NodeLabel; count: number }[],
      total: overview.total,
      months: Number.isFinite(min) ? { min, max } : null,
    };
    actions.graphLoaded(overview.graph.ids.length === 0, overview.graph.truncated, info);
    return added;
  } catch (error) {
    if ((error as Error).name === "AbortError") return [];
    const unreachable = error instanceof ApiRequestError ? error.unreachable : false;
    actions.loadFailed((error as Error).message, unreachable);
    return [];
  } finally {
    if (inflight === controller) inflight = null;
  }
}
