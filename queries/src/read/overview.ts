/**
 * The rows behind the lineage map (GET /api/overview): nodes of the given labels with
 * their degree (documents not counted), the relationships of the given types among
 * them, and, for the few nodes the map keeps, the month of the earliest dated paper
 * about them. Source nodes and FROM_SOURCE are never asked for: a document tied to every
 * paper it holds is no hub of the research. The server selects, lays out and caches
 * (web/server/overview).
 *
 * Written for a 100k-paper database (78k entities, 100k relations among them, 935k in
 * all): degrees come from the degree store (a count with no predicate on the
 * relationship), relations are expanded outwards from the map's nodes rather than by a
 * scan of every relationship, nodes are referred to by element id (shorter than a label
 * and key on the wire), and the earliest paper is asked only for the nodes kept, not for
 * every node of the database (that alone took 20 s cold).
 */
import { z } from "zod";
import { defineQuery } from "../define.ts";

export const overviewNodesQuery = defineQuery({
  name: "overviewNodes",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (n)
    WHERE labels(n)[0] IN $labels
    RETURN elementId(n) AS ref,
           labels(n)[0] AS label,
           coalesce(n.key, n.id) AS key,
           coalesce(n.name, n.title, n.key, n.id) AS name,
           COUNT { (n)--() } - COUNT { (n)-[:FROM_SOURCE]-() } AS degree`,
  params: z.object({ labels: z.array(z.string()) }),
  row: z.object({
    ref: z.string(),
    label: z.string(),
    key: z.string(),
    name: z.string(),
    degree: z.number(),
  }),
});

export const overviewEdgesQuery = defineQuery({
  name: "overviewEdges",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (a)
    WHERE labels(a)[0] IN $labels
    MATCH (a)-[r]->(b)
    WHERE type(r) IN $types AND labels(b)[0] IN $labels
    RETURN type(r) AS type, elementId(a) AS source, elementId(b) AS target`,
  params: z.object({ types: z.array(z.string()), labels: z.array(z.string()) }),
  row: z.object({ type: z.string(), source: z.string(), target: z.string() }),
});

/** The earliest dated paper about each of the given nodes (by element id): a paper's own date. */
export const overviewFirstsQuery = defineQuery({
  name: "overviewFirsts",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (n)
    WHERE elementId(n) IN $refs
    CALL (n) {
      OPTIONAL MATCH (p:Paper)--(n) WHERE p.date IS NOT NULL
      RETURN min(p.date) AS firstPaper
    }
    RETURN elementId(n) AS ref, CASE WHEN n:Paper THEN n.date ELSE firstPaper END AS first`,
  params: z.object({ refs: z.array(z.string()) }),
  row: z.object({ ref: z.string(), first: z.string().nullable() }),
});
