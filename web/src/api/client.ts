import {
  type ApiError,
  ApiErrorSchema,
  CardResponseSchema,
  CypherResponseSchema,
  ExpandResponseSchema,
  GraphColumnsSchema,
  GraphResponseSchema,
  HealthResponseSchema,
  IngestJobSchema,
  LineageResponseSchema,
  PathResponseSchema,
  RelatedResponseSchema,
  SchemaResponseSchema,
  SearchResponseSchema,
  StatsResponseSchema,
} from "@kg/graph-schema";
import type { z } from "zod";

/** Why a request failed, in words a researcher can act on. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  /** The server is down or Neo4j behind it is (503). */
  get unreachable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 502 || this.status === 504;
  }
}

async function request<T extends z.ZodType>(
  path: string,
  schema: T,
  init?: RequestInit,
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: "application/json" }, ...init });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiRequestError(
      "The server cannot be reached. Is it running? Start it with `npm start`.",
      0,
      null,
    );
  }
  const t0 = performance.now();
  const text = await response.text();
  const t1 = performance.now();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  const name = path.split("?")[0];
  performance.measure(`kg:download ${name}`, { start: t0, end: t1 });
  performance.measure(`kg:json ${name}`, { start: t1, end: performance.now() });
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    const body = parsed.success ? parsed.data : null;
    let message = body?.error ?? `${response.status} ${response.statusText}`;
    if (response.status === 404 && !body) message = `This server has no ${path.split("?")[0]} endpoint yet.`;
    throw new ApiRequestError(message, response.status, body);
  }
  const t2 = performance.now();
  const parsed = schema.safeParse(json);
  performance.measure(`kg:schema ${name}`, { start: t2, end: performance.now() });
  if (!parsed.success) {
    throw new ApiRequestError(
      `The server's answer to ${path.split("?")[0]} did not match the API contract.`,
      500,
      null,
    );
  }
  return parsed.data;
}

const enc = encodeURIComponent;
const postJson = (body: unknown, signal?: AbortSignal): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/json" },
  body: JSON.stringify(body),
  ...(signal ? { signal } : {}),
});

/** Typed access to every endpoint; each answer is parsed with the contract's zod schema. */
export const api = {
  health: (signal?: AbortSignal) => request("/api/health", HealthResponseSchema, { signal }),
  stats: (signal?: AbortSignal) => request("/api/stats", StatsResponseSchema, { signal }),
  graph: (limit: number, signal?: AbortSignal) =>
    request(`/api/graph?limit=${limit}`, GraphResponseSchema, { signal }),
  /** The whole graph in the compact form the overview loads (see graph-schema/src/wire-columns.ts). */
  graphColumns: (limit: number, signal?: AbortSignal) =>
    request(`/api/graph?limit=${limit}&format=columns`, GraphColumnsSchema, { signal }),
  search: (q: string, limit = 10, signal?: AbortSignal) =>
    request(`/api/search?q=${enc(q)}&limit=${limit}`, SearchResponseSchema, { signal }),
  card: (id: string, signal?: AbortSignal) =>
    request(`/api/nodes/${enc(id)}/card`, CardResponseSchema, { signal }),
  lineage: (id: string, depth = 10, signal?: AbortSignal) =>
    request(`/api/nodes/${enc(id)}/lineage?depth=${depth}`, LineageResponseSchema, { signal }),
  related: (id: string, limit = 20, signal?: AbortSignal) =>
    request(`/api/nodes/${enc(id)}/related?limit=${limit}`, RelatedResponseSchema, { signal }),
  expand: (id: string, limit = 100, signal?: AbortSignal) =>
    request(`/api/nodes/${enc(id)}/expand?limit=${limit}`, ExpandResponseSchema, { signal }),
  path: (from: string, to: string, signal?: AbortSignal) =>
    request(`/api/path?from=${enc(from)}&to=${enc(to)}`, PathResponseSchema, { signal }),
  cypher: (query: string, signal?: AbortSignal) =>
    request("/api/cypher", CypherResponseSchema, postJson({ query }, signal)),
  schema: (signal?: AbortSignal) => request("/api/schema", SchemaResponseSchema, { signal }),
  ingest: (files: { name: string; text: string }[]) =>
    request("/api/ingest", IngestJobSchema, postJson({ files })),
  ingestJob: (id: string, signal?: AbortSignal) =>
    request(`/api/ingest/${enc(id)}`, IngestJobSchema, { signal }),
};
