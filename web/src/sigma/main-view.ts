import type { Visibility } from "../graph/filters.ts";
import type { KgSigma } from "./context.ts";

/** The overview's sigma and filter result, for the few commands that come from outside it (search, shortcuts, export). */
export const mainView: { sigma: KgSigma | null; visibility: Visibility | null } = {
  sigma: null,
  visibility: null,
};

/** The console's result sigma, when it is drawn. */
export const views: { console: KgSigma | null } = { console: null };

/** Animates the camera onto a node; no-op when the node is not drawn. */
export function flyToNode(id: string, ratio = 0.25): void {
  const sigma = mainView.sigma;
  if (!sigma) return;
  const display = sigma.getNodeDisplayData(id);
  if (!display) return;
  void sigma
    .getCamera()
    .animate({ x: display.x, y: display.y, ratio }, { duration: 600, easing: "quadraticInOut" });
}

/**
 * Fits what is visible: the box around the nodes the filters leave (in sigma's framed
 * coordinates, the camera's own), not the whole graph's.
 */
export function fitView(): void {
  const sigma = mainView.sigma;
  if (!sigma) return;
  const hidden = mainView.visibility?.hiddenNodes;
  if (!hidden || hidden.size === 0) {
    void sigma.getCamera().animatedReset({ duration: 400 });
    return;
  }
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  sigma.getGraph().forEachNode((id) => {
    if (hidden.has(id)) return;
    const d = sigma.getNodeDisplayData(id);
    if (!d) return;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  });
  if (!Number.isFinite(minX)) return;
  // How much of the framed graph the viewport spans at ratio 1, along each axis: the
  // camera's ratio scales both, and the box must fit the tighter of the two.
  const { width, height } = sigma.getDimensions();
  const cameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const a = sigma.viewportToFramedGraph({ x: 0, y: 0 }, { cameraState });
  const b = sigma.viewportToFramedGraph({ x: width, y: height }, { cameraState });
  const spanX = Math.abs(b.x - a.x) || 1;
  const spanY = Math.abs(b.y - a.y) || 1;
  const ratio = Math.max(0.02, Math.max((maxX - minX) / spanX, (maxY - minY) / spanY) * 1.15);
  void sigma
    .getCamera()
    .animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio, angle: 0 }, { duration: 400 });
}

export function zoomBy(factor: number): void {
  const camera = mainView.sigma?.getCamera();
  if (!camera) return;
  void (factor > 1
    ? camera.animatedZoom({ duration: 250, factor })
    : camera.animatedUnzoom({ duration: 250, factor: 1 / factor }));
}
