import { useEffect } from "react";
import { fitView, zoomBy } from "../sigma/main-view.ts";
import { actions, appStore, useApp } from "../state/store.ts";
import { exportCurrentView } from "./ExportMenu.tsx";
import { droppedFiles, readFiles } from "./ImportDialog.tsx";

export const SHORTCUTS: [string, string][] = [
  ["/", "search"],
  ["Esc", "clear the selection, close a dialog"],
  ["f", "fit the graph to the view"],
  ["+ / −", "zoom in / out"],
  ["g", "graph view"],
  ["l", "lineage of the selected model"],
  ["c", "Cypher console"],
  ["r", "related work of the selection"],
  ["Space", "start / stop the layout"],
  ["i", "import documents"],
  ["p", "export the view as PNG"],
  ["?", "this help"],
  ["Ctrl/⌘+Enter", "run the console's query"],
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return (
    el.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
    !!el.closest?.(".cm-editor")
  );
}

/** Keyboard shortcuts for the whole page, and files dropped anywhere open the import dialog. */
export function Shortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = appStore.get();
      if (e.key === "Escape") {
        if (s.helpOpen || s.importOpen) actions.closeOverlays();
        else if (!typing(e.target)) actions.select(null);
        return;
      }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key;
      const run = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (key === "/") run(() => document.getElementById("search-input")?.focus());
      else if (key === "f") run(() => (s.view === "graph" ? fitView() : actions.setView("graph")));
      else if (key === "+" || key === "=") run(() => zoomBy(1.5));
      else if (key === "-" || key === "_") run(() => zoomBy(1 / 1.5));
      else if (key === "g") run(() => actions.setView("graph"));
      else if (key === "l") run(() => actions.setView("lineage"));
      else if (key === "c") run(() => actions.setView("console"));
      else if (key === "r" && s.selected) run(() => actions.togglePanel());
      else if (key === " " && s.view === "graph") run(() => actions.toggleLayout());
      else if (key === "i") run(() => actions.openImport());
      else if (key === "p") run(() => void exportCurrentView("png"));
      else if (key === "?") run(() => actions.setHelp(!s.helpOpen));
    };
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    const onDrop = async (e: DragEvent) => {
      if (!e.dataTransfer?.files.length || appStore.get().importOpen) return;
      e.preventDefault();
      droppedFiles.value = (await readFiles(e.dataTransfer.files)).files;
      actions.openImport();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    };
  }, []);
  return null;
}

export function HelpOverlay() {
  const open = useApp((s) => s.helpOpen);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal narrow"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help"
      >
        <header className="row spread">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button type="button" className="icon" onClick={() => actions.setHelp(false)}>
            ×
          </button>
        </header>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">
          Click a node to open its card; double-click a model for its lineage. Hover highlights the
          neighbours.
        </p>
      </div>
    </div>
  );
}
