import { ApiRequestError, api } from "../api/client.ts";
import { appStore } from "../state/store.ts";
import { createDataStore, createKgGraph, loadGraphColumns } from "./model.ts";

/** The one graph of the overview and the data behind it; every view of it reads these. */
export const mainGraph = createKgGraph();
export const mainData = createDataStore();

/** The overview's cap; web/index.html preloads /api/graph with the same value and format. */
export const GRAPH_LIMIT = 200_000;

let inflight: AbortController | null = null;

/**
 * Fetches the whole graph into the overview. The first load fills the graph in one
 * import; later ones (after an import of documents) apply the difference, so the layout
 * stays and only new nodes move. Returns the ids of nodes that were not there before.
 */
export async function reloadMainGraph(): Promise<string[]> {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  if (mainGraph.order === 0) appStore.set({ load: { state: "loading", message: "Loading the graph…" } });
  try {
    const wire = await api.graphColumns(GRAPH_LIMIT, controller.signal);
    if (controller.signal.aborted) return [];
    performance.mark("kg:graph-fetched");
    const { added } = loadGraphColumns(mainGraph, mainData, wire);
    performance.measure("kg:build", "kg:graph-fetched");
    performance.mark("kg:graph-loaded");
    // After the first frame, when the page is idle: so a first click does not make it.
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(() => mainData.prepare(), { timeout: 5_000 });
    } else {
      window.setTimeout(() => mainData.prepare(), 2_000);
    }
    appStore.set((s) => ({
      load: wire.ids.length === 0 ? { state: "empty" } : { state: "ready" },
      graphVersion: s.graphVersion + 1,
      truncated: wire.truncated,
    }));
    return added;
  } catch (error) {
    if ((error as Error).name === "AbortError") return [];
    const unreachable = error instanceof ApiRequestError ? error.unreachable : false;
    appStore.set({ load: { state: "error", message: (error as Error).message, unreachable } });
    return [];
  } finally {
    if (inflight === controller) inflight = null;
  }
}
