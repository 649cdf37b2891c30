import { lazy, Suspense, useEffect } from "react";
import { Counts } from "./components/Counts.tsx";
import { ExportMenu } from "./components/ExportMenu.tsx";
import { Filters } from "./components/Filters.tsx";
import { HealthBanner } from "./components/HealthBanner.tsx";
import { ImportDialog } from "./components/ImportDialog.tsx";
import { LayoutControls } from "./components/LayoutControls.tsx";
import { Legend } from "./components/Legend.tsx";
import { NodePanel } from "./components/NodePanel.tsx";
import { SearchBox } from "./components/SearchBox.tsx";
import { HelpOverlay, Shortcuts } from "./components/Shortcuts.tsx";
import { StatusScreen } from "./components/StatusScreen.tsx";
import { ViewTabs } from "./components/ViewTabs.tsx";
import { reloadMainGraph } from "./graph/main-graph.ts";
import { isNodeId } from "./state/navigation.ts";
import { actions, useApp } from "./state/store.ts";
import { GraphView } from "./views/GraphView.tsx";
import { LineageView } from "./views/LineageView.tsx";

const RETRY_MS = 5_000;

// The Cypher editor (its parser is most of the bundle) loads when the console first opens.
const ConsoleView = lazy(async () => ({ default: (await import("./views/ConsoleView.tsx")).ConsoleView }));

function Loading({ what }: { what: string }) {
  return (
    <div className="status-screen" role="status">
      <div className="spinner" aria-hidden />
      <p>Loading {what}…</p>
    </div>
  );
}

export function App() {
  const load = useApp((s) => s.load);
  const view = useApp((s) => s.view);
  const selected = useApp((s) => s.selected);

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
        <SearchBox />
        <ViewTabs />
        <div className="spacer" />
        <Counts />
        <button
          type="button"
          data-testid="import-button"
          onClick={() => actions.openImport()}
          title="Import documents (i)"
        >
          Import
        </button>
        <ExportMenu />
        <button type="button" title="Keyboard shortcuts (?)" onClick={() => actions.setHelp(true)}>
          ?
        </button>
      </header>
      <HealthBanner />
      <div className="body">
        <aside className="sidebar" aria-label="Legend, filters and layout">
          <Legend />
          <Filters />
          <LayoutControls />
        </aside>
        <main className="stage">
          {/* The overview stays mounted under the other views: sigma is not rebuilt on every switch. */}
          {load.state === "ready" ? <GraphView /> : view === "graph" && <StatusScreen load={load} />}
          {view === "lineage" && (
            <div className="overlay-view">
              <LineageView />
            </div>
          )}
          {view === "console" && (
            <div className="overlay-view">
              <Suspense fallback={<Loading what="the Cypher editor" />}>
                <ConsoleView />
              </Suspense>
            </div>
          )}
        </main>
        {/* A deep link may name a model instead of giving its id: no card until the lineage resolves it. */}
        {selected && isNodeId(selected) && <NodePanel key={selected} id={selected} />}
      </div>
      <ImportDialog />
      <HelpOverlay />
      <Shortcuts />
    </div>
  );
}
