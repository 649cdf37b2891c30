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
  countAllQuery,
  deleteWarmUpQuery,
  listConstraintsQuery,
  listIndexesQuery,
  schemaNames,
  schemaStatements,
  upsertEdgesQueries,
  upsertEntitiesQueries,
  upsertPapersQuery,
  upsertSourcesQuery,
} from "@kg/queries";
import { type Database, type WriteStep, writeStep } from "@kg/queries/run";

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
export async function ensureSchema(db: Database): Promise<boolean> {
  const [constraints, indexes] = await Promise.all([
    db.run(listConstraintsQuery, {}),
    db.run(listIndexesQuery, {}),
  ]);
  const present = new Set([...constraints.map((c) => c.name), ...indexes.map((i) => i.name)]);
  if (!schemaNames().some((name) => !present.has(name))) return false;
  await applySchema(db);
  return true;
}

const warmedUp = new WeakMap<Database, Promise<void>>();

/**
 * Whether the running server has planned the loader's statements already (a process that
 * loaded or warmed up before, e.g. the bulk load, since the server started). Plans stay
 * cached for the server's life, so a later `kg ingest` skips the warm-up (0.5–1 s of
 * rehearsals, most of a 100-paper load's fixed cost). The local server keeps it as a file
 * in its data folder, tied to the server's start (db/connect.ts).
 */
export interface LoaderPlans {
  planned(): boolean;
  markPlanned(): void;
}

/**
 * The schema checked, and the loader's statements planned once per Database (a process
 * that loads again and again, the page's imports, plans them at its first load, in
 * parallel, and then finds them cached). Planned again when the schema had to be applied
 * (that empties the server's plan cache) or the last warm-up failed.
 */
export async function prepareLoader(db: Database, plans?: LoaderPlans | null): Promise<void> {
  if (await ensureSchema(db)) warmedUp.delete(db);
  // The schema changed nothing (which would have emptied the plan cache) and an earlier
  // process planned the statements on this server.
  else if (!warmedUp.has(db) && plans?.planned()) return;
  let warm = warmedUp.get(db);
  if (!warm) {
    warm = warmUpLoader(db);
    warmedUp.set(db, warm);
    warm.catch(() => warmedUp.delete(db));
  }
  await warm;
  plans?.markPlanned();
}

/** A key no corpus gives (the warm-up's rows are rolled back anyway). */
const WARM_UP_KEY = "\u0000warm-up";

/**
 * Plans every statement of a load on the server: each runs with one row of the real rows'
 * shape in a transaction that is rolled back (writes nothing). Neo4j caches a plan per
 * statement, parameter types, and whether the transaction already holds changes: in a
 * load of one transaction (every incremental load, the page's imports) only the papers
 * come first, and every later statement runs after writes, under a plan of its own. So
 * the papers are rehearsed alone, then every statement after them. A fresh server plans
 * a statement in 0.1–1 s (more on a busy machine); planned here in parallel and then
 * cached for the server's life, the next loads pay nothing for it. A load of more than
 * ONE_TRANSACTION_ROWS begins a transaction per batch and plans those variants on first
 * use (a second or two, in a load of minutes). Run after the schema (schema changes
 * empty the cache).
 */
export async function warmUpLoader(db: Database): Promise<void> {
  const { papers, steps } = warmUpSteps();
  await Promise.all([
    // What the next ingest asks before it loads (is the database empty, is the schema there).
    db.run(countAllQuery, {}),
    db.run(listConstraintsQuery, {}),
    db.run(listIndexesQuery, {}),
    db.rehearseWrites([papers]),
  ]);
  await Promise.all(steps.map((step) => db.rehearseWrites([papers, step])));
}

/**
 * Every statement of a load run once for real with its warm-up row, committed, and what it
 * wrote deleted again (committed): on a server just started (after a bulk import) the first
 * write that commits paid seconds the rolled-back rehearsals never do (the write and commit
 * path, the full-text index's writer): the next `kg ingest` of 100 papers took 8 s instead of
 * 2. Written under a key no corpus gives; the counts are as they were.
 */
export async function warmUpCommit(db: Database): Promise<void> {
  // The papers' statement is the first of the steps.
  const { steps } = warmUpSteps();
  await db.writeAll(steps);
  await db.writeAll([writeStep(deleteWarmUpQuery, { key: WARM_UP_KEY })]);
}

