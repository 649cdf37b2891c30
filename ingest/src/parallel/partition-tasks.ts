/**
 * The streamed resolution's edge work, done on the extraction's worker threads (one per
 * core) instead of after everything else on the main thread: a chunk's read edges split
 * into partition files (`split`), and a partition's files merged into the graph's edges,
 * checked, and (for the bulk import) encoded as CSV rows (`merge`). The main thread keeps
 * the corpus-level state (entity groups, ends) and sends each task the numbers it needs;
 * the ends themselves (labels, keys, source ids) are sent to each worker once (`ends`).
 * Every step is the one resolveStreamed takes on one thread, so the graph is the same.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { checkExtractedEdge, type Evidence, type ExtractedEdge } from "@kg/graph-schema";
import type { LocalEdge } from "../extract/extract.ts";
import { BulkCsvError, type EncodedEdges, encodeEdges } from "../load/bulk-csv.ts";
import {
  type EdgeEntry,
  type End,
  type EndTable,
  endOfTable,
  keptEdges,
  labelsAllowed,
  mergePartition,
  partitionLine,
  partitionOf,
} from "../resolve/resolve.ts";
import { partitionFile, spillFiles } from "./spill-files.ts";

/** The ends of the resolution, to a worker once before its tasks. */
export interface EndsMessage {
  kind: "ends";
  table: EndTable;
}

/** Split chunk `chunk`'s read edges (its papers' edges file) into partition files. */
export interface SplitTask {
  kind: "split";
  spillDir: string;
  chunk: number;
  partitions: number;
  /** Each paper's number of local entities. */
  entityCounts: Int32Array;
  /** The end of each local entity of the chunk's papers, in order (-1: none). */
  entityEnds: Int32Array;
  /** Each paper's end and source number. */
  paperEnds: Int32Array;
  sources: Int32Array;
}

/** Merge partition `partition`'s files (those of `chunks`, in order) into edges. */
export interface MergeTask {
  kind: "merge";
  spillDir: string;
  partition: number;
  chunks: number[];
  /** Check each edge with the contract's schema. */
  validate: boolean;
  /** Encode the edges as the bulk import's CSV rows (else send them back as they are). */
  encode: boolean;
}

export type PartitionTask = SplitTask | MergeTask;

export interface MergedEdges {
  touched: Int32Array;
  firstEvidence: Array<[number, Evidence]>;
  encoded: EncodedEdges | null;
  edges: ExtractedEdge[] | null;
}

export type TaskOutcome =
  | { ok: true; result: MergedEdges | null }
  | { ok: false; error: string; bulkCsv: boolean };

/** The ends sent to this worker (see EndsMessage). */
let table: EndTable | null = null;
/** One copy of each type, method and extractor name across this worker's partitions. */
const names = new Map<string, string>();

export function takeEnds(message: EndsMessage): void {
  table = message.table;
}

/** Runs a task; a failure is its outcome (a CSV refusal marked as such: the ingest then loads with Cypher). */
export function runTask(task: PartitionTask): TaskOutcome {
  try {
    if (table === null) throw new Error("ingest/partition-tasks: a task came before the ends");
    return { ok: true, result: task.kind === "split" ? split(task, table) : merge(task, table) };
  } catch (error) {
    return { ok: false, error: (error as Error).message, bulkCsv: error instanceof BulkCsvError };
  }
}

/** What StreamedResolution.spillEdges does for one chunk, by end numbers. */
function split(task: SplitTask, ends: EndTable): null {
  const chunk = JSON.parse(
    readFileSync(spillFiles(task.spillDir, task.chunk).edges, "utf8"),
  ) as LocalEdge[][];
  const parts: string[][] = Array.from({ length: task.partitions }, () => []);
  const labels = ends.labels;
  let first = 0;
  for (let i = 0; i < chunk.length; i++) {
    const count = task.entityCounts[i] as number;
    const paperEnd = task.paperEnds[i] as number;
    const source = task.sources[i] as number;
    const endOf = (e: LocalEdge["from"]) =>
      "paper" in e ? paperEnd : e.entity < count ? (task.entityEnds[first + e.entity] as number) : -1;
    for (const le of chunk[i] as LocalEdge[]) {
      const from = endOf(le.from);
      const to = endOf(le.to);
      if (from < 0 || to < 0 || from === to) continue;
      if (!labelsAllowed(le.type, labels[from] as string, labels[to] as string)) continue;
      (parts[partitionOf(from, task.partitions)] as string[]).push(
        partitionLine(le, from, to, paperEnd, source),
        "\n",
      );
    }
    first += count;
  }
  for (let p = 0; p < parts.length; p++) {
    const lines = parts[p] as string[];
    if (lines.length > 0) writeFileSync(partitionFile(task.spillDir, p, task.chunk), lines.join(""));
  }
  return null;
}

/** What resolveStreamed does with one partition, its ends made from their numbers. */
function merge(task: MergeTask, ends: EndTable): MergedEdges {
  const made = new Map<number, End>();
  const endOf = (id: number): End => {
    let end = made.get(id);
    if (end === undefined) {
      end = endOfTable(ends, id);
      made.set(id, end);
    }
    return end;
  };
  const entries: EdgeEntry[] = [];
  const sentences = new Map<string, string>();
  for (const chunk of task.chunks) {
    const file = partitionFile(task.spillDir, task.partition, chunk);
    if (!existsSync(file)) continue;
    mergePartition(readFileSync(file, "utf8"), endOf, ends.sourceIds, names, entries, sentences);
    rmSync(file, { force: true });
  }
  const edges: ExtractedEdge[] = [];
  const { touched, firstEvidence } = keptEdges(entries, (entry) => {
    if (task.validate) checkExtractedEdge(entry.edge, edges.length);
    edges.push(entry.edge);
  });
  return {
    touched: Int32Array.from(touched),
    firstEvidence,
    encoded: task.encode ? encodeEdges(edges) : null,
    edges: task.encode ? null : edges,
  };
}
