/**
 * The bulk importer: `neo4j-admin database import full` run from the project's Maven jars
 * (kg.ImportLauncher) into the local Neo4j's data dir, while that server is stopped.
 *
 * An import in progress is marked by a file in the data dir. The database was empty when
 * the mark was made, so a store found with the mark (the ingest died: kill -9, power loss)
 * is thrown away before the next start, and the next ingest imports again from scratch.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { classArchiveFlags, ensureNeo4jInstalled, Neo4jSetupError } from "./install.ts";

export const IMPORT_MAIN_CLASS = "kg.ImportLauncher";
const DATABASE = "neo4j";

const markerFor = (dataDir: string) => path.join(path.resolve(dataDir), "bulk-import.incomplete");
const storeDirs = (dataDir: string) => [
  path.join(path.resolve(dataDir), "data", "databases", DATABASE),
  path.join(path.resolve(dataDir), "data", "transactions", DATABASE),
];

/** True when the data dir holds a store of the database (a server ran or an import wrote it). */
export function storeExists(dataDir: string): boolean {
  return fs.existsSync(storeDirs(dataDir)[0] as string);
}

/** True when an import was started and not finished (see the module comment). */
export function importIncomplete(dataDir: string): boolean {
  return fs.existsSync(markerFor(dataDir));
}

/** Marks the data dir: from now until markImportDone, its store may be half written. */
export function markImportStarted(dataDir: string): void {
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  fs.writeFileSync(markerFor(dataDir), `${new Date().toISOString()}\n`);
}

export function markImportDone(dataDir: string): void {
  fs.rmSync(markerFor(dataDir), { force: true });
}

/**
 * Removes the store of an unfinished import (the server must be stopped). Returns whether
 * there was one. The database was empty before the import, so nothing stored is lost.
 */
export function discardIncompleteImport(dataDir: string): boolean {
  if (!importIncomplete(dataDir)) return false;
  for (const dir of storeDirs(dataDir)) fs.rmSync(dir, { recursive: true, force: true });
  markImportDone(dataDir);
  return true;
}

export interface ImportOptions {
  dataDir: string;
  /** `Label=file` pairs. */
  nodes: readonly string[];
  /** `TYPE=file` pairs. */
  relationships: readonly string[];
  arrayDelimiter: string;
  /** The files whose fields span lines (default: every file may). */
  multiline?: readonly string[];
  /** JVM heap of the importer (default 1g; it works mostly off heap). */
  heap?: string;
  log?: (message: string) => void;
  /** Write the JVM's class-data archive to this file as it exits (class-archive.ts). */
  recordClassArchive?: string;
}

/**
 * The importer parses a file that may hold line breaks inside fields on one thread, any
 * other in parallel chunks, so only the files that need it are named (format v2 takes a
 * comma-separated list: a path holding a comma falls back to "every file").
 */
export function multilineArgs(files: readonly string[] | undefined): string[] {
  if (files === undefined || files.some((f) => f.includes(","))) return ["--multiline-fields=true"];
  if (files.length === 0) return ["--multiline-fields=false"];
  return ["--multiline-fields-format=v2", `--multiline-fields=${files.join(",")}`];
}

/**
 * Runs the import into the (stopped) local server's data dir, replacing its database.
 * Resolves when the importer succeeded; otherwise rejects with the end of its output.
 */
export async function importDatabase(opts: ImportOptions): Promise<void> {
  const dataDir = path.resolve(opts.dataDir);
  const inst = await ensureNeo4jInstalled({ log: opts.log ?? (() => {}) });
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "import.log");
  const logFd = fs.openSync(logFile, "w");
  const args = [
    `-Xmx${opts.heap ?? "1g"}`,
    // A batch job that nobody waits on between pauses: the throughput collector spent less
    // CPU than G1 on the 100k bench import in 4 of 4 interleaved pairs (27.7 -> 25.5 s mean
    // user+sys, load 6-15), for ~180 MB more resident heap.
    "-XX:+UseParallelGC",
    ...classArchiveFlags(inst.dbDir, "import", opts.recordClassArchive),
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-cp",
    inst.classpath,
    IMPORT_MAIN_CLASS,
    "database",
    "import",
    "full",
    // The database first: the last --relationships would take it for one more file.
    DATABASE,
    "--overwrite-destination=true",
    "--id-type=string",
    ...multilineArgs(opts.multiline),
    `--array-delimiter=${opts.arrayDelimiter}`,
    "--bad-tolerance=0",
    "--skip-bad-relationships=false",
    ...opts.nodes.map((n) => `--nodes=${n}`),
    ...opts.relationships.map((r) => `--relationships=${r}`),
  ];
  try {
    const child = spawn(inst.java, args, {
      cwd: dataDir,
      env: { ...process.env, NEO4J_HOME: dataDir },
      // stdin stays a pipe: the importer halts when it closes (this process died).
      stdio: ["pipe", logFd, logFd],
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (c) => resolve(c));
    });
    if (code !== 0) {
      const tail = fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-25).join("\n");
      throw new Neo4jSetupError(
        `db/import: neo4j-admin import failed (exit ${code}); log ${logFile}:\n${tail}`,
      );
    }
  } finally {
    fs.closeSync(logFd);
  }
}
