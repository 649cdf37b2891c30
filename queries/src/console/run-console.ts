/**
 * The Cypher console: runs what the user typed, read-only, capped and timed.
 *
 * Guards, in order: size limits (nesting depth, tokens) so nothing that could
 * overflow Neo4j's parser reaches it; the static read-only check (clear message up
 * front); the planner's opinion; a READ transaction (Neo4j itself refuses writes); a
 * transaction timeout (the server cancels the query) and, past it, a client-side
 * deadline that closes the connection. Console queries run on their own few
 * connections (503 when all are busy). Rows stream and the stream is cancelled at the
 * row or byte cap. Nodes, relationships and paths anywhere in the result also come back as
 * a wire graph. Neo4j's own error messages are kept, with the position parsed out.
 */
import { randomUUID } from "node:crypto";
import {
  type CypherResponse,
  NodeLabelSchema,
  nodeId,
  RelTypeSchema,
  type WireEdge,
  type WireNode,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";
import { NodeRowSchema, nodeProjection, toWireEdge, toWireNode } from "../read/wire.ts";
import { type Database, DEFAULT_RAW_MAX_BYTES } from "../run/database.ts";
import {
  isPlainNode,
  isPlainPath,
  isPlainRelationship,
  type PlainNode,
  type PlainRelationship,
} from "../run/plain.ts";
import { checkComplexity } from "./complexity.ts";
import { checkReadOnlyTokens } from "./read-only.ts";
import { tokenizeCypher } from "./tokenize.ts";

export interface ConsoleLimits {
  /** Default and ceiling of the time limit (config.QUERY_TIMEOUT_MS). */
  timeoutMs: number;
  /** Default and ceiling of the row cap (config.QUERY_MAX_ROWS). */
  maxRows: number;
  /** Ceiling of the rows' JSON size (config.QUERY_MAX_BYTES; default 8 MB). */
  maxBytes?: number;
}

export interface ConsoleRequest {
  query: string;
  params?: Record<string, unknown>;
  maxRows?: number | undefined;
  timeoutMs?: number | undefined;
}

export interface CypherPosition {
  offset: number;
  line: number;
  column: number;
}

/** A refused or failed console query: the API sends `{error, code, position}` with this status. */
export class ConsoleError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly code?: string,
    readonly position?: CypherPosition,
  ) {
    super(message);
    this.name = "ConsoleError";
  }

  toApiError(): { error: string; code?: string; position?: CypherPosition } {
    return {
      error: this.message,
      ...(this.code ? { code: this.code } : {}),
      ...(this.position ? { position: this.position } : {}),
    };
  }
}

/** Line and column of an offset (1-based, as Neo4j counts). */
export function positionAt(query: string, offset: number): CypherPosition {
  const before = query.slice(0, offset).split("\n");
  return { offset, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Neo4j writes the position into the message: `(line 2, column 1 (offset: 10))`. */
export function parseNeo4jPosition(message: string): CypherPosition | undefined {
  const match = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) };
}

const TIMEOUT_CODES = /TransactionTimedOut|Transaction\.Terminated|TransactionTerminated/;

/**
 * The console's own transactions: SHOW TRANSACTIONS is answered with this, filtered to
 * the transaction carrying the console's one-off token, and never with parameters.
 */
export const CONSOLE_OWN_TRANSACTIONS_CYPHER = /* cypher */ `
  SHOW TRANSACTIONS
  YIELD database, transactionId, currentQueryId, connectionId, currentQuery, status, elapsedTime, metaData
  WHERE metaData.kgConsoleToken = $token
  RETURN database, transactionId, currentQueryId, connectionId, currentQuery, status, elapsedTime`;

/** Neo4j's memory guards: one transaction's limit, the pool of all transactions, the heap. */
const MEMORY_CODES =
  /^Neo\.(ClientError|TransientError)\.General\.(TransactionOutOfMemoryError|MemoryPoolOutOfMemoryError|OutOfMemoryError)$/;

