/**
 * Every HTTP route of the API, declared once: method, path, the zod schemas of its
 * inputs and of its answer, and the words of its OpenAPI description. The server binds
 * a handler to each (web/server/api), the page's client is derived from them
 * (web/src/api/client.ts), so a URL is typed in one place only.
 */
import { z } from "zod";
import {
  CardResponseSchema,
  CypherRequestSchema,
  CypherResponseSchema,
  ExpandQuerySchema,
  ExpandResponseSchema,
  ExportDetailsRequestSchema,
  ExportDetailsResponseSchema,
  GraphQuerySchema,
  GraphResponseSchema,
  HealthResponseSchema,
  IngestJobSchema,
  IngestRequestSchema,
  LineageChildrenQuerySchema,
  LineageChildrenResponseSchema,
  LineageQuerySchema,
  LineageResponseSchema,
  NodeIdParamSchema,
  OverviewQuerySchema,
  OverviewResponseSchema,
  PathQuerySchema,
  PathResponseSchema,
  RelatedQuerySchema,
  RelatedResponseSchema,
  SchemaResponseSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  StatsResponseSchema,
} from "./api.ts";
import { GraphColumnsSchema } from "./wire-columns.ts";

export type HttpMethod = "GET" | "POST";

export interface RouteContract<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify's form: `/api/nodes/:id/card`. */
  path: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Statuses other than 200 the route answers with ApiErrorSchema, and when. */
  errors?: Record<number, string>;
}

/** Identity, keeping the schemas' literal types for the server's handlers and the client. */
export function defineContract<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(contract: RouteContract<P, Q, B, R>): RouteContract<P, Q, B, R> {
  return contract;
}

const NOT_FOUND = { 400: "the id is not `Label:key`", 404: "no such node" };

export const GraphFormQuerySchema = GraphQuerySchema.extend({
  format: z
    .enum(["objects", "columns"])
    .default("objects")
    .describe("`columns`: parallel arrays, for the overview of a large graph"),
});

export const LineageParamSchema = z.object({
  id: z.string().min(1).describe("node id (`Model:key`) or a model's name"),
});

export const JobParamSchema = z.object({ id: z.string().min(1) });

