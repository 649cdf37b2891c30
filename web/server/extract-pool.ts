/**
 * One worker thread (extract-worker.ts) behind a promise API. Requests are answered
 * in order; when the worker dies, pending requests fail with its error and the next
 * request starts a new one.
 */
import { Worker } from "node:worker_threads";
import type { ExtractionResult } from "@kg/graph-schema";
import type { ImportFile, WorkerRequest, WorkerResponse } from "./extract-worker.ts";

/** A request before it gets its id (Omit distributed over the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, "id"> : never;

type Pending = { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void };

export interface ExtractWorker {
  /** The first abstract over the cap, or null. */
  check(files: ImportFile[], maxAbstractChars: number): Promise<string | null>;
  extract(files: ImportFile[]): Promise<ExtractionResult>;
  close(): Promise<void>;
}

const ENTRY = new URL("./extract-worker.ts", import.meta.url).href;

/**
 * Worker threads do not inherit tsx's loader, so the worker first registers it and then
 * imports the TypeScript entry.
 */
function spawn(): Worker {
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(ENTRY)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

export function createExtractWorker(): ExtractWorker {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll(error: Error): void {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = undefined;
  }

  function ensure(): Worker {
    if (worker) return worker;
    const started = spawn();
    started.on("message", (response: WorkerResponse) => {
      const p = pending.get(response.id);
      pending.delete(response.id);
      p?.resolve(response);
    });
    started.on("error", (error) =>
      failAll(new Error(`import: the extraction worker failed: ${error.message}`)),
    );
    started.on("exit", (code) => {
      if (worker === started) failAll(new Error(`import: the extraction worker exited (code ${code})`));
    });
    // An idle worker must not keep the process alive.
    started.unref();
    worker = started;
    return started;
  }

  async function call(request: Unnumbered<WorkerRequest>): Promise<WorkerResponse> {
    const id = nextId++;
    const target = ensure();
    const response = await new Promise<WorkerResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ ...request, id });
    });
    if (!response.ok) throw new Error(response.error);
    return response;
  }

  return {
    async check(files, maxAbstractChars) {
      const response = await call({ kind: "check", files, maxAbstractChars });
      return "problem" in response ? response.problem : null;
    },
    async extract(files) {
      const response = await call({ kind: "extract", files });
      if (!("result" in response)) throw new Error("import: the worker returned no extraction");
      return response.result;
    },
    async close() {
      const current = worker;
      worker = undefined;
      if (current) await current.terminate();
      failAll(new Error("import: the extraction worker was closed"));
    },
  };
}
