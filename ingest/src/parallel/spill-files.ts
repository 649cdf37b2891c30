import path from "node:path";

/** The files a worker writes chunk `id`'s extractions to, in the spill folder `dir`. */
export function spillFiles(dir: string, id: number): { entities: string; edges: string } {
  return { entities: path.join(dir, `${id}.entities.json`), edges: path.join(dir, `${id}.edges.json`) };
}

/** The file of partition `partition`'s read edges from chunk `chunk` (see partition-tasks.ts). */
export function partitionFile(dir: string, partition: number, chunk: number): string {
  return path.join(dir, `edges-${partition}-${chunk}.tsv`);
}
