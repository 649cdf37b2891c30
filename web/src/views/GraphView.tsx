import { CameraButtons } from "../components/LayoutControls.tsx";
import { mainGraph } from "../graph/main-graph.ts";
import { CameraUrlController } from "../sigma/camera-controller.tsx";
import {
  LayoutController,
  MainEventsController,
  MainReducersController,
  SizeController,
} from "../sigma/controllers.tsx";
import { mainView } from "../sigma/main-view.ts";
import { SigmaHost } from "../sigma/SigmaHost.tsx";

/** The overview: the whole graph, drawn once, with its controllers. */
export function GraphView() {
  return (
    <SigmaHost
      graph={mainGraph}
      testId="graph-view"
      onSigma={(sigma) => {
        mainView.sigma = sigma;
      }}
    >
      <MainReducersController graph={mainGraph} />
      <MainEventsController />
      <LayoutController graph={mainGraph} />
      <SizeController graph={mainGraph} />
      <CameraUrlController />
      <CameraButtons />
    </SigmaHost>
  );
}