/** The load's statements, each with one row of the real rows' shape under WARM_UP_KEY. */
function warmUpSteps(): { papers: WriteStep; steps: WriteStep[] } {
  const k = WARM_UP_KEY;
  const entity = { key: k, name: k, aliases: [k], kind: k, family: k, version: k, size: k, variant: k };
  const evidence = { sentence: k, paperId: k, sourceId: k, confidence: 0.5, extractor: k };
  const edge = { from: k, to: k, method: k, evidence: [evidence] };
  const paper = {
    id: k,
    title: k,
    arxivId: k,
    date: k,
    abstract: k,
    codeUrls: [k],
    modelUrls: [k],
    urls: [k],
    notes: [k],
    authors: [k],
    sourceIds: [k],
  };
  const source = { id: k, path: k, name: k, kind: k, bytes: 1, ingestedAt: k, paperIds: [k] };
  const papers = writeStep(upsertPapersQuery, { batch: { rows: [paper] } });
  const steps: WriteStep[] = [
    papers,
    ...Object.values(upsertEntitiesQueries).map((q) => writeStep(q, { batch: { rows: [entity] } })),
    ...[...upsertEdgesQueries.values()].map((q) => writeStep(q, { batch: { rows: [edge] } })),
    writeStep(upsertSourcesQuery, { batch: { rows: [source] } }),
  ];
  return { papers, steps };
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
    // The name is one of the surface forms (resolve.ts makes it so); kept here for any
    // other producer of nodes too, because search finds names through `aliasText` alone.
    aliases: n.aliases.includes(n.name) ? n.aliases : [n.name, ...n.aliases],
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

/**
 * Loads up to this many rows (papers, entities, relationships and sources together) in
 * one write transaction: an incremental load (100 papers: ~2,000 rows) pays for one
 * commit instead of ~20 and is all or nothing. Larger loads go in batches of their own
 * transactions, which bounds the server's transaction memory.
 */
export const ONE_TRANSACTION_ROWS = 20_000;

export async function loadExtraction(
  db: Database,
  result: ExtractionResult,
  options: LoadOptions & { oneTransactionRows?: number } = {},
): Promise<LoadSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const ingestedAt = (options.now ?? new Date()).toISOString();
  const report = options.onProgress ?? (() => {});
  // Every write and its rows, in the load's order; made whole before anything is written,
  // so that a row the schema does not allow fails the load before it starts.
  const writes: Array<{ step: WriteStep; progress: LoadProgress }> = [];

  const paperRows = result.papers.map(paperRow);
  let done = 0;
  for (const batch of chunks(paperRows, batchSize)) {
    done += batch.length;
    writes.push({
      step: writeStep(upsertPapersQuery, { batch: { rows: batch } }),
      progress: { step: "papers", done, total: paperRows.length },
    });
  }

  done = 0;
  for (const [label, query] of Object.entries(upsertEntitiesQueries)) {
    const rows = result.nodes.filter((n) => n.label === label).map(entityRow);
    for (const batch of chunks(rows, batchSize)) {
      done += batch.length;
      writes.push({
        step: writeStep(query, { batch: { rows: batch } }),
        progress: { step: "entities", done, total: result.nodes.length },
      });
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
      done += batch.length;
      writes.push({
        step: writeStep(query, { batch: { rows: batch } }),
        progress: { step: "edges", done, total: result.edges.length },
      });
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
  const sourcesTotal = sourceRows.length;
  for (const batch of chunks(sourceRows, batchSize)) {
    writes.push({
      step: writeStep(upsertSourcesQuery, { batch: { rows: batch } }),
      progress: { step: "sources", done: sourcesTotal, total: sourcesTotal },
    });
  }

  const rows = paperRows.length + result.nodes.length + result.edges.length + sourceRows.length;
  if (rows <= (options.oneTransactionRows ?? ONE_TRANSACTION_ROWS)) {
    await db.writeAll(
      writes.map((w) => w.step),
      (i) => report((writes[i] as (typeof writes)[number]).progress),
    );
  } else {
    for (const { step, progress } of writes) {
      await db.writeAll([step]);
      report(progress);
    }
  }
  if (sourceRows.length === 0) report({ step: "sources", done: 0, total: 0 });

  return {
    sources: sourceRows.length,
    papers: paperRows.length,
    nodes: result.nodes.length,
    edges: result.edges.length,
  };
}
