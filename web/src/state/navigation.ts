import { NODE_LABELS } from "@kg/graph-schema";
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
  // In the lineage view a model chosen from search becomes the root, even one already in the tree.
  if (view === "lineage" && id.startsWith("Model:")) actions.setLineageRoot(id);
  if (mainGraph.hasNode(id)) {
    // The view may be mounting (coming from the console): let it draw first.
    window.setTimeout(() => flyToNode(id), appStore.get().view === "graph" ? 0 : 50);
  }
}

/** `Model:key`-like, as opposed to a name a deep link may give instead. */
export function isNodeId(id: string): boolean {
  const colon = id.indexOf(":");
  return colon > 0 && (NODE_LABELS as readonly string[]).includes(id.slice(0, colon));
}
