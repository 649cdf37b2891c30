import { useMemo } from "react";
import { CameraButtons } from "../components/LayoutControls.tsx";
import { mainGraph } from "../graph/main-graph.ts";
import { CameraUrlController } from "../sigma/camera-controller.tsx";
import {
  ColorController,
  createFocusReducers,
  LabelController,
  LayoutController,
  MainEventsController,
  MainReducersController,
  SizeController,
} from "../sigma/controllers.tsx";
import { mainView } from "../sigma/main-view.ts";
import { BASE_SETTINGS, SigmaHost } from "../sigma/SigmaHost.tsx";

/** The font of the overview's labels, for sigma and for measuring them. */
const LABEL_FONT = {
  size: BASE_SETTINGS.labelSize ?? 12,
  weight: BASE_SETTINGS.labelWeight ?? "500",
  family: BASE_SETTINGS.labelFont ?? "sans-serif",
};

/** The overview: the whole graph, drawn once, with its controllers. */
export function GraphView() {
  const reducers = useMemo(() => createFocusReducers(mainGraph), []);
  return (
    <SigmaHost
      graph={mainGraph}
      testId="graph-view"
      settings={{
        nodeReducer: reducers.nodeReducer,
        edgeReducer: reducers.edgeReducer,
        // Sigma's label grid off: LabelController places labels without overlap.
        labelRenderedSizeThreshold: Number.POSITIVE_INFINITY,
      }}
      onSigma={(sigma) => {
        mainView.sigma = sigma;
        // For the benchmark and the curious: sigma draws in its constructor; the frame is
        // on screen once the compositor has taken it, i.e. by the second animation frame.
        if (sigma && performance.getEntriesByName("kg:first-frame").length === 0) {
          requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("kg:first-frame")));
        }
      }}
    >
      <MainReducersController graph={mainGraph} reducers={reducers} />
      <MainEventsController />
      <LabelController graph={mainGraph} reducers={reducers} font={LABEL_FONT} />
      <LayoutController graph={mainGraph} autoStart={false} />
      <SizeController graph={mainGraph} />
      <ColorController graph={mainGraph} />
      <CameraUrlController />
      <CameraButtons />
    </SigmaHost>
  );
}
