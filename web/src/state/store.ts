import type { NodeLabel, RelType } from "@kg/graph-schema";
import { useSyncExternalStore } from "react";

export type View = "graph" | "lineage" | "console";
export type SizeBy = "degree" | "pagerank";
export type SidePanel = "card" | "related";
export type ColorBy = "label" | "community";
/** The lineage view as a tree, or as the family's growth over time. */
export type LineageMode = "tree" | "time";

export interface Filters {
  hiddenLabels: NodeLabel[];
  hiddenTypes: RelType[];
  minDegree: number;
  hideIsolated: boolean;
  /** Month indices (graph-schema monthIndex): only nodes first seen in a paper of this range. */
  from: number | null;
  to: number | null;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenLabels: [],
  hiddenTypes: [],
  minDegree: 0,
  hideIsolated: false,
  from: null,
  to: null,
};

/** What the server's lineage map left out and how large the database is. */
export interface OverviewInfo {
  aggregated: { label: NodeLabel; count: number }[];
  total: { nodes: number; relationships: number };
  /** First and last month any drawn node was first seen in, for the date filter; null when none is dated. */
  months: { min: number; max: number } | null;
}

export type LoadState =
  | { state: "idle" }
  | { state: "loading"; message: string }
  | { state: "ready" }
  | { state: "empty" }
  | { state: "error"; message: string; unreachable: boolean };

export interface AppState {
  view: View;
  selected: string | null;
  /** The lineage view's root: a model id, or a name the server resolves (a deep link). */
  lineageRoot: string | null;
  lineageMode: LineageMode;
  hovered: string | null;
  panel: SidePanel;
  filters: Filters;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  /** Papers and authors on the map too. */
  showPapers: boolean;
  layoutRunning: boolean;
  /** The console's query text (mirrored in the URL). */
  query: string;
  /** Run the console query once the console mounts (a deep link with a query). */
  runQueryOnOpen: boolean;
  load: LoadState;
  /** Bumped whenever the overview's graph changes content. */
  graphVersion: number;
  /** The server capped the graph. */
  truncated: boolean;
  overview: OverviewInfo | null;
  counts: { nodes: number; edges: number; visibleNodes: number; visibleEdges: number };
  /** Nodes added by the last import, highlighted until the next selection. */
  fresh: string[];
  importOpen: boolean;
  helpOpen: boolean;
}

export const INITIAL_STATE: AppState = {
  view: "graph",
  selected: null,
  lineageRoot: null,
  lineageMode: "tree",
  hovered: null,
  panel: "card",
  filters: DEFAULT_FILTERS,
  sizeBy: "degree",
  colorBy: "label",
  showPapers: false,
  layoutRunning: false,
  query: "",
  runQueryOnOpen: false,
  load: { state: "idle" },
  graphVersion: 0,
  truncated: false,
  overview: null,
  counts: { nodes: 0, edges: 0, visibleNodes: 0, visibleEdges: 0 },
  fresh: [],
  importOpen: false,
  helpOpen: false,
};

type Listener = () => void;

/** A minimal external store: React reads it with useSyncExternalStore, controllers subscribe directly. */
export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: Listener): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === "function" ? patch(state) : patch;
      let changed = false;
      for (const key of Object.keys(next) as (keyof S)[]) {
        if (!Object.is(state[key], next[key])) changed = true;
      }
      if (!changed) return;
      state = { ...state, ...next };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const appStore = createStore<AppState>(INITIAL_STATE);

/** Subscribes a component to one slice of the app state. */
export function useApp<T>(select: (state: AppState) => T): T {
  return useSyncExternalStore(
    appStore.subscribe,
    () => select(appStore.get()),
    () => select(appStore.get()),
  );
}

/** Calls `listener` when the selected slice changes (compared with Object.is); returns the unsubscribe. */
export function watch<T>(
  select: (state: AppState) => T,
  listener: (value: T, previous: T) => void,
): () => void {
  let previous = select(appStore.get());
  return appStore.subscribe(() => {
    const value = select(appStore.get());
    if (Object.is(value, previous)) return;
    const old = previous;
    previous = value;
    listener(value, old);
  });
}

