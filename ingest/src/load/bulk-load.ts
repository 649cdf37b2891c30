/**
 * bulk-load: the first load of an empty local database through Neo4j's bulk importer,
 * several times faster than any Cypher statement: the extraction is written as the
 * importer's CSV files, the server is stopped, `neo4j-admin database import full` builds
 * the store, the server starts again, and constraints and indexes are created (and
 * populated) on the loaded data. The graph is the one the transactional load writes.
 *
 * The server control is passed in (db/ owns it), so this module knows only the steps.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { ExtractedPaper, ExtractionResult } from "@kg/graph-schema";
import { awaitIndexesStatements, fulltextStatements, schemaStatements } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { ARRAY_DELIMITER, ImportCsv, writeImportCsv } from "./bulk-csv.ts";
import { type LoaderPlans, type LoadSummary, warmUpCommit, warmUpLoader } from "./load-extraction.ts";

/** What the bulk load needs of the local server (see db/connect.ts). */
export interface BulkServer {
  dataDir: string;
  /** True when the data dir holds no store yet, or only an unfinished import's. */
  storeIsNew(): boolean;
  /** Stops the server if it runs (the importer needs the store to itself). */
  stop(): Promise<void>;
  /** Marks the store as being imported (see db/neo4j-import.ts). */
  markStarted(): void;
  markDone(): void;
  import(files: {
    nodes: string[];
    relationships: string[];
    multiline: string[];
    arrayDelimiter: string;
  }): Promise<void>;
  /** Starts the server on the imported store and returns a database on it. */
  start(): Promise<Database>;
}

export type BulkStep = "csv" | "import" | "indexes";

export interface BulkLoadOptions {
  now?: Date;
  /** Told once the started server has the loader's statements planned. */
  plans?: LoaderPlans | null;
  onStep?: (step: BulkStep) => void;
  /**
   * The import files with the edges written already (see openImportCsv): `result` then
   * gives only the sources, papers and nodes.
   */
  csv?: ImportCsv;
  /** A paper's abstract where the result left it out (see ImportCsv.finish). */
  abstractOf?: (paper: ExtractedPaper) => string;
}

function importCsvDir(server: Pick<BulkServer, "dataDir">): string {
  return path.join(server.dataDir, "import-csv");
}

/**
 * The import files of a bulk load into `server`, empty, for resolution to write the edges
 * into as it merges them (a large corpus's edges are then never in memory at once).
 */
export function openImportCsv(server: Pick<BulkServer, "dataDir">): ImportCsv {
  const dir = importCsvDir(server);
  rmSync(dir, { recursive: true, force: true });
  return new ImportCsv(dir);
}

/**
 * Loads `result` into the empty database of `server`. Throws BulkCsvError (before touching
 * the database) when a value cannot be written as CSV; the caller then loads with Cypher.
 */
export async function bulkLoad(
  server: BulkServer,
  result: ExtractionResult,
  options: BulkLoadOptions = {},
): Promise<{ summary: LoadSummary; db: Database; stepsMs: Record<string, number> }> {
  const onStep = options.onStep ?? (() => {});
  const stepsMs: Record<string, number> = {};
  let current = "";
  let since = performance.now();
  const step = (name: BulkStep | "start" | "schema" | "warm-up" | "end") => {
    const now = performance.now();
    if (current) stepsMs[current] = Math.round(now - since);
    current = name;
    since = now;
    if (name === "csv" || name === "import" || name === "indexes") onStep(name);
  };
  const dir = importCsvDir(server);
  if (!options.csv) rmSync(dir, { recursive: true, force: true });
  step("csv");
  let edges = result.edges.length;
  try {
    const ingestedAt = (options.now ?? new Date()).toISOString();
    const files = options.csv
      ? options.csv.finish(result, ingestedAt, options.abstractOf)
      : writeImportCsv(result, dir, ingestedAt);
    edges = files.counts.edges;
    step("import");
    await server.stop();
    server.markStarted();
    await server.import({ ...files, arrayDelimiter: ARRAY_DELIMITER });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  step("start");
  const db = await server.start();
  step("schema");
  // The full-text index is the slow one (Lucene over every title and abstract, 16 s of a
  // 100k load): created first, it populates while the key constraints are built. The
  // loader's statements are planned only once it is online: an index coming online
  // empties the plan cache (a warm-up run during the population had to plan everything
  // again after it, 5.3 s).
  await db.runStatements(fulltextStatements());
  await db.runStatements(schemaStatements({ fulltext: false }));
  step("indexes");
  await db.runStatements(awaitIndexesStatements());
  step("warm-up");
  // The server goes on running for the next ingest, which finds its statements planned.
  await warmUpLoader(db);
  await warmUpCommit(db);
  options.plans?.markPlanned();
  server.markDone();
  step("end");
  return {
    db,
    stepsMs,
    summary: {
      sources: result.sources.length,
      papers: result.papers.length,
      nodes: result.nodes.length,
      edges,
    },
  };
}
