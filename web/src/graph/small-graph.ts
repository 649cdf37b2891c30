import type { WireGraph } from "@kg/graph-schema";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { SerializedGraph } from "graphology-types";
import {
  type EdgeAttrs,
  edgeKey,
  hashUnit,
  type KgGraph,
  type NodeAttrs,
  shortLabel,
  sizeForDegree,
} from "./model.ts";
import { LABEL_COLORS, REL_COLORS, REL_WORDS } from "./style.ts";

export interface SmallGraphOptions {
  /** Placed at the centre and kept there. */
  root?: string;
  /** Ranked nodes placed on rings by rank (nearer = better), before the layout settles the rest. */
  ranked?: string[];
  /** Synchronous ForceAtlas2 iterations; the graphs drawn here are small. */
  iterations?: number;
}

/**
 * Replaces a small graph's content (console results, related work) in one `import`, laid
 * out at once: these graphs have tens to a few thousand nodes, where a synchronous
 * layout is faster than spinning a worker up.
 */
export function loadSmallGraph(graph: KgGraph, wire: WireGraph, options: SmallGraphOptions = {}): void {
  const degree = new Map<string, number>();
  for (const e of wire.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const rank = new Map((options.ranked ?? []).map((id, i) => [id, i]));
  const count = Math.max(1, options.ranked?.length ?? 0);
  const ids = new Set(wire.nodes.map((n) => n.id));
  const seenEdges = new Set<string>();
  const serialized: SerializedGraph<NodeAttrs, EdgeAttrs> = {
    attributes: {},
    options: { type: "directed", multi: true, allowSelfLoops: true },
    nodes: wire.nodes.map((node) => {
      const d = degree.get(node.id) ?? 0;
      let x: number;
      let y: number;
      const r = rank.get(node.id);
      if (node.id === options.root) {
        x = 0;
        y = 0;
      } else if (r !== undefined) {
        const angle = (r / count) * Math.PI * 2;
        const radius = 10 + 20 * (r / count);
        x = Math.cos(angle) * radius;
        y = Math.sin(angle) * radius;
      } else {
        const angle = hashUnit(node.id, 1) * Math.PI * 2;
        const radius = 15 + 20 * hashUnit(node.id, 2);
        x = Math.cos(angle) * radius;
        y = Math.sin(angle) * radius;
      }
      const attrs: NodeAttrs & { fixed?: boolean } = {
        x,
        y,
        size: node.id === options.root ? 14 : Math.max(5, sizeForDegree(d) + 2),
        color: LABEL_COLORS[node.label],
        label: shortLabel(node.name, 28),
        kind: node.label,
        degree: d,
        community: -1,
        first: -1,
      };
      if (node.id === options.root) attrs.fixed = true;
      return { key: node.id, attributes: attrs };
    }),
    edges: wire.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => {
        let key = edgeKey(e);
        if (seenEdges.has(key)) key = `${key}|${e.id}`;
        seenEdges.add(key);
        const method = typeof e.properties.method === "string" ? e.properties.method : null;
        return {
          key,
          source: e.source,
          target: e.target,
          attributes: {
            color: REL_COLORS[e.type],
            size: 1.5,
            relType: e.type,
            label: method ? `${REL_WORDS[e.type]} (${method})` : REL_WORDS[e.type],
          },
        };
      }),
  };
  graph.clear();
  graph.import(serialized);
  if (graph.order > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: options.iterations ?? (graph.order > 2000 ? 50 : 150),
      settings: { ...settings, barnesHutOptimize: graph.order > 1000, adjustSizes: graph.order < 300 },
      getEdgeWeight: null,
    });
  }
}
