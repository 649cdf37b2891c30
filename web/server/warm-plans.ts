/**
 * At start, the server has Neo4j plan its named read queries, so the first requests
 * after a start find their plans cached instead of compiling them (5–10 s for the first
 * lineage on a fresh server). The queries of the first screen (search, cards, the
 * default lineage, the registry) are planned before the server says it is ready, and
 * the busiest of them are run once (rolled back, on a key no graph has) so Neo4j has
 * built their executable plans too: an EXPLAIN leaves that to the first real caller,
 * whom the other callers then queue behind. The other lineage depths (seconds of
 * Neo4j's CPU each) are planned on first use: planned in the background at start, they
 * took the CPU from the first minute's requests. Requests that arrive while a query is
 * being planned wait for that plan (queries/run's plan gate) rather than compile it
 * again alongside.
 */

import type { QueryDef } from "@kg/queries";
import {
  cardQueries,
  DEFAULT_LINEAGE_DEPTH,
  DEFAULT_LINEAGE_GROUP,
  DEFAULT_LINEAGE_LIMIT,
  FAMILY_LIMIT,
  firstNamingQuery,
  lineageFamilyQuery,
  lineageQueryFor,
  queriesToPlan,
  queriesToPlanFirst,
  searchQuery,
} from "@kg/queries";
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

/** A key no graph has: the rehearsals find nothing and cost next to nothing. */
const NO_KEY = "\u0000warm-up";

/** The busiest reads run once each, with parameters of the shapes the real runs have. */
async function rehearseBusiest(db: Database): Promise<void> {
  await db.rehearse(searchQuery, {
    lucene: "name:warmup",
    tokens: ["warmup"],
    key: NO_KEY,
    paperId: NO_KEY,
    arxivId: "",
    label: null,
    candidates: 30,
  });
  await db.rehearse(lineageQueryFor(DEFAULT_LINEAGE_DEPTH), {
    key: NO_KEY,
    limit: DEFAULT_LINEAGE_LIMIT,
    group: DEFAULT_LINEAGE_GROUP,
  });
  await db.rehearse(lineageFamilyQuery, { key: NO_KEY, limit: FAMILY_LIMIT });
  await db.rehearse(firstNamingQuery, { keys: [NO_KEY] });
  for (const query of Object.values(cardQueries)) await db.rehearse(query, { key: NO_KEY, perType: 50 });
}

/** Plans the first screen's queries and rehearses the busiest; await this before listening. */
export async function planAtStart(db: Database, log: (message: string) => void): Promise<void> {
  await planAndLog(db, queriesToPlanFirst(), "named queries of the first screen", log);
  const started = performance.now();
  await rehearseBusiest(db).then(
    () =>
      log(
        `queries: search, lineage and cards rehearsed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ),
    (error: Error) => log(`queries: rehearsal failed: ${error.message}`),
  );
}
