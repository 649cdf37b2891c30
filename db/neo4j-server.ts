/**
 * Start / stop / inspect a local Neo4j 5.26 Community server (embedded DBMS with Bolt)
 * built from Maven Central artifacts by ./install.ts. No process.env reads: callers pass options.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import neo4j from "neo4j-driver";
import {
  classArchiveFlags,
  ensureNeo4jInstalled as ensureInstalled,
  type InstallOptions,
  type InstallResult,
  Neo4jSetupError,
} from "./install.ts";
import { ensureLocalPassword, LOCAL_USER, passwordFileFor, readLocalPassword } from "./local-auth.ts";
import { discardIncompleteImport } from "./neo4j-import.ts";

export { type InstallOptions, type InstallResult, Neo4jSetupError };

export const DEFAULT_PORT = 7687;
export const DEFAULT_HEAP = "1g";
export const DEFAULT_PAGECACHE = "512m";
export const HOST = "127.0.0.1";

/**
 * Neo4j settings the launcher is given by name (`--setting KEY=VALUE`). A bulk load ends
 * by building the full-text index over every title and abstract (16 s of a quiet 100k
 * load), and Neo4j's defaults for it suit a big server that must keep serving while an
 * index is built: one population worker on 2 cores, Lucene merges on that worker, and
 * 50 MB of documents buffered per flush. Here the load waits for the index; measured on
 * the 100k bench graph at load 7-9 (noisy): 32-50 s with the defaults, 19-36 s with these.
 * The buffer lives on the heap only while an index is populated.
 */
export const SERVER_SETTINGS: Readonly<Record<string, string>> = {
  "internal.dbms.index_population.workers": "2",
  "internal.dbms.index.lucene.population_serial_merge_scheduler": "false",
  "internal.dbms.index.lucene.population_ram_buffer_size": "256",
};

/** JVM flags Neo4j 5 wants on Java 17+ (from Neo4j's own neo4j.conf), minus AlwaysPreTouch to keep RSS low. */
export const JVM_FLAGS: readonly string[] = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-XX:+ExitOnOutOfMemoryError",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dlog4j2.disable.jmx=true",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
];

export interface StartOptions {
  /** Bolt port on 127.0.0.1 (default 7687). */
  port?: number;
  /** Neo4j home / data directory; also holds neo4j.pid and neo4j.log. */
  dataDir: string;
  /** JVM heap, used for -Xms and -Xmx (default '1g'). */
  heap?: string;
  /** Page cache size (default '512m'). */
  pagecache?: string;
  /** stdout/stderr of the JVM (default `<dataDir>/neo4j.log`). */
  logFile?: string;
  /**
   * true (default): the JVM outlives this process (for `db:start`).
   * false: the JVM shuts down when this process exits (stdin pipe closes) — for tests / `npm start`.
   */
  detached?: boolean;
  /** How long to wait for Bolt to answer (default 120 000 ms). */
  timeoutMs?: number;
  /** Install options (java/mvn executables, progress log). */
  install?: Omit<InstallOptions, "force">;
  /** Progress messages (default: none). */
  log?: (msg: string) => void;
  /**
   * Start on the store of a bulk import still marked unfinished (the importer itself,
   * which finishes it). Otherwise such a store is discarded first (see neo4j-import.ts).
   */
  keepImport?: boolean;
  /** Write the JVM's class-data archive to this file as it exits (class-archive.ts). */
  recordClassArchive?: string;
}

export interface Neo4jHandle {
  pid: number;
  /** Password of the user neo4j (Bolt auth is on; kept in `<dataDir>/neo4j.password`, 0600). */
  password: string;
  /** e.g. bolt://127.0.0.1:7687 */
  boltUri: string;
  port: number;
  dataDir: string;
  /** True when an already-running server for this dataDir was returned. */
  reused: boolean;
  /** Stops the server (SIGTERM, waits, SIGKILL after 60 s) and removes the pid file. */
  stop(): Promise<void>;
}

export interface StopOptions {
  dataDir: string;
  /** Wait this long after SIGTERM before SIGKILL (default 60 000 ms). */
  timeoutMs?: number;
}