export const ROUTES = {
  health: defineContract({
    method: "GET",
    path: "/api/health",
    summary: "Whether the server and Neo4j are up (always 200; `neo4j: down` when it cannot be reached)",
    response: HealthResponseSchema,
  }),
  stats: defineContract({
    method: "GET",
    path: "/api/stats",
    summary: "Counts by label and type, most used base models and benchmarks, most prolific labs",
    response: StatsResponseSchema,
  }),
  graph: defineContract({
    method: "GET",
    path: "/api/graph",
    summary: "The whole graph, capped (for exports and scripts; the page loads /api/overview)",
    query: GraphFormQuerySchema,
    response: z.union([GraphResponseSchema, GraphColumnsSchema]),
  }),
  overview: defineContract({
    method: "GET",
    path: "/api/overview",
    summary: "The lineage map: a budgeted selection of the graph with positions and communities",
    description:
      "Models, data sets, methods and organisations with the relations among them (papers and authors " +
      "with `papers=true`). At most `budget` nodes, taken with their relations: lineage relations " +
      "(based on, variant of, trained on) first, then the best connected; organisations only as hubs " +
      "of several models; the rest is counted in `aggregated`. Positions (ForceAtlas2) and Louvain " +
      "communities are computed once on the server and cached until the data changes.",
    query: OverviewQuerySchema,
    response: OverviewResponseSchema,
  }),
  search: defineContract({
    method: "GET",
    path: "/api/search",
    summary: "Ranked search over names, aliases, titles and abstracts (prefix and typo tolerant)",
    query: SearchQuerySchema,
    response: SearchResponseSchema,
  }),
  card: defineContract({
    method: "GET",
    path: "/api/nodes/:id/card",
    summary: "A node with everything directly connected, evidence sentences and their documents",
    description:
      "Relationships are capped at 50 per type and direction; `totals` gives the true counts. " +
      "A model's card has its base-model chain; a paper's has its entity mentions for highlighting.",
    params: NodeIdParamSchema,
    response: CardResponseSchema,
    errors: NOT_FOUND,
  }),
  lineage: defineContract({
    method: "GET",
    path: "/api/nodes/:id/lineage",
    summary: "Ancestors and descendants of a model (BASED_ON), with each step's method and its data sets",
    description:
      "`id` is a node id (`Model:key`) or a model's name, resolved by key normalisation and search.",
    params: LineageParamSchema,
    query: LineageQuerySchema,
    response: LineageResponseSchema,
    errors: { 400: "the id names a node that is not a model", 404: "no such model" },
  }),
  lineageChildren: defineContract({
    method: "GET",
    path: "/api/nodes/:id/lineage/children",
    summary: "One page of a folded group of a lineage: a model's children made by one method, by name",
    description:
      "The lineage sends the first `group` children per parent and method and counts the rest in " +
      "`folds`; this pages through one fold. `id` is the parent's node id (`Model:key`).",
    params: NodeIdParamSchema,
    query: LineageChildrenQuerySchema,
    response: LineageChildrenResponseSchema,
    errors: { 400: "the id is not a model id" },
  }),
  related: defineContract({
    method: "GET",
    path: "/api/nodes/:id/related",
    summary: "Related work for a paper or a model, ranked, with reasons",
    params: NodeIdParamSchema,
    query: RelatedQuerySchema,
    response: RelatedResponseSchema,
    errors: { 400: "the id is not a paper or a model", 404: "no such node" },
  }),
  expand: defineContract({
    method: "GET",
    path: "/api/nodes/:id/expand",
    summary: "A node and up to `limit` neighbours (best connected first) as a graph, optionally of one type",
    params: NodeIdParamSchema,
    query: ExpandQuerySchema,
    response: ExpandResponseSchema,
    errors: NOT_FOUND,
  }),
  path: defineContract({
    method: "GET",
    path: "/api/path",
    summary: "The shortest connection between two nodes (documents excluded), at most `maxLength` steps",
    query: PathQuerySchema,
    response: PathResponseSchema,
    errors: { 400: "an id is not `Label:key`" },
  }),
  exportDetails: defineContract({
    method: "POST",
    path: "/api/export/details",
    summary: "What an export carries beyond the drawing: dates, arXiv ids and each relationship's evidence",
    description:
      "For up to 20,000 node ids: a paper's date, arXiv id and title, an entity's first-seen date " +
      "(its earliest dated paper), and the relationships from each node with up to 5 evidence " +
      "sentences and the papers they were read from.",
    body: ExportDetailsRequestSchema,
    response: ExportDetailsResponseSchema,
    errors: { 400: "an id is not `Label:key`, or more than 20,000 ids" },
  }),
  schema: defineContract({
    method: "GET",
    path: "/api/schema",
    summary: "Labels, relationship types and property keys in the live database (for the console)",
    response: SchemaResponseSchema,
  }),
  cypher: defineContract({
    method: "POST",
    path: "/api/cypher",
    summary: "Run a read-only Cypher query; rows as a table and nodes/relationships as a graph",
    description:
      "Writes, schema changes, LOAD CSV and administrative procedures are refused before they reach " +
      "the database, and the query runs in a READ transaction. The database cancels it after " +
      "QUERY_TIMEOUT_MS; at most QUERY_MAX_ROWS rows come back (`truncated` says when cut). " +
      "`timeoutMs` and `maxRows` in the request can only lower those limits.",
    body: CypherRequestSchema,
    response: CypherResponseSchema,
    errors: {
      400: "a Cypher error (syntax, missing parameter…), with Neo4j's code and the position",
      403: "a write or administrative statement, refused",
      408: "the query ran past the time limit and was cancelled in the database, or Neo4j did not answer by the deadline",
      503: "every console connection is busy (CONSOLE_CONCURRENCY); try again",
      507: "the query needed more memory than the database allows and was stopped",
    },
  }),
  ingest: defineContract({
    method: "POST",
    path: "/api/ingest",
    summary: "Ingest uploaded or pasted documents; returns a job to poll",
    body: IngestRequestSchema,
    response: IngestJobSchema,
    errors: {
      413: "a document, an abstract or the whole request is over its cap (the message names it)",
      415: "a document is binary or not valid UTF-8",
      429: "the import queue is full (IMPORT_MAX_QUEUED_JOBS)",
      503: "Neo4j cannot be reached; nothing was accepted",
    },
  }),
  ingestJob: defineContract({
    method: "GET",
    path: "/api/ingest/:id",
    summary: "Progress of an ingest job",
    params: JobParamSchema,
    response: IngestJobSchema,
    errors: { 404: "no such job" },
  }),
} as const;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;

/** `/api/nodes/:id/card` with `{ id: "Model:x" }` → `/api/nodes/Model%3Ax/card`. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`route ${path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string from an object: undefined values left out, arrays repeated. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.length ? `?${parts.join("&")}` : "";
}
