/**
 * load: writes an extraction result to Neo4j in a safe order (papers, entities,
 * relationships, then the sources that link their papers) in large batched transactions. Every write is a MERGE,
 * so loading the same result twice changes nothing.
 */
import type {
  ExtractedEdge,
  ExtractedNode,
  ExtractedPaper,
  ExtractionResult,
  Source,
} from "@kg/graph-schema";
import {
  listConstraintsQuery,
  listIndexesQuery,
  schemaNames,
  schemaStatements,
  upsertEdgesQueries,
  upsertEntitiesQueries,
  upsertPapersQuery,
  upsertSourcesQuery,
} from "@kg/queries";
import type { Database } from "@kg/queries/run";

export const DEFAULT_BATCH_SIZE = 2_000;

export interface LoadProgress {
  step: "sources" | "papers" | "entities" | "edges";
  done: number;
  total: number;
}

export interface LoadOptions {
  batchSize?: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Timestamp recorded on new Source nodes. */
  now?: Date;
}

export interface LoadSummary {
  sources: number;
  papers: number;
  nodes: number;
  edges: number;
}

/** Applies constraints and indexes; idempotent, run before any write. */
export async function applySchema(db: Database): Promise<void> {
  await db.runStatements(schemaStatements());
}

/**
 * Applies the schema only when a constraint or index is missing. Each schema statement,
 * even one that changes nothing, costs a schema transaction and empties the server's plan
 * cache; two reads of the schema cost neither.
 */
export async function ensureSchema(db: Database): Promise<void> {
  const [constraints, indexes] = await Promise.all([
    db.run(listConstraintsQuery, {}),
    db.run(listIndexesQuery, {}),
  ]);
  const present = new Set([...constraints.map((c) => c.name), ...indexes.map((i) => i.name)]);
  if (schemaNames().some((name) => !present.has(name))) await applySchema(db);
}

/**
 * Plans every write statement of the loader on the server, all at once, by running each
 * with no rows (writes nothing). A fresh server plans a statement in 0.1–0.6 s (seconds on
 * a busy machine); planned here in parallel, and then cached for the server's life, they
 * cost a small load nothing more. Run after the schema (schema changes empty the cache).
 */
export async function warmUpLoader(db: Database): Promise<void> {
  await Promise.all([
    db.run(upsertSourcesQuery, { rows: [] }),
    db.run(upsertPapersQuery, { rows: [] }),
    ...Object.values(upsertEntitiesQueries).map((q) => db.run(q, { rows: [] })),
    ...[...upsertEdgesQueries.values()].map((q) => db.run(q, { rows: [] })),
  ]);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function endpointKey(ref: ExtractedEdge["from"]): string {
  return ref.label === "Paper" ? ref.id : ref.key;
}

/*
 * The rows written for each part of a result. The transactional statements and the bulk
 * importer's CSV files are both made from these, so that both paths store the same graph.
 */

export function sourceRow(s: Source, ingestedAt: string) {
  return {
    id: s.id,
    path: s.path,
    name: s.path.split(/[\\/]/).pop() ?? s.path,
    kind: s.kind,
    bytes: s.bytes,
    ingestedAt,
  };
}

export function paperRow(p: ExtractedPaper) {
  return {
    id: p.id,
    title: p.title,
    arxivId: p.arxivId,
    date: p.date,
    abstract: p.abstract,
    codeUrls: p.codeUrls,
    modelUrls: p.modelUrls,
    urls: p.urls,
    notes: p.notes,
    authors: p.authors,
    sourceIds: p.sourceIds.length > 0 ? p.sourceIds : [p.sourceId],
  };
}

export function entityRow(n: ExtractedNode) {
  return {
    key: n.key,
    name: n.name,
    aliases: n.aliases,
    kind: n.kind ?? null,
    family: n.family ?? null,
    version: n.version ?? null,
    size: n.size ?? null,
    variant: n.variant ?? null,
  };
}

export function edgeRow(edge: ExtractedEdge) {
  return {
    from: endpointKey(edge.from),
    to: endpointKey(edge.to),
    method: edge.properties.method ?? null,
    evidence: edge.evidence,
  };
}

/** `TYPE|FromLabel|ToLabel`, the name of the statement (and CSV file) an edge goes to. */
export function edgeGroup(edge: ExtractedEdge): string {
  const name = `${edge.type}|${edge.from.label}|${edge.to.label}`;
  if (!upsertEdgesQueries.has(name)) {
    throw new Error(
      `ingest/load: ${edge.type} cannot go from ${edge.from.label} to ${edge.to.label} (graph-model.md)`,
    );
  }
  return name;
}

export async function loadExtraction(
  db: Database,
  result: ExtractionResult,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const ingestedAt = (options.now ?? new Date()).toISOString();
  const report = options.onProgress ?? (() => {});

  const paperRows = result.papers.map(paperRow);
  let done = 0;
  for (const batch of chunks(paperRows, batchSize)) {
    await db.run(upsertPapersQuery, { rows: batch });
    done += batch.length;
    report({ step: "papers", done, total: paperRows.length });
  }

  done = 0;
  for (const [label, query] of Object.entries(upsertEntitiesQueries)) {
    const rows = result.nodes.filter((n) => n.label === label).map(entityRow);
    for (const batch of chunks(rows, batchSize)) {
      await db.run(query, { rows: batch });
      done += batch.length;
      report({ step: "entities", done, total: result.nodes.length });
    }
  }

  const edgesByQuery = new Map<string, ExtractedEdge[]>();
  for (const edge of result.edges) {
    const name = edgeGroup(edge);
    const list = edgesByQuery.get(name) ?? [];
    list.push(edge);
    edgesByQuery.set(name, list);
  }
  done = 0;
  for (const [name, edges] of [...edgesByQuery].sort(([a], [b]) => a.localeCompare(b))) {
    const query = upsertEdgesQueries.get(name)!;
    const rows = edges.map(edgeRow);
    for (const batch of chunks(rows, batchSize)) {
      await db.run(query, { rows: batch });
      done += batch.length;
      report({ step: "edges", done, total: result.edges.length });
    }
  }

  // Last: a Source says its document is in whole, so it is written after everything read from it.
  const paperIdsBySource = new Map<string, string[]>();
  for (const paper of paperRows) {
    for (const sourceId of paper.sourceIds) {
      const list = paperIdsBySource.get(sourceId) ?? [];
      list.push(paper.id);
      paperIdsBySource.set(sourceId, list);
    }
  }
  const sourceRows = result.sources.map((s) => ({
    ...sourceRow(s, ingestedAt),
    paperIds: paperIdsBySource.get(s.id) ?? [],
  }));
  for (const batch of chunks(sourceRows, batchSize)) await db.run(upsertSourcesQuery, { rows: batch });
  report({ step: "sources", done: sourceRows.length, total: sourceRows.length });

  return {
    sources: sourceRows.length,
    papers: paperRows.length,
    nodes: result.nodes.length,
    edges: result.edges.length,
  };
}
