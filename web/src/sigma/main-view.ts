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

export function fitView(): void {
  void mainView.sigma?.getCamera().animatedReset({ duration: 400 });
}

export function zoomBy(factor: number): void {
  const camera = mainView.sigma?.getCamera();
  if (!camera) return;
  void (factor > 1
    ? camera.animatedZoom({ duration: 250, factor })
    : camera.animatedUnzoom({ duration: 250, factor: 1 / factor }));
}
