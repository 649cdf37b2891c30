/**
 * The streamed resolution with its edge work on the extraction's worker threads. Resolving
 * 100,000 papers on the main thread alone took ~30 s while the other core idled, two thirds
 * of it the edges: splitting them into partitions, merging each, checking and encoding the
 * merged edges as CSV, and the garbage all that left. Here the main thread makes the papers
 * and the nodes (corpus-level) as before, then the workers split the chunks' edges and merge
 * the partitions (partition-tasks.ts), and the main thread takes the merged partitions in
 * order: the same graph, and the same import files, as resolveStreamed on one thread.
 */
import type { ExtractedEdge, ExtractionResult } from "@kg/graph-schema";
import { checkExtractedEdge } from "@kg/graph-schema";
import { ImportCsv } from "../load/bulk-csv.ts";
import { checkedResult, type ExtractOptions, type PreparedDocuments, paperOccurrences } from "../pipeline.ts";
import { type EdgeSink, type Extractions, type PaperUrls, StreamedResolution } from "../resolve/resolve.ts";
import { garbageLimit } from "./collect-garbage.ts";
import type { EndsMessage, MergedEdges, MergeTask, PartitionTask, SplitTask } from "./partition-tasks.ts";

/** Partitions asked for ahead of the one taken (two a worker on two cores). */
const MERGES_AHEAD = 4;

/** Garbage let pile up on this thread between two collections while partitions are taken. */
const GARBAGE_BYTES = 64 * 1024 * 1024;

/** The worker threads, as the resolution uses them. */
export interface PartitionWorkers {
  /** Runs a task on the next free worker (its result, or a rejection with its error). */
  run(task: PartitionTask): Promise<MergedEdges | null>;
  /** Sends a message to every worker, before any task sent after it. */
  broadcast(message: EndsMessage): void;
}

/** Where the streamed edges go: a sink, or the bulk import's files (encoded on the workers). */
export type EdgeTarget = EdgeSink | ImportCsv;

/**
 * finishExtraction with a streamed resolution whose edges are split and merged by
 * `workers`. The extractions are the workers' spill files in `spillDir`: chunks of `chunk`
 * papers from 0, each paper with `entityCounts` local entities.
 */
export async function resolveOnWorkers(
  workers: PartitionWorkers,
  prepared: PreparedDocuments,
  extractions: { urls: PaperUrls[]; store: Extractions; entityCounts: readonly number[]; chunk: number },
  spillDir: string,
  target: EdgeTarget,
  options: ExtractOptions & { papersPerPartition?: number },
  onReleased: () => void,
): Promise<ExtractionResult> {
  const occurrences = paperOccurrences(prepared, extractions.urls);
  const total = occurrences.length;
  const resolution = new StreamedResolution(
    prepared.sources,
    occurrences,
    extractions.store,
    prepared.warnings,
    onReleased,
    options.papersPerPartition,
    prepared.abstracts,
  );
  const { entityCounts, chunk } = extractions;
  const splits: SplitTask[] = [];
  const chunks: number[] = [];
  for (let id = 0; id < total; id += chunk) {
    const to = Math.min(id + chunk, total);
    splits.push({
      kind: "split",
      spillDir,
      chunk: id,
      partitions: resolution.partitions,
      entityCounts: Int32Array.from(entityCounts.slice(id, to)),
      ...resolution.chunkEnds(id, to, entityCounts),
    });
    chunks.push(id);
  }
  resolution.entitiesDone();
  workers.broadcast({ kind: "ends", table: resolution.endTable() });
  await Promise.all(splits.map((task) => workers.run(task)));
  splits.length = 0;

  const csv = target instanceof ImportCsv ? target : null;
  const validate = options.validate !== false;
  // The merged partitions' rows, written and let go, are this thread's garbage (V8 let it
  // reach ~120 MB over the live data at 100,000 papers, all of it in the peak RSS).
  const checkGarbage = garbageLimit(GARBAGE_BYTES, onReleased);
  const take = (merged: MergedEdges) => {
    checkGarbage();
    if (merged.encoded) (csv as ImportCsv).encodedEdges(merged.encoded);
    else for (const edge of merged.edges ?? []) (target as EdgeSink)(edge);
    resolution.accept(merged);
  };
  // Merged partitions are taken in order, a few ahead of the one taken: those waiting here
  // are in memory (with every partition asked for at once, a sink slower than the workers
  // let their edges pile up: 1.4 GB RSS at 100,000 papers, edges sent to a function).
  const ahead: Array<Promise<MergedEdges>> = [];
  for (let partition = 0; partition < resolution.partitions; partition++) {
    const task: MergeTask = { kind: "merge", spillDir, partition, chunks, validate, encode: csv !== null };
    const merged = workers.run(task) as Promise<MergedEdges>;
    // Its failure is thrown where it is awaited (not as an unhandled rejection before).
    merged.catch(() => {});
    ahead.push(merged);
    if (ahead.length >= MERGES_AHEAD) take(await (ahead.shift() as Promise<MergedEdges>));
  }
  for (const merged of ahead) take(await merged);
  // The VARIANT_OF edges (a few, made from the nodes) are sent from here.
  const result = resolution.finish((edge: ExtractedEdge) => {
    if (validate) checkExtractedEdge(edge, 0);
    if (csv) csv.edge(edge);
    else (target as EdgeSink)(edge);
  });
  return checkedResult(result, options, onReleased);
}
