import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import { useEffect, useMemo, useRef, useState } from "react";
import { computeVisibility } from "../graph/filters.ts";
import { applySizes, type KgGraph } from "../graph/model.ts";
import { FADED_EDGE_COLOR, FADED_NODE_COLOR, REL_COLORS } from "../graph/style.ts";
import { actions, appStore, type SizeBy, useApp } from "../state/store.ts";
import { useSigma } from "./context.ts";
import { mainView } from "./main-view.ts";

/**
 * Pushes hover, selection, new nodes and filters into sigma as reducers. The filter
 * result is computed once per filter change; the reducers only look it up.
 */
export function MainReducersController({ graph }: { graph: KgGraph }) {
  const sigma = useSigma();
  const hovered = useApp((s) => s.hovered);
  const selected = useApp((s) => s.selected);
  const filters = useApp((s) => s.filters);
  const fresh = useApp((s) => s.fresh);
  const graphVersion = useApp((s) => s.graphVersion);

  // biome-ignore lint/correctness/useExhaustiveDependencies: graphVersion stands for the graph's content.
  const visibility = useMemo(() => computeVisibility(graph, filters), [graph, filters, graphVersion]);

  useEffect(() => {
    mainView.visibility = visibility;
    appStore.set({
      counts: {
        nodes: graph.order,
        edges: graph.size,
        visibleNodes: visibility.visibleNodes,
        visibleEdges: visibility.visibleEdges,
      },
    });
  }, [graph, visibility]);

  useEffect(() => {
    const { hiddenNodes, hiddenEdges } = visibility;
    const focus =
      hovered && graph.hasNode(hovered) ? hovered : selected && graph.hasNode(selected) ? selected : null;
    const neighbours = new Set<string>(focus ? graph.neighbors(focus) : []);
    const freshSet = new Set(fresh);
    const anyHidden = hiddenNodes.size > 0 || hiddenEdges.size > 0;

    sigma.setSetting("nodeReducer", (node, data) => {
      if (anyHidden && hiddenNodes.has(node)) return { ...data, hidden: true };
      if (focus) {
        if (node === focus) return { ...data, highlighted: true, forceLabel: true, zIndex: 3 };
        if (neighbours.has(node)) return { ...data, forceLabel: neighbours.size <= 40, zIndex: 2 };
        return { ...data, color: FADED_NODE_COLOR, label: "", zIndex: 0 };
      }
      if (freshSet.size > 0 && freshSet.has(node))
        return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
      return data;
    });
    sigma.setSetting("edgeReducer", (edge, data) => {
      if (anyHidden && hiddenEdges.has(edge)) return { ...data, hidden: true };
      if (focus) {
        if (graph.hasExtremity(edge, focus))
          return { ...data, color: REL_COLORS[data.relType], size: 2, zIndex: 1 };
        return { ...data, color: FADED_EDGE_COLOR, zIndex: 0 };
      }
      return data;
    });
  }, [sigma, graph, visibility, hovered, selected, fresh]);

  return null;
}

/** Mouse → app state: hover, click to select, click on the background to clear. */
export function MainEventsController() {
  const sigma = useSigma();
  useEffect(() => {
    const container = sigma.getContainer();
    const enter = ({ node }: { node: string }) => {
      appStore.set({ hovered: node });
      container.style.cursor = "pointer";
    };
    const leave = () => {
      appStore.set({ hovered: null });
      container.style.cursor = "";
    };
    const click = ({ node }: { node: string }) => actions.select(node);
    const clickStage = () => actions.select(null);
    const doubleClick = ({ node, preventSigmaDefault }: { node: string; preventSigmaDefault(): void }) => {
      preventSigmaDefault();
      actions.select(node);
      if (node.startsWith("Model:")) actions.setView("lineage");
    };
    sigma.on("enterNode", enter);
    sigma.on("leaveNode", leave);
    sigma.on("clickNode", click);
    sigma.on("clickStage", clickStage);
    sigma.on("doubleClickNode", doubleClick);
    return () => {
      sigma.off("enterNode", enter);
      sigma.off("leaveNode", leave);
      sigma.off("clickNode", click);
      sigma.off("clickStage", clickStage);
      sigma.off("doubleClickNode", doubleClick);
    };
  }, [sigma]);
  return null;
}

/** How long the layout runs by itself after a load before it settles; the user can restart it. */
export const AUTO_LAYOUT_MS = 15_000;

/**
 * ForceAtlas2 in a web worker. The supervisor lives as long as the mounted view and
 * follows later loads itself (they are diffs: it respawns its worker on added nodes);
 * killed on unmount.
 */
export function LayoutController({ graph, autoStart = true }: { graph: KgGraph; autoStart?: boolean }) {
  const running = useApp((s) => s.layoutRunning);
  const [supervisor, setSupervisor] = useState<FA2LayoutSupervisor | null>(null);

  useEffect(() => {
    const inferred = forceAtlas2.inferSettings(graph);
    const instance = new FA2LayoutSupervisor(graph, {
      settings: { ...inferred, barnesHutOptimize: graph.order > 1500, adjustSizes: false, slowDown: 5 },
      getEdgeWeight: null,
    });
    setSupervisor(instance);
    return () => {
      setSupervisor(null);
      instance.kill();
      appStore.set({ layoutRunning: false });
    };
  }, [graph]);

  useEffect(() => {
    if (!supervisor) return;
    if (running) supervisor.start();
    else supervisor.stop();
  }, [supervisor, running]);

  // Auto-run once the graph is first drawn, then settle, so an idle page does not burn a
  // core. Later loads (an import) leave the layout as the user has it: new nodes start
  // beside a neighbour, and Space runs the layout again.
  useEffect(() => {
    if (!supervisor || !autoStart || graph.order === 0) return;
    appStore.set({ layoutRunning: true });
    const budget = Math.min(AUTO_LAYOUT_MS, 4_000 + graph.order * 2);
    const timer = window.setTimeout(() => appStore.set({ layoutRunning: false }), budget);
    return () => window.clearTimeout(timer);
  }, [supervisor, autoStart, graph]);

  return null;
}

/**
 * Sizes nodes by degree or PageRank when the choice changes, and re-ranks after a load
 * when sizing by PageRank (a load already sizes new nodes by degree). Deferred one frame
 * so sigma has indexed nodes a load just added before it hears that only sizes changed.
 */
export function SizeController({ graph }: { graph: KgGraph }) {
  const sizeBy = useApp((s) => s.sizeBy);
  const graphVersion = useApp((s) => s.graphVersion);
  const applied = useRef<{ sizeBy: SizeBy; version: number }>({ sizeBy: "degree", version: graphVersion });
  useEffect(() => {
    const last = applied.current;
    if (sizeBy === last.sizeBy && (sizeBy === "degree" || graphVersion === last.version)) return;
    applied.current = { sizeBy, version: graphVersion };
    const frame = window.requestAnimationFrame(() => applySizes(graph, sizeBy));
    return () => window.cancelAnimationFrame(frame);
  }, [graph, sizeBy, graphVersion]);
  return null;
}
