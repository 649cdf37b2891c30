/**
 * Driver values end here: Neo4j integers, temporal values, nodes, relationships and
 * paths become plain JSON, so nothing past the runner imports a neo4j type.
 */
import neo4j from "neo4j-driver";

export interface PlainNode {
  kind: "node";
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  kind: "relationship";
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
export interface PlainPath {
  kind: "path";
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

export function isPlainNode(value: unknown): value is PlainNode {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "node" &&
    "labels" in value
  );
}
export function isPlainRelationship(value: unknown): value is PlainRelationship {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "relationship";
}
export function isPlainPath(value: unknown): value is PlainPath {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "path";
}

/**
 * The map itself when every value is plain already (most rows of the named queries), else
 * a copy with the values converted. The driver's maps and lists are this caller's own, so
 * they are handed on rather than copied: a copy of every map and list of every row was a
 * good part of what a read allocated, and the row check (zod) copies them once more anyway.
 */
function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in properties) {
    const value = properties[key];
    const plain = toPlain(value);
    if (plain !== value && !out) out = { ...properties };
    if (out) out[key] = plain;
  }
  return out ?? properties;
}

/** The list itself when every item is plain already, else a converted copy (see plainProperties). */
function plainList(items: unknown[]): unknown[] {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const plain = toPlain(item);
    if (plain === item) continue;
    const out = items.slice();
    out[i] = plain;
    for (let j = i + 1; j < out.length; j++) out[j] = toPlain(out[j]);
    return out;
  }
  return items;
}

/** Converts any value the driver returns into JSON-safe data. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers, lists and maps are most of every answer: they skip the dozen type
  // checks below (each of which reads symbols off the value), a few percent of a read's CPU.
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return plainList(value);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return plainProperties(value as Record<string, unknown>);
  }
  // Integers past 2^53 would lose digits as numbers: they come back as exact decimal strings.
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value)) {
    return {
      kind: "node",
      elementId: value.elementId,
      labels: [...value.labels],
      properties: plainProperties(value.properties),
    } satisfies PlainNode;
  }
  if (neo4j.isRelationship(value)) {
    return {
      kind: "relationship",
      elementId: value.elementId,
      type: value.type,
      startElementId: value.startNodeElementId,
      endElementId: value.endNodeElementId,
      properties: plainProperties(value.properties),
    } satisfies PlainRelationship;
  }
  if (neo4j.isPath(value)) {
    const nodes: PlainNode[] = [toPlain(value.start) as PlainNode];
    const relationships: PlainRelationship[] = [];
    for (const segment of value.segments) {
      relationships.push(toPlain(segment.relationship) as PlainRelationship);
      nodes.push(toPlain(segment.end) as PlainNode);
    }
    return { kind: "path", nodes, relationships } satisfies PlainPath;
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) return { srid: toPlain(value.srid), x: value.x, y: value.y, z: value.z ?? null };
  // Any other object: its own fields, as a plain map.
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

/**
 * Plain data with every string longer than maxChars cut, ending in a note that says how
 * long it was, so one huge property cannot make an answer huge.
 */
export function capStrings(value: unknown, maxChars: number): unknown {
  if (typeof value === "string") {
    return value.length > maxChars
      ? `${value.slice(0, maxChars)}… [cut: ${value.length} characters in all]`
      : value;
  }
  if (Array.isArray(value)) return value.map((item) => capStrings(item, maxChars));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = capStrings(inner, maxChars);
    return out;
  }
  return value;
}

/**
 * Integers go to the server as Neo4j integers (LIMIT and SKIP need them); every other
 * number stays a float. Queries that store a number that must stay float use toFloat().
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === "number" && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toDriverParams(inner);
    return out;
  }
  return value;
}
