import "./zod-config.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { mainData, mainGraph, reloadMainGraph } from "./graph/main-graph.ts";
import { mainView } from "./sigma/main-view.ts";
import { appStore } from "./state/store.ts";
import { applyUrl, startUrlSync } from "./state/url.ts";
import "./styles.css";

// Every module of the bundle has been evaluated (imports run first): the benchmark's breakdown reads it.
performance.mark("kg:modules-evaluated");

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
// The graph (preloaded by index.html) is asked for before React's first render, not
// after it: by the time the page has rendered, the answer is in hand.
void reloadMainGraph();

const root = document.getElementById("root");
if (!root) throw new Error("web: index.html has no #root element.");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
