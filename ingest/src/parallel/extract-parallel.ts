/**
 * The extraction on every core: documents are segmented and grouped on this thread (fast,
 * and corpus-level), the papers are extracted by worker threads (one per core) in chunks,
 * and resolved here. The workers write each chunk's entities and edges to files of a spill
 * folder and send back only its URLs and entity counts; resolution reads the chunks back in
 * their order once per pass, so the result is byte for byte the one extractDocuments gives,
 * and the extractions of the whole corpus are never in memory at once.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ExtractionResult } from "@kg/graph-schema";
import { extractPaper, type LocalEdge, type PaperExtraction, type PaperInput } from "../extract/extract.ts";
import { BulkCsvError } from "../load/bulk-csv.ts";
import {
  DocumentPreparation,
  type Documents,
  type EdgeStream,
  type ExtractOptions,
  eachDocument,
  extractDocuments,
  finishExtraction,
  type PreparedDocuments,
  paperInput,
  prepareDocuments,
} from "../pipeline.ts";
import {
  type EdgeSink,
  type Extractions,
  NO_URLS,
  type PaperUrls,
  type ResolvedEntity,
} from "../resolve/resolve.ts";
import { collectGarbage, garbageLimit } from "./collect-garbage.ts";
import type { TaskRequest, WorkerRequest, WorkerResponse } from "./extract-worker.ts";
import type { EndsMessage, MergedEdges, PartitionTask } from "./partition-tasks.ts";
import { type EdgeTarget, type PartitionWorkers, resolveOnWorkers } from "./resolve-on-workers.ts";
import { spillFiles } from "./spill-files.ts";
import { threadCount } from "./thread-count.ts";

/** Papers sent to a worker at a time: large enough to pay for the message, small enough to share out. */
const CHUNK = 500;

/** Garbage let pile up between two collections while resolution reads the chunks back. */
const READ_GARBAGE_BYTES = 128 * 1024 * 1024;
/** Below this many papers, starting threads costs more than it saves. */
const MIN_PARALLEL_PAPERS = 2 * CHUNK;

/** Far above what one chunk needs (20,000-character papers at worst), far below V8's default. */
const WORKER_OLD_SPACE_MB = 256;

/**
 * The heap limits of the threads that extract, and of those that then split and merge the
 * streamed edges. The resolution's threads are new ones: the extractors' caches (~100 MB a
 * thread) stayed in memory through resolution, and their small young generation (which
 * bounds extraction's garbage) made a partition's merge spend as long collecting as merging.
 */
type WorkerLimits = { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number };
const EXTRACT_LIMITS: WorkerLimits = {
  maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB,
  maxYoungGenerationSizeMb: 8,
};
/**
 * A resolving worker holds the whole end table (every paper's and entity's label and key),
 * which grows with the corpus: at 1,000,000 papers (2.3 million ends) it outgrew the
 * extraction's 256 MB and the worker died out of memory. V8's usual ceiling instead.
 */
const RESOLVE_OLD_SPACE_MB = 4096;
const RESOLVE_LIMITS: WorkerLimits = {
  maxOldGenerationSizeMb: RESOLVE_OLD_SPACE_MB,
  maxYoungGenerationSizeMb: 32,
};

const ENTRY = new URL("./extract-worker.ts", import.meta.url).href;

/** Set by ingest/build-cli.ts in the built CLI: its bundled worker entry (relative to this file). */
declare const KG_BUNDLED_WORKER: string | undefined;

/**
 * The built CLI starts its bundled worker; from the sources, worker threads do not inherit
 * tsx's loader: register it, then import the TypeScript entry.
 */
function spawnWorker(resourceLimits: WorkerLimits): Worker {
  // A worker holds one chunk at a time; left to itself V8 let each heap grow to hundreds of
  // MB of garbage, counted in the ingest's peak memory (measured: 553 → 505 MB at 20k papers).
  const options = { resourceLimits };
  if (typeof KG_BUNDLED_WORKER === "string")
    return new Worker(new URL(KG_BUNDLED_WORKER, import.meta.url), options);
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(ENTRY)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads (default: one for a small input, else one per core; see thread-count.ts). */
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
   * result that holds them. The bulk load writes them to its files without ever holding all
   * (given its ImportCsv, the worker threads encode the rows). Not asked for fewer than
   * MIN_PARALLEL_PAPERS papers: their edges are in the result.
   */
  streamEdges?: () => Promise<EdgeTarget | null>;
  /** Paper occurrences per partition of the streamed edges (tests use small ones). */
  papersPerPartition?: number;
}

