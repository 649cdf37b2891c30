/**
 * A worker thread of the parallel extraction: extracts the papers it is sent (pure
 * extractPaper) and writes their entities and edges to two files of the spill folder
 * (`<id>.entities.json`, `<id>.edges.json`: one JSON array, a paper an item, in order);
 * it answers with what the main thread keeps: each paper's URLs and number of entities.
 * The extractions of a whole corpus are thus never in the main thread's memory.
 */
import { writeFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { extractPaper, type PaperInput } from "../extract/extract.ts";
import type { PaperUrls } from "../resolve/resolve.ts";
import { spillFiles } from "./spill-files.ts";

export interface ExtractRequest {
  id: number;
  inputs: PaperInput[];
  spillDir: string;
}

export type ExtractResponse =
  | { id: number; ok: true; urls: PaperUrls[]; entityCounts: number[] }
  | { id: number; ok: false; error: string };

parentPort?.on("message", (request: ExtractRequest) => {
  try {
    const extractions = request.inputs.map((input) => extractPaper(input));
    const files = spillFiles(request.spillDir, request.id);
    writeFileSync(files.entities, JSON.stringify(extractions.map((e) => e.entities)));
    writeFileSync(files.edges, JSON.stringify(extractions.map((e) => e.edges)));
    parentPort?.postMessage({
      id: request.id,
      ok: true,
      urls: extractions.map((e) => ({ codeUrls: e.codeUrls, modelUrls: e.modelUrls, urls: e.urls })),
      entityCounts: extractions.map((e) => e.entities.length),
    } satisfies ExtractResponse);
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      error: (error as Error).message,
    } satisfies ExtractResponse);
  }
});
