/**
 * POST /api/ingest and GET /api/ingest/:id — documents from the page, ingested as a
 * background job with progress.
 */
import { IngestJobSchema, IngestRequestSchema } from "@kg/graph-schema";
import { z } from "zod";
import type { ApiRoute } from "./route.ts";

export const ingestSubmitRoute: ApiRoute = {
  method: "POST",
  url: "/api/ingest",
  summary: "Ingest uploaded or pasted documents; returns a job to poll",
  body: IngestRequestSchema,
  response: IngestJobSchema,
  errors: {
    413: "a document, an abstract or the whole request is over its cap (the message names it)",
    415: "a document is binary or not valid UTF-8",
    429: "the import queue is full (IMPORT_MAX_QUEUED_JOBS)",
    503: "Neo4j cannot be reached; nothing was accepted",
  },
  handler: async (deps, request) => {
    if (!deps.ingestJobs)
      throw Object.assign(new Error("ingest is not enabled on this server"), { statusCode: 503 });
    const { files } = IngestRequestSchema.parse(request.body);
    return deps.ingestJobs.submit(files);
  },
};

const JobParamsSchema = z.object({ id: z.string().min(1) });

export const ingestStatusRoute: ApiRoute = {
  method: "GET",
  url: "/api/ingest/:id",
  summary: "Progress of an ingest job",
  params: JobParamsSchema,
  response: IngestJobSchema,
  handler: async (deps, request) => {
    const { id } = JobParamsSchema.parse(request.params);
    const job = deps.ingestJobs?.get(id);
    if (!job) throw Object.assign(new Error(`no ingest job ${id}`), { statusCode: 404 });
    return job;
  },
};
