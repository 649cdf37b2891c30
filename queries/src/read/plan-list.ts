/**
 * The read queries a server plans when it starts, most used first: what the page asks
 * for on its first screen and clicks (search, cards, lineage at its default depth),
 * then the rest of the registry and the other lineage depths.
 */
import type { QueryDef } from "../define.ts";
import { cardQueries } from "./card.ts";
import { DEFAULT_LINEAGE_DEPTH, lineageQueryFor, MAX_LINEAGE_DEPTH } from "./lineage.ts";
import { READ_QUERIES } from "./registry.ts";
import { searchQuery } from "./search.ts";
import { warmUpNodesQuery, warmUpRelationshipsQuery } from "./warmup.ts";

/** Page-cache warm-ups read the whole graph: not something to run at every start. */
const NOT_PLANNED = new Set([warmUpNodesQuery.name, warmUpRelationshipsQuery.name]);

/**
 * What a server plans before it says it is ready: search, every card, the default
 * lineage and the rest of the registry, so the first screen's requests find plans.
 */
export function queriesToPlanFirst(): QueryDef[] {
  const first: QueryDef[] = [
    searchQuery,
    ...Object.values(cardQueries),
    lineageQueryFor(DEFAULT_LINEAGE_DEPTH),
  ];
  return [...first, ...READ_QUERIES].filter((query) => !NOT_PLANNED.has(query.name));
}

/** The other lineage depths (seconds each to plan), planned on first use by a server. */
export function queriesToPlanLater(): QueryDef[] {
  return Array.from({ length: MAX_LINEAGE_DEPTH }, (_, i) => i + 1)
    .filter((depth) => depth !== DEFAULT_LINEAGE_DEPTH)
    .map(lineageQueryFor);
}

export function queriesToPlan(): QueryDef[] {
  return [...queriesToPlanFirst(), ...queriesToPlanLater()];
}
