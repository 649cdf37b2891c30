/**
 * The extraction on every core: documents are segmented and grouped on this thread (fast,
 * and corpus-level), the papers are extracted by worker threads (one per core) in chunks,
 * and resolved here. Chunks are put back in their order, so the result is byte for byte
 * the one extractDocuments gives.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ExtractionResult } from "@kg/graph-schema";
import type { PaperExtraction } from "../extract/extract.ts";
import {
  type ExtractOptions,
  extractDocuments,
  finishExtraction,
  prepareDocuments,
  type SourceDocument,
} from "../pipeline.ts";
import type { ExtractRequest, ExtractResponse } from "./extract-worker.ts";

/** Papers sent to a worker at a time: large enough to pay for the message, small enough to share out. */
const CHUNK = 500;
/** Below this many papers, starting threads costs more than it saves. */
const MIN_PARALLEL_PAPERS = 2 * CHUNK;

const ENTRY = new URL("./extract-worker.ts", import.meta.url).href;

/** Worker threads do not inherit tsx's loader: register it, then import the TypeScript entry. */
function spawnWorker(): Worker {
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(ENTRY)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
}

/** extractDocuments with the per-paper extraction spread over worker threads. */
export async function extractDocumentsParallel(
  documents: SourceDocument[],
  options: ParallelOptions = {},
): Promise<ExtractionResult> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const prepared = prepareDocuments(documents, options);
  const total = prepared.papers.length;
  if (threads === 1 || total < MIN_PARALLEL_PAPERS) return extractDocuments(documents, options);

  const extractions: PaperExtraction[] = new Array(total);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(threads, Math.ceil(total / CHUNK)) }, spawnWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const send = () => {
              if (next >= total) {
                resolve();
                return;
              }
              current = next;
              next += CHUNK;
              const inputs = prepared.papers.slice(current, current + CHUNK).map((p) => p.input);
              worker.postMessage({ id: current, inputs } satisfies ExtractRequest);
            };
            worker.on("message", (response: ExtractResponse) => {
              if (!response.ok) {
                reject(new Error(`ingest/extract: a worker failed: ${response.error}`));
                return;
              }
              for (let i = 0; i < response.extractions.length; i++) {
                extractions[response.id + i] = response.extractions[i] as PaperExtraction;
              }
              done += response.extractions.length;
              options.onProgress?.({
                documents: documents.length,
                documentsTotal: documents.length,
                papers: done,
                papersTotal: total,
              });
              send();
            });
            worker.once("error", (error) =>
              reject(new Error(`ingest/extract: a worker failed: ${error.message}`)),
            );
            worker.once("exit", (code) => {
              if (code !== 0) reject(new Error(`ingest/extract: a worker exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return finishExtraction(prepared, extractions, options);
}