/** extractDocuments with the per-paper extraction spread over worker threads. */
export async function extractDocumentsParallel(
  documents: Documents,
  options: ParallelOptions = {},
): Promise<ExtractionResult> {
  const threads = threadCount(documents, options.threads);
  if ((threads === 1 || documents.length === 0) && !options.streamEdges)
    return consumed(documents, options, extractDocuments(documents, options));
  if (threads === 1) return extractOnThisThread(documents, options);
  const documentCount = documents.length;
  const preparation = new DocumentPreparation(options, documentCount, collectGarbage);
  let spillDir: string | null = null;
  let pool: ChunkWorkers | null = null;
  try {
    // Chunks are extracted while later documents are segmented (on a single thread, the
    // segmentation of 100,000 papers left the other core idle for seconds): a chunk goes
    // out once its papers are all segmented, unless one of them waits for its paper's title.
    let inputOf = (k: number) => preparation.earlyInput(k);
    let nextEarly = 0;
    const waiting: number[] = [];
    for (const doc of eachDocument(documents, options.consume === true)) {
      preparation.add(doc);
      if (pool === null && preparation.count >= MIN_PARALLEL_PAPERS) {
        spillDir = mkdtempSync(path.join(options.spillDir ?? tmpdir(), "kg-extract-"));
        pool = new ChunkWorkers(threads, spillDir, (k) => inputOf(k) as PaperInput);
      }
      if (pool === null) continue;
      for (; nextEarly + CHUNK <= preparation.count; nextEarly += CHUNK) {
        let ready = true;
        for (let k = nextEarly; k < nextEarly + CHUNK && ready; k++) ready = preparation.hasOwnTitle(k);
        if (ready) pool.submit(nextEarly, nextEarly + CHUNK);
        else waiting.push(nextEarly);
      }
      // A turn of the event loop: the workers' answers are taken and more chunks sent.
      await new Promise<void>((resolve) => setImmediate(resolve));
      pool.check();
    }
    const prepared = preparation.finish();
    if (options.consume && Array.isArray(documents)) documents.length = 0;
    const total = prepared.papers.length;
    // A few papers' edges fit in memory: resolved here at once, without asking for a sink (the
    // question waited on the database's answer: +0.2 s to an incremental load of 100 papers).
    if (pool === null) return await extractSmall(prepared, options);
    inputOf = (k) => paperInput(prepared, k);
    for (const id of waiting) pool.submit(id, id + CHUNK);
    for (let id = nextEarly; id < total; id += CHUNK) pool.submit(id, Math.min(id + CHUNK, total));
    // The documents' texts and segmentation's garbage go before the extractions pile up.
    collectGarbage();
    const progress = () =>
      options.onProgress?.({
        documents: documentCount,
        documentsTotal: documentCount,
        papers: (pool as ChunkWorkers).done,
        papersTotal: total,
      });
    progress();
    await pool.drained(progress);
    await pool.terminate();
    const store = spilledExtractions(spillDir as string, total, pool.entityCounts);
    const target = (await options.streamEdges?.()) ?? null;
    if (target === null)
      return finishExtraction(prepared, { urls: pool.urls, store }, options, collectGarbage);
    // New threads split and merge the streamed edges (see resolve-on-workers.ts), started
    // now: they are ready by the time the nodes are made here.
    const extracted = pool;
    pool = new ChunkWorkers(threads, spillDir as string, noInput, RESOLVE_LIMITS);
    pool.startAll();
    return await resolveOnWorkers(
      pool,
      prepared,
      { urls: extracted.urls, store, entityCounts: extracted.entityCounts, chunk: CHUNK },
      spillDir as string,
      target,
      options,
      collectGarbage,
    );
  } finally {
    await pool?.terminate();
    if (spillDir) rmSync(spillDir, { recursive: true, force: true });
  }
}