export interface StopResult {
  /** False when nothing was running. */
  stopped: boolean;
  pid?: number;
  /** True when SIGKILL was needed. */
  killed?: boolean;
  message: string;
}

export interface StatusOptions {
  dataDir: string;
  /** Port to probe when the pid file doesn't tell (default 7687). */
  port?: number;
}

export interface Neo4jStatus {
  /** A launcher process for this dataDir is alive. */
  running: boolean;
  /** Bolt answered `RETURN 1`. */
  ready?: boolean;
  pid?: number;
  port?: number;
  boltUri?: string;
  /** Not running for this dataDir, but something else listens on the port. */
  portInUse?: boolean;
}

export function ensureNeo4jInstalled(opts: InstallOptions = {}): Promise<InstallResult> {
  return ensureInstalled(opts);
}

export const pidFileFor = (dataDir: string) => path.join(path.resolve(dataDir), "neo4j.pid");
export const boltUriFor = (port: number) => `bolt://${HOST}:${port}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    // A zombie (exited, not yet reaped) counts as dead.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (non-Linux): trust kill(0)
  }
}

/** argv of a live process (Linux), or undefined when unknown. */
function processArgs(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return undefined;
  }
}

interface LiveServer {
  pid: number;
  /** Port from the process's command line, if it could be read. */
  port?: number;
}

/** The launcher process recorded in `<dataDir>/neo4j.pid`, if alive and really ours. Cleans stale pid files. */
function liveServer(dataDir: string): LiveServer | undefined {
  const pidFile = pidFileFor(dataDir);
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").trim().split(/\s+/)[0]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return undefined;
  }
  const argv = processArgs(pid);
  if (argv) {
    const i = argv.indexOf("--data-dir");
    const isOurs =
      argv.includes("kg.Neo4jLauncher") &&
      i >= 0 &&
      path.resolve(argv[i + 1] ?? "") === path.resolve(dataDir);
    if (!isOurs) {
      fs.rmSync(pidFile, { force: true }); // pid was reused by an unrelated process
      return undefined;
    }
    const p = argv.indexOf("--port");
    return { pid, port: p >= 0 ? Number(argv[p + 1]) : undefined };
  }
  return { pid };
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: HOST, port });
    const done = (v: boolean) => {
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once("connect", () => done(true));
    sock.once("error", () => done(false));
  });
}

/** Real readiness check: TCP connect, then `RETURN 1` through neo4j-driver as the local user. */
export async function boltReady(port: number, timeoutMs = 5000, password?: string): Promise<boolean> {
  if (!(await portOpen(port, Math.min(timeoutMs, 1000)))) return false;
  const auth = password === undefined ? undefined : neo4j.auth.basic(LOCAL_USER, password);
  const driver = neo4j.driver(boltUriFor(port), auth, {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
    logging: { level: "error", logger: () => {} },
  });
  try {
    const session = driver.session({ database: "neo4j" });
    try {
      const res = await session.run("RETURN 1 AS one");
      return res.records[0]?.get("one")?.toNumber?.() === 1 || res.records[0]?.get("one") === 1;
    } finally {
      await session.close();
    }
  } catch {
    return false;
  } finally {
    await driver.close().catch(() => {});
  }
}

/** What the launcher prints once the database is available and the password set (Neo4jLauncher.java). */
const LAUNCHER_READY = "neo4j: bolt ready on ";
/** What startNeo4j writes to the log before it spawns a launcher. */
const START_MARKER = "--- ";

/**
 * Has the launcher of the last start recorded in logFile said it is ready? Bolt listens
 * before the launcher has given the user its password, and every login tried in that gap
 * fails: after three, Neo4j locks the user out for 5 s and every later try renews the
 * lock, so polling Bolt from the first moment cost a fresh server about 7 s (seen after
 * each bulk import: ten refused logins between "Bolt enabled" and the first query).
 * A log written by someone else (no marker) counts as ready: Bolt itself then decides.
 */
export function launcherReady(logFile: string): boolean {
  let text: string;
  try {
    text = fs.readFileSync(logFile, "utf8");
  } catch {
    return true;
  }
  const start = text.lastIndexOf(`\n${START_MARKER}`);
  if (start < 0 && !text.startsWith(START_MARKER)) return true;
  return text.includes(LAUNCHER_READY, Math.max(0, start));
}

function logTail(file: string, lines = 40): string {
  try {
    const buf = fs.readFileSync(file, "utf8");
    return buf.trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Removes dataDir's pid file only when it still names pid: a server started since (by
 * another command) has written its own, which must stay or that server is orphaned.
 */
export function removePidFileIfOwned(dataDir: string, pid: number): boolean {
  const pidFile = pidFileFor(dataDir);
  try {
    const named = Number(fs.readFileSync(pidFile, "utf8").trim().split(/\s+/)[0]);
    if (named !== pid) return false;
  } catch {
    return false;
  }
  fs.rmSync(pidFile, { force: true });
  return true;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return true;
    await sleep(200);
  }
  return !pidAlive(pid);
}

/** Stops the server for dataDir: SIGTERM, wait up to timeoutMs (60 s), then SIGKILL; removes the pid file. */
export async function stopNeo4j(opts: StopOptions): Promise<StopResult> {
  const dataDir = path.resolve(opts.dataDir);
  const live = liveServer(dataDir);
  if (!live) {
    fs.rmSync(pidFileFor(dataDir), { force: true });
    return { stopped: false, message: `neo4j: not running (data dir ${dataDir})` };
  }
  const { pid } = live;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    /* already gone */
  }
  let killed = false;
  if (!(await waitForExit(pid, opts.timeoutMs ?? 60_000))) {
    killed = true;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
    await waitForExit(pid, 10_000);
  }
  removePidFileIfOwned(dataDir, pid);
  return {
    stopped: true,
    pid,
    killed,
    message: killed ? `neo4j: killed pid ${pid} (did not stop within timeout)` : `neo4j: stopped pid ${pid}`,
  };
}

/** Whether a server for dataDir is running, and whether Bolt answers. */
export async function neo4jStatus(opts: StatusOptions): Promise<Neo4jStatus> {
  const dataDir = path.resolve(opts.dataDir);
  const live = liveServer(dataDir);
  if (!live) {
    const port = opts.port ?? DEFAULT_PORT;
    return (await portOpen(port)) ? { running: false, port, portInUse: true } : { running: false };
  }
  const port = live.port ?? opts.port ?? DEFAULT_PORT;
  return {
    running: true,
    ready: await boltReady(port, 5000, readLocalPassword(dataDir)),
    pid: live.pid,
    port,
    boltUri: boltUriFor(port),
  };
}

/**
 * Starts Neo4j (installing first if needed) and resolves once Bolt answers `RETURN 1`.
 * If a server for this dataDir is already running on the same port it is returned instead.
 */
export async function startNeo4j(opts: StartOptions): Promise<Neo4jHandle> {
  const port = opts.port ?? DEFAULT_PORT;
  const dataDir = path.resolve(opts.dataDir);
  const heap = opts.heap ?? DEFAULT_HEAP;
  const pagecache = opts.pagecache ?? DEFAULT_PAGECACHE;
  const logFile = path.resolve(opts.logFile ?? path.join(dataDir, "neo4j.log"));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const detached = opts.detached ?? true;
  const log = opts.log ?? (() => {});
  const boltUri = boltUriFor(port);
  const stopFn = () => stopNeo4j({ dataDir }).then(() => undefined);
  const password = ensureLocalPassword(dataDir);

  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Neo4jSetupError(`neo4j: invalid port ${port}`);
  if (!/^\d+[kmgKMG]?$/.test(heap))
    throw new Neo4jSetupError(`neo4j: invalid heap size '${heap}' (e.g. 1g, 768m)`);
  if (!/^\d+[kmgKMG]?$/.test(pagecache))
    throw new Neo4jSetupError(`neo4j: invalid pagecache size '${pagecache}'`);

  // Already running for this dataDir?
  const live = liveServer(dataDir);
  if (live) {
    if (live.port !== undefined && live.port !== port) {
      throw new Neo4jSetupError(
        `neo4j: already running for ${dataDir} on port ${live.port} (pid ${live.pid}), not ${port} — stop it first`,
      );
    }
    const deadline = Date.now() + timeoutMs;
    while (!(launcherReady(logFile) && (await boltReady(port, 5000, password)))) {
      if (!pidAlive(live.pid))
        throw new Neo4jSetupError(`neo4j: pid ${live.pid} exited while starting:\n${logTail(logFile)}`);
      if (Date.now() > deadline) {
        throw new Neo4jSetupError(
          `neo4j: pid ${live.pid} for ${dataDir} is alive but Bolt on ${boltUri} does not answer`,
        );
      }
      await sleep(500);
    }
    log(`neo4j: already running (pid ${live.pid})`);
    return { pid: live.pid, password, boltUri, port, dataDir, reused: true, stop: stopFn };
  }

  if (await portOpen(port)) {
    throw new Neo4jSetupError(
      `neo4j: port ${port} on ${HOST} is already in use by another process (not the Neo4j for ${dataDir}) — ` +
        `stop it or pick another --port`,
    );
  }

  const inst = await ensureInstalled({ ...opts.install, log: opts.install?.log ?? log });
  if (!opts.keepImport && discardIncompleteImport(dataDir)) {
    log(`neo4j: discarded the store of an unfinished bulk import in ${dataDir} (it was empty before)`);
  }

  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.appendFileSync(
    logFile,
    `${START_MARKER}${new Date().toISOString()} starting neo4j on ${boltUri} (heap ${heap}, pagecache ${pagecache}) ---\n`,
  );
  const logFd = fs.openSync(logFile, "a");

  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    ...classArchiveFlags(inst.dbDir, "server", opts.recordClassArchive),
    "-cp",
    inst.classpath,
    inst.mainClass,
    "--port",
    String(port),
    "--data-dir",
    dataDir,
    "--pagecache",
    pagecache,
    "--password-file",
    passwordFileFor(dataDir),
    ...Object.entries(SERVER_SETTINGS).flatMap(([key, value]) => ["--setting", `${key}=${value}`]),
    ...(detached ? [] : ["--exit-on-stdin-eof"]),
  ];

  let child: ChildProcess;
  try {
    child = spawn(inst.java, args, {
      cwd: dataDir,
      detached,
      stdio: [detached ? "ignore" : "pipe", logFd, logFd],
    });
  } finally {
    fs.closeSync(logFd);
  }
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  const pid = child.pid;
  if (pid === undefined) {
    throw new Neo4jSetupError(`neo4j: failed to spawn ${inst.java}: ${(await spawnError).message}`);
  }
  fs.writeFileSync(pidFileFor(dataDir), `${pid}\n`);
  // Never let the child keep this process alive; attached mode relies on the stdin pipe closing on exit.
  child.unref();
  if (child.stdin) (child.stdin as unknown as net.Socket).unref?.();

  const stop = async () => {
    if (!exited) {
      await stopNeo4j({ dataDir });
      await Promise.race([exitPromise, sleep(5000)]);
    }
    // Only this child's pid file: if it died and another command started a new server
    // for this dataDir meanwhile, that server's pid file stays.
    removePidFileIfOwned(dataDir, pid);
  };

  const deadline = Date.now() + timeoutMs;
  log(`neo4j: starting pid ${pid} on ${boltUri} (log ${logFile})`);
  for (;;) {
    if (exited) {
      removePidFileIfOwned(dataDir, pid);
      throw new Neo4jSetupError(
        `neo4j: process exited during startup (code ${exited.code}, signal ${exited.signal}); log ${logFile}:\n${logTail(logFile)}`,
      );
    }
    if (launcherReady(logFile) && (await boltReady(port, 5000, password))) break;
    if (Date.now() > deadline) {
      await stop().catch(() => {});
      throw new Neo4jSetupError(
        `neo4j: Bolt on ${boltUri} not ready after ${Math.round(timeoutMs / 1000)} s; log ${logFile}:\n${logTail(logFile)}`,
      );
    }
    // Reading the log is cheap; Bolt is asked only once the launcher is ready.
    await sleep(100);
  }
  return { pid, password, boltUri, port, dataDir, reused: false, stop };
}