/**
 * 507 naming the limit that was hit (the setting is in Neo4j's message: "…
 * db.memory.transaction.total.max threshold reached", "… 'server.memory.heap.max_size'").
 */
export function memoryError(code: string, message: string): ConsoleError {
  const setting =
    /([a-z_]+(?:\.[a-z_]+){2,}) threshold reached/.exec(message)?.[1] ??
    /'([a-z_]+(?:\.[a-z_]+){2,})'/.exec(message)?.[1] ??
    (/Pool/.test(code)
      ? "db.memory.transaction.total.max"
      : /Transaction/.test(code)
        ? "db.memory.transaction.max"
        : "the JVM heap (server.memory.heap.max_size)");
  const limit = /more than the limit ([\d.]+ [KMGT]?i?B)/.exec(message)?.[1];
  const which = limit ? `limit ${limit}, ${setting}` : setting;
  return new ConsoleError(
    `console: the query needed more memory than Neo4j allows (${which}) and was stopped; nothing was returned. Narrow it with a LIMIT, fewer collected lists or a more selective MATCH. Neo4j said: ${message}`,
    507,
    code,
  );
}

/** Maps a driver error to a ConsoleError: user errors are 400, timeouts 408, writes 403. */
export function toConsoleError(error: unknown, timeoutMs: number): ConsoleError | unknown {
  const e = error as { code?: unknown; message?: unknown; gqlStatus?: unknown; statusCode?: unknown };
  if (typeof e?.code !== "string" || typeof e.message !== "string") return error;
  const code = e.code;
  // Ours (client deadline, busy console): already a status and a message.
  if (typeof e.statusCode === "number") return new ConsoleError(e.message, e.statusCode, code);
  if (TIMEOUT_CODES.test(code) && !/TimedOut/.test(code)) {
    return new ConsoleError(`console: the query was terminated in the database: ${e.message}`, 408, code);
  }
  if (TIMEOUT_CODES.test(code)) {
    return new ConsoleError(
      `console: the query ran longer than ${timeoutMs} ms and was cancelled in the database (QUERY_TIMEOUT_MS). Narrow it with a LIMIT or a more selective MATCH.`,
      408,
      code,
    );
  }
  if (MEMORY_CODES.test(code)) return memoryError(code, e.message);
  if (code === "Neo.ClientError.Statement.AccessMode") {
    return new ConsoleError(
      `console: Neo4j refused a write in the read-only console: ${e.message}`,
      403,
      code,
    );
  }
  if (code.startsWith("Neo.ClientError.")) {
    return new ConsoleError(e.message, 400, code, parseNeo4jPosition(e.message));
  }
  return error;
}

/** Nodes that relationships in a result point at but the result itself does not hold. */
export const consoleNodesByElementIdQuery = defineQuery({
  name: "consoleNodesByElementId",
  mode: "READ",
  cypher: /* cypher */ `
    UNWIND $elementIds AS elementId
    MATCH (n) WHERE elementId(n) = elementId
    RETURN elementId, ${nodeProjection("n")} AS node`,
  params: z.object({ elementIds: z.array(z.string()).max(10_000) }),
  row: z.object({ elementId: z.string(), node: NodeRowSchema }),
});

/** How many returned nodes the console looks up the relationships among, and how many it adds. */
export const CONSOLE_AMONG_MAX_NODES = 2_000;
export const CONSOLE_AMONG_MAX_EDGES = 5_000;

/**
 * The relationships among the nodes a query returned, which a query that returns only
 * nodes (`RETURN p, d, m`) leaves out, so its graph would be dots without lines.
 */
