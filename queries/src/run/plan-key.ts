/**
 * The key Neo4j 5 caches a query's plan under: its text, and per parameter its type
 * and, for a string or a list, the size bucket of its length (0, 1, then the next power
 * of ten: 2–10, 11–100, …; Neo4j's SizeBucket). A lineage rehearsed with an 8-character
 * key was planned for keys of 2–10 characters, and the first callers with real 11–100
 * character keys each planned it again, 50 at once. The plan gate keys on this, so
 * callers of one cache entry share its one compile, and different entries do not wait
 * for each other.
 */
import neo4j from "neo4j-driver";

/** Neo4j's SizeBucket.computeBucket: exact for 0 and 1, else the next power of ten. */
export function sizeBucket(size: number): number {
  return size <= 1 ? size : 10 ** Math.ceil(Math.log10(size));
}

/** A value's type as the plan cache tells types apart; unknown kinds are told apart too. */
function shapeOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return `s${sizeBucket(stringLength(value))}`;
  if (typeof value === "boolean") return "b";
  if (typeof value === "number") return "f";
  if (neo4j.isInt(value) || typeof value === "bigint") return "i";
  if (Array.isArray(value)) {
    // Element types are part of the list's type; their sizes are not.
    const kinds = new Set(value.map((item) => shapeOf(item).replace(/\d+$/, "")));
    return `l${sizeBucket(value.length)}<${[...kinds].sort().join("|")}>`;
  }
  return "m";
}

/** Length in code points, as Neo4j counts a string's length. */
function stringLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

export function planCacheKey(cypher: string, params: Record<string, unknown> = {}): string {
  const shapes = Object.keys(params)
    .sort()
    .map((name) => `${name}:${shapeOf(params[name])}`);
  return `${cypher}\u0000${shapes.join(",")}`;
}
