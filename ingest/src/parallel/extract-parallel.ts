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
import { collectGarbage } from "./collect-garbage.ts";
import type { ExtractRequest, ExtractResponse } from "./extract-worker.ts";

/** Papers sent to a worker at a time: large enough to pay for the message, small enough to share out. */
const CHUNK = 500;
/** Below this many papers, starting threads costs more than it saves. */
const MIN_PARALLEL_PAPERS = 2 * CHUNK;

/** Far above what one chunk needs (20,000-character papers at worst), far below V8's default. */
const WORKER_OLD_SPACE_MB = 256;

const ENTRY = new URL("./extract-worker.ts", import.meta.url).href;

/** Worker threads do not inherit tsx's loader: register it, then import the TypeScript entry. */
function spawnWorker(): Worker {
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(ENTRY)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    // A worker holds one chunk at a time; left to itself V8 let each heap grow to hundreds of
    // MB of garbage, counted in the ingest's peak memory (measured: 553 → 505 MB at 20k papers).
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: 8 },
  });
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
  // The documents' texts and segmentation's garbage go before the extractions pile up.
  collectGarbage();

  const extractions: PaperExtraction[] = new Array(total);
  // Names and keys recur across the whole corpus; the map goes when extraction ends.
  const names = new Map<string, string>();
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
              const sentences = new Map<string, string>();
              for (let i = 0; i < response.extractions.length; i++) {
                const extraction = response.extractions[i] as PaperExtraction;
                shareStrings(extraction, names, sentences);
                extractions[response.id + i] = extraction;
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
  collectGarbage();
  return finishExtraction(prepared, extractions, options, collectGarbage);
}

/** One copy of a string per value: `seen` keeps the first, later equal ones are replaced by it. */
function share(seen: Map<string, string>, value: string): string {
  const first = seen.get(value);
  if (first !== undefined) return first;
  seen.set(value, value);
  return value;
}

/**
 * A message from a worker arrives with a copy of every string it holds: the sentence of
 * each of a paper's edges (several edges share one sentence) and the names and keys that
 * thousands of papers share. All extractions are held until resolution, so these copies
 * were a large part of the memory; equal strings are made one here.
 */
function shareStrings(
  extraction: PaperExtraction,
  names: Map<string, string>,
  sentences: Map<string, string>,
): void {
  for (const edge of extraction.edges) {
    edge.sentence = share(sentences, edge.sentence);
    edge.extractor = share(names, edge.extractor);
  }
  for (const entity of extraction.entities) {
    for (const surface of entity.surfaces) surface[0] = share(names, surface[0]);
    for (let i = 0; i < entity.keys.length; i++) entity.keys[i] = share(names, entity.keys[i] as string);
  }
}

function consumed(documents: SourceDocument[], options: ParallelOptions, result: ExtractionResult) {
  if (options.consume) documents.length = 0;
  return result;
}
