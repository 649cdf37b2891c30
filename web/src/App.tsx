import { useEffect } from "react";
import { Counts } from "./components/Counts.tsx";
import { LayoutControls } from "./components/LayoutControls.tsx";
import { Legend } from "./components/Legend.tsx";
import { StatusScreen } from "./components/StatusScreen.tsx";
import { reloadMainGraph } from "./graph/main-graph.ts";
import { useApp } from "./state/store.ts";
import { GraphView } from "./views/GraphView.tsx";

const RETRY_MS = 5_000;

export function App() {
  const load = useApp((s) => s.load);

  useEffect(() => {
    void reloadMainGraph();
  }, []);

  // While the server or Neo4j is down, keep trying so the page recovers by itself.
  useEffect(() => {
    if (load.state !== "error" || !load.unreachable) return;
    const timer = window.setInterval(() => void reloadMainGraph(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          <span>AI lineage graph</span>
        </div>
        <div className="spacer" />
        <Counts />
      </header>
      <div className="body">
        <aside className="sidebar" aria-label="Legend and controls">
          <Legend />
          <LayoutControls />
        </aside>
        <main className="stage">{load.state === "ready" ? <GraphView /> : <StatusScreen load={load} />}</main>
      </div>
    </div>
  );
}
