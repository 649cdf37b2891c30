/**
 * POST /api/ingest and GET /api/ingest/:id — documents from the page, ingested as a
 * background job with progress.
 */
import { ROUTES } from "@kg/graph-schema";
import { bindRoute } from "./route.ts";

export const ingestSubmitRoute = bindRoute(ROUTES.ingest, async (deps, { body }) => {
  if (!deps.ingestJobs)
    throw Object.assign(new Error("ingest is not enabled on this server"), { statusCode: 503 });
  return deps.ingestJobs.submit(body.files);
});

export const ingestStatusRoute = bindRoute(ROUTES.ingestJob, async (deps, { params }) => {
  const job = deps.ingestJobs?.get(params.id);
  if (!job) throw Object.assign(new Error(`no ingest job ${params.id}`), { statusCode: 404 });
  return job;
});
