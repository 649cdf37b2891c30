/** The console's query history, kept in localStorage (newest first, no duplicates). */
export interface HistoryEntry {
  query: string;
  at: number;
  /** Rows returned, or null when the query failed. */
  rows: number | null;
}

const KEY = "kg.console.history";
const MAX = 50;

export function readHistory(): HistoryEntry[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(raw)
      ? raw.filter(
          (e): e is HistoryEntry => typeof e === "object" && e !== null && typeof e.query === "string",
        )
      : [];
  } catch {
    return [];
  }
}

export function pushHistory(entry: HistoryEntry): HistoryEntry[] {
  const next = [entry, ...readHistory().filter((e) => e.query.trim() !== entry.query.trim())].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only loses the history.
  }
  return next;
}

export function clearHistory(): void {
  localStorage.removeItem(KEY);
}
