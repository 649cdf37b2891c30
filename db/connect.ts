/**
 * How every entry point gets its database: the server named by NEO4J_URI when set
 * (a remote server, a cluster or Aura: nothing is started), else the local Neo4j
 * the project runs itself, started when it is not already running.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "@kg/graph-schema";
import type { BulkServer, LoaderPlans } from "@kg/ingest";
import { type Database, openDatabase } from "@kg/queries/run";
import { LOCAL_USER } from "./local-auth.ts";
import {
  importDatabase,
  importIncomplete,
  markImportDone,
  markImportStarted,
  storeExists,
} from "./neo4j-import.ts";
import { type Neo4jHandle, pidFileFor, startNeo4j, stopNeo4j } from "./neo4j-server.ts";

export interface Connection {
  db: Database;
  uri: string;
  /** True when this process started a Neo4j that `close()` will stop. */
  ownsServer: boolean;
  /** Closes the driver, and stops the server when this process started it attached. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * attached: a server started here stops with this process (npm start, tests);
   * detached: it keeps running for the next command (kg ingest, kg query).
   */
  mode: "attached" | "detached";
  log?: (message: string) => void;
}

/** A driver for the server `NEO4J_URI` names, with the configured credentials. */
export function openConfiguredDatabase(uri: string, config: Config): Database {
  return openDatabase({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    consoleConcurrency: config.CONSOLE_CONCURRENCY,
  });
}

/** A driver for the local server, with its own credentials (auth on, password generated in its data folder). */
function openLocalDatabase(handle: { boltUri: string; password: string }, config: Config): Database {
  return openDatabase({
    uri: handle.boltUri,
    user: LOCAL_USER,
    password: handle.password,
    database: config.NEO4J_DATABASE,
    consoleConcurrency: config.CONSOLE_CONCURRENCY,
  });
}

/**
 * The local servers this process started attached (by data folder): a later connection in
 * attached mode finds one running and still owns it (npm start's bulk load starts the
 * server it then serves from).
 */
const startedAttached = new Map<string, Neo4jHandle>();

function rememberIfAttached(handle: Neo4jHandle, mode: ConnectOptions["mode"]): void {
  if (mode === "attached" && !handle.reused) startedAttached.set(handle.dataDir, handle);
}

export async function connectDatabase(config: Config, options: ConnectOptions): Promise<Connection> {
  const log = options.log ?? (() => {});
  if (config.NEO4J_URI) {
    const db = openConfiguredDatabase(config.NEO4J_URI, config);
    try {
      await db.verify();
    } catch (error) {
      await db.close();
      throw new Error(`db: cannot reach NEO4J_URI ${config.NEO4J_URI}: ${(error as Error).message}`);
    }
    return { db, uri: config.NEO4J_URI, ownsServer: false, close: () => db.close() };
  }
  const handle = await startNeo4j({
    port: config.NEO4J_PORT,
    dataDir: path.resolve(config.NEO4J_DATA_DIR),
    detached: options.mode === "detached",
    ...(config.NEO4J_HEAP ? { heap: config.NEO4J_HEAP } : {}),
    log,
    install: { log },
  });
  if (!handle.reused) log(`neo4j: started on ${handle.boltUri} (data ${handle.dataDir})`);
  const db = openLocalDatabase(handle, config);
  rememberIfAttached(handle, options.mode);
  const owned = options.mode === "attached" ? startedAttached.get(handle.dataDir) : undefined;
  return {
    db,
    uri: handle.boltUri,
    ownsServer: owned !== undefined,
    close: async () => {
      await db.close();
      if (owned === undefined) return;
      startedAttached.delete(handle.dataDir);
      await owned.stop();
    },
  };
}

/**
 * The local server's bulk controls, or null when NEO4J_URI names a server of its own.
 * `mode` is how the server starts on the imported store: detached for `kg ingest` (it
 * serves the next command), attached for `npm start` (it stops with the web server).
 */
export function localBulkServer(
  config: Config,
  log: (message: string) => void = () => {},
  mode: ConnectOptions["mode"] = "detached",
): BulkServer | null {
  if (config.NEO4J_URI) return null;
  const dataDir = path.resolve(config.NEO4J_DATA_DIR);
  return {
    dataDir,
    storeIsNew: () => importIncomplete(dataDir) || !storeExists(dataDir),
    stop: async () => {
      await stopNeo4j({ dataDir });
    },
    markStarted: () => markImportStarted(dataDir),
    markDone: () => markImportDone(dataDir),
    import: (files) => importDatabase({ dataDir, ...files, log }),
    start: async () => {
      const handle = await startNeo4j({
        port: config.NEO4J_PORT,
        dataDir,
        detached: mode === "detached",
        keepImport: true,
        ...(config.NEO4J_HEAP ? { heap: config.NEO4J_HEAP } : {}),
        log,
        install: { log },
      });
      rememberIfAttached(handle, mode);
      return openLocalDatabase(handle, config);
    },
  };
}

/**
 * Whether the local server running now has the loader's statements planned: a file in its
 * data folder naming the server's start (its pid file's content and time), written after a
 * warm-up. A restarted server has a new pid file, so the file no longer matches. Null when
 * NEO4J_URI names a server of its own (its plans are not known here: always warmed up).
 */
export function localLoaderPlans(config: Config): LoaderPlans | null {
  if (config.NEO4J_URI) return null;
  const dataDir = path.resolve(config.NEO4J_DATA_DIR);
  const marker = path.join(dataDir, "loader-planned");
  const serverStart = (): string | null => {
    try {
      const pidFile = pidFileFor(dataDir);
      return `${readFileSync(pidFile, "utf8").trim()}@${statSync(pidFile).mtimeMs}`;
    } catch {
      return null;
    }
  };
  return {
    planned: () => {
      const start = serverStart();
      try {
        return start !== null && readFileSync(marker, "utf8") === start;
      } catch {
        return false;
      }
    },
    markPlanned: () => {
      const start = serverStart();
      if (start === null) rmSync(marker, { force: true });
      else writeFileSync(marker, start);
    },
  };
}
