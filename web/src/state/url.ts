import {
  monthIndex,
  monthLabel,
  NODE_LABELS,
  type NodeLabel,
  REL_TYPES,
  type RelType,
} from "@kg/graph-schema";
import {
  type AppState,
  actions,
  appStore,
  type ColorBy,
  DEFAULT_FILTERS,
  type LineageMode,
  type SidePanel,
  type SizeBy,
  type View,
} from "./store.ts";

/**
 * Deep links: the URL holds the view, the selection, the console's query, the filters,
 * the size rule and the camera, so a view can be shared. Parameters:
 * `view`, `node`, `panel`, `q` (Cypher), `hide` (labels), `types` (hidden relationship
 * types), `min` (min degree), `iso` (hide isolated), `size`, `cam` (x,y,ratio),
 * `from`/`to` (YYYY-MM, the date filter), `color=community`, `papers=1`, `lineage=time`
 * (the lineage view as the family's growth over time).
 */
export interface UrlState {
  view: View;
  selected: string | null;
  lineageMode: LineageMode;
  panel: SidePanel;
  query: string;
  hiddenLabels: NodeLabel[];
  hiddenTypes: RelType[];
  minDegree: number;
  hideIsolated: boolean;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  showPapers: boolean;
  from: number | null;
  to: number | null;
  camera: { x: number; y: number; ratio: number } | null;
}

const VIEWS: View[] = ["graph", "lineage", "console"];

function month(value: string | null): number | null {
  const m = monthIndex(value);
  return m < 0 ? null : m;
}

export function parseUrl(search: string): UrlState {
  const p = new URLSearchParams(search);
  const list = <T extends string>(value: string | null, allowed: readonly T[]) =>
    (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
  const cam = (p.get("cam") ?? "").split(",").map(Number);
  const view = p.get("view");
  return {
    view: VIEWS.includes(view as View) ? (view as View) : "graph",
    selected: p.get("node") || null,
    lineageMode: p.get("lineage") === "time" ? "time" : "tree",
    panel: p.get("panel") === "related" ? "related" : "card",
    query: p.get("q") ?? "",
    hiddenLabels: list(p.get("hide"), NODE_LABELS),
    hiddenTypes: list(p.get("types"), REL_TYPES),
    minDegree: Math.max(0, Math.floor(Number(p.get("min") ?? 0)) || 0),
    hideIsolated: p.get("iso") === "1",
    sizeBy: p.get("size") === "pagerank" ? "pagerank" : "degree",
    colorBy: p.get("color") === "community" ? "community" : "label",
    showPapers: p.get("papers") === "1",
    from: month(p.get("from")),
    to: month(p.get("to")),
    camera:
      cam.length === 3 && cam.every(Number.isFinite) && (cam[2] ?? 0) > 0
        ? { x: cam[0] ?? 0.5, y: cam[1] ?? 0.5, ratio: cam[2] ?? 1 }
        : null,
  };
}

export function formatUrl(state: AppState, camera: UrlState["camera"]): string {
  const p = new URLSearchParams();
  if (state.view !== "graph") p.set("view", state.view);
  if (state.selected) p.set("node", state.selected);
  if (state.view === "lineage" && state.lineageMode === "time") p.set("lineage", "time");
  if (state.selected && state.panel === "related") p.set("panel", "related");
  if (state.query.trim() && state.view === "console") p.set("q", state.query);
  const f = state.filters;
  if (f.hiddenLabels.length) p.set("hide", f.hiddenLabels.join(","));
  if (f.hiddenTypes.length) p.set("types", f.hiddenTypes.join(","));
  if (f.minDegree > 0) p.set("min", String(f.minDegree));
  if (f.hideIsolated) p.set("iso", "1");
  if (f.from !== null) p.set("from", monthLabel(f.from));
  if (f.to !== null) p.set("to", monthLabel(f.to));
  if (state.sizeBy !== "degree") p.set("size", state.sizeBy);
  if (state.colorBy !== "label") p.set("color", state.colorBy);
  if (state.showPapers) p.set("papers", "1");
  if (camera && state.view === "graph") {
    p.set("cam", [camera.x.toFixed(4), camera.y.toFixed(4), camera.ratio.toFixed(4)].join(","));
  }
  const text = p.toString();
  return text ? `?${text}` : window.location.pathname;
}

/** The camera asked for by the URL, applied once the overview is drawn. */
export const pendingCamera: { value: UrlState["camera"] } = { value: null };
/** The camera as last seen, written to the URL. */
export const currentCamera: { value: UrlState["camera"] } = { value: null };

let applying = false;

export function applyUrl(search: string): void {
  const u = parseUrl(search);
  applying = true;
  pendingCamera.value = u.camera;
  actions.restore({
    view: u.view,
    selected: u.selected,
    lineageRoot: u.view === "lineage" ? u.selected : appStore.get().lineageRoot,
    lineageMode: u.lineageMode,
    panel: u.panel,
    query: u.query || appStore.get().query,
    runQueryOnOpen: u.view === "console" && u.query.trim() !== "",
    filters: {
      ...DEFAULT_FILTERS,
      hiddenLabels: u.hiddenLabels,
      hiddenTypes: u.hiddenTypes,
      minDegree: u.minDegree,
      hideIsolated: u.hideIsolated,
      from: u.from,
      to: u.to,
    },
    sizeBy: u.sizeBy,
    colorBy: u.colorBy,
    showPapers: u.showPapers,
  });
  applying = false;
}

let scheduled = 0;

/** Writes the state to the URL: a new history entry when the view or selection changes, else a replace. */
export function writeUrl(push: boolean): void {
  window.clearTimeout(scheduled);
  scheduled = window.setTimeout(() => {
    const next = formatUrl(appStore.get(), currentCamera.value);
    if (next === (window.location.search || window.location.pathname)) return;
    if (push) window.history.pushState(null, "", next);
    else window.history.replaceState(null, "", next);
  }, 120);
}

/** Starts two-way sync between the app state and the URL; returns the teardown. */
export function startUrlSync(): () => void {
  let previous = appStore.get();
  const unsubscribe = appStore.subscribe(() => {
    const s = appStore.get();
    if (applying) {
      previous = s;
      return;
    }
    const push =
      s.view !== previous.view || s.selected !== previous.selected || s.lineageMode !== previous.lineageMode;
    const relevant =
      push ||
      s.panel !== previous.panel ||
      s.query !== previous.query ||
      s.filters !== previous.filters ||
      s.sizeBy !== previous.sizeBy ||
      s.colorBy !== previous.colorBy ||
      s.showPapers !== previous.showPapers;
    previous = s;
    if (relevant) writeUrl(push);
  });
  const onPop = () => applyUrl(window.location.search);
  window.addEventListener("popstate", onPop);
  return () => {
    unsubscribe();
    window.removeEventListener("popstate", onPop);
  };
}
