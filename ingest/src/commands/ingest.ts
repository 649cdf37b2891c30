/**
 * `kg ingest <file-or-dir>… [--bulk | --no-bulk] [--json]`: extract and load into Neo4j,
 * with a progress bar on a terminal and a summary (or one JSON object with --json).
 *
 * An empty local database is loaded with Neo4j's bulk importer (see load/bulk-load.ts);
 * `--bulk` insists on it (an error when the database holds data), `--no-bulk` always uses
 * Cypher. A database that holds data, or one named by NEO4J_URI, is loaded with Cypher.
 * Bad files are reported by name and skipped; what is stored stays intact.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { awaitIndexesStatements, countAllQuery, fulltextStatements, schemaStatements } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { AbstractStore } from "../abstract-store.ts";
import type { CommandContext } from "../cli/context.ts";
import { ProgressBar } from "../cli/progress.ts";
import { BulkCsvError, type ImportCsv } from "../load/bulk-csv.ts";
import { bulkLoad, openImportCsv } from "../load/bulk-load.ts";
import {
  type LoaderPlans,
  type LoadSummary,
  loadExtraction,
  prepareLoader,
  warmUpLoader,
} from "../load/load-extraction.ts";
import { extractDocumentsParallel } from "../parallel/extract-parallel.ts";
import { listDocuments } from "../pipeline.ts";

const USAGE = "usage: kg ingest <file-or-dir>… [--bulk | --no-bulk] [--json]";

export async function runIngestCommand(args: string[], ctx: CommandContext): Promise<number> {
  const abstracts = new AbstractFiles();
  try {
    return await runIngest(args, ctx, abstracts);
  } finally {
    abstracts.close();
  }
}

/**
 * The abstracts of one extraction, kept in a file of a folder of their own (see
 * AbstractStore) until the load has written them; a new one for each extraction.
 */
class AbstractFiles {
  private dir: string | null = null;
  store: AbstractStore | null = null;

  open(): AbstractStore {
    this.close();
    this.dir = mkdtempSync(path.join(tmpdir(), "kg-abstracts-"));
    this.store = new AbstractStore(path.join(this.dir, "abstracts.txt"));
    return this.store;
  }

