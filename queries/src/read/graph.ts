/**
 * The whole graph for the overview: nodes with their degree, then relationships
 * between them, each capped. Two queries rather than one so neither builds a cross
 * product; the caller joins them by `Label:key` ids.
 */
import { z } from "zod";
import { defineQuery } from "../define.ts";

export const graphNodesQuery = defineQuery({
  name: "graphNodes",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (n)
    RETURN labels(n)[0] AS label,
           coalesce(n.key, n.id) AS key,
           coalesce(n.name, n.title, n.path, n.key, n.id) AS name,
           COUNT { (n)--() } AS degree
    ORDER BY label, key
    LIMIT $limit`,
  params: z.object({ limit: z.number().int().min(1) }),
  row: z.object({ label: z.string(), key: z.string(), name: z.string(), degree: z.number() }),
});

export const graphEdgesQuery = defineQuery({
  name: "graphEdges",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (a)-[r]->(b)
    RETURN type(r) AS type,
           labels(a)[0] AS fromLabel, coalesce(a.key, a.id) AS fromKey,
           labels(b)[0] AS toLabel, coalesce(b.key, b.id) AS toKey,
           r.method AS method,
           coalesce(r.confidence, 1.0) AS confidence
    LIMIT $limit`,
  params: z.object({ limit: z.number().int().min(1) }),
  row: z.object({
    type: z.string(),
    fromLabel: z.string(),
    fromKey: z.string(),
    toLabel: z.string(),
    toKey: z.string(),
    method: z.string().nullable(),
    confidence: z.number(),
  }),
});

export const countsByLabelQuery = defineQuery({
  name: "countsByLabel",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (n) WITH labels(n)[0] AS name, count(*) AS count
    RETURN name, count ORDER BY count DESC, name`,
  params: z.object({}),
  row: z.object({ name: z.string(), count: z.number() }),
});

export const countsByTypeQuery = defineQuery({
  name: "countsByType",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH ()-[r]->() WITH type(r) AS name, count(*) AS count
    RETURN name, count ORDER BY count DESC, name`,
  params: z.object({}),
  row: z.object({ name: z.string(), count: z.number() }),
});
