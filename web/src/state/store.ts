import type { NodeLabel, RelType } from "@kg/graph-schema";
import { useSyncExternalStore } from "react";

export type View = "graph" | "lineage" | "console";
export type SizeBy = "degree" | "pagerank";
export type SidePanel = "card" | "related";

export interface Filters {
  hiddenLabels: NodeLabel[];
  hiddenTypes: RelType[];
  minDegree: number;
  hideIsolated: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenLabels: [],
  hiddenTypes: [],
  minDegree: 0,
  hideIsolated: false,
};

export type LoadState =
  | { state: "idle" }
  | { state: "loading"; message: string }
  | { state: "ready" }
  | { state: "empty" }
  | { state: "error"; message: string; unreachable: boolean };

export interface AppState {
  view: View;
  selected: string | null;
  hovered: string | null;
  panel: SidePanel;
  filters: Filters;
  sizeBy: SizeBy;
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
  counts: { nodes: number; edges: number; visibleNodes: number; visibleEdges: number };
  /** Nodes added by the last import, highlighted until the next selection. */
  fresh: string[];
  importOpen: boolean;
  helpOpen: boolean;
}

export const INITIAL_STATE: AppState = {
  view: "graph",
  selected: null,
  hovered: null,
  panel: "card",
  filters: DEFAULT_FILTERS,
  sizeBy: "degree",
  layoutRunning: false,
  query: "",
  runQueryOnOpen: false,
  load: { state: "idle" },
  graphVersion: 0,
  truncated: false,
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

export const actions = {
  select(id: string | null) {
    appStore.set((s) => ({ selected: id, panel: id ? s.panel : "card", fresh: id ? [] : s.fresh }));
  },
  setView(view: View) {
    appStore.set({ view });
  },
  setFilters(patch: Partial<Filters>) {
    appStore.set((s) => ({ filters: { ...s.filters, ...patch } }));
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
};
