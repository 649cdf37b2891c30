/**
 * Page-cache warm-up after a server start: reads every node's and relationship's
 * properties once, so the first real queries do not pay for cold pages. Used by the
 * query benchmark; cheap to run at server start on graphs that fit the page cache.
 */
import { z } from "zod";
import { defineQuery } from "../define.ts";

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