/** The input of a paper, asked of a pool that extracts none. */
function noInput(): PaperInput {
  throw new Error("ingest/extract: a resolution thread was asked to extract papers");
}

function streamTo(spillDir: string, target: EdgeTarget, options: ParallelOptions): EdgeStream {
  const sink: EdgeSink = typeof target === "function" ? target : (edge) => target.edge(edge);
  return options.papersPerPartition
    ? { spillDir, sink, papersPerPartition: options.papersPerPartition }
    : { spillDir, sink };
}

/** Fewer than MIN_PARALLEL_PAPERS papers: extracted here, their edges in the result. */
async function extractSmall(
  prepared: PreparedDocuments,
  options: ParallelOptions,
): Promise<ExtractionResult> {
  const extractions: PaperExtraction[] = [];
  for (let k = 0; k < prepared.papers.length; k++) {
    extractions.push(extractPaper(paperInput(prepared, k)));
    // A turn of the event loop between papers: the caller's database connection and the
    // loader's checks, started before, go on meanwhile instead of after the extraction.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return finishExtraction(prepared, extractions, options);
}

/** One thread, with the edges possibly streamed (the bulk load on a single core). */
async function extractOnThisThread(
  documents: Documents,
  options: ParallelOptions,
): Promise<ExtractionResult> {
  const prepared = prepareDocuments(documents, options, options.consume === true, collectGarbage);
  if (options.consume && Array.isArray(documents)) documents.length = 0;
  if (prepared.papers.length < MIN_PARALLEL_PAPERS) return extractSmall(prepared, options);
  const spillDir = mkdtempSync(path.join(options.spillDir ?? tmpdir(), "kg-extract-"));
  try {
    const extractions = prepared.papers.map((_, k) => extractPaper(paperInput(prepared, k)));
    const sink = (await options.streamEdges?.()) ?? null;
    const stream = sink ? streamTo(spillDir, sink, options) : null;
    return finishExtraction(prepared, extractions, options, undefined, stream);
  } finally {
    rmSync(spillDir, { recursive: true, force: true });
  }
}

/** Chunks a worker is given at a time: it starts the next while this thread, busy segmenting, takes its answer. */
const IN_FLIGHT = 2;

/**
 * The worker threads and the chunks they extract: a chunk is papers [from, to) of the
 * corpus, its inputs made when it is sent (`inputOf`), its extractions written to the
 * spill folder by the worker, its URLs and entity counts kept here.
 */
class ChunkWorkers implements PartitionWorkers {
  readonly urls: PaperUrls[] = [];
  readonly entityCounts: number[] = [];
  /** Papers extracted. */
  done = 0;
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  /** Chunks to extract, and resolution tasks (see run). */
  private readonly queue: Array<[number, number] | TaskRequest> = [];
  /** Resolution tasks sent, by their number, until answered. */
  private readonly tasks = new Map<
    number,
    { done: (r: MergedEdges | null) => void; fail: (e: Error) => void }
  >();
  private seq = 0;
  private submitted = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private terminated: Promise<unknown> | null = null;

  constructor(
    private readonly threads: number,
    private readonly spillDir: string,
    private readonly inputOf: (k: number) => PaperInput,
    private readonly limits: WorkerLimits = EXTRACT_LIMITS,
  ) {}

  /** Queues papers [from, to) (starting a worker while there are fewer than threads and chunks). */
  submit(from: number, to: number): void {
    // Grown in order, never by assigning past the end: chunks answer out of order, and an
    // array with gaps can turn into a dictionary.
    while (this.urls.length < to) {
      this.urls.push(NO_URLS);
      this.entityCounts.push(0);
    }
    this.queue.push([from, to]);
    if (++this.submitted > this.workers.length && this.workers.length < this.threads) this.start();
    this.pump();
  }

  /** Starts every thread now (a pool for resolution tasks: see run). */
  startAll(): void {
    while (this.workers.length < this.threads) this.start();
  }

  /** Queues a resolution task for the next worker with room (after every chunk queued before). */
  run(task: PartitionTask): Promise<MergedEdges | null> {
    this.check();
    const seq = this.seq++;
    return new Promise((done, fail) => {
      this.tasks.set(seq, { done, fail });
      this.queue.push({ ...task, seq });
      this.pump();
    });
  }

  broadcast(message: EndsMessage): void {
    for (const worker of this.workers) worker.postMessage(message satisfies WorkerRequest);
  }

  /** Throws what made a worker fail, if one did. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Resolves once every chunk submitted is extracted; `onChunk` after each. */
  async drained(onChunk: () => void): Promise<void> {
    for (;;) {
      this.check();
      if (this.queue.length === 0 && this.load.every((n) => n === 0)) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      onChunk();
    }
  }

  terminate(): Promise<unknown> {
    this.terminated ??= Promise.all(this.workers.map((w) => w.terminate()));
    return this.terminated;
  }

  private start(): void {
    const worker = spawnWorker(this.limits);
    const w = this.workers.length;
    this.workers.push(worker);
    this.load.push(0);
    worker.on("message", (response: WorkerResponse) => {
      this.load[w] = (this.load[w] as number) - 1;
      if (response.kind === "task") {
        const task = this.tasks.get(response.seq);
        this.tasks.delete(response.seq);
        if (response.ok) task?.done(response.result);
        else {
          const message = `ingest/resolve: a worker failed: ${response.error}`;
          // A value the importer's CSV cannot carry: the ingest loads with Cypher instead.
          task?.fail(response.bulkCsv ? new BulkCsvError(response.error) : new Error(message));
        }
        this.pump();
      } else if (!response.ok) this.fail(new Error(`ingest/extract: a worker failed: ${response.error}`));
      else {
        for (let i = 0; i < response.urls.length; i++) {
          const u = response.urls[i] as PaperUrls;
          const none = u.codeUrls.length + u.modelUrls.length + u.urls.length === 0;
          this.urls[response.id + i] = none ? NO_URLS : u;
          this.entityCounts[response.id + i] = response.entityCounts[i] as number;
        }
        this.done += response.urls.length;
        this.pump();
      }
      this.notify();
    });
    worker.once("error", (error) =>
      this.fail(new Error(`ingest/extract: a worker failed: ${error.message}`)),
    );
    worker.once("exit", (code) => {
      if (code !== 0 && this.terminated === null)
        this.fail(new Error(`ingest/extract: a worker exited with code ${code}`));
    });
  }

  /** Sends queued chunks to the least loaded workers with room. */
  private pump(): void {
    while (this.queue.length > 0) {
      let best = -1;
      for (let w = 0; w < this.workers.length; w++)
        if (
          (this.load[w] as number) < IN_FLIGHT &&
          (best < 0 || (this.load[w] as number) < (this.load[best] as number))
        )
          best = w;
      if (best < 0) return;
      const next = this.queue.shift() as [number, number] | TaskRequest;
      this.load[best] = (this.load[best] as number) + 1;
      if (!Array.isArray(next)) {
        (this.workers[best] as Worker).postMessage(next satisfies WorkerRequest);
        continue;
      }
      const [from, to] = next;
      const inputs: PaperInput[] = [];
      for (let k = from; k < to; k++) inputs.push(this.inputOf(k));
      (this.workers[best] as Worker).postMessage({
        kind: "extract",
        id: from,
        inputs,
        spillDir: this.spillDir,
      } satisfies WorkerRequest);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const task of this.tasks.values()) task.fail(error);
    this.tasks.clear();
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/**
 * The extractions the workers wrote, read back a chunk at a time for each pass of
 * resolution (JSON of the chunk's papers in order; a chunk is CHUNK papers from its id).
 */
function spilledExtractions(dir: string, total: number, entityCounts: number[]): Extractions {
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
        const chunk = read<ResolvedEntity[]>(spillFiles(dir, id).entities);
        for (let i = 0; i < chunk.length; i++) visit(chunk[i] as ResolvedEntity[], id + i);
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
