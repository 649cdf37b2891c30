/**
 * A full garbage collection on demand, between the phases of a large extraction.
 *
 * V8 collects its old space lazily: with a heap limit of ~4 GB it let the garbage of one
 * phase (the segmented documents' texts, the extractions merged away) pile up under the
 * next, and the ingest of 100,000 papers peaked at 2.5 GB for ~0.8 GB of live data. A
 * collection where a phase has just let go of its data costs well under a second.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    // `gc` is exposed to contexts made after the flag is set (this process's own global may lack it).
    setFlagsFromString("--expose-gc");
    gc = (runInNewContext("typeof gc === 'function' ? gc : null") as (() => void) | null) ?? null;
  }
  gc?.();
}

/**
 * A check to call between the steps of a long pass that reads and lets go of much data
 * (each one a chunk of extractions parsed from a file): it collects once the heap has
 * grown `bytes` since the last collection. Left to itself V8 let old space reach several
 * times the live data before collecting it.
 */
export function garbageLimit(bytes: number, collect: () => void = collectGarbage): () => void {
  let live = getHeapStatistics().used_heap_size;
  return () => {
    if (getHeapStatistics().used_heap_size <= live + bytes) return;
    collect();
    live = getHeapStatistics().used_heap_size;
  };
}
