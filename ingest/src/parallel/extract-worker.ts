/**
 * A worker thread of the parallel extraction: extracts the papers it is sent (pure
 * extractPaper, no I/O) and sends their extractions back, in order.
 */
import { parentPort } from "node:worker_threads";
import { extractPaper, type PaperExtraction, type PaperInput } from "../extract/extract.ts";

export interface ExtractRequest {
  id: number;
  inputs: PaperInput[];
}

export type ExtractResponse =
  | { id: number; ok: true; extractions: PaperExtraction[] }
  | { id: number; ok: false; error: string };

parentPort?.on("message", (request: ExtractRequest) => {
  try {
    const extractions = request.inputs.map((input) => extractPaper(input));
    parentPort?.postMessage({ id: request.id, ok: true, extractions } satisfies ExtractResponse);
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      error: (error as Error).message,
    } satisfies ExtractResponse);
  }
});
