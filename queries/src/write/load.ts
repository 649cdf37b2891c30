/**
 * The loader's writes: batched `UNWIND … MERGE`, repeatable, so ingesting the same
 * document twice changes nothing. Evidence is appended only when its (paper, sentence)
 * pair is new, which keeps one relationship per fact with a growing evidence list.
 *
 * How evidence is kept: each piece once, as parallel lists on the relationship
 * (`evidence` sentences, `evidencePaperIds`, `evidenceSourceIds`, `evidenceConfidences`,
 * `evidenceExtractors`, index i of each list is one piece); no sentence is stored twice.
 * Lists that would be empty are not stored (absent reads as empty, see graph-schema's
 * node schemas), so the bulk importer and these statements write the same graph.
 *
 * Every value a SET writes is computed in a WITH from what was read before any write,
 * so that the planner needs no Eager step (reading a property after setting it in the
 * same statement forces one).
 */
import {
  ENTITY_LABELS,
  type EntityLabel,
  EXTRACTED_REL_TYPES,
  type ExtractedRelType,
  KEY_PROPERTY,
  NODE_LABELS,
  type NodeLabel,
  REL_ENDPOINTS,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";

const NoRows = z.object({ count: z.number() });

/**
 * Every write keeps the plan it was first given for the server's life. Neo4j replans a
 * cached statement when the statistics it was planned with have moved (checked at most
 * every 10 s, `dbms.cypher.min_replan_interval`), and it reads them with the running
 * transaction's own changes: a load's first batch made every warmed-up statement look
 * stale and planned each again (0.3–1 s each, most of a 100-paper load). These plans do
 * not depend on the statistics: every node is found by its unique key (the same
 * NodeUniqueIndexSeek plans on an empty and on a loaded database), and a schema change
 * still empties the cache.
 */
const KEEP_PLAN = "CYPHER replan=skip";

/**
 * The rows of a write come as `$batch.rows`, inside a map, never as a list parameter of
 * their own: Neo4j caches a plan per statement, parameter types and size bucket of each
 * list parameter (1, 2–10, 11–100, 101–1000, …; measured), so `UNWIND $rows` is planned
 * again (0.1–2 s each) for every new batch size, and a load of 100 papers paid that for
 * each of its ~20 statements. A list inside a map has no size bucket: one plan serves
 * every batch, and a warm-up with one row plans what every later load runs.
 */
function Batch<T extends z.ZodType>(rows: T) {
  return z.object({ batch: z.object({ rows }) });
}

/**
 * Sources are written last, with their papers' FROM_SOURCE links: a Source node says its
 * whole document is in, so a load that fails half way leaves no Source without papers.
 */
export const upsertSourcesQuery = defineQuery({
  name: "upsertSources",
  mode: "WRITE",
  cypher: /* cypher */ `
    ${KEEP_PLAN}
    UNWIND $batch.rows AS row
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
  params: Batch(
    z.array(
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
  ),
  row: NoRows,
});

/** Lists are merged as sets; a longer abstract wins, since feeds sometimes truncate. */
export const upsertPapersQuery = defineQuery({
  name: "upsertPapers",
  mode: "WRITE",
  cypher: /* cypher */ `
    ${KEEP_PLAN}
    UNWIND $batch.rows AS row
    MERGE (p:Paper {id: row.id})
    WITH p, row,
         coalesce(p.title, row.title) AS title,
         CASE WHEN size(coalesce(p.abstract, '')) >= size(row.abstract) THEN p.abstract ELSE row.abstract END AS abstract,
         coalesce(p.codeUrls, []) + [u IN row.codeUrls WHERE NOT u IN coalesce(p.codeUrls, [])] AS codeUrls,
         coalesce(p.modelUrls, []) + [u IN row.modelUrls WHERE NOT u IN coalesce(p.modelUrls, [])] AS modelUrls,
         coalesce(p.urls, []) + [u IN row.urls WHERE NOT u IN coalesce(p.urls, [])] AS urls,
         coalesce(p.notes, []) + [u IN row.notes WHERE NOT u IN coalesce(p.notes, [])] AS notes,
         // The byline in its order; the longer one wins, since feeds sometimes cut it.
         CASE WHEN size(row.authors) > size(coalesce(p.authors, [])) THEN row.authors ELSE p.authors END AS authors
    SET p.title = title,
        p.arxivId = coalesce(p.arxivId, row.arxivId),
        p.date = coalesce(p.date, row.date),
        p.abstract = abstract,
        p.codeUrls = CASE WHEN size(codeUrls) = 0 THEN null ELSE codeUrls END,
        p.modelUrls = CASE WHEN size(modelUrls) = 0 THEN null ELSE modelUrls END,
        p.urls = CASE WHEN size(urls) = 0 THEN null ELSE urls END,
        p.notes = CASE WHEN size(notes) = 0 THEN null ELSE notes END,
        p.authors = CASE WHEN size(coalesce(authors, [])) = 0 THEN null ELSE authors END,
        p.name = coalesce(title, left(abstract, 120))
    RETURN count(*) AS count`,
  params: Batch(
    z.array(
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
        authors: z.array(z.string()),
        sourceIds: z.array(z.string()),
      }),
    ),
  ),
  row: NoRows,
});

const EntityRowsSchema = Batch(
  z.array(
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
);

function upsertEntitiesQueryFor(label: EntityLabel) {
  return defineQuery({
    name: `upsert${label}s`,
    mode: "WRITE",
    cypher: /* cypher */ `
      ${KEEP_PLAN}
      UNWIND $batch.rows AS row
      MERGE (n:${label} {key: row.key})
      WITH n, row, coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])] AS aliases
      SET n.name = coalesce(n.name, row.name),
          n.aliases = aliases,
          n.kind = coalesce(row.kind, n.kind),
          n.family = coalesce(row.family, n.family),
          n.version = coalesce(row.version, n.version),
          n.size = coalesce(row.size, n.size),
          n.variant = coalesce(row.variant, n.variant),
          n.aliasText = reduce(text = '', a IN aliases | text + ' ' + a)
      RETURN count(*) AS count`,
    params: EntityRowsSchema,
    row: NoRows,
  });
}

/** One upsert query per entity label (labels cannot be parameters). */
export const upsertEntitiesQueries = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, upsertEntitiesQueryFor(label)]),
) as Record<EntityLabel, ReturnType<typeof upsertEntitiesQueryFor>>;

const EdgeRowsSchema = Batch(
  z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      method: z.string().nullable(),
      evidence: z.array(
        z.object({
          sentence: z.string(),
          paperId: z.string(),
          sourceId: z.string(),
          confidence: z.number(),
          extractor: z.string(),
        }),
      ),
    }),
  ),
);

function upsertEdgesQueryFor(type: ExtractedRelType, fromLabel: NodeLabel, toLabel: NodeLabel) {
  const fromKey = KEY_PROPERTY[fromLabel];
  const toKey = KEY_PROPERTY[toLabel];
  return defineQuery({
    name: `upsert${type}_${fromLabel}_${toLabel}`,
    mode: "WRITE",
    cypher: /* cypher */ `
      ${KEEP_PLAN}
      UNWIND $batch.rows AS row
      MATCH (a:${fromLabel} {${fromKey}: row.from})
      MATCH (b:${toLabel} {${toKey}: row.to})
      MERGE (a)-[r:${type}]->(b)
      WITH r, row, coalesce(r.evidence, []) AS sentences, coalesce(r.evidencePaperIds, []) AS paperIds
      WITH r, row, sentences, paperIds,
           [e IN row.evidence WHERE none(i IN range(0, size(sentences) - 1)
              WHERE sentences[i] = e.sentence AND paperIds[i] = e.paperId)] AS fresh
      WITH r, row, fresh, sentences, paperIds,
           coalesce(r.evidenceConfidences, []) + [e IN fresh | toFloat(e.confidence)] AS confidences
      SET r.method = coalesce(r.method, row.method),
          r.evidence = sentences + [e IN fresh | e.sentence],
          r.evidencePaperIds = paperIds + [e IN fresh | e.paperId],
          r.evidenceSourceIds = coalesce(r.evidenceSourceIds, []) + [e IN fresh | e.sourceId],
          r.evidenceConfidences = confidences,
          r.evidenceExtractors = coalesce(r.evidenceExtractors, []) + [e IN fresh | e.extractor],
          r.confidence = reduce(best = 0.0, c IN confidences | CASE WHEN c > best THEN c ELSE best END)
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

/**
 * Deletes the nodes (and their relationships) a committed warm-up wrote, each found by its
 * label's unique key: `$key` is a key no corpus gives (ingest's warm-up).
 */
export const deleteWarmUpQuery = defineQuery({
  name: "deleteWarmUp",
  mode: "WRITE",
  cypher: /* cypher */ `
    ${NODE_LABELS.map((label) => `CALL () { MATCH (n:${label} {${KEY_PROPERTY[label]}: $key}) DETACH DELETE n }`).join("\n    ")}
    RETURN 1 AS count`,
  params: z.object({ key: z.string() }),
  row: NoRows,
});

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
