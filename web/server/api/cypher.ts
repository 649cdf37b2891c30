/**
 * POST /api/cypher — the read-only Cypher console. The checks, the time limit and the
 * row cap live in @kg/queries (runConsoleQuery); refusals and Cypher errors come back
 * as ApiErrorSchema with Neo4j's code and the position in the query.
 */
import { ROUTES } from "@kg/graph-schema";
import { runConsoleQuery } from "@kg/queries";
import { bindRoute } from "./route.ts";

export const cypherRoute = bindRoute(ROUTES.cypher, (deps, { body }) =>
  runConsoleQuery(deps.db, body, {
    timeoutMs: deps.config.QUERY_TIMEOUT_MS,
    maxRows: deps.config.QUERY_MAX_ROWS,
    maxBytes: deps.config.QUERY_MAX_BYTES,
  }),
);
