/**
 * The read endpoints: health, statistics, search, cards, lineage, related work,
 * neighbourhood expansion, shortest path and the live schema. Each handler calls one
 * function of @kg/queries; the time limit is the configured one.
 */
import {
  CardResponseSchema,
  ExpandQuerySchema,
  ExpandResponseSchema,
  HealthResponseSchema,
  LineageQuerySchema,
  LineageResponseSchema,
  NodeIdParamSchema,
  PathQuerySchema,
  PathResponseSchema,
  RelatedQuerySchema,
  RelatedResponseSchema,
  SchemaResponseSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  StatsResponseSchema,
} from "@kg/graph-schema";
import {
  expandNode,
  readCard,
  readLineage,
  readRelated,
  readShortestPath,
  readStats,
  schemaInfoQuery,
  searchGraph,
} from "@kg/queries";
import { z } from "zod";
import { defineRoute } from "./route.ts";

const HEALTH_TIMEOUT_MS = 3_000;

export const healthRoute = defineRoute({
  method: "GET",
  url: "/api/health",
  summary: "Whether the server and Neo4j are up (always 200; `neo4j: down` when it cannot be reached)",
  response: HealthResponseSchema,
  handler: async (deps) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        deps.db.verify(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
            HEALTH_TIMEOUT_MS,
          );
        }),
      ]);
      return { ok: true, neo4j: "up" as const };
    } catch (error) {
      return {
        ok: false,
        neo4j: "down" as const,
        message: `Neo4j cannot be reached: ${(error as Error).message}`,
      };
    } finally {
      clearTimeout(timer);
    }
  },
});

export const statsRoute = defineRoute({
  method: "GET",
  url: "/api/stats",
  summary: "Counts by label and type, most used base models and benchmarks, most prolific labs",
  response: StatsResponseSchema,
  handler: (deps) => readStats(deps.db, { timeoutMs: deps.config.QUERY_TIMEOUT_MS }),
});

export const searchRoute = defineRoute({
  method: "GET",
  url: "/api/search",
  summary: "Ranked search over names, aliases, titles and abstracts (prefix and typo tolerant)",
  querystring: SearchQuerySchema,
  response: SearchResponseSchema,
  handler: async (deps, { query }) => ({
    hits: await searchGraph(deps.db, query.q, {
      limit: query.limit,
      label: query.label,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
  }),
});

const NOT_FOUND = { 400: "the id is not `Label:key`", 404: "no such node" };

export const cardRoute = defineRoute({
  method: "GET",
  url: "/api/nodes/:id/card",
  summary: "A node with everything directly connected, evidence sentences and their documents",
  description:
    "Relationships are capped at 50 per type and direction; `totals` gives the true counts. " +
    "A model's card has its base-model chain; a paper's has its entity mentions for highlighting.",
  params: NodeIdParamSchema,
  response: CardResponseSchema,
  errors: NOT_FOUND,
  handler: (deps, { params }) => readCard(deps.db, params.id, { timeoutMs: deps.config.QUERY_TIMEOUT_MS }),
});

const LineageParamSchema = z.object({
  id: z.string().min(1).describe("node id (`Model:key`) or a model's name"),
});

export const lineageRoute = defineRoute({
  method: "GET",
  url: "/api/nodes/:id/lineage",
  summary: "Ancestors and descendants of a model (BASED_ON), with each step's method and its data sets",
  description: "`id` is a node id (`Model:key`) or a model's name, resolved by key normalisation and search.",
  params: LineageParamSchema,
  querystring: LineageQuerySchema,
  response: LineageResponseSchema,
  errors: { 400: "the id names a node that is not a model", 404: "no such model" },
  handler: (deps, { params, query }) =>
    readLineage(deps.db, params.id, {
      depth: query.depth,
      limit: query.limit,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
});

export const relatedRoute = defineRoute({
  method: "GET",
  url: "/api/nodes/:id/related",
  summary: "Related work for a paper or a model, ranked, with reasons",
  params: NodeIdParamSchema,
  querystring: RelatedQuerySchema,
  response: RelatedResponseSchema,
  errors: { 400: "the id is not a paper or a model", 404: "no such node" },
  handler: (deps, { params, query }) =>
    readRelated(deps.db, params.id, { limit: query.limit, timeoutMs: deps.config.QUERY_TIMEOUT_MS }),
});

export const expandRoute = defineRoute({
  method: "GET",
  url: "/api/nodes/:id/expand",
  summary: "A node and up to `limit` neighbours (best connected first) as a graph",
  params: NodeIdParamSchema,
  querystring: ExpandQuerySchema,
  response: ExpandResponseSchema,
  errors: NOT_FOUND,
  handler: (deps, { params, query }) =>
    expandNode(deps.db, params.id, { limit: query.limit, timeoutMs: deps.config.QUERY_TIMEOUT_MS }),
});

export const pathRoute = defineRoute({
  method: "GET",
  url: "/api/path",
  summary: "The shortest connection between two nodes (documents excluded), at most `maxLength` steps",
  querystring: PathQuerySchema,
  response: PathResponseSchema,
  errors: { 400: "an id is not `Label:key`" },
  handler: (deps, { query }) =>
    readShortestPath(deps.db, query.from, query.to, {
      maxLength: query.maxLength,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
});

export const schemaRoute = defineRoute({
  method: "GET",
  url: "/api/schema",
  summary: "Labels, relationship types and property keys in the live database (for the console)",
  response: SchemaResponseSchema,
  handler: async (deps) => {
    const [row] = await deps.db.run(schemaInfoQuery, {}, { timeoutMs: deps.config.QUERY_TIMEOUT_MS });
    return row ?? { labels: [], relationshipTypes: [], propertyKeys: [] };
  },
});

export const READ_ROUTES = [
  healthRoute,
  statsRoute,
  searchRoute,
  cardRoute,
  lineageRoute,
  relatedRoute,
  expandRoute,
  pathRoute,
  schemaRoute,
];
