/**
 * One API route: its zod schemas (validation and the OpenAPI description come from
 * them) and a handler that calls named queries. No Cypher here.
 */
import type { Config } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { IngestJobs } from "../ingest-jobs.ts";

export interface ApiDeps {
  db: Database;
  config: Config;
  /** Background ingests from the page; absent on read-only servers. */
  ingestJobs?: IngestJobs;
}

export interface ApiRoute {
  method: "GET" | "POST";
  url: string;
  summary: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  handler: (deps: ApiDeps, request: FastifyRequest) => Promise<unknown>;
}
