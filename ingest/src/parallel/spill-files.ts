import path from "node:path";
import type { LocalEntity } from "../extract/extract.ts";
import type { ResolvedEntity } from "../resolve/resolve.ts";

/** The files a worker writes chunk `id`'s extractions to, in the spill folder `dir`. */
export function spillFiles(dir: string, id: number): { entities: string; edges: string } {
  return { entities: path.join(dir, `${id}.entities.json`), edges: path.join(dir, `${id}.edges.json`) };
}

/** The file of partition `partition`'s read edges from chunk `chunk` (see partition-tasks.ts). */
export function partitionFile(dir: string, partition: number, chunk: number): string {
  return path.join(dir, `edges-${partition}-${chunk}.tsv`);
}

/**
 * A local entity as its chunk's entities file holds it: only what resolution reads. Its
 * id and `introduced` were a quarter of the file, parsed twice on the main thread (the
 * entity passes of resolution, while the other core waits).
 */
export function spilledEntity(e: LocalEntity): ResolvedEntity {
  const spilled: ResolvedEntity = { label: e.label, surfaces: e.surfaces, keys: e.keys, weight: e.weight };
  if (e.kind !== undefined) spilled.kind = e.kind;
  if (e.scope !== undefined) spilled.scope = e.scope;
  return spilled;
}
