import type { Attributes } from "graphology-types";
import { type ReactNode, useEffect, useRef, useState } from "react";
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { EdgeAttrs, KgGraph, NodeAttrs } from "../graph/model.ts";
import { EDGE_COLOR } from "../graph/style.ts";
import { type KgSigma, SigmaContext } from "./context.ts";

const LARGE_GRAPH_NODES = 5_000;
const LARGE_GRAPH_EDGES = 20_000;

/**
 * For large graphs: edges as 1-pixel GL lines (2 vertices each, no arrow heads, no
 * anti-aliasing: arrows are not readable at that scale anyway, and a software renderer
 * draws them ten times faster), discs drawn as GL points (one vertex each, where the
 * default disc program draws an instanced triangle: under SwiftShader a frame of 50,000
 * nodes costs a tenth of the time, for the same anti-aliased discs), no zIndex sorting
 * (a third of a full repaint at 50,000 nodes), and edges hidden while the camera moves.
 */
const LARGE_GRAPH_SETTINGS: Partial<Settings<NodeAttrs, EdgeAttrs, Attributes>> = {
  zIndex: false,
  defaultEdgeType: "line",
  edgeProgramClasses: { line: EdgeLineProgram },
  nodeProgramClasses: { circle: NodePointProgram },
  hideEdgesOnMove: true,
};

export const BASE_SETTINGS: Partial<Settings<NodeAttrs, EdgeAttrs, Attributes>> = {
  allowInvalidContainer: true,
  defaultEdgeType: "arrow",
  defaultEdgeColor: EDGE_COLOR,
  labelFont: "Inter, system-ui, sans-serif",
  labelSize: 12,
  labelWeight: "500",
  labelColor: { color: "#1d2533" },
  // Labels only for nodes drawn large enough, on a coarse grid: no clutter when zoomed out.
  labelRenderedSizeThreshold: 7,
  labelDensity: 0.6,
  labelGridCellSize: 90,
  zIndex: true,
  minCameraRatio: 0.005,
  maxCameraRatio: 20,
};

export interface SigmaHostProps {
  graph: KgGraph;
  settings?: Partial<Settings<NodeAttrs, EdgeAttrs, Attributes>>;
  /** Render-nothing controllers (and overlays) that talk to this sigma. */
  children?: ReactNode;
  className?: string;
  testId?: string;
  onSigma?: (sigma: KgSigma | null) => void;
}

/** The one component that mounts sigma on a graph; everything else talks to it through controllers. */
export function SigmaHost({ graph, settings, children, className, testId, onSigma }: SigmaHostProps) {
  const container = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<KgSigma | null>(null);
  // Settings are applied once at mount; later changes go through controllers.
  const initialSettings = useRef(settings);
  const onSigmaRef = useRef(onSigma);
  onSigmaRef.current = onSigma;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const t0 = performance.now();
    const instance: KgSigma = new Sigma(graph, element, {
      ...BASE_SETTINGS,
      ...(graph.order > LARGE_GRAPH_NODES || graph.size > LARGE_GRAPH_EDGES ? LARGE_GRAPH_SETTINGS : {}),
      ...initialSettings.current,
    });
    performance.measure("kg:sigma-init", { start: t0, end: performance.now() });
    setSigma(instance);
    onSigmaRef.current?.(instance);
    return () => {
      onSigmaRef.current?.(null);
      setSigma(null);
      instance.kill();
    };
  }, [graph]);

  return (
    <div className={`sigma-host ${className ?? ""}`} data-testid={testId}>
      <div className="sigma-container" ref={container} />
      {sigma && <SigmaContext.Provider value={sigma}>{children}</SigmaContext.Provider>}
    </div>
  );
}