export const consoleRelationshipsAmongQuery = defineQuery({
  name: "consoleRelationshipsAmong",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (a) WHERE elementId(a) IN $elementIds
    WITH collect(a) AS among
    UNWIND among AS a
    MATCH (a)-[r]->(b)
    WHERE b IN among AND NOT type(r) = 'FROM_SOURCE'
    WITH r, a, b LIMIT $limit
    RETURN elementId(r) AS elementId, type(r) AS type, elementId(a) AS startElementId,
           elementId(b) AS endElementId, properties(r) AS properties`,
  params: z.object({
    elementIds: z.array(z.string()).max(CONSOLE_AMONG_MAX_NODES),
    limit: z.number().int().min(1),
  }),
  row: z.object({
    elementId: z.string(),
    type: z.string(),
    startElementId: z.string(),
    endElementId: z.string(),
    properties: z.record(z.string(), z.unknown()),
  }),
});

/** The wire node of a driver node, when it has a schema label and a key; else null. */
export function plainNodeToWire(node: PlainNode): WireNode | null {
  const label = node.labels.map((l) => NodeLabelSchema.safeParse(l)).find((r) => r.success)?.data;
  const p = node.properties;
  const key = typeof p.key === "string" ? p.key : typeof p.id === "string" ? p.id : null;
  if (!label || key === null) return null;
  const name = [p.name, p.title, p.path, key].find((v) => typeof v === "string") as string;
  const { aliasText: _a, evidenceKeys: _k, ...properties } = p;
  return { id: nodeId(label, key), label, name, properties: { key, ...properties } };
}

/**
 * Every node, relationship and path found anywhere in the rows (lists and maps too),
 * as a wire graph. Relationships whose ends are not in the rows are completed with one
 * lookup by element id.
 */
export async function rowsToGraph(
  db: Database,
  rows: unknown[][],
  timeoutMs: number,
): Promise<{ nodes: WireNode[]; edges: WireEdge[] }> {
  const nodes = new Map<string, WireNode>();
  const idByElement = new Map<string, string>();
  const relationships = new Map<string, PlainRelationship>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (isPlainNode(value)) {
      const wire = plainNodeToWire(value);
      if (wire) {
        nodes.set(wire.id, wire);
        idByElement.set(value.elementId, wire.id);
      }
      return;
    }
    if (isPlainRelationship(value)) {
      relationships.set(value.elementId, value);
      return;
    }
    if (isPlainPath(value)) {
      for (const n of value.nodes) visit(n, depth + 1);
      for (const r of value.relationships) visit(r, depth + 1);
      return;
    }
    for (const inner of Object.values(value)) visit(inner, depth + 1);
  };
  for (const row of rows) visit(row, 0);

  // The relationships among the returned nodes that the rows did not carry themselves.
  if (idByElement.size >= 2 && idByElement.size <= CONSOLE_AMONG_MAX_NODES) {
    const among = await db.run(
      consoleRelationshipsAmongQuery,
      { elementIds: [...idByElement.keys()], limit: CONSOLE_AMONG_MAX_EDGES },
      { timeoutMs },
    );
    for (const r of among) {
      if (!relationships.has(r.elementId)) relationships.set(r.elementId, { kind: "relationship", ...r });
    }
  }

  const missing = new Set<string>();
  for (const r of relationships.values()) {
    for (const end of [r.startElementId, r.endElementId]) if (!idByElement.has(end)) missing.add(end);
  }
  if (missing.size > 0) {
    const found = await db.run(
      consoleNodesByElementIdQuery,
      { elementIds: [...missing].slice(0, 10_000) },
      { timeoutMs },
    );
    for (const { elementId, node } of found) {
      const parsed = NodeLabelSchema.safeParse(node.label);
      if (!parsed.success) continue;
      const wire = toWireNode(node);
      if (!nodes.has(wire.id)) nodes.set(wire.id, wire);
      idByElement.set(elementId, wire.id);
    }
  }
  const edges = new Map<string, WireEdge>();
  for (const r of relationships.values()) {
    const type = RelTypeSchema.safeParse(r.type);
    const source = idByElement.get(r.startElementId);
    const target = idByElement.get(r.endElementId);
    if (!type.success || !source || !target) continue;
    const { evidenceKeys: _k, ...properties } = r.properties;
    const edge = toWireEdge(type.data, source, target, properties);
    edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

const EXPLAIN_OR_PROFILE = /^\s*(EXPLAIN|PROFILE)\b/i;

/**
 * The second opinion after the tokenizer: Neo4j's own planner says whether the query
 * writes (`rw`, `w`) or changes the schema (`s`). Statements the planner cannot
 * explain (SHOW commands, bad Cypher) go on to the real run: the static check
 * vetted them, and the READ transaction still refuses writes.
 */
async function refuseWritePlans(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<void> {
  if (EXPLAIN_OR_PROFILE.test(checkReadOnlyText(query))) return;
  let queryType: string;
  try {
    queryType = await db.explain(query, params, timeoutMs);
  } catch (error) {
    // A deadline or a busy console is final; bad Cypher fails again in the real run,
    // which reports Neo4j's positions without the EXPLAIN prefix shifting them.
    if (typeof (error as { statusCode?: unknown }).statusCode === "number") {
      throw toConsoleError(error, timeoutMs);
    }
    return;
  }
  if (queryType !== "r") {
    const kind = queryType === "s" ? "changes the schema" : "writes to the graph";
    throw new ConsoleError(
      `console: this query ${kind} (Neo4j plans it as '${queryType}'); the console is read-only.`,
      403,
      "Console.ReadOnly",
    );
  }
}

/** The query without leading comments, for the EXPLAIN/PROFILE prefix test. */
function checkReadOnlyText(query: string): string {
  return query.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*/, "");
}

/** Runs a console query read-only; throws ConsoleError for refusals and Cypher errors. */
export async function runConsoleQuery(
  db: Database,
  request: ConsoleRequest,
  limits: ConsoleLimits,
): Promise<CypherResponse> {
  const query = request.query;
  if (query.trim().length === 0) throw new ConsoleError("console: the query is empty", 400);
  const code = tokenizeCypher(query).tokens.filter((t) => t.kind !== "comment");
  const size = checkComplexity(code);
  if (!size.ok) {
    throw new ConsoleError(size.reason, 400, "Console.TooComplex", positionAt(query, size.offset));
  }
  const verdict = checkReadOnlyTokens(code);
  if (!verdict.ok) {
    throw new ConsoleError(verdict.reason, 403, "Console.ReadOnly", positionAt(query, verdict.offset));
  }
  const params = request.params ?? {};
  if (verdict.showTransactions && Object.keys(params).length > 0) {
    throw new ConsoleError("console: SHOW TRANSACTIONS takes no parameters", 400, "Console.ReadOnly");
  }
  // The caller may lower the limits, never raise them past the configuration.
  const timeoutMs = Math.min(request.timeoutMs ?? limits.timeoutMs, limits.timeoutMs);
  const maxRows = Math.min(request.maxRows ?? limits.maxRows, limits.maxRows);
  const maxBytes = limits.maxBytes ?? DEFAULT_RAW_MAX_BYTES;
  if (!verdict.showTransactions) await refuseWritePlans(db, query, params, timeoutMs);
  const started = performance.now();
  let raw: Awaited<ReturnType<Database["runRaw"]>>;
  try {
    if (verdict.showTransactions) {
      const token = randomUUID();
      raw = await db.runRaw(
        CONSOLE_OWN_TRANSACTIONS_CYPHER,
        { token },
        { mode: "READ", timeoutMs, maxRows, maxBytes, metadata: { kgConsoleToken: token } },
      );
    } else {
      raw = await db.runRaw(query, params, { mode: "READ", timeoutMs, maxRows, maxBytes });
    }
  } catch (error) {
    throw toConsoleError(error, timeoutMs);
  }
  const graph = await rowsToGraph(db, raw.rows, timeoutMs);
  return {
    columns: raw.columns,
    rows: raw.rows,
    graph: { ...graph, truncated: raw.truncated },
    truncated: raw.truncated,
    rowCount: raw.rows.length,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
