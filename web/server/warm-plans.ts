/**
 * At start, the server has Neo4j plan its named read queries, so the first requests
 * after a start find their plans cached instead of compiling them (5–10 s for the first
 * lineage on a fresh server). The queries of the first screen (search, cards, the
 * default lineage, the registry) are planned before the server says it is ready; the
 * other lineage depths after, in the background. Requests that arrive while a query is
 * being planned wait for that plan (queries/run's plan gate) rather than compile it
 * again alongside.
 */

import type { QueryDef } from "@kg/queries";
import { queriesToPlan, queriesToPlanFirst, queriesToPlanLater } from "@kg/queries";
import type { Database } from "@kg/queries/run";

async function planAndLog(
  db: Database,
  queries: readonly QueryDef[],
  what: string,
  log: (message: string) => void,
): Promise<void> {
  const summary = await db.plan(queries);
  const failures = summary.failed.map((f) => `${f.name} (${f.message})`).join(", ");
  log(
    `queries: ${summary.planned} ${what} planned in ${(summary.ms / 1000).toFixed(1)} s` +
      (failures ? `; not planned: ${failures}` : ""),
  );
}

/** Plans every named read query; resolves when all are planned. */
export function planNamedQueries(db: Database, log: (message: string) => void): Promise<void> {
  return planAndLog(db, queriesToPlan(), "named queries", log);
}

/**
 * Plans the first screen's queries (await this before listening), then the rest in the
 * background; `later` settles when those are planned too and never rejects.
 */
export async function planAtStart(
  db: Database,
  log: (message: string) => void,
): Promise<{ later: Promise<void> }> {
  await planAndLog(db, queriesToPlanFirst(), "named queries of the first screen", log);
  const later = planAndLog(db, queriesToPlanLater(), "other lineage depths", log).catch((error: Error) =>
    log(`queries: planning failed: ${error.message}`),
  );
  return { later };
}
