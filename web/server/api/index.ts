/**
 * The JSON API: every route validated with its zod schema; errors come back as
 * `{ error }` with a status that says whose fault it was.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { graphRoute } from "./graph.ts";
import { ingestStatusRoute, ingestSubmitRoute } from "./ingest.ts";
import type { ApiDeps, ApiRoute } from "./route.ts";

export const API_ROUTES: readonly ApiRoute[] = [graphRoute, ingestSubmitRoute, ingestStatusRoute];

export class ApiInputError extends Error {}

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
        for (const [part, schema] of [
          ["path", route.params],
          ["query", route.querystring],
          ["body", route.body],
        ] as const) {
          if (!schema) continue;
          const value = part === "path" ? request.params : part === "query" ? request.query : request.body;
          const parsed = schema.safeParse(value);
          if (!parsed.success) {
            return reply.code(400).send({ error: `${part}: ${z.prettifyError(parsed.error)}` });
          }
        }
        return route.handler(deps, request);
      },
    });
  }
}
