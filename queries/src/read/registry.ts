/**
 * Every named READ query, so one test can run them all on a fixture graph and keep
 * each honest (parameters, Cypher and row schema together).
 */
import type { QueryDef } from "../define.ts";
import { cardQueries } from "./card.ts";
import { expandQueries } from "./expand.ts";
import { countsByLabelQuery, countsByTypeQuery, graphEdgesQuery, graphNodesQuery } from "./graph.ts";
import { firstNamingQuery, lineageChildrenQuery, lineageQuery } from "./lineage.ts";
import { overviewEdgesQuery, overviewFirstsQuery, overviewNodesQuery } from "./overview.ts";
import { findNodeQuery, shortestPathQuery } from "./path.ts";
import {
  relatedModelQuery,
  relatedPaperQuery,
  relatedTextOfQuery,
  relatedTextPapersQuery,
} from "./related.ts";
import { schemaInfoQuery } from "./schema-info.ts";
import { searchQuery } from "./search.ts";
import {
  statsByLabelQuery,
  statsByTypeQuery,
  statsTotalsQuery,
  topBaseModelsQuery,
  topBenchmarksQuery,
  topOrganizationsQuery,
} from "./stats.ts";
import { warmUpNodesQuery, warmUpRelationshipsQuery, warmUpTargetsQuery } from "./warmup.ts";

export const READ_QUERIES: readonly QueryDef[] = [
  graphNodesQuery,
  graphEdgesQuery,
  countsByLabelQuery,
  countsByTypeQuery,
  overviewNodesQuery,
  overviewEdgesQuery,
  overviewFirstsQuery,
  statsTotalsQuery,
  statsByLabelQuery,
  statsByTypeQuery,
  topBaseModelsQuery,
  topBenchmarksQuery,
  topOrganizationsQuery,
  searchQuery,
  ...Object.values(cardQueries),
  ...Object.values(expandQueries),
  lineageQuery,
  lineageChildrenQuery,
  firstNamingQuery,
  relatedModelQuery,
  relatedPaperQuery,
  relatedTextOfQuery,
  relatedTextPapersQuery,
  shortestPathQuery,
  findNodeQuery,
  schemaInfoQuery,
  warmUpNodesQuery,
  warmUpRelationshipsQuery,
  warmUpTargetsQuery,
];
