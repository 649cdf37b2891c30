import { useEffect } from "react";
import { appStore } from "../state/store.ts";
import { currentCamera, pendingCamera, writeUrl } from "../state/url.ts";
import { useSigma } from "./context.ts";
import { flyToNode } from "./main-view.ts";

/** Restores the camera of a deep link (or flies to its selected node) and keeps the URL's camera current. */
export function CameraUrlController() {
  const sigma = useSigma();
  useEffect(() => {
    const camera = sigma.getCamera();
    let timer = 0;
    if (pendingCamera.value) {
      camera.setState(pendingCamera.value);
      pendingCamera.value = null;
    } else {
      const selected = appStore.get().selected;
      if (selected) timer = window.setTimeout(() => flyToNode(selected), 300);
    }
    const onUpdate = () => {
      currentCamera.value = camera.getState();
      writeUrl(false);
    };
    camera.on("updated", onUpdate);
    return () => {
      window.clearTimeout(timer);
      camera.off("updated", onUpdate);
    };
  }, [sigma]);
  return null;
}
