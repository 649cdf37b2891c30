import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import { useEffect, useMemo, useRef, useState } from "react";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { computeVisibility } from "../graph/filters.ts";
import { applySizes, type EdgeAttrs, type KgGraph, type NodeAttrs, UNDERLAY_LABELS } from "../graph/model.ts";
import {
  communityColor,
  FADED_EDGE_COLOR,
  FADED_NODE_COLOR,
  LABEL_COLORS,
  REL_COLORS,
} from "../graph/style.ts";
import { actions, type SizeBy, useApp } from "../state/store.ts";
import { useSigma } from "./context.ts";
import { type LabelCandidate, placeLabels } from "./label-placement.ts";
import { mainView } from "./main-view.ts";

/** Above this many nodes, hover and selection repaint only the neighbourhood instead of fading the rest. */
export const LARGE_GRAPH = 5_000;
/** On a large graph, how long the pointer rests on a node before its neighbourhood lights up. */
const HOVER_DWELL_MS = 120;

export interface FocusState {
  focus: string | null;
  neighbours: Set<string>;
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  fresh: Set<string>;
  /** Nodes whose labels are drawn (placed without overlap by LabelController). */
  labelled: Set<string>;
  /** Fade what is not in focus (small graphs: a full repaint is cheap). */
  fade: boolean;
}

export interface FocusReducers {
  state: FocusState;
  nodeReducer: (node: string, data: NodeAttrs) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, data: EdgeAttrs) => Partial<EdgeDisplayData>;
}

/**
 * The overview's reducers: one pair for the view's lifetime, reading a mutable state
 * that the controller below changes. Given to sigma at construction, so the first
 * frame is drawn once, with them.
 */
export function createFocusReducers(graph: KgGraph): FocusReducers {
  const st: FocusState = {
    focus: null,
    neighbours: new Set(),
    hiddenNodes: new Set(),
    hiddenEdges: new Set(),
    fresh: new Set(),
    labelled: new Set(),
    fade: true,
  };
  return {
    state: st,
    nodeReducer: (node, data) => {
      if (st.hiddenNodes.has(node)) return { ...data, hidden: true };
      // Entities above papers and authors at every level, so the disc under the pointer
      // (sigma picks what is drawn on top) is the model, not a paper drawn over it.
      const lift = UNDERLAY_LABELS.has(data.kind) ? 0 : 1;
      const labelled = st.labelled.has(node);
      if (st.focus) {
        if (node === st.focus) return { ...data, highlighted: true, forceLabel: true, zIndex: 6 + lift };
        if (st.neighbours.has(node))
          return { ...data, forceLabel: labelled || st.neighbours.size <= 40, zIndex: 4 + lift };
        if (st.fade) return { ...data, color: FADED_NODE_COLOR, label: "", zIndex: lift };
        return { ...data, forceLabel: labelled, zIndex: 2 + lift };
      }
      if (st.fresh.has(node)) return { ...data, highlighted: true, forceLabel: true, zIndex: 4 + lift };
      return { ...data, forceLabel: labelled, zIndex: 2 + lift };
    },
    edgeReducer: (edge, data) => {
      if (st.hiddenEdges.has(edge)) return { ...data, hidden: true };
      if (st.focus) {
        if (graph.hasExtremity(edge, st.focus))
          return { ...data, color: REL_COLORS[data.relType], size: 2, zIndex: 1 };
        if (st.fade) return { ...data, color: FADED_EDGE_COLOR, zIndex: 0 };
      }
      return data;
    },
  };
}

/**
 * Pushes hover, selection, new nodes and filters into sigma through the reducers'
 * state. Filters (computed once per change) repaint everything; a change of focus on a
 * large graph repaints only the old and new neighbourhoods (colours and labels only, so
 * sigma skips re-indexing), which keeps a click at 50,000 nodes within a frame.
 */
