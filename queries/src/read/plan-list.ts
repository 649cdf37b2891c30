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

export function queriesToPlan(): QueryDef[] {
  const first: QueryDef[] = [
    searchQuery,
    ...Object.values(cardQueries),
    lineageQueryFor(DEFAULT_LINEAGE_DEPTH),
  ];
  const depths = Array.from({ length: MAX_LINEAGE_DEPTH }, (_, i) => i + 1).filter(
    (depth) => depth !== DEFAULT_LINEAGE_DEPTH,
  );
  const all = [...first, ...READ_QUERIES, ...depths.map(lineageQueryFor)];
  return all.filter((query) => !NOT_PLANNED.has(query.name));
}
