/**
 * The loader's writes: batched `UNWIND … MERGE`, repeatable, so ingesting the same
 * document twice changes nothing. Evidence is appended only when its key (paper +
 * sentence) is new, which keeps one relationship per fact with a growing evidence list.
 */
import {
  ENTITY_LABELS,
  type EntityLabel,
  EXTRACTED_REL_TYPES,
  type ExtractedRelType,
  KEY_PROPERTY,
  type NodeLabel,
  REL_ENDPOINTS,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";

const NoRows = z.object({ count: z.number() });

/**
 * Sources are written last, with their papers' FROM_SOURCE links: a Source node says its
 * whole document is in, so a load that fails half way leaves no Source without papers.
 */
export const upsertSourcesQuery = defineQuery({
  name: "upsertSources",
  mode: "WRITE",
  cypher: /* cypher */ `
    UNWIND $rows AS row
    MERGE (s:Source {id: row.id})
    ON CREATE SET s.ingestedAt = row.ingestedAt
    SET s.path = row.path, s.kind = row.kind, s.bytes = row.bytes, s.name = row.name
    WITH s, row
    CALL (s, row) {
      UNWIND row.paperIds AS paperId
      MATCH (p:Paper {id: paperId})
      MERGE (p)-[:FROM_SOURCE]->(s)
    }
    RETURN count(*) AS count`,
  params: z.object({
    rows: z.array(
      z.object({
        id: z.string(),
        path: z.string(),
        name: z.string(),
        kind: z.string(),
        bytes: z.number(),
        ingestedAt: z.string(),
        paperIds: z.array(z.string()),
      }),
    ),
  }),
  row: NoRows,
});

/** Lists are merged as sets; a longer abstract wins, since feeds sometimes truncate. */
export const upsertPapersQuery = defineQuery({
  name: "upsertPapers",
  mode: "WRITE",
  cypher: /* cypher */ `
    UNWIND $rows AS row
    MERGE (p:Paper {id: row.id})
    SET p.title = coalesce(p.title, row.title),
        p.arxivId = coalesce(p.arxivId, row.arxivId),
        p.date = coalesce(p.date, row.date),
        p.abstract = CASE WHEN size(coalesce(p.abstract, '')) >= size(row.abstract) THEN p.abstract ELSE row.abstract END,
        p.codeUrls = coalesce(p.codeUrls, []) + [u IN row.codeUrls WHERE NOT u IN coalesce(p.codeUrls, [])],
        p.modelUrls = coalesce(p.modelUrls, []) + [u IN row.modelUrls WHERE NOT u IN coalesce(p.modelUrls, [])],
        p.urls = coalesce(p.urls, []) + [u IN row.urls WHERE NOT u IN coalesce(p.urls, [])],
        p.notes = coalesce(p.notes, []) + [u IN row.notes WHERE NOT u IN coalesce(p.notes, [])]
    SET p.name = coalesce(p.title, left(p.abstract, 120))
    RETURN count(*) AS count`,
  params: z.object({
    rows: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        arxivId: z.string().nullable(),
        date: z.string().nullable(),
        abstract: z.string(),
        codeUrls: z.array(z.string()),
        modelUrls: z.array(z.string()),
        urls: z.array(z.string()),
        notes: z.array(z.string()),
        sourceIds: z.array(z.string()),
      }),
    ),
  }),
  row: NoRows,
});

const EntityRowsSchema = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      kind: z.string().nullable(),
      /** The name grammar's parts (Model only; null: the name has none). */
      family: z.string().nullable(),
      version: z.string().nullable(),
      size: z.string().nullable(),
      variant: z.string().nullable(),
    }),
  ),
});

function upsertEntitiesQueryFor(label: EntityLabel) {
  return defineQuery({
    name: `upsert${label}s`,
    mode: "WRITE",
    cypher: /* cypher */ `
      UNWIND $rows AS row
      MERGE (n:${label} {key: row.key})
      ON CREATE SET n.name = row.name
      SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])],
          n.kind = coalesce(row.kind, n.kind),
          n.family = coalesce(row.family, n.family),
          n.version = coalesce(row.version, n.version),
          n.size = coalesce(row.size, n.size),
          n.variant = coalesce(row.variant, n.variant)
      SET n.aliasText = reduce(text = '', a IN n.aliases | text + ' ' + a)
      RETURN count(*) AS count`,
    params: EntityRowsSchema,
    row: NoRows,
  });
}

/** One upsert query per entity label (labels cannot be parameters). */
export const upsertEntitiesQueries = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, upsertEntitiesQueryFor(label)]),
) as Record<EntityLabel, ReturnType<typeof upsertEntitiesQueryFor>>;

const EdgeRowsSchema = z.object({
  rows: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      method: z.string().nullable(),
      evidence: z.array(
        z.object({
          key: z.string(),
          sentence: z.string(),
          paperId: z.string(),
          sourceId: z.string(),
          confidence: z.number(),
          extractor: z.string(),
        }),
      ),
    }),
  ),
});

function upsertEdgesQueryFor(type: ExtractedRelType, fromLabel: NodeLabel, toLabel: NodeLabel) {
  const fromKey = KEY_PROPERTY[fromLabel];
  const toKey = KEY_PROPERTY[toLabel];
  return defineQuery({
    name: `upsert${type}_${fromLabel}_${toLabel}`,
    mode: "WRITE",
    cypher: /* cypher */ `
      UNWIND $rows AS row
      MATCH (a:${fromLabel} {${fromKey}: row.from})
      MATCH (b:${toLabel} {${toKey}: row.to})
      MERGE (a)-[r:${type}]->(b)
      WITH r, row, [e IN row.evidence WHERE NOT e.key IN coalesce(r.evidenceKeys, [])] AS fresh
      SET r.method = coalesce(r.method, row.method),
          r.evidenceKeys = coalesce(r.evidenceKeys, []) + [e IN fresh | e.key],
          r.evidence = coalesce(r.evidence, []) + [e IN fresh | e.sentence],
          r.evidencePaperIds = coalesce(r.evidencePaperIds, []) + [e IN fresh | e.paperId],
          r.evidenceSourceIds = coalesce(r.evidenceSourceIds, []) + [e IN fresh | e.sourceId],
          r.evidenceConfidences = coalesce(r.evidenceConfidences, []) + [e IN fresh | toFloat(e.confidence)],
          r.evidenceExtractors = coalesce(r.evidenceExtractors, []) + [e IN fresh | e.extractor]
      SET r.confidence = reduce(best = 0.0, c IN r.evidenceConfidences | CASE WHEN c > best THEN c ELSE best END)
      RETURN count(*) AS count`,
    params: EdgeRowsSchema,
    row: NoRows,
  });
}

/** `TYPE|FromLabel|ToLabel` → its upsert query, for every pair the schema allows. */
export const upsertEdgesQueries: ReadonlyMap<string, ReturnType<typeof upsertEdgesQueryFor>> = new Map(
  EXTRACTED_REL_TYPES.flatMap((type) =>
    REL_ENDPOINTS[type].from.flatMap((fromLabel) =>
      REL_ENDPOINTS[type].to.map((toLabel) => [
        `${type}|${fromLabel}|${toLabel}`,
        upsertEdgesQueryFor(type, fromLabel, toLabel),
      ]),
    ),
  ),
);

export const countAllQuery = defineQuery({
  name: "countAll",
  mode: "READ",
  cypher: /* cypher */ `
    CALL { MATCH (n) RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
    RETURN nodes, relationships`,
  params: z.object({}),
  row: z.object({ nodes: z.number(), relationships: z.number() }),
});
