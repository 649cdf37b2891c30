/**
 * Statistics for the overview: counts by label and type (from Neo4j's count store, so
 * they cost nothing on a large graph), the most used base models and benchmarks, and
 * the most prolific labs.
 */
import { NODE_LABELS, REL_TYPES, type StatsResponse } from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";
import type { Database } from "../run/database.ts";
import { NodeRowSchema, nodeProjection, toWireNode } from "./wire.ts";

const CountRow = z.object({ name: z.string(), count: z.number() });

export const statsTotalsQuery = defineQuery({
  name: "statsTotals",
  mode: "READ",
  cypher: /* cypher */ `
    CALL () { MATCH (n) RETURN count(n) AS nodes }
    CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
    RETURN nodes, relationships`,
  params: z.object({}),
  row: z.object({ nodes: z.number(), relationships: z.number() }),
});

/** One count-store lookup per label of the schema; labels with no node are left out. */
export const statsByLabelQuery = defineQuery({
  name: "statsByLabel",
  mode: "READ",
  cypher: /* cypher */ `
    CALL () {
      ${NODE_LABELS.map((label) => `MATCH (n:${label}) RETURN '${label}' AS name, count(n) AS count`).join("\n      UNION ALL\n      ")}
    }
    WITH name, count WHERE count > 0
    RETURN name, count ORDER BY count DESC, name`,
  params: z.object({}),
  row: CountRow,
});

export const statsByTypeQuery = defineQuery({
  name: "statsByType",
  mode: "READ",
  cypher: /* cypher */ `
    CALL () {
      ${REL_TYPES.map((type) => `MATCH ()-[r:${type}]->() RETURN '${type}' AS name, count(r) AS count`).join("\n      UNION ALL\n      ")}
    }
    WITH name, count WHERE count > 0
    RETURN name, count ORDER BY count DESC, name`,
  params: z.object({}),
  row: CountRow,
});

const RankedRow = z.object({ node: NodeRowSchema, count: z.number() });
const LimitParams = z.object({ limit: z.number().int().min(1).max(1000) });

/** Models with the most models built directly on them. */
export const topBaseModelsQuery = defineQuery({
  name: "topBaseModels",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (m:Model)
    WITH m, COUNT { (m)<-[:BASED_ON]-() } AS count
    WHERE count > 0
    RETURN ${nodeProjection("m")} AS node, count
    ORDER BY count DESC, node.key
    LIMIT $limit`,
  params: LimitParams,
  row: RankedRow,
});

/** Data sets the most models are evaluated on. */
export const topBenchmarksQuery = defineQuery({
  name: "topBenchmarks",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (d:Dataset)
    WITH d, COUNT { (d)<-[:EVALUATED_ON]-() } AS count
    WHERE count > 0
    RETURN ${nodeProjection("d")} AS node, count
    ORDER BY count DESC, node.key
    LIMIT $limit`,
  params: LimitParams,
  row: RankedRow,
});

/** Organisations by what they put out: papers published plus models and data sets developed. */
export const topOrganizationsQuery = defineQuery({
  name: "topOrganizations",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (o:Organization)
    WITH o, COUNT { (o)-[:PUBLISHED]->() } + COUNT { (o)-[:DEVELOPED]->() } AS count
    WHERE count > 0
    RETURN ${nodeProjection("o")} AS node, count
    ORDER BY count DESC, node.key
    LIMIT $limit`,
  params: LimitParams,
  row: RankedRow,
});

export const DEFAULT_STATS_TOP = 10;

/** Every statistic of GET /api/stats and `kg stats`, in parallel. */
export async function readStats(
  db: Database,
  options: { top?: number; timeoutMs?: number } = {},
): Promise<StatsResponse> {
  const top = { limit: options.top ?? DEFAULT_STATS_TOP };
  const run = { timeoutMs: options.timeoutMs };
  const [totals, byLabel, byType, bases, benchmarks, orgs] = await Promise.all([
    db.run(statsTotalsQuery, {}, run),
    db.run(statsByLabelQuery, {}, run),
    db.run(statsByTypeQuery, {}, run),
    db.run(topBaseModelsQuery, top, run),
    db.run(topBenchmarksQuery, top, run),
    db.run(topOrganizationsQuery, top, run),
  ]);
  const ranked = (rows: z.infer<typeof RankedRow>[]) =>
    rows.map((r) => ({ id: toWireNode(r.node).id, name: r.node.name, count: r.count }));
  return {
    nodes: totals[0]?.nodes ?? 0,
    relationships: totals[0]?.relationships ?? 0,
    byLabel,
    byType,
    topBaseModels: ranked(bases),
    topBenchmarks: ranked(benchmarks),
    topOrganizations: ranked(orgs),
  };
}
