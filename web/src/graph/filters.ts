import type { Filters } from "../state/store.ts";
import type { KgGraph } from "./model.ts";

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  visibleNodes: number;
  visibleEdges: number;
}

export function filtersActive(filters: Filters): boolean {
  return (
    filters.hiddenLabels.length > 0 ||
    filters.hiddenTypes.length > 0 ||
    filters.minDegree > 0 ||
    filters.hideIsolated ||
    filters.from !== null ||
    filters.to !== null
  );
}

/**
 * Which nodes and edges the filters hide, in one pass over nodes and one over edges.
 * Reducers then only look the answer up, so filtering never rebuilds the graph.
 * "Isolated" means without a visible edge once the other filters apply.
 */
export function computeVisibility(graph: KgGraph, filters: Filters): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  if (!filtersActive(filters)) {
    return { hiddenNodes, hiddenEdges, visibleNodes: graph.order, visibleEdges: graph.size };
  }
  const labels = new Set<string>(filters.hiddenLabels);
  const types = new Set<string>(filters.hiddenTypes);
  // A date range keeps what was first seen in a paper of the range; undated nodes go with it.
  const dated = filters.from !== null || filters.to !== null;
  const from = filters.from ?? Number.NEGATIVE_INFINITY;
  const to = filters.to ?? Number.POSITIVE_INFINITY;
  graph.forEachNode((id, attrs) => {
    if (
      labels.has(attrs.kind) ||
      attrs.degree < filters.minDegree ||
      (dated && (attrs.first < 0 || attrs.first < from || attrs.first > to))
    )
      hiddenNodes.add(id);
  });
  const visibleDegree = filters.hideIsolated ? new Map<string, number>() : null;
  graph.forEachEdge((key, attrs, source, target) => {
    if (types.has(attrs.relType) || hiddenNodes.has(source) || hiddenNodes.has(target)) {
      hiddenEdges.add(key);
      return;
    }
    if (visibleDegree) {
      visibleDegree.set(source, 1);
      visibleDegree.set(target, 1);
    }
  });
  if (visibleDegree) {
    graph.forEachNode((id) => {
      if (!visibleDegree.has(id)) hiddenNodes.add(id);
    });
  }
  return {
    hiddenNodes,
    hiddenEdges,
    visibleNodes: graph.order - hiddenNodes.size,
    visibleEdges: graph.size - hiddenEdges.size,
  };
}
