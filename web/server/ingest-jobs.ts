/**
 * Ingest from the page: uploaded or pasted documents run as a background job whose
 * progress the browser polls. One job at a time, since loads into one database
 * compete for the same locks; later jobs wait in a queue of bounded length.
 *
 * Before a job is made, a submission is checked: the request, each document and each
 * abstract against their caps (413 naming the cap), the same binary and UTF-8 checks a
 * file gets (415), a full queue (429) and a Neo4j that cannot be reached (503), so
 * nothing is accepted that would fail later. Reading and extraction run in worker
 * threads; only the load, which waits on Neo4j, runs here.
 */
import { randomUUID } from "node:crypto";
import type { Config, IngestJob } from "@kg/graph-schema";
import { loadWithProgress, prepareLoader } from "@kg/ingest";
import { existingNodeIds } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { checkDecodedText } from "../../ingest/src/read/read.ts";
import { createExtractWorker, type ExtractWorker } from "./extract-pool.ts";
import type { ImportFile } from "./extract-worker.ts";

const MAX_KEPT_JOBS = 50;
const MAX_NEW_NODE_IDS = 5_000;
const NEO4J_CHECK_MS = 3_000;

export type ImportLimits = Pick<
  Config,
  | "IMPORT_MAX_REQUEST_BYTES"
  | "IMPORT_MAX_DOCUMENT_BYTES"
  | "IMPORT_MAX_ABSTRACT_CHARS"
  | "IMPORT_MAX_QUEUED_JOBS"
>;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  IMPORT_MAX_REQUEST_BYTES: 20 * 1024 * 1024,
  IMPORT_MAX_DOCUMENT_BYTES: 10 * 1024 * 1024,
  IMPORT_MAX_ABSTRACT_CHARS: 100_000,
  IMPORT_MAX_QUEUED_JOBS: 4,
};

/** A refused submission; the API answers with its status and message. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ImportRefused";
  }
}

export interface IngestJobs {
  submit(files: ImportFile[]): Promise<IngestJob>;
  get(id: string): IngestJob | undefined;
  /** Resolves when every queued job has finished (for tests and shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

async function neo4jReachable(db: Database): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.verify(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${NEO4J_CHECK_MS} ms`)), NEO4J_CHECK_MS);
      }),
    ]);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

export interface IngestJobHooks {
  /**
   * After every load, finished or failed part way: whatever was kept about the graph is
   * old. Given the ids of the nodes the import added (none when it failed).
   */
  onGraphWritten?: (newNodeIds: readonly string[]) => void;
}

export function createIngestJobs(
  db: Database,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  hooks: IngestJobHooks = {},
): IngestJobs {
  const jobs = new Map<string, IngestJob>();
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  // Two threads: checks answer a submission while a long extraction runs in the other.
  let checker: ExtractWorker | undefined;
  let extractor: ExtractWorker | undefined;

  function update(job: IngestJob, patch: Partial<IngestJob>): void {
    Object.assign(job, patch);
  }

  function checkSizes(files: ImportFile[]): void {
    let total = 0;
    for (const file of files) {
      const bytes = Buffer.byteLength(file.text, "utf8");
      total += bytes;
      if (bytes > limits.IMPORT_MAX_DOCUMENT_BYTES) {
        throw new ImportRefused(
          `import: ${file.name} is ${bytes} bytes; the limit is ${limits.IMPORT_MAX_DOCUMENT_BYTES} per document (IMPORT_MAX_DOCUMENT_BYTES)`,
          413,
        );
      }
    }
    if (total > limits.IMPORT_MAX_REQUEST_BYTES) {
      throw new ImportRefused(
        `import: the documents are ${total} bytes together; the limit is ${limits.IMPORT_MAX_REQUEST_BYTES} per request (IMPORT_MAX_REQUEST_BYTES)`,
        413,
      );
    }
    for (const file of files) {
      const problem = checkDecodedText(file.text);
      if (problem) throw new ImportRefused(`import: ${file.name}: ${problem}`, 415);
    }
  }

  async function run(job: IngestJob, files: ImportFile[]): Promise<void> {
    try {
      update(job, { state: "extracting", progress: 0.05, message: `extracting ${files.length} document(s)` });
      extractor ??= createExtractWorker();
      // The server plans the loader (once) while the worker extracts.
      prepareLoader(db).catch(() => {});
      const result = await extractor.extract(files);
      const readIds = [
        ...result.papers.map((p) => `Paper:${p.id}`),
        ...result.nodes.map((n) => `${n.label}:${n.key}`),
      ];
      // Asked before the load: afterwards every id read is in the graph.
      const present = await existingNodeIds(db, readIds);
      const { summary } = await loadWithProgress(db, result, (p) =>
        update(job, { state: "loading", progress: p.fraction, message: p.message }),
      );
      const fresh = readIds.filter((id) => !present.has(id));
      const added = {
        papers: fresh.filter((id) => id.startsWith("Paper:")).length,
        entities: fresh.filter((id) => !id.startsWith("Paper:")).length,
        present: result.nodes.length - fresh.filter((id) => !id.startsWith("Paper:")).length,
      };
      update(job, {
        state: "done",
        progress: 1,
        message:
          `added ${added.papers} new papers and ${added.entities} new entities ` +
          `(${added.present} entities were already in the graph); ${summary.edges} relationships read`,
        papers: summary.papers,
        nodes: summary.nodes,
        edges: summary.edges,
        warnings: result.warnings.map((w) => w.message),
        newNodeIds: fresh.slice(0, MAX_NEW_NODE_IDS),
        added,
      });
    } catch (error) {
      update(job, { state: "failed", message: (error as Error).message });
    } finally {
      hooks.onGraphWritten?.(job.newNodeIds);
    }
  }

  return {
    async submit(files) {
      checkSizes(files);
      if (waiting >= limits.IMPORT_MAX_QUEUED_JOBS) {
        throw new ImportRefused(
          `import: ${waiting} imports are already queued or running (IMPORT_MAX_QUEUED_JOBS); try again when one has finished`,
          429,
          10,
        );
      }
      checker ??= createExtractWorker();
      const oversized = await checker.check(files, limits.IMPORT_MAX_ABSTRACT_CHARS);
      if (oversized) throw new ImportRefused(oversized, 413);
      const down = await neo4jReachable(db);
      if (down) {
        throw new ImportRefused(`import: Neo4j cannot be reached, so nothing was accepted: ${down}`, 503, 10);
      }
      // Checked again after the awaits: other submissions may have filled the queue meanwhile.
      if (waiting >= limits.IMPORT_MAX_QUEUED_JOBS) {
        throw new ImportRefused(
          `import: ${waiting} imports are already queued or running (IMPORT_MAX_QUEUED_JOBS); try again when one has finished`,
          429,
          10,
        );
      }
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
        added: { papers: 0, entities: 0, present: 0 },
      };
      jobs.set(job.id, job);
      while (jobs.size > MAX_KEPT_JOBS) {
        const oldest = jobs.keys().next().value;
        if (oldest === undefined) break;
        jobs.delete(oldest);
      }
      waiting++;
      queue = queue
        .then(() => run(job, files))
        .finally(() => {
          waiting--;
        });
      return job;
    },
    get: (id) => jobs.get(id),
    idle: () => queue,
    async close() {
      await Promise.all([checker?.close(), extractor?.close()]);
    },
  };
}
