/**
 * The extraction on every core: documents are segmented and grouped on this thread (fast,
 * and corpus-level), the papers are extracted by worker threads (one per core) in chunks,
 * and resolved here. Chunks are put back in their order, so the result is byte for byte
 * the one extractDocuments gives.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ExtractionResult } from "@kg/graph-schema";
import { extractPaper, type PaperExtraction } from "../extract/extract.ts";
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
  /**
   * Empty the `documents` array once they are segmented, so that their texts can be freed
   * while the papers are extracted and resolved (the caller no longer needs them).
   */
  consume?: boolean;
}

/** extractDocuments with the per-paper extraction spread over worker threads. */
export async function extractDocumentsParallel(
  documents: SourceDocument[],
  options: ParallelOptions = {},
): Promise<ExtractionResult> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const documentCount = documents.length;
  if (threads === 1 || documents.length === 0)
    return consumed(documents, options, extractDocuments(documents, options));
  const prepared = prepareDocuments(documents, options);
  const total = prepared.papers.length;
  if (total < MIN_PARALLEL_PAPERS) {
    const extractions = prepared.papers.map((p) => extractPaper(p.input));
    return consumed(documents, options, finishExtraction(prepared, extractions, options));
  }
  if (options.consume) documents.length = 0;

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
                documents: documentCount,
                documentsTotal: documentCount,
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

function consumed(documents: SourceDocument[], options: ParallelOptions, result: ExtractionResult) {
  if (options.consume) documents.length = 0;
  return result;
}
