/**
 * At start, the server has Neo4j plan its named read queries, so the first requests
 * after a start find their plans cached instead of compiling them (5–10 s for the first
 * lineage on a fresh server). The queries of the first screen (search, cards, the
 * default lineage, the registry) are planned before the server says it is ready, and
 * the busiest of them are run once (rolled back, on a key no graph has) so Neo4j has
 * built their executable plans too: an EXPLAIN leaves that to the first real caller,
 * whom the other callers then queue behind. Every lineage depth shares the one lineage
 * plan (the depth is a parameter). Requests that arrive while a query is
 * being planned wait for that plan (queries/run's plan gate) rather than compile it
 * again alongside.
 */

import type { QueryDef } from "@kg/queries";
import {
  cardQueries,
  countAllQuery,
  DEFAULT_LINEAGE_DEPTH,
  DEFAULT_LINEAGE_GROUP,
  DEFAULT_LINEAGE_LIMIT,
  FAMILY_LIMIT,
  firstNamingQuery,
  lineageQueryFor,
  queriesToPlanFirst,
  searchGraph,
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
  return planAndLog(db, queriesToPlanFirst(), "named queries", log);
}

/**
 * Keys no graph has, one per size bucket real keys fall in: Neo4j plans a query apart
 * for each bucket of a string parameter's length (2–10 characters, 11–100: see
 * queries/run/plan-key.ts). Rehearsed with the 8-character key alone, the lineage was
 * planned for keys almost no model has (63,333 of 63,417 model keys of the 100k graph
 * are longer), and the first 50 callers each planned it again, most past the timeout.
 */
const NO_KEYS = ["\u0000warm-up", "\u0000warm-up: no graph has this key"];

/**
 * Searches whose parameters take the size buckets most real searches take: one word or
 * several, short or long (the Lucene text, the token list, the key and the ids each
 * count). Nothing matches them, so each costs its planning and next to nothing else.
 */
const REHEARSAL_SEARCHES = ["zqxv", "zqxvwy-nothing-here", "zqxv wyqz", "zqxv wyqz nothing here 7b"];

/** The busiest reads run once each, with parameters of the shapes the real runs have. */
async function rehearseBusiest(db: Database): Promise<void> {
  for (const text of REHEARSAL_SEARCHES) await searchGraph(db, text);
  for (const key of NO_KEYS) {
    await db.rehearse(lineageQueryFor(DEFAULT_LINEAGE_DEPTH), {
      key,
      depth: DEFAULT_LINEAGE_DEPTH,
      limit: DEFAULT_LINEAGE_LIMIT,
      group: DEFAULT_LINEAGE_GROUP,
      familyLimit: FAMILY_LIMIT,
    });
    for (const query of Object.values(cardQueries)) await db.rehearse(query, { key, perType: 50 });
  }
  // A lineage asks for the first naming of its much-named models: mostly one, at times a
  // few, around a hub a few dozen (the list's size bucket counts as a string's does).
  for (const size of [1, 2, 11]) {
    await db.rehearse(firstNamingQuery, {
      keys: Array.from({ length: size }, (_, i) => `${NO_KEYS[1]} ${i}`),
    });
  }
  // The read cache's data version (node and relationship counts), asked before the first
  // cached read and then once a second, while every read that arrives waits for it. Not
  // planned, the first requests of a server with the cache on (as shipped) all waited for
  // its compile: 2.3 s on a Neo4j just started on the 100k graph.
  await db.run(countAllQuery, {});
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
