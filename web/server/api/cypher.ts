/**
 * POST /api/cypher — the read-only Cypher console. The checks, the time limit and the
 * row cap live in @kg/queries (runConsoleQuery); refusals and Cypher errors come back
 * as ApiErrorSchema with Neo4j's code and the position in the query.
 */
import { CypherRequestSchema, CypherResponseSchema } from "@kg/graph-schema";
import { runConsoleQuery } from "@kg/queries";
import { defineRoute } from "./route.ts";

export const cypherRoute = defineRoute({
  method: "POST",
  url: "/api/cypher",
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
  },
  handler: (deps, { body }) =>
    runConsoleQuery(deps.db, body, {
      timeoutMs: deps.config.QUERY_TIMEOUT_MS,
      maxRows: deps.config.QUERY_MAX_ROWS,
      maxBytes: deps.config.QUERY_MAX_BYTES,
    }),
});
