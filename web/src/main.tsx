import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { mainData, mainGraph } from "./graph/main-graph.ts";
import { mainView } from "./sigma/main-view.ts";
import { appStore } from "./state/store.ts";
import { applyUrl, startUrlSync } from "./state/url.ts";
import "./styles.css";

declare global {
  interface Window {
    /** A handle for tests, benchmarks and the curious: the model, the view and the app state. */
    __kg?: unknown;
  }
}

window.__kg = {
  graph: mainGraph,
  data: mainData,
  store: appStore,
  get sigma() {
    return mainView.sigma;
  },
};

applyUrl(window.location.search);
startUrlSync();

const root = document.getElementById("root");
if (!root) throw new Error("web: index.html has no #root element.");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
