import { mainGraph } from "../graph/main-graph.ts";
import { flyToNode } from "../sigma/main-view.ts";
import { actions, appStore } from "./store.ts";

/**
 * Select a node and bring it into view: in the overview the camera flies to it; in the
 * lineage view a model becomes the new root. Used by search, cards and deep links.
 */
export function focusNode(id: string): void {
  actions.select(id);
  const { view } = appStore.get();
  if (view === "console") actions.setView("graph");
  if (view === "lineage" && !id.startsWith("Model:")) actions.setView("graph");
  if (mainGraph.hasNode(id)) {
    // The view may be mounting (coming from the console): let it draw first.
    window.setTimeout(() => flyToNode(id), appStore.get().view === "graph" ? 0 : 50);
  }
}
