/**
 * Page-cache warm-up after a server start: reads every node's and relationship's
 * properties once, so the first real queries do not pay for cold pages. Used by the
 * query benchmark; cheap to run at server start on graphs that fit the page cache.
 */
import { z } from "zod";
import { defineQuery } from "../define.ts";
import { NodeRowSchema, nodeProjection } from "./wire.ts";

export const warmUpNodesQuery = defineQuery({
  name: "warmUpNodes",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (n)
    RETURN count(n) AS count, sum(size(keys(properties(n)))) AS properties, sum(COUNT { (n)--() }) AS degrees`,
  params: z.object({}),
  row: z.object({ count: z.number(), properties: z.number(), degrees: z.number() }),
});

export const warmUpRelationshipsQuery = defineQuery({
  name: "warmUpRelationships",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH ()-[r]->()
    RETURN count(r) AS count, sum(size(keys(properties(r)))) AS properties`,
  params: z.object({}),
  row: z.object({ count: z.number(), properties: z.number() }),
});

/**
 * Real nodes for a server to ask its own read paths about before it listens (see
 * web/server/warm-paths.ts): the first `$perLabel` models, papers, data sets and methods
 * in store order. Cheap (label scans cut at the limit); the answers are never shown.
 */
export const warmUpTargetsQuery = defineQuery({
  name: "warmUpTargets",
  mode: "READ",
  cypher: /* cypher */ `
    CALL () {
      MATCH (n:Model) RETURN n LIMIT $perLabel
      UNION ALL
      MATCH (n:Paper) RETURN n LIMIT $perLabel
      UNION ALL
      MATCH (n:Dataset) RETURN n LIMIT $perLabel
      UNION ALL
      MATCH (n:Method) RETURN n LIMIT $perLabel
    }
    RETURN ${nodeProjection("n")} AS node`,
  params: z.object({ perLabel: z.number().int().min(1).max(10_000) }),
  row: z.object({ node: NodeRowSchema }),
});
