/**
 * Shared pieces of the read queries: the compact node projection every query returns
 * (`label`, `key`, `name`), its zod schema, and the conversion to the wire format the
 * web reads. Pure: no driver here.
 */
import {
  KEY_PROPERTY,
  NODE_LABELS,
  type NodeLabel,
  NodeLabelSchema,
  nodeId,
  parseNodeId,
  type RelType,
  type WireEdge,
  type WireNode,
} from "@kg/graph-schema";
import { z } from "zod";

/**
 * Cypher projection of a node into `{label, key, name}`. `v` is the variable name;
 * it is always a literal of the query, never input.
 */
export function nodeProjection(v: string): string {
  return `{label: labels(${v})[0], key: coalesce(${v}.key, ${v}.id), name: coalesce(${v}.name, ${v}.title, ${v}.path, ${v}.key, ${v}.id)}`;
}

export const NodeRowSchema = z.object({ label: z.string(), key: z.string(), name: z.string() });
export type NodeRow = z.infer<typeof NodeRowSchema>;

/** The wire node of a projected row; extra properties are merged in. */
export function toWireNode(row: NodeRow, properties: Record<string, unknown> = {}): WireNode {
  const label = NodeLabelSchema.parse(row.label);
  return { id: nodeId(label, row.key), label, name: row.name, properties: { key: row.key, ...properties } };
}

/** Stable edge id, so the same relationship read by two queries is one edge on the page. */
export function wireEdgeId(type: string, source: string, target: string): string {
  return `${source}-${type}->${target}`;
}

export function toWireEdge(
  type: RelType,
  source: string,
  target: string,
  properties: Record<string, unknown> = {},
): WireEdge {
  return { id: wireEdgeId(type, source, target), type, source, target, properties };
}

/** Thrown when a caller names a node that is not a valid id; the API maps it to 400. */
export class QueryInputError extends Error {
  readonly statusCode = 400;
}

/** Thrown when the named node does not exist; the API maps it to 404. */
export class NotFoundError extends Error {
  readonly statusCode = 404;
}

export interface NodeRef {
  label: NodeLabel;
  key: string;
}

/** `Model:qwen2-5-7b-instruct` → `{label, key}`, with the label checked against the schema. */
export function parseNodeRef(id: string): NodeRef {
  let parsed: { label: string; key: string };
  try {
    parsed = parseNodeId(id);
  } catch {
    throw new QueryInputError(`queries: "${id}" is not a node id; expected "Label:key", e.g. "Model:gpt-4".`);
  }
  const label = NodeLabelSchema.safeParse(parsed.label);
  if (!label.success || parsed.key.length === 0) {
    throw new QueryInputError(
      `queries: "${id}" is not a node id; the label must be one of ${NODE_LABELS.join(", ")}.`,
    );
  }
  return { label: label.data, key: parsed.key };
}

/** Whether text looks like a wire id (`Label:key` with a known label), as opposed to a name. */
export function looksLikeNodeId(text: string): boolean {
  const colon = text.indexOf(":");
  return colon > 0 && NodeLabelSchema.safeParse(text.slice(0, colon)).success && colon < text.length - 1;
}

/** One query per label (labels cannot be parameters): builds the map once from the enum. */
export function perLabel<T>(build: (label: NodeLabel, keyProperty: "id" | "key") => T): Record<NodeLabel, T> {
  return Object.fromEntries(NODE_LABELS.map((label) => [label, build(label, KEY_PROPERTY[label])])) as Record<
    NodeLabel,
    T
  >;
}
