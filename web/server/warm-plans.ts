/**
 * At start, the server has Neo4j plan its named read queries in the background, so the
 * first requests after a start find their plans cached instead of compiling them
 * (5–10 s for the first lineage on a fresh server). Requests that arrive while a query
 * is being planned wait for that plan (queries/run's plan gate) rather than compile it
 * again alongside.
 */
import { queriesToPlan } from "@kg/queries";
import type { Database } from "@kg/queries/run";

export async function planNamedQueries(db: Database, log: (message: string) => void): Promise<void> {
  const summary = await db.plan(queriesToPlan());
  const failures = summary.failed.map((f) => `${f.name} (${f.message})`).join(", ");
  log(
    `queries: ${summary.planned} named queries planned in ${(summary.ms / 1000).toFixed(1)} s` +
      (failures ? `; not planned: ${failures}` : ""),
  );
}
