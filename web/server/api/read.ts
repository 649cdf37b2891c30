/**
 * The read endpoints: health, statistics, search, cards, lineage, related work,
 * neighbourhood expansion, shortest path and the live schema. Each handler calls one
 * function of @kg/queries; the time limit is the configured one. Paths and schemas are
 * the contract's (graph-schema ROUTES).
 */
import { ROUTES } from "@kg/graph-schema";
import {
  expandNode,
  readCard,
  readExportDetails,
  readLineage,
  readLineageChildren,
  readRelated,
  readShortestPath,
  readStats,
  schemaInfoQuery,
  searchGraph,
} from "@kg/queries";
import { bindRoute, cached } from "./route.ts";

const HEALTH_TIMEOUT_MS = 3_000;

export const healthRoute = bindRoute(ROUTES.health, async (deps) => {
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
});

export const statsRoute = cached(
  bindRoute(ROUTES.stats, (deps) => readStats(deps.db, { timeoutMs: deps.config.QUERY_TIMEOUT_MS })),
);

export const searchRoute = cached(
  bindRoute(ROUTES.search, async (deps, { query }) => ({
    hits: await searchGraph(deps.db, query.q, {
      limit: query.limit,
      label: query.label,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
  })),
);

export const cardRoute = cached(
  bindRoute(ROUTES.card, (deps, { params }) =>
    readCard(deps.db, params.id, { timeoutMs: deps.config.QUERY_TIMEOUT_MS }),
  ),
);

export const lineageRoute = cached(
  bindRoute(ROUTES.lineage, (deps, { params, query }) =>
    readLineage(deps.db, params.id, {
      depth: query.depth,
      limit: query.limit,
      group: query.group,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
  ),
);

export const lineageChildrenRoute = cached(
  bindRoute(ROUTES.lineageChildren, (deps, { params, query }) =>
    readLineageChildren(deps.db, params.id, {
      method: query.method,
      offset: query.offset,
      limit: query.limit,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
  ),
);

export const relatedRoute = cached(
  bindRoute(ROUTES.related, (deps, { params, query }) =>
    readRelated(deps.db, params.id, { limit: query.limit, timeoutMs: deps.config.QUERY_TIMEOUT_MS }),
  ),
);

export const expandRoute = cached(
  bindRoute(ROUTES.expand, (deps, { params, query }) =>
    expandNode(deps.db, params.id, {
      limit: query.limit,
      type: query.type,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
  ),
);

export const pathRoute = cached(
  bindRoute(ROUTES.path, (deps, { query }) =>
    readShortestPath(deps.db, query.from, query.to, {
      maxLength: query.maxLength,
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    }),
  ),
);

export const schemaRoute = cached(
  bindRoute(ROUTES.schema, async (deps) => {
    const [row] = await deps.db.run(schemaInfoQuery, {}, { timeoutMs: deps.config.QUERY_TIMEOUT_MS });
    return row ?? { labels: [], relationshipTypes: [], propertyKeys: [] };
  }),
);

export const exportDetailsRoute = bindRoute(ROUTES.exportDetails, (deps, { body }) =>
  readExportDetails(deps.db, body.ids, { timeoutMs: deps.config.QUERY_TIMEOUT_MS }),
);

export const READ_ROUTES = [
  healthRoute,
  statsRoute,
  searchRoute,
  cardRoute,
  lineageRoute,
  lineageChildrenRoute,
  relatedRoute,
  expandRoute,
  pathRoute,
  schemaRoute,
  exportDetailsRoute,
];
