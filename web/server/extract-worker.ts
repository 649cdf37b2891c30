/**
 * The worker thread that reads and extracts imported documents, so a large import
 * never stalls the server's event loop (health, search and the page keep answering).
 *
 * Messages: `check` segments the documents and reports the first paper whose abstract
 * is longer than the cap (the request is then refused with 413 before any job is
 * made); `extract` runs the pure extraction and returns the contract's result.
 */
import { parentPort } from "node:worker_threads";
import type { ExtractionResult } from "@kg/graph-schema";
import { extractDocuments, readDocumentFromText } from "../../ingest/src/pipeline.ts";
import { segmentDocument } from "../../ingest/src/segment/segment.ts";

export interface ImportFile {
  name: string;
  text: string;
}

export type WorkerRequest =
  | { id: number; kind: "check"; files: ImportFile[]; maxAbstractChars: number }
  | { id: number; kind: "extract"; files: ImportFile[] };

export type WorkerResponse =
  | { id: number; ok: true; problem: string | null }
  | { id: number; ok: true; result: ExtractionResult }
  | { id: number; ok: false; error: string };

/** The first abstract over the cap, as a message naming the file, the line and the limit. */
export function findOversizedAbstract(files: ImportFile[], maxAbstractChars: number): string | null {
  for (const file of files) {
    const segmented = segmentDocument(readDocumentFromText(file.name, file.text));
    for (const paper of segmented.papers) {
      if (paper.abstract.length > maxAbstractChars) {
        return `import: ${file.name}: line ${paper.line}: a paper of ${paper.abstract.length} characters; the limit is ${maxAbstractChars} per abstract (IMPORT_MAX_ABSTRACT_CHARS)`;
      }
    }
  }
  return null;
}

function handle(request: WorkerRequest): WorkerResponse {
  try {
    if (request.kind === "check") {
      return {
        id: request.id,
        ok: true,
        problem: findOversizedAbstract(request.files, request.maxAbstractChars),
      };
    }
    const documents = request.files.map((file) => readDocumentFromText(file.name, file.text));
    return { id: request.id, ok: true, result: extractDocuments(documents) };
  } catch (error) {
    return { id: request.id, ok: false, error: (error as Error).message };
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  parentPort?.postMessage(handle(request));
});
