/**
 * The JSON API: every route validated with its zod schema; errors come back as
 * `{ error, code?, position? }` (ApiErrorSchema) with a status that says whose fault
 * it was: 400 bad input or Cypher, 403 refused, 404 not found, 408 timed out.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { cypherRoute } from "./cypher.ts";
import { docsRoutes } from "./docs.ts";
import { graphRoute } from "./graph.ts";
import { ingestStatusRoute, ingestSubmitRoute } from "./ingest.ts";
import { overviewRoute } from "./overview.ts";
import { READ_ROUTES } from "./read.ts";
import type { ApiDeps, ApiInput, ApiRoute } from "./route.ts";

const DESCRIBED_ROUTES: readonly ApiRoute[] = [
  graphRoute,
  overviewRoute,
  ...READ_ROUTES,
  cypherRoute,
  ingestSubmitRoute,
  ingestStatusRoute,
];

export const API_ROUTES: readonly ApiRoute[] = [...DESCRIBED_ROUTES, ...docsRoutes(DESCRIBED_ROUTES)];

interface ClientFault {
  statusCode: number;
  message: string;
  toApiError?: () => Record<string, unknown>;
}

/**
 * Errors thrown on purpose with a status: any 4xx (not found, bad id, refused query…),
 * or a 5xx the route's contract declares (the console's 507 for a memory limit).
 */
function isClientFault(error: unknown, declared: Record<number, string> | undefined): error is ClientFault {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== "number") return false;
  return (status >= 400 && status < 500) || (status >= 500 && declared?.[status] !== undefined);
}

/** Neo4j cancelled a named query at its transaction timeout. */
function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /TransactionTimedOut/.test(code);
}

/** A request whose path, query or body does not match the route's schema; answered 400. */
class ApiInputError extends Error {
  readonly statusCode = 400;
}

/** The request's parts checked against the route's schemas, defaults filled in; ApiInputError when one fails. */
function validated(route: ApiRoute, request: FastifyRequest): ApiInput {
  const input: ApiInput = { params: request.params, query: request.query, body: request.body };
  for (const [part, key, schema] of [
    ["path", "params", route.params],
    ["query", "query", route.querystring],
    ["body", "body", route.body],
  ] as const) {
    if (!schema) continue;
    const parsed = schema.safeParse(input[key]);
    if (!parsed.success) throw new ApiInputError(`${part}: ${z.prettifyError(parsed.error)}`);
    input[key] = parsed.data;
  }
  return input;
}

export function registerApi(
  app: FastifyInstance,
  deps: ApiDeps,
  routes: readonly ApiRoute[] = API_ROUTES,
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (request, reply) => {
        try {
          const cache = route.cached ? deps.readCache : undefined;
          const gate = route.cached ? deps.readGate : undefined;
          // A cached answer does not queue: only a read of the graph waits for a slot.
          const read = () => {
            const input = validated(route, request);
            return gate
              ? gate.run(() => route.handler(deps, request, input))
              : route.handler(deps, request, input);
          };
          if (cache?.enabled) {
            // Kept as the JSON text it is sent as, under the URL; errors (400, 404, 408…) are
            // never kept. Looked up before the input is validated: a kept answer's URL passed
            // validation when it was computed, and a hit should cost next to nothing.
            const body = await cache.get(request.url, async () => JSON.stringify(await read()));
            return reply.type("application/json; charset=utf-8").send(body);
          }
          const result = await read();
          if (route.contentType) reply.type(route.contentType);
          return result;
        } catch (error) {
          if (isTimeout(error)) {
            return reply.code(408).send({
              error: `the query ran longer than ${deps.config.QUERY_TIMEOUT_MS} ms (QUERY_TIMEOUT_MS) and was cancelled in the database`,
              code: (error as { code: string }).code,
            });
          }
          if (!isClientFault(error, route.errors)) throw error;
          const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
          if (typeof retryAfter === "number") reply.header("Retry-After", String(retryAfter));
          const body = error.toApiError ? error.toApiError() : { error: error.message };
          return reply.code(error.statusCode).send(body);
        }
      },
    });
  }
}
