/**
 * The read queries a server plans when it starts, most used first: what the page asks
 * for on its first screen and clicks (search, cards, lineage at its default depth),
 * then the rest of the registry.
 */
import type { QueryDef } from "../define.ts";
import { cardQueries } from "./card.ts";
import { lineageQuery } from "./lineage.ts";
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
  const first: QueryDef[] = [searchQuery, ...Object.values(cardQueries), lineageQuery];
  return [...first, ...READ_QUERIES].filter((query) => !NOT_PLANNED.has(query.name));
}