  close(): void {
    this.store?.close();
    this.store = null;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

async function runIngest(args: string[], ctx: CommandContext, abstracts: AbstractFiles): Promise<number> {
  const json = args.includes("--json");
  const forceBulk = args.includes("--bulk");
  const noBulk = args.includes("--no-bulk");
  const unknown = args.find((a) => a.startsWith("--") && !["--json", "--bulk", "--no-bulk"].includes(a));
  const paths = args.filter((a) => !a.startsWith("--"));
  if (unknown || paths.length === 0 || (forceBulk && noBulk)) {
    ctx.stderr(`${unknown ? `kg ingest: unknown option ${unknown}\n` : ""}${USAGE}\n`);
    return 2;
  }
  // Since the process started: the CLI's own start (node, the bundle, the driver's import).
  const started = performance.now();
  let emptyKnownAt = 0;
  const bar = new ProgressBar(ctx.stderr, ctx.stderrIsTty ?? false, json);
  const server = noBulk ? null : (ctx.bulkServer?.() ?? null);
  if (forceBulk && !server) {
    ctx.stderr(
      "kg ingest --bulk: needs the local Neo4j (NEO4J_URI names a server the importer cannot reach)\n",
    );
    return 2;
  }
  // Whether the database is empty is asked while extraction runs: a server that must start
  // for the question gets on with it meanwhile.
  const emptyCheck: Promise<{ empty: boolean; db: Database | null }> = (async () => {
    if (server?.storeIsNew()) return { empty: true, db: null };
    const db = await ctx.database();
    const [counts] = await db.run(countAllQuery, {});
    emptyKnownAt = performance.now();
    return { empty: (counts?.nodes ?? 0) === 0, db };
  })();
  emptyCheck.catch(() => {});
  // A load with Cypher needs the schema and its statements planned (a fresh server takes
  // seconds for it); the server does that while this process extracts. True once done.
  const plans = ctx.loaderPlans?.() ?? null;
  let plannedAt = 0;
  const loaderReady: Promise<boolean> = emptyCheck.then(async ({ empty, db }) => {
    if (!db || forceBulk || (empty && server)) return false;
    await prepareCypherLoad(db, empty, plans);
    plannedAt = performance.now();
    return true;
  });
  loaderReady.catch(() => {});

  // Into an empty local database, resolution writes the edges straight into the importer's
  // files (a large corpus's edges are never in memory at once).
  let csv: ImportCsv | null = null;
  const streamEdges = async (): Promise<ImportCsv | null> => {
    const { empty } = await emptyCheck;
    if (!empty || !server) return null;
    csv = openImportCsv(server);
    // The files themselves: the extraction's worker threads encode the rows (see resolve-on-workers.ts).
    return csv;
  };
  const extract = async (stream: boolean) => {
    bar.update({ phase: "reading" });
    const documents = await listDocuments(paths);
    bar.update({ phase: "extracting", documentsTotal: documents.length });
    // Each document is read and segmented in turn and its text let go; the abstracts wait
    // in a file (a streamed load's papers are left without theirs until written).
    const result = await extractDocumentsParallel(documents, {
      abstracts: abstracts.open(),
      onProgress: (p) => bar.update({ ...p }),
      ...(stream && server ? { streamEdges } : {}),
    });
    return { result, readWarnings: documents.warnings };
  };
  /** A value the importer's CSV cannot carry: everything again, for the Cypher load. */
  let bulkRefused = false;
  const notBulk = async (error: unknown) => {
    if (!(error instanceof BulkCsvError)) throw error;
    bulkRefused = true;
    (csv as ImportCsv | null)?.close();
    csv = null;
    ctx.stderr(`kg ingest: ${error.message}; loading with Cypher instead\n`);
    return extract(false);
  };

  const t0 = performance.now();
  let { result, readWarnings } = await extract(true).catch(notBulk);
  let edgeCount = (csv as ImportCsv | null)?.edges ?? result.edges.length;
  const extractMs = performance.now() - t0;
  bar.update({
    papers: result.papers.length,
    papersTotal: result.papers.length,
    relationshipsTotal: edgeCount,
  });

  const { empty, db: checked } = await emptyCheck;
  if (forceBulk && !empty) {
    bar.done();
    ctx.stderr("kg ingest --bulk: the database is not empty; the bulk importer only loads an empty one\n");
    return 1;
  }
  const t1 = performance.now();
  let summary: LoadSummary | undefined;
  let mode: "bulk" | "transactional" = "transactional";
  let stepsMs: Record<string, number> | undefined;
  if (empty && server && !bulkRefused) {
    try {
      const loaded = await bulkLoad(server, result, {
        plans,
        ...(csv ? { csv } : {}),
        abstractOf: (paper) => abstracts.store?.ofPaper(paper) ?? paper.abstract,
        onStep: (step) =>
          bar.update({ phase: step === "csv" ? "writing" : step === "import" ? "importing" : "indexing" }),
      });
      await loaded.db.close();
      summary = loaded.summary;
      stepsMs = loaded.stepsMs;
      mode = "bulk";
      bar.update({ relationships: summary.edges });
    } catch (error) {
      // The edges were streamed into the files: extract again for the Cypher load.
      ({ result, readWarnings } = await notBulk(error));
      edgeCount = result.edges.length;
    }
  }
  if (summary === undefined) {
    const db = checked ?? (await ctx.database());
    bar.update({ phase: "loading", relationshipsTotal: edgeCount });
    const t2 = performance.now();
    if (!(await loaderReady)) await prepareCypherLoad(db, empty, plans);
    const t3 = performance.now();
    summary = await loadExtraction(db, result, {
      onProgress: (p) => {
        if (p.step === "edges") bar.update({ relationships: p.done });
      },
    });
    const t4 = performance.now();
    if (empty) {
      bar.update({ phase: "indexing" });
      await db.runStatements([...fulltextStatements(), ...awaitIndexesStatements()]);
    }
    // Where a load's fixed cost goes: the connection and count, and the planning, ran while
    // extraction did (done at: ms from the command's start); the rest waited in turn.
    const at = (t: number) => Math.round(Math.max(0, t - started));
    stepsMs = {
      cliStart: Math.round(started),
      emptyKnownAt: at(emptyKnownAt),
      plannedAt: at(plannedAt),
      extract: Math.round(extractMs),
      awaitEmpty: Math.round(t1 - t0 - extractMs),
      awaitPlans: Math.round(t3 - t2),
      write: Math.round(t4 - t3),
      index: Math.round(performance.now() - t4),
    };
  }
  const loadMs = performance.now() - t1;
  bar.done();
  const warnings = [...readWarnings, ...result.warnings];
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (json) {
    ctx.stdout(
      `${JSON.stringify({ ...summary, mode, warnings, extractMs, loadMs, ...(stepsMs ? { stepsMs } : {}), seconds, peakRssMb }, null, 2)}\n`,
    );
  } else {
    ctx.stdout(
      `ingested ${summary.sources} document(s): ${summary.papers} papers, ${summary.nodes} entities, ${summary.edges} relationships ` +
        `in ${seconds.toFixed(1)} s (${mode}; extract ${(extractMs / 1000).toFixed(2)} s, load ${(loadMs / 1000).toFixed(2)} s; ` +
        `${Math.round(summary.papers / Math.max(seconds, 1e-3))} papers/s; peak memory ${peakRssMb} MB)\n`,
    );
    // Warning messages name their file already.
    for (const w of warnings) ctx.stderr(`warning: ${w.message}\n`);
  }
  return 0;
}

/**
 * The schema and the statements planned. Into an empty database the full-text index is
 * made after the writes (one population pass instead of an update per written node).
 */
async function prepareCypherLoad(db: Database, empty: boolean, plans: LoaderPlans | null): Promise<void> {
  if (!empty) return prepareLoader(db, plans);
  // Not marked planned: the full-text index made after the load empties the plan cache.
  await db.runStatements(schemaStatements({ fulltext: false }));
  await warmUpLoader(db);
}
