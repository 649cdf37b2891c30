/**
 * The extraction on every core: documents are segmented and grouped on this thread (fast,
 * and corpus-level), the papers are extracted by worker threads (one per core) in chunks,
 * and resolved here. The workers write each chunk's entities and edges to files of a spill
 * folder and send back only its URLs and entity counts; resolution reads the chunks back in
 * their order once per pass, so the result is byte for byte the one extractDocuments gives,
 * and the extractions of the whole corpus are never in memory at once.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ExtractionResult } from "@kg/graph-schema";
import {
  extractPaper,
  type LocalEdge,
  type LocalEntity,
  type PaperExtraction,
  type PaperInput,
} from "../extract/extract.ts";
import {
  type Documents,
  type EdgeStream,
  type ExtractOptions,
  extractDocuments,
  finishExtraction,
  paperInput,
  prepareDocuments,
} from "../pipeline.ts";
import type { EdgeSink, Extractions, PaperUrls } from "../resolve/resolve.ts";
import { collectGarbage, garbageLimit } from "./collect-garbage.ts";
import type { ExtractRequest, ExtractResponse } from "./extract-worker.ts";
import { spillFiles } from "./spill-files.ts";

/** Papers sent to a worker at a time: large enough to pay for the message, small enough to share out. */
const CHUNK = 500;
/** The URLs of every paper that has none: one object instead of four a paper, until resolution. */
const NO_URLS: PaperUrls = Object.freeze({
  codeUrls: Object.freeze([]),
  modelUrls: Object.freeze([]),
  urls: Object.freeze([]),
}) as unknown as PaperUrls;

/** Garbage let pile up between two collections while resolution reads the chunks back. */
const READ_GARBAGE_BYTES = 128 * 1024 * 1024;
/** Below this many papers, starting threads costs more than it saves. */
const MIN_PARALLEL_PAPERS = 2 * CHUNK;

/** Far above what one chunk needs (20,000-character papers at worst), far below V8's default. */
const WORKER_OLD_SPACE_MB = 256;

const ENTRY = new URL("./extract-worker.ts", import.meta.url).href;

/** Set by ingest/build-cli.ts in the built CLI: its bundled worker entry (relative to this file). */
declare const KG_BUNDLED_WORKER: string | undefined;

/**
 * The built CLI starts its bundled worker; from the sources, worker threads do not inherit
 * tsx's loader: register it, then import the TypeScript entry.
 */
function spawnWorker(): Worker {
  // A worker holds one chunk at a time; left to itself V8 let each heap grow to hundreds of
  // MB of garbage, counted in the ingest's peak memory (measured: 553 → 505 MB at 20k papers).
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: 8 },
  };
  if (typeof KG_BUNDLED_WORKER === "string")
    return new Worker(new URL(KG_BUNDLED_WORKER, import.meta.url), options);
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(ENTRY)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /**
   * Empty the `documents` array once they are segmented, so that their texts can be freed
   * while the papers are extracted and resolved (the caller no longer needs them).
   */
  consume?: boolean;
  /** Where the workers write the extractions until resolution reads them (default: the OS's temp folder). */
  spillDir?: string;
  /**
   * Asked once the papers are extracted, before they are resolved: a sink to send the edges
   * to as they are merged (the result then holds none; see resolveStreamed), or null for a
   * result that holds them. The bulk load writes them to its files without ever holding all.
   * Not asked for fewer than MIN_PARALLEL_PAPERS papers: their edges are in the result.
   */
  streamEdges?: () => Promise<EdgeSink | null>;
  /** Paper occurrences per partition of the streamed edges (tests use small ones). */
  papersPerPartition?: number;
}

