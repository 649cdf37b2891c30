/**
 * `npm start`: starts (or connects to) Neo4j, applies the schema, ingests the default
 * corpus into an empty database, builds the front end when needed and serves it.
 * Ctrl-C stops what this process started; the data stays for the next start.
 *
 *   npm start                      ingest ../shared/corpus (if the database is empty),
 *                                  or the sample in corpus-sample/ when there is none
 *   npm start -- <paths…>          ingest these paths instead
 *   KG_CORPUS=a:b npm start        the same through the environment
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { type Config, parseConfig } from "@kg/graph-schema";
import {
  applySchema,
  type CommandContext,
  type IngestSummary,
  ingestPaths,
  runIngestCommand,
} from "@kg/ingest";
import { countAllQuery } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { type Connection, connectDatabase, localBulkServer, localLoaderPlans } from "../../db/connect.ts";
import { warmOverview } from "./api/overview.ts";
import { createApp, readCacheFor } from "./app.ts";
import { buildWebIfNeeded, DIST_DIR } from "./build-web.ts";
import { assertSafeBinding } from "./security.ts";
import { warmPageCache } from "./warm-pages.ts";
import { warmRequestPaths } from "./warm-paths.ts";
import { planAtStart } from "./warm-plans.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");
const DEFAULT_CORPUS = path.resolve(REPO_ROOT, "..", "shared", "corpus");
/** Shipped with the repository (corpus-sample/SOURCES.md): a first run shows something anywhere. */
export const SAMPLE_CORPUS = path.resolve(REPO_ROOT, "corpus-sample");

export function corpusPaths(
  args: string[],
  configured: string | undefined,
  shared = DEFAULT_CORPUS,
): string[] {
  if (args.length > 0) return args;
  if (configured) return configured.split(path.delimiter).filter(Boolean);
  return [existsSync(shared) ? shared : SAMPLE_CORPUS];
}

/**
 * What `npm start` does with an empty database: ingests the chosen corpus and says
 * what came in. A database that holds anything is left as it is (null).
 */
export async function ingestIntoEmpty(
  db: Database,
  paths: string[],
  log: (message: string) => void,
): Promise<IngestSummary | null> {
  const [counts] = await db.run(countAllQuery, {});
  if ((counts?.nodes ?? 0) > 0) return null;
  if (paths.length === 0) {
    log(
      "ingest: the database is empty and there is no corpus; add documents with `npm run kg -- ingest <paths>`.",
    );
    return null;
  }
  let lastShown = -1;
  const summary = await ingestPaths(db, paths, (progress) => {
    const percent = Math.floor(progress.fraction * 10) * 10;
    if (percent !== lastShown) {
      lastShown = percent;
      log(`ingest: ${String(percent).padStart(3)}% ${progress.message}`);
    }
  });
  log(
    `ingest: ${summary.papers} papers, ${summary.nodes} entities, ${summary.edges} relationships from ${summary.sources} document(s) ` +
      `(extract ${(summary.extractMs / 1000).toFixed(1)} s, load ${(summary.loadMs / 1000).toFixed(1)} s)`,
  );
  for (const warning of summary.warnings) console.warn(`ingest: warning: ${warning.message}`);
  return summary;
}

/**
 * The first start on a new local store: the corpus goes in as `kg ingest` loads it (Neo4j's
 * bulk importer writes the store: on the 9,896 real papers no faster than the statements,
 * 43-49 s against 42-67 s in quiet runs, but about twice as fast at 100,000), and the
 * server it starts on the imported store is this process's. False when there is nothing to do so (NEO4J_URI names a server, the
 * store exists, no corpus) or the ingest failed; the caller goes on as usual then.
 */
export async function bulkIngestIntoNew(
  config: Config,
  paths: string[],
  log: (message: string) => void,
): Promise<boolean> {
  const server = localBulkServer(config, log, "attached");
  if (server === null || paths.length === 0 || !server.storeIsNew()) return false;
  let connection: Connection | undefined;
  const ctx: CommandContext = {
    config,
    stdout: (text) => log(`ingest: ${text.trimEnd()}`),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    bulkServer: () => server,
    loaderPlans: () => localLoaderPlans(config),
    // Asked only when the load falls back to Cypher (a value the importer's CSV cannot carry).
    database: async () => {
      connection ??= await connectDatabase(config, { mode: "attached", log });
      return connection.db;
    },
  };
  try {
    return (await runIngestCommand(paths, ctx)) === 0;
  } catch (error) {
    // An unfinished import is discarded when the server next starts; the statements load then.
    log(`ingest: the bulk load failed (${(error as Error).message}); loading with Cypher instead`);
    return false;
  } finally {
    // The server stays up for the connection npm start opens next, which owns it.
    await connection?.db.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = parseConfig(process.env);
  // Before anything starts: never serve the console and import to the network unguarded.
  assertSafeBinding(config);
  const log = (message: string) => console.log(message);
  const paths = corpusPaths(process.argv.slice(2), config.KG_CORPUS);
  await bulkIngestIntoNew(config, paths, log);
  const connection = await connectDatabase(config, { mode: "attached", log });
  const { db } = connection;

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    void (async () => {
      log(`\n${signal}: stopping…`);
      await app?.close().catch(() => {});
      await connection.close().catch((error: Error) => console.error(error.message));
      log(connection.ownsServer ? "stopped the web server and Neo4j; data kept." : "stopped the web server.");
      process.exit(0);
    })();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  let app: Awaited<ReturnType<typeof createApp>> | undefined;

  await applySchema(db);
  // Still empty: a store made before (or one the bulk load could not fill) takes the statements.
  await ingestIntoEmpty(db, paths, log);

  await buildWebIfNeeded(log);
  const warmStarted = Date.now();
  // Ready means fast: the first screen's queries are planned (the busiest run once) and
  // the overview laid out before the server listens (every lineage depth shares one plan).
  await Promise.all([
    planAtStart(db, log).catch((error: Error) => log(`queries: planning failed: ${error.message}`)),
    warmOverview({ db, config }).then(() =>
      log(`overview: the lineage map ready in ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`),
    ),
  ]);
  log(`overview and first-screen queries ready in ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`);
  const readCache = readCacheFor(db, config);
  app = await createApp({ db, config, distDir: DIST_DIR, readCache });
  const warmed = await warmRequestPaths(app, db, config, readCache);
  log(
    `requests: search, lineage and cards warmed (${warmed.requests} requests, ${warmed.failed} failed) in ${(warmed.ms / 1000).toFixed(1)} s`,
  );
  await app.listen({ port: config.PORT, host: config.HOST });
  void warmPageCache(db, log);
  const [after] = await db.run(countAllQuery, {});
  log(
    `\n  graph: ${after?.nodes ?? 0} nodes, ${after?.relationships ?? 0} relationships (Neo4j at ${connection.uri})`,
  );
  const link = `http://${config.HOST}:${config.PORT}/${config.KG_TOKEN ? "?token=<KG_TOKEN>" : ""}`;
  log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${link}\n`);
}

// Imported by a test for corpusPaths: only `npm start` runs the server.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
