/**
 * A worker thread of the parallel extraction: extracts the papers it is sent (pure
 * extractPaper) and writes their entities and edges to two files of the spill folder
 * (`<id>.entities.json`, `<id>.edges.json`: one JSON array, a paper an item, in order; an
 * entity as resolution reads it, spilledEntity);
 * it answers with what the main thread keeps: each paper's URLs and number of entities.
 * The extractions of a whole corpus are thus never in the main thread's memory. Once the
 * papers are extracted, it takes its part of the resolution's edge work (partition-tasks.ts).
 */
import { writeFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { extractPaper, type PaperInput } from "../extract/extract.ts";
import type { PaperUrls } from "../resolve/resolve.ts";
import { garbageLimit } from "./collect-garbage.ts";
import {
  type EndsMessage,
  type PartitionTask,
  runTask,
  type TaskOutcome,
  takeEnds,
} from "./partition-tasks.ts";
import { spilledEntity, spillFiles } from "./spill-files.ts";

export interface ExtractRequest {
  kind: "extract";
  id: number;
  inputs: PaperInput[];
  spillDir: string;
}

export type ExtractResponse =
  | { kind: "extract"; id: number; ok: true; urls: PaperUrls[]; entityCounts: number[] }
  | { kind: "extract"; id: number; ok: false; error: string };

/** A task of partition-tasks.ts, numbered so that its answer finds its caller. */
export type TaskRequest = PartitionTask & { seq: number };
export type TaskResponse = TaskOutcome & { kind: "task"; seq: number };

export type WorkerRequest = ExtractRequest | TaskRequest | EndsMessage;
export type WorkerResponse = ExtractResponse | TaskResponse;

function extract(request: ExtractRequest): ExtractResponse {
  try {
    const extractions = request.inputs.map((input) => extractPaper(input));
    const files = spillFiles(request.spillDir, request.id);
    writeFileSync(files.entities, JSON.stringify(extractions.map((e) => e.entities.map(spilledEntity))));
    writeFileSync(files.edges, JSON.stringify(extractions.map((e) => e.edges)));
    return {
      kind: "extract",
      id: request.id,
      ok: true,
      urls: extractions.map((e) => ({ codeUrls: e.codeUrls, modelUrls: e.modelUrls, urls: e.urls })),
      entityCounts: extractions.map((e) => e.entities.length),
    };
  } catch (error) {
    return { kind: "extract", id: request.id, ok: false, error: (error as Error).message };
  }
}

/**
 * Collects between resolution tasks once they have left this much garbage: a partition's
 * merge leaves tens of MB, which V8 let pile up towards the heap limit on each thread.
 */
const checkGarbage = garbageLimit(96 * 1024 * 1024);

parentPort?.on("message", (request: WorkerRequest) => {
  if (request.kind === "ends") takeEnds(request);
  else if (request.kind === "extract") parentPort?.postMessage(extract(request) satisfies WorkerResponse);
  else {
    const response: TaskResponse = { ...runTask(request), kind: "task", seq: request.seq };
    parentPort?.postMessage(response satisfies WorkerResponse);
    checkGarbage();
  }
});