/** extractDocuments with the per-paper extraction spread over worker threads. */
export async function extractDocumentsParallel(
  documents: Documents,
  options: ParallelOptions = {},
): Promise<ExtractionResult> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const documentCount = documents.length;
  if ((threads === 1 || documents.length === 0) && !options.streamEdges)
    return consumed(documents, options, extractDocuments(documents, options));
  const prepared = prepareDocuments(documents, options, options.consume === true, collectGarbage);
  if (options.consume && Array.isArray(documents)) documents.length = 0;
  const total = prepared.papers.length;
  // A few papers' edges fit in memory: resolved here at once, without asking for a sink (the
  // question waited on the database's answer: +0.2 s to an incremental load of 100 papers).
  if (total < MIN_PARALLEL_PAPERS) {
    const extractions: PaperExtraction[] = [];
    for (let k = 0; k < prepared.papers.length; k++) {
      extractions.push(extractPaper(paperInput(prepared, k)));
      // A turn of the event loop between papers: the caller's database connection and the
      // loader's checks, started before, go on meanwhile instead of after the extraction.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return finishExtraction(prepared, extractions, options);
  }
  const spillDir = mkdtempSync(path.join(options.spillDir ?? tmpdir(), "kg-extract-"));
  const stream = async (): Promise<EdgeStream | null> => {
    const sink = (await options.streamEdges?.()) ?? null;
    if (!sink) return null;
    return options.papersPerPartition
      ? { spillDir, sink, papersPerPartition: options.papersPerPartition }
      : { spillDir, sink };
  };
  if (threads === 1) {
    try {
      const extractions = prepared.papers.map((_, k) => extractPaper(paperInput(prepared, k)));
      const edges = await stream();
      return finishExtraction(prepared, extractions, options, undefined, edges);
    } finally {
      rmSync(spillDir, { recursive: true, force: true });
    }
  }
  // The documents' texts and segmentation's garbage go before the extractions pile up.
  collectGarbage();

  try {
    const urls: PaperUrls[] = new Array(total);
    const entityCounts = new Uint32Array(total);
    let next = 0;
    let done = 0;
    const workers = Array.from({ length: Math.min(threads, Math.ceil(total / CHUNK)) }, spawnWorker);
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= total) {
                  resolve();
                  return;
                }
                const id = next;
                next += CHUNK;
                const inputs: PaperInput[] = [];
                for (let k = id; k < Math.min(id + CHUNK, total); k++) inputs.push(paperInput(prepared, k));
                worker.postMessage({ id, inputs, spillDir } satisfies ExtractRequest);
              };
              worker.on("message", (response: ExtractResponse) => {
                if (!response.ok) {
                  reject(new Error(`ingest/extract: a worker failed: ${response.error}`));
                  return;
                }
                for (let i = 0; i < response.urls.length; i++) {
                  const u = response.urls[i] as PaperUrls;
                  const none = u.codeUrls.length + u.modelUrls.length + u.urls.length === 0;
                  urls[response.id + i] = none ? NO_URLS : u;
                  entityCounts[response.id + i] = response.entityCounts[i] as number;
                }
                done += response.urls.length;
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
    const store = spilledExtractions(spillDir, total, entityCounts);
    const edges = await stream();
    return finishExtraction(prepared, { urls, store }, options, collectGarbage, edges);
  } finally {
    rmSync(spillDir, { recursive: true, force: true });
  }
}

/**
 * The extractions the workers wrote, read back a chunk at a time for each pass of
 * resolution (JSON of the chunk's papers in order; a chunk is CHUNK papers from its id).
 */
function spilledExtractions(dir: string, total: number, entityCounts: Uint32Array): Extractions {
  // Each chunk read is garbage once visited: 100,000 papers' passes let the heap reach
  // ~600 MB over ~150 MB live before V8 collected.
  const check = garbageLimit(READ_GARBAGE_BYTES);
  const read = <T>(file: string): T[] => {
    check();
    return JSON.parse(readFileSync(file, "utf8")) as T[];
  };
  return {
    entities(visit) {
      for (let id = 0; id < total; id += CHUNK) {
        const chunk = read<LocalEntity[]>(spillFiles(dir, id).entities);
        for (let i = 0; i < chunk.length; i++) visit(chunk[i] as LocalEntity[], id + i);
      }
    },
    edges(visit) {
      for (let id = 0; id < total; id += CHUNK) {
        const chunk = read<LocalEdge[]>(spillFiles(dir, id).edges);
        for (let i = 0; i < chunk.length; i++)
          visit(chunk[i] as LocalEdge[], entityCounts[id + i] as number, id + i);
      }
    },
  };
}

function consumed(documents: Documents, options: ParallelOptions, result: ExtractionResult) {
  if (options.consume && Array.isArray(documents)) documents.length = 0;
  return result;
}