/** Every change of the page's state goes through one of these (nothing else calls appStore.set). */
export const actions = {
  select(id: string | null) {
    appStore.set((s) => ({ selected: id, panel: id ? s.panel : "card", fresh: id ? [] : s.fresh }));
  },
  /** Opens a node in a view: the lineage view's root is the selection. */
  open(view: View, id: string | null) {
    appStore.set((s) => ({ view, selected: id, panel: id ? s.panel : "card", fresh: id ? [] : s.fresh }));
  },
  /** Roots the lineage tree at a model (search, double-click, a deep link). */
  setLineageRoot(id: string | null) {
    appStore.set({ lineageRoot: id });
  },
  /** The server resolved the root's name to this id: the selection follows when it was the name. */
  lineageResolved(asked: string, id: string) {
    appStore.set((s) => ({
      lineageRoot: s.lineageRoot === asked ? id : s.lineageRoot,
      selected: s.selected === asked ? id : s.selected,
    }));
  },
  /** Switching to the lineage view roots it at the selected model (the `l` key, the tab). */
  setView(view: View) {
    appStore.set((s) => ({
      view,
      lineageRoot: view === "lineage" && s.selected?.startsWith("Model:") ? s.selected : s.lineageRoot,
    }));
  },
  openLineage(id: string) {
    appStore.set({ view: "lineage", selected: id, lineageRoot: id, lineageMode: "tree" });
  },
  /** The lineage view on how the model's family grew over time. */
  openGrowth(id: string) {
    appStore.set({ view: "lineage", selected: id, lineageRoot: id, lineageMode: "time" });
  },
  setLineageMode(mode: LineageMode) {
    appStore.set({ lineageMode: mode });
  },
  setPanel(panel: SidePanel) {
    appStore.set({ panel });
  },
  togglePanel() {
    appStore.set((s) => ({ panel: s.panel === "related" ? "card" : "related" }));
  },
  setHovered(id: string | null) {
    appStore.set({ hovered: id });
  },
  setFilters(patch: Partial<Filters>) {
    appStore.set((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  resetFilters() {
    appStore.set({ filters: DEFAULT_FILTERS });
  },
  setDateRange(from: number | null, to: number | null) {
    appStore.set((s) => ({ filters: { ...s.filters, from, to } }));
  },
  toggleLabel(label: NodeLabel) {
    appStore.set((s) => {
      const hidden = s.filters.hiddenLabels.includes(label)
        ? s.filters.hiddenLabels.filter((l) => l !== label)
        : [...s.filters.hiddenLabels, label];
      return { filters: { ...s.filters, hiddenLabels: hidden } };
    });
  },
  toggleType(type: RelType) {
    appStore.set((s) => {
      const hidden = s.filters.hiddenTypes.includes(type)
        ? s.filters.hiddenTypes.filter((t) => t !== type)
        : [...s.filters.hiddenTypes, type];
      return { filters: { ...s.filters, hiddenTypes: hidden } };
    });
  },
  setSizeBy(sizeBy: SizeBy) {
    appStore.set({ sizeBy });
  },
  setColorBy(colorBy: ColorBy) {
    appStore.set({ colorBy });
  },
  setShowPapers(showPapers: boolean) {
    appStore.set({ showPapers });
  },
  setLayoutRunning(running: boolean) {
    appStore.set({ layoutRunning: running });
  },
  toggleLayout() {
    appStore.set((s) => ({ layoutRunning: !s.layoutRunning }));
  },
  openImport() {
    appStore.set({ importOpen: true });
  },
  closeImport() {
    appStore.set({ importOpen: false });
  },
  setHelp(open: boolean) {
    appStore.set({ helpOpen: open });
  },
  closeOverlays() {
    appStore.set({ helpOpen: false, importOpen: false });
  },
  markFresh(ids: string[]) {
    appStore.set({ fresh: ids });
  },
  setQuery(query: string) {
    appStore.set({ query });
  },
  queryRan() {
    appStore.set({ runQueryOnOpen: false });
  },
  setCounts(counts: AppState["counts"]) {
    appStore.set({ counts });
  },
  loading(message: string) {
    appStore.set({ load: { state: "loading", message } });
  },
  loadFailed(message: string, unreachable: boolean) {
    appStore.set({ load: { state: "error", message, unreachable } });
  },
  graphLoaded(empty: boolean, truncated: boolean, overview: OverviewInfo | null) {
    appStore.set((s) => ({
      load: empty ? { state: "empty" } : { state: "ready" },
      graphVersion: s.graphVersion + 1,
      truncated,
      overview,
    }));
  },
  /** The state a URL asks for (deep links, back and forward). */
  restore(patch: Partial<AppState>) {
    appStore.set(patch);
  },
};
