/**
 * Ingest from the page: uploaded or pasted documents run as a background job whose
 * progress the browser polls. One job at a time, since loads into one database
 * compete for the same locks; later jobs wait in a queue.
 */
import { randomUUID } from "node:crypto";
import type { IngestJob } from "@kg/graph-schema";
import { ingestDocuments } from "@kg/ingest";
import type { Database } from "@kg/queries/run";
import { readDocumentFromText } from "../../ingest/src/pipeline.ts";

const MAX_KEPT_JOBS = 50;
const MAX_NEW_NODE_IDS = 5_000;

export interface IngestJobs {
  submit(files: { name: string; text: string }[]): IngestJob;
  get(id: string): IngestJob | undefined;
  /** Resolves when every queued job has finished (for tests and shutdown). */
  idle(): Promise<void>;
}

export function createIngestJobs(db: Database): IngestJobs {
  const jobs = new Map<string, IngestJob>();
  let queue: Promise<void> = Promise.resolve();

  function update(job: IngestJob, patch: Partial<IngestJob>): void {
    Object.assign(job, patch);
  }

  async function run(job: IngestJob, files: { name: string; text: string }[]): Promise<void> {
    try {
      update(job, { state: "extracting", message: `reading ${files.length} file(s)` });
      const documents = files.map((file) => readDocumentFromText(file.name, file.text));
      const summary = await ingestDocuments(db, documents, (progress) => {
        update(job, {
          state:
            progress.phase === "loading" ? "loading" : progress.phase === "done" ? "loading" : "extracting",
          progress: progress.fraction,
          message: progress.message,
        });
      });
      update(job, {
        state: "done",
        progress: 1,
        message: `ingested ${summary.papers} papers, ${summary.nodes} entities, ${summary.edges} relationships`,
        papers: summary.papers,
        nodes: summary.nodes,
        edges: summary.edges,
        warnings: summary.warnings.map((w) => w.message),
        newNodeIds: summary.nodeIds.slice(0, MAX_NEW_NODE_IDS),
      });
    } catch (error) {
      update(job, { state: "failed", message: (error as Error).message });
    }
  }

  return {
    submit(files) {
      const job: IngestJob = {
        id: randomUUID(),
        state: "queued",
        progress: 0,
        message: "queued",
        papers: 0,
        nodes: 0,
        edges: 0,
        warnings: [],
        newNodeIds: [],
      };
      jobs.set(job.id, job);
      while (jobs.size > MAX_KEPT_JOBS) {
        const oldest = jobs.keys().next().value;
        if (oldest === undefined) break;
        jobs.delete(oldest);
      }
      queue = queue.then(() => run(job, files));
      return job;
    },
    get: (id) => jobs.get(id),
    idle: () => queue,
  };
}