export function MainReducersController({ graph, reducers }: { graph: KgGraph; reducers: FocusReducers }) {
  const sigma = useSigma();
  const hovered = useApp((s) => s.hovered);
  const selected = useApp((s) => s.selected);
  const filters = useApp((s) => s.filters);
  const fresh = useApp((s) => s.fresh);
  const graphVersion = useApp((s) => s.graphVersion);
  const drawnVersion = useRef(graphVersion);
  const dirty = useRef({ nodes: new Set<string>(), edges: new Set<string>() });

  // biome-ignore lint/correctness/useExhaustiveDependencies: graphVersion stands for the graph's content.
  const visibility = useMemo(() => computeVisibility(graph, filters), [graph, filters, graphVersion]);

  useEffect(() => {
    mainView.visibility = visibility;
    actions.setCounts({
      nodes: graph.order,
      edges: graph.size,
      visibleNodes: visibility.visibleNodes,
      visibleEdges: visibility.visibleEdges,
    });
  }, [graph, visibility]);

  // Filters and new nodes: a full repaint (none at mount when there is nothing to show).
  useEffect(() => {
    const st = reducers.state;
    const unchanged =
      st.hiddenNodes.size === 0 &&
      st.hiddenEdges.size === 0 &&
      st.fresh.size === 0 &&
      visibility.hiddenNodes.size === 0 &&
      visibility.hiddenEdges.size === 0 &&
      fresh.length === 0;
    st.hiddenNodes = visibility.hiddenNodes;
    st.hiddenEdges = visibility.hiddenEdges;
    st.fresh = new Set(fresh);
    if (!unchanged) sigma.scheduleRefresh();
  }, [sigma, reducers, visibility, fresh]);

  // Hover and selection.
  useEffect(() => {
    const st = reducers.state;
    const focus =
      hovered && graph.hasNode(hovered) ? hovered : selected && graph.hasNode(selected) ? selected : null;
    const sameGraph = drawnVersion.current === graphVersion;
    drawnVersion.current = graphVersion;
    if (focus === st.focus && (sameGraph || focus === null)) return;
    const previous = st.focus;
    const previousNeighbours = st.neighbours;
    st.focus = focus;
    st.neighbours = new Set(focus ? graph.neighbors(focus) : []);
    st.fade = graph.order <= LARGE_GRAPH;
    if (st.fade) {
      sigma.scheduleRefresh();
      return;
    }
    // Large graph: repaint the two neighbourhoods only, after the browser has painted the
    // panel (a software renderer takes a while to draw 150,000 edges), and for a hover only
    // once the pointer rests, so sweeping across the graph does not queue repaints.
    const dirtyNodes = dirty.current.nodes;
    const dirtyEdges = dirty.current.edges;
    for (const [center, around] of [
      [previous, previousNeighbours],
      [focus, st.neighbours],
    ] as const) {
      if (!center || !graph.hasNode(center)) continue;
      dirtyNodes.add(center);
      for (const n of around) dirtyNodes.add(n);
      graph.forEachEdge(center, (edge) => {
        dirtyEdges.add(edge);
      });
    }
    // Repaints whatever changed since the last repaint, including changes whose own
    // repaint was cancelled by a newer one.
    const repaint = () => {
      const drawnNodes = [...dirtyNodes].filter((n) => graph.hasNode(n) && !st.hiddenNodes.has(n));
      const drawnEdges = [...dirtyEdges].filter((e) => graph.hasEdge(e) && !st.hiddenEdges.has(e));
      dirtyNodes.clear();
      dirtyEdges.clear();
      try {
        sigma.refresh({
          partialGraph: { nodes: drawnNodes, edges: drawnEdges },
          skipIndexation: true,
          schedule: true,
        });
      } catch {
        // A node sigma has not indexed yet (just added): repaint everything instead.
        sigma.scheduleRefresh();
      }
    };
    const byHover = focus !== null && focus === hovered && focus !== selected;
    let frame = 0;
    const timer = window.setTimeout(
      () => {
        frame = window.requestAnimationFrame(() => {
          frame = window.requestAnimationFrame(repaint);
        });
      },
      byHover ? HOVER_DWELL_MS : 0,
    );
    return () => {
      window.clearTimeout(timer);
      window.cancelAnimationFrame(frame);
    };
  }, [sigma, graph, reducers, hovered, selected, graphVersion]);

  return null;
}

