/**
 * One API route: its zod schemas (validation and the OpenAPI description come from
 * them) and a handler that calls named queries. No Cypher here.
 */
import type { Config, RouteContract } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { IngestJobs } from "../ingest-jobs.ts";
import type { ReadCache } from "../read-cache.ts";
import type { ReadGate } from "../read-gate.ts";

export interface ApiDeps {
  db: Database;
  config: Config;
  /** Background ingests from the page; absent on read-only servers. */
  ingestJobs?: IngestJobs;
  /** Answers of the routes marked `cached`; absent or off, every request reads the graph. */
  readCache?: ReadCache;
  /** Admission of the routes marked `cached` to the database; absent, every request goes at once. */
  readGate?: ReadGate;
}

/** The request's parts after validation, with the schemas' defaults filled in. */
export interface ApiInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

export interface ApiRoute {
  method: "GET" | "POST";
  url: string;
  summary: string;
  /** Longer text for the OpenAPI description. */
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Content type of a non-JSON answer (the HTML docs page). */
  contentType?: string;
  /** Left out of the OpenAPI description (the docs themselves). */
  hidden?: boolean;
  /** Statuses other than 200 the route answers with `ApiErrorSchema`, and when. */
  errors?: Record<number, string>;
  /** A pure read of the graph whose JSON answer depends only on the URL: kept in the read cache. */
  cached?: boolean;
  handler: (deps: ApiDeps, request: FastifyRequest, input: ApiInput) => Promise<unknown>;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * An ApiRoute whose handler gets its validated input typed from the route's own
 * schemas, so no handler re-parses or casts.
 */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  route: Omit<ApiRoute, "handler" | "params" | "querystring" | "body"> & {
    params?: P;
    querystring?: Q;
    body?: B;
    handler: (
      deps: ApiDeps,
      input: { params: Infer<P>; query: Infer<Q>; body: Infer<B> },
      request: FastifyRequest,
    ) => Promise<unknown>;
  },
): ApiRoute {
  const { handler, ...rest } = route;
  return {
    ...rest,
    handler: (deps, request, input) =>
      handler(deps, input as { params: Infer<P>; query: Infer<Q>; body: Infer<B> }, request),
  };
}

/**
 * Binds a handler to a route declared once in graph-schema (ROUTES): method, path and
 * schemas come from the contract, so the server and the page cannot disagree on them.
 */
export function bindRoute<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType,
>(
  contract: RouteContract<P, Q, B, R>,
  handler: (
    deps: ApiDeps,
    input: { params: Infer<P>; query: Infer<Q>; body: Infer<B> },
    request: FastifyRequest,
  ) => Promise<z.input<R> | z.output<R>>,
): ApiRoute {
  return defineRoute<P, Q, B>({
    method: contract.method,
    url: contract.path,
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    ...(contract.errors ? { errors: contract.errors } : {}),
    ...(contract.params ? { params: contract.params } : {}),
    ...(contract.query ? { querystring: contract.query } : {}),
    ...(contract.body ? { body: contract.body } : {}),
    response: contract.response,
    handler,
  } as Parameters<typeof defineRoute<P, Q, B>>[0]);
}

/** Marks a read route whose answers the read cache may keep. */
export function cached(route: ApiRoute): ApiRoute {
  return { ...route, cached: true };
}
