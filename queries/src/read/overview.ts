/**
 * The rows behind the lineage map (GET /api/overview): nodes of the given labels with
 * their degree (documents not counted) and the month of the earliest dated paper about
 * them, and the relationships of the given types among them. Source nodes and
 * FROM_SOURCE are never asked for: a document tied to every paper it holds is no hub of
 * the research. The server selects, lays out and caches (web/server/overview).
 */
import { z } from "zod";
import { defineQuery } from "../define.ts";

export const overviewNodesQuery = defineQuery({
  name: "overviewNodes",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (n)
    WHERE labels(n)[0] IN $labels
    CALL (n) {
      OPTIONAL MATCH (p:Paper)--(n) WHERE p.date IS NOT NULL
      RETURN min(p.date) AS firstPaper
    }
    RETURN labels(n)[0] AS label,
           coalesce(n.key, n.id) AS key,
           coalesce(n.name, n.title, n.key, n.id) AS name,
           COUNT { (n)-[r]-() WHERE type(r) <> 'FROM_SOURCE' } AS degree,
           CASE WHEN n:Paper THEN n.date ELSE firstPaper END AS first`,
  params: z.object({ labels: z.array(z.string()) }),
  row: z.object({
    label: z.string(),
    key: z.string(),
    name: z.string(),
    degree: z.number(),
    first: z.string().nullable(),
  }),
});

export const overviewEdgesQuery = defineQuery({
  name: "overviewEdges",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (a)-[r]->(b)
    WHERE type(r) IN $types AND labels(a)[0] IN $labels AND labels(b)[0] IN $labels
    RETURN type(r) AS type,
           labels(a)[0] AS fromLabel, coalesce(a.key, a.id) AS fromKey,
           labels(b)[0] AS toLabel, coalesce(b.key, b.id) AS toKey`,
  params: z.object({ types: z.array(z.string()), labels: z.array(z.string()) }),
  row: z.object({
    type: z.string(),
    fromLabel: z.string(),
    fromKey: z.string(),
    toLabel: z.string(),
    toKey: z.string(),
  }),
});
