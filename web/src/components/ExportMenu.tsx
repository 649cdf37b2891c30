import { useEffect, useRef, useState } from "react";
import { consoleGraph } from "../graph/console-graph.ts";
import { type ExportFormat, exportGraph, visibleCopy } from "../graph/export.ts";
import { mainGraph } from "../graph/main-graph.ts";
import { mainView, views } from "../sigma/main-view.ts";
import { appStore, useApp } from "../state/store.ts";

const FORMATS: { format: ExportFormat; name: string }[] = [
  { format: "png", name: "PNG image" },
  { format: "graphml", name: "GraphML" },
  { format: "gexf", name: "GEXF (Gephi)" },
  { format: "json", name: "JSON (graphology)" },
];

/** Exports what is on screen: the console's result in the console, else the overview as filtered. */
export async function exportCurrentView(format: ExportFormat): Promise<void> {
  if (appStore.get().view === "console" && consoleGraph.order > 0) {
    await exportGraph(format, consoleGraph, views.console, "query");
    return;
  }
  await exportGraph(format, visibleCopy(mainGraph, mainView.visibility), mainView.sigma, "graph");
}

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = useApp((s) => s.load.state === "ready");
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        data-testid="export-button"
        disabled={!ready}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Export the current view (p: PNG image)"
      >
        Export ▾
      </button>
      {open && (
        <div className="menu-items" role="menu">
          {FORMATS.map(({ format, name }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              data-testid={`export-${format}`}
              onClick={async () => {
                setOpen(false);
                setError(null);
                try {
                  await exportCurrentView(format);
                } catch (e) {
                  setError((e as Error).message);
                }
              }}
            >
              {name}
            </button>
          ))}
        </div>
      )}
      {error && (
        <div className="toast error-text" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
