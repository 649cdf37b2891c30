/**
 * Constraints and indexes from graph-schema's registry as idempotent Cypher statements.
 * Labels and property names come only from the registry, never from input.
 */

import { FULLTEXT_INDEX, RANGE_INDEXES, UNIQUE_KEY_CONSTRAINTS } from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";

export function schemaStatements(options: { fulltext?: boolean } = {}): string[] {
  const constraints = UNIQUE_KEY_CONSTRAINTS.map(
    (c) => `CREATE CONSTRAINT ${c.name} IF NOT EXISTS FOR (n:${c.label}) REQUIRE n.${c.property} IS UNIQUE`,
  );
  const ranges = RANGE_INDEXES.map(
    (i) => `CREATE INDEX ${i.name} IF NOT EXISTS FOR (n:${i.label}) ON (n.${i.property})`,
  );
  return [...constraints, ...ranges, ...(options.fulltext === false ? [] : fulltextStatements())];
}

/**
 * The full-text index alone: a first load into an empty database creates it after the
 * writes (one population pass instead of an update per written node).
 */
export function fulltextStatements(): string[] {
  return [
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX.name} IF NOT EXISTS FOR (n:${FULLTEXT_INDEX.labels.join("|")}) ON EACH [${FULLTEXT_INDEX.properties.map((p) => `n.${p}`).join(", ")}]`,
  ];
}

/** The names of every constraint and index schemaStatements creates. */
export function schemaNames(): string[] {
  return [
    ...UNIQUE_KEY_CONSTRAINTS.map((c) => c.name),
    ...RANGE_INDEXES.map((i) => i.name),
    FULLTEXT_INDEX.name,
  ];
}

/** Waits until every index is online (after a bulk import, population takes a while). */
export function awaitIndexesStatements(timeoutSeconds = 3600): string[] {
  return [`CALL db.awaitIndexes(${Math.trunc(timeoutSeconds)})`];
}

export const listConstraintsQuery = defineQuery({
  name: "listConstraints",
  mode: "READ",
  cypher: /* cypher */ `
    SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
    RETURN name, type, labelsOrTypes, properties ORDER BY name`,
  params: z.object({}),
  row: z.object({
    name: z.string(),
    type: z.string(),
    labelsOrTypes: z.array(z.string()),
    properties: z.array(z.string()),
  }),
});

export const listIndexesQuery = defineQuery({
  name: "listIndexes",
  mode: "READ",
  cypher: /* cypher */ `
    SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties
    RETURN name, type, state, labelsOrTypes, properties ORDER BY name`,
  params: z.object({}),
  row: z.object({
    name: z.string(),
    type: z.string(),
    state: z.string(),
    labelsOrTypes: z.array(z.string()).nullable(),
    properties: z.array(z.string()).nullable(),
  }),
});

/**
 * A summary of everything stored that a repeated ingest must leave unchanged:
 * counts, and the sizes of the lists that merges grow.
 */
export const graphFingerprintQuery = defineQuery({
  name: "graphFingerprint",
  mode: "READ",
  cypher: /* cypher */ `
    CALL { MATCH (n) RETURN count(n) AS nodes, sum(size(coalesce(n.aliases, []))) AS aliases,
                            sum(size(coalesce(n.abstract, ''))) AS abstractChars }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(coalesce(r.evidence, []))) AS evidence }
    RETURN nodes, aliases, abstractChars, relationships, evidence`,
  params: z.object({}),
  row: z.object({
    nodes: z.number(),
    aliases: z.number(),
    abstractChars: z.number(),
    relationships: z.number(),
    evidence: z.number(),
  }),
});

/**
 * Every node and relationship with its properties and their Cypher types, in a stable
 * order: what two loads must agree on to have stored the same graph (tests, small graphs).
 */
export const graphDumpQuery = defineQuery({
  name: "graphDump",
  mode: "READ",
  cypher: /* cypher */ `
    CALL {
      MATCH (n)
      RETURN 'node' AS kind, labels(n)[0] + ':' + coalesce(n.key, n.id) AS id, properties(n) AS properties,
             [k IN keys(n) | k + ':' + valueType(n[k])] AS types
      UNION ALL
      MATCH (a)-[r]->(b)
      RETURN 'rel' AS kind,
             type(r) + '|' + labels(a)[0] + ':' + coalesce(a.key, a.id) + '|' + labels(b)[0] + ':' + coalesce(b.key, b.id) AS id,
             properties(r) AS properties, [k IN keys(r) | k + ':' + valueType(r[k])] AS types
    }
    RETURN kind, id, properties, types ORDER BY kind, id`,
  params: z.object({}),
  row: z.object({
    kind: z.string(),
    id: z.string(),
    properties: z.record(z.string(), z.unknown()),
    types: z.array(z.string()),
  }),
});
