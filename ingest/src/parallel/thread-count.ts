/**
 * How many threads extract a corpus. The worker threads cost CPU of their own: each one
 * compiles and warms the extractor and its caches anew, and the extractions go through
 * spill files that resolution parses again. On 2 cores, quiet (extractDocumentsParallel,
 * 1 thread against 2): 9,896 real papers (19 MB) 7.4-8.6 s against 11.3-12.4 s, with 10 and
 * 20 CPU-seconds; 20,000 generated papers (33 MB) 7.3-8.7 s against 10.8-12.8 s; 50,000
 * (76 MB) 15.7 s against 19.3 s, but one thread then held 1.0 GB against 0.64. Below this
 * much input one thread is both faster and small enough; above it the threads pay.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Documents } from "../pipeline.ts";

export const ONE_THREAD_BYTES = 40 * 1024 * 1024;

/**
 * Size of the input: files by their bytes on disk, documents given as text by their
 * characters; counted until `limit` is passed (a large corpus's files need not all be looked at).
 */
export function inputBytes(documents: Documents, limit: number): number {
  let bytes = 0;
  if (Array.isArray(documents)) {
    for (const d of documents) {
      bytes += d.text.length;
      if (bytes > limit) break;
    }
    return bytes;
  }
  for (const file of documents.files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // A file that cannot be read becomes a warning when its turn comes; it adds no work.
    }
    if (bytes > limit) break;
  }
  return bytes;
}

/** The threads for `documents`: `requested` when given, else one for a small input, else one per core. */
export function threadCount(documents: Documents, requested?: number): number {
  if (requested !== undefined) return Math.max(1, requested);
  return inputBytes(documents, ONE_THREAD_BYTES) > ONE_THREAD_BYTES ? availableParallelism() : 1;
}