/** Mouse → app state: hover, click to select, click on the background to clear. */
export function MainEventsController() {
  const sigma = useSigma();
  useEffect(() => {
    const container = sigma.getContainer();
    const enter = ({ node }: { node: string }) => {
      actions.setHovered(node);
      container.style.cursor = "pointer";
    };
    const leave = () => {
      actions.setHovered(null);
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

interface Layout {
  supervisor: FA2LayoutSupervisor;
  /** What the worker moves: the structure and positions only, with no one listening. */
  shadow: MultiDirectedGraph<{ x: number; y: number; size: number }>;
}

/** A bare copy of the drawn graph for the layout worker to move. */
function shadowOf(graph: KgGraph): Layout["shadow"] {
  const shadow = new MultiDirectedGraph<{ x: number; y: number; size: number }>({ allowSelfLoops: true });
  shadow.import({
    attributes: {},
    options: { type: "directed", multi: true, allowSelfLoops: true },
    nodes: graph.mapNodes((key, a) => ({ key, attributes: { x: a.x, y: a.y, size: a.size } })),
    edges: graph.mapEdges((key, _a, source, target) => ({ key, source, target })),
  });
  return shadow;
}

/** Copies the worker's positions onto the drawn graph, telling sigma only x and y changed. */
function syncPositions(shadow: Layout["shadow"], graph: KgGraph): void {
  graph.updateEachNodeAttributes(
    (node, attrs) => {
      if (!shadow.hasNode(node)) return attrs;
      const p = shadow.getNodeAttributes(node);
      attrs.x = p.x;
      attrs.y = p.y;
      return attrs;
    },
    { attributes: ["x", "y"] },
  );
}

/**
 * ForceAtlas2 in a web worker (graphology's supervisor with start/stop/kill). The worker
 * moves a bare copy of the graph; positions are copied onto the drawn graph at a pace
 * set by how long sigma takes to draw them (at most a third of the main thread), so a
 * large graph stays responsive while it lays out. On stop the last positions are copied
 * back; the copy is rebuilt when the graph's content changes; everything is killed on
 * unmount.
 */
export function LayoutController({ graph, autoStart = true }: { graph: KgGraph; autoStart?: boolean }) {
  const sigma = useSigma();
  const running = useApp((s) => s.layoutRunning);
  const graphVersion = useApp((s) => s.graphVersion);
  const [layout, setLayout] = useState<Layout | null>(null);
  const autoRan = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: graphVersion stands for the graph's content.
  useEffect(() => {
    let supervisor: FA2LayoutSupervisor | null = null;
    // Two frames later: the copy and the worker's set-up take a few hundred milliseconds
    // at 50,000 nodes, and the frame that first shows the graph must not wait for them.
    let frame = window.requestAnimationFrame(() => {
      frame = window.requestAnimationFrame(() => {
        const t0 = performance.now();
        const shadow = shadowOf(graph);
        const inferred = forceAtlas2.inferSettings(shadow);
        supervisor = new FA2LayoutSupervisor(shadow, {
          settings: { ...inferred, barnesHutOptimize: graph.order > 1500, adjustSizes: false, slowDown: 5 },
          getEdgeWeight: null,
        });
        performance.measure("kg:layout-init", { start: t0, end: performance.now() });
        setLayout({ supervisor, shadow });
      });
    });
    return () => {
      window.cancelAnimationFrame(frame);
      setLayout(null);
      supervisor?.kill();
    };
  }, [graph, graphVersion]);

  useEffect(() => {
    if (!layout || !running) return;
    const { supervisor, shadow } = layout;
    supervisor.start();
    let timer = 0;
    let started = 0;
    const afterRender = () => {
      if (!started) return;
      const cost = performance.now() - started;
      performance.measure("kg:layout-frame", { start: started, end: performance.now() });
      started = 0;
      timer = window.setTimeout(sync, Math.max(16, cost * 2));
    };
    const sync = () => {
      started = performance.now();
      syncPositions(shadow, graph);
      performance.measure("kg:layout-sync", { start: started, end: performance.now() });
    };
    sigma.on("afterRender", afterRender);
    sync();
    return () => {
      window.clearTimeout(timer);
      sigma.off("afterRender", afterRender);
      supervisor.stop();
      syncPositions(shadow, graph);
    };
  }, [layout, running, graph, sigma]);

  // Auto-run once the graph is first drawn, then settle, so an idle page does not burn a
  // core. Later loads (an import) leave the layout as the user has it: new nodes start
  // beside a neighbour, and Space runs the layout again.
  useEffect(() => {
    if (!layout || !autoStart || autoRan.current || graph.order === 0) return;
    autoRan.current = true;
    actions.setLayoutRunning(true);
    const budget = Math.min(AUTO_LAYOUT_MS, 4_000 + graph.order * 2);
    window.setTimeout(() => actions.setLayoutRunning(false), budget);
  }, [layout, autoStart, graph]);

  useEffect(() => () => actions.setLayoutRunning(false), []);

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

/**
 * Colours nodes by label or by Louvain community when the choice changes, and after a
 * load when colouring by community (a load colours new nodes by label). Deferred one
 * frame, as sizes are, so sigma has indexed nodes a load just added before it hears
 * that only colours changed.
 */
export function ColorController({ graph }: { graph: KgGraph }) {
  const colorBy = useApp((s) => s.colorBy);
  const graphVersion = useApp((s) => s.graphVersion);
  const applied = useRef<{ colorBy: string; version: number }>({ colorBy: "label", version: graphVersion });
  useEffect(() => {
    const last = applied.current;
    if (colorBy === last.colorBy && (colorBy === "label" || graphVersion === last.version)) return;
    applied.current = { colorBy, version: graphVersion };
    const frame = window.requestAnimationFrame(() =>
      graph.updateEachNodeAttributes(
        (_id, attrs) => ({
          ...attrs,
          color: colorBy === "community" ? communityColor(attrs.community) : LABEL_COLORS[attrs.kind],
        }),
        { attributes: ["color"] },
      ),
    );
    return () => window.cancelAnimationFrame(frame);
  }, [graph, colorBy, graphVersion]);
  return null;
}

/** Labels on screen at most: past this a map reads as text. */
const MAX_LABELS = 120;
/** How long the camera rests before labels are placed again. */
const LABEL_DWELL_MS = 120;

/**
 * Places the overview's labels without overlap for the camera as it is (sigma's own
 * label grid is switched off by the view's settings): just after the first frame, and again
 * whenever the camera rests or the filters or the graph change. Repaints only the nodes
 * whose label comes or goes.
 */
export function LabelController({
  graph,
  reducers,
  font,
}: {
  graph: KgGraph;
  reducers: FocusReducers;
  font: { size: number; weight: string; family: string };
}) {
  const sigma = useSigma();
  const graphVersion = useApp((s) => s.graphVersion);
  const filters = useApp((s) => s.filters);

  // biome-ignore lint/correctness/useExhaustiveDependencies: graphVersion and filters stand for what is drawn.
  useEffect(() => {
    const widths = new Map<string, number>();
    const context = document.createElement("canvas").getContext("2d");
    if (context) context.font = `${font.weight} ${font.size}px ${font.family}`;
    const widthOf = (id: string, label: string) => {
      let w = widths.get(id);
      if (w === undefined) {
        w = context ? context.measureText(label).width : label.length * font.size * 0.6;
        widths.set(id, w);
      }
      return w;
    };
    const place = () => {
      const st = reducers.state;
      const { width, height } = sigma.getDimensions();
      const candidates: LabelCandidate[] = [];
      graph.forEachNode((id, attrs) => {
        if (st.hiddenNodes.has(id) || !attrs.label) return;
        const display = sigma.getNodeDisplayData(id);
        if (!display) return;
        const p = sigma.framedGraphToViewport(display);
        if (p.x < -400 || p.y < -20 || p.x > width + 20 || p.y > height + 20) return;
        candidates.push({
          id,
          x: p.x,
          y: p.y,
          size: sigma.scaleSize(display.size),
          width: widthOf(id, attrs.label),
          rank: attrs.degree,
        });
      });
      const chosen = new Set(
        placeLabels(candidates, { width, height, lineHeight: font.size + 2, max: MAX_LABELS, margin: 3 }),
      );
      const changed: string[] = [];
      for (const id of st.labelled) if (!chosen.has(id) && graph.hasNode(id)) changed.push(id);
      for (const id of chosen) if (!st.labelled.has(id)) changed.push(id);
      st.labelled = chosen;
      if (changed.length === 0) return;
      try {
        sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
      } catch {
        sigma.scheduleRefresh();
      }
    };
    // After the frame that first shows the map: placing labels repaints, and the first
    // frame must not wait for a second paint.
    let timer = 0;
    let frame = window.requestAnimationFrame(() => {
      frame = window.requestAnimationFrame(() => {
        timer = window.setTimeout(place, 0);
      });
    });
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(place, LABEL_DWELL_MS);
    };
    const camera = sigma.getCamera();
    camera.on("updated", schedule);
    sigma.on("resize", schedule);
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      camera.off("updated", schedule);
      sigma.off("resize", schedule);
    };
  }, [sigma, graph, reducers, font, graphVersion, filters]);
  return null;
}
