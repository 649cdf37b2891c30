/**
 * Install step for the local Neo4j launcher.
 *
 * Runs Maven once to compile db/src/main/java and copy Neo4j Community + all
 * runtime jars into db/target/{classes,lib} (and the launcher's jar). Idempotent: a stamp file in
 * db/target/ records a hash of pom.xml + Java sources, and nothing is done while
 * it matches. No process.env reads here; callers pass options.
 *
 * Runnable directly: `tsx db/install.ts [--force]`.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const THIS_FILE = fileURLToPath(import.meta.url);

/** Absolute path of the db/ folder (where pom.xml lives). */
export const DB_DIR = path.dirname(THIS_FILE);

/** db/target's folder of class-data archives (class-archive.ts writes them). */
export const CLASS_ARCHIVE_DIR = "cds";

export type ClassArchiveKind = "server" | "import";

/** The class-data archive of the server's or the importer's JVM (class-archive.ts makes them). */
export function classArchiveFile(dbDir: string, kind: ClassArchiveKind): string {
  return path.join(dbDir, "target", CLASS_ARCHIVE_DIR, `${kind}.jsa`);
}

/**
 * JVM flags that map the archive of `kind` when there is one, or with `record` set, that
 * write one there as the JVM exits. A JVM whose jars or Java differ from the archive's
 * says so in its log and loads its classes from the jars as it would without one.
 */
export function classArchiveFlags(dbDir: string, kind: ClassArchiveKind, record?: string): string[] {
  if (record !== undefined) return [`-XX:ArchiveClassesAtExit=${record}`];
  const file = classArchiveFile(dbDir, kind);
  return fs.existsSync(file) ? [`-XX:SharedArchiveFile=${file}`] : [];
}

/** Minimum Java feature version Neo4j 5.26 runs on. */
export const MIN_JAVA = 17;

const HINT_EXISTING = "or set NEO4J_URI to use an existing server";

export interface InstallOptions {
  /** Folder holding pom.xml (default: this module's folder, i.e. db/). */
  dbDir?: string;
  /** java executable (default `java` on PATH). */
  java?: string;
  /** mvn executable (default `mvn` on PATH). */
  mvn?: string;
  /** Re-run Maven even if the stamp matches. */
  force?: boolean;
  /** Progress messages (default: console.error). */
  log?: (msg: string) => void;
}

export interface InstallResult {
  /** java executable that passed the version check. */
  java: string;
  /** Detected Java feature version (e.g. 17). */
  javaVersion: number;
  /** The folder holding pom.xml and target/. */
  dbDir: string;
  /** Classpath for `java -cp` (the launcher's jar + target/lib/*). */
  classpath: string;
  /** Main class of the launcher. */
  mainClass: string;
  /** True when Maven actually ran in this call. */
  ranMaven: boolean;
  /** Wall time of this call in ms. */
  ms: number;
}

export class Neo4jSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Neo4jSetupError";
  }
}

export const MAIN_CLASS = "kg.Neo4jLauncher";

/** Checks `java -version`; throws a Neo4jSetupError naming what to install. */
export function checkJava(java = "java"): number {
  const r = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new Neo4jSetupError(
      `db: Java ${MIN_JAVA}+ not found on PATH (tried '${java}') — install OpenJDK 17 ` +
        `(apt-get install openjdk-17-jdk-headless) ${HINT_EXISTING}`,
    );
  }
  const out = `${r.stderr ?? ""}${r.stdout ?? ""}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  let major = m ? Number(m[1]) : NaN;
  if (major === 1 && m?.[2]) major = Number(m[2]); // "1.8.0_x" => 8
  if (!Number.isFinite(major) || major < MIN_JAVA) {
    const first = out.split("\n")[0]?.trim() ?? "";
    throw new Neo4jSetupError(
      `db: Java ${MIN_JAVA}+ required but '${java}' is ${first || "unknown version"} — install OpenJDK 17 ` +
        `(apt-get install openjdk-17-jdk-headless) and put it first on PATH, ${HINT_EXISTING}`,
    );
  }
  return major;
}

function checkMaven(mvn: string): void {
  const r = spawnSync(mvn, ["-v"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new Neo4jSetupError(
      `db: Maven not found on PATH (tried '${mvn}') — install Maven 3.6+ (apt-get install maven) ` +
        `${HINT_EXISTING}`,
    );
  }
}

/**
 * The launcher's jar (Maven's `package` names it after pom.xml's artifactId and version),
 * or undefined before a build.
 */
export function launcherJarFor(dbDir: string): string | undefined {
  const target = path.join(dbDir, "target");
  let names: string[];
  try {
    names = fs.readdirSync(target);
  } catch {
    return undefined;
  }
  const jar = names.find((f) => /^neo4j-launcher-.*\.jar$/.test(f));
  return jar === undefined ? undefined : path.join(target, jar);
}

/**
 * The launcher's jar, then every Neo4j jar. The jar rather than target/classes: a JVM
 * maps a class-data archive (class-archive.ts) only when no folder on the class path
 * holds classes.
 */
export function classpathFor(dbDir: string): string {
  const target = path.join(dbDir, "target");
  const launcher = launcherJarFor(dbDir) ?? path.join(target, "classes");
  return [launcher, path.join(target, "lib", "*")].join(path.delimiter);
}

/** Hash of everything the build depends on: pom.xml and the Java sources. */
export function installHash(dbDir: string): string {
  const h = createHash("sha256");
  const files = [path.join(dbDir, "pom.xml"), ...listFiles(path.join(dbDir, "src"))].sort();
  for (const f of files) {
    h.update(path.relative(dbDir, f));
    h.update("\0");
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function stampPath(dbDir: string): string {
  return path.join(dbDir, "target", ".neo4j-install.stamp");
}

/** True when db/target holds a build matching the current pom.xml + sources. */
export function isInstalled(dbDir: string = DB_DIR): boolean {
  try {
    const stamp = fs.readFileSync(stampPath(dbDir), "utf8").trim();
    return (
      stamp === installHash(dbDir) &&
      fs.existsSync(`${path.join(dbDir, "target", "classes", ...MAIN_CLASS.split("."))}.class`) &&
      launcherJarFor(dbDir) !== undefined &&
      fs.readdirSync(path.join(dbDir, "target", "lib")).some((f) => f.startsWith("neo4j-kernel-"))
    );
  } catch {
    return false;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Cross-process lock so concurrent starts (dev + tests) don't run Maven twice at once. */
async function withLock<T>(dbDir: string, fn: () => Promise<T>): Promise<T> {
  const target = path.join(dbDir, "target");
  fs.mkdirSync(target, { recursive: true });
  const lock = path.join(target, ".neo4j-install.lock");
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(fs.readFileSync(lock, "utf8").trim());
      if (!holder || !pidAlive(holder)) {
        fs.rmSync(lock, { force: true }); // stale
        continue;
      }
      if (Date.now() > deadline)
        throw new Neo4jSetupError(`db: timed out waiting for install lock ${lock} (pid ${holder})`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function runMaven(mvn: string, dbDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ["-q", "-B", "-f", path.join(dbDir, "pom.xml"), "package"];
    const child = spawn(mvn, args, { cwd: dbDir, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => reject(new Neo4jSetupError(`db: failed to run '${mvn}': ${e.message}`)));
    child.on("exit", (code) => {
      if (code === 0) return resolve();
      const tail = out.trim().split("\n").slice(-30).join("\n");
      if (/No compiler is provided/i.test(out)) {
        return reject(
          new Neo4jSetupError(
            "db: Maven found only a Java runtime, not a JDK — install OpenJDK 17 JDK " +
              `(apt-get install openjdk-17-jdk-headless) ${HINT_EXISTING}`,
          ),
        );
      }
      reject(new Neo4jSetupError(`db: Maven build failed (exit ${code}): mvn ${args.join(" ")}\n${tail}`));
    });
  });
}

/**
 * Ensures db/target contains the compiled launcher and all Neo4j jars.
 * Fast no-op when the stamp matches; otherwise runs Maven (needs java 17+ and mvn).
 */
export async function ensureNeo4jInstalled(opts: InstallOptions = {}): Promise<InstallResult> {
  const t0 = Date.now();
  const dbDir = path.resolve(opts.dbDir ?? DB_DIR);
  const java = opts.java ?? "java";
  const mvn = opts.mvn ?? "mvn";
  const log = opts.log ?? ((m: string) => console.error(m));
  const javaVersion = checkJava(java);
  const result = (ranMaven: boolean): InstallResult => ({
    java,
    javaVersion,
    dbDir,
    classpath: classpathFor(dbDir),
    mainClass: MAIN_CLASS,
    ranMaven,
    ms: Date.now() - t0,
  });
  if (!opts.force && isInstalled(dbDir)) return result(false);

  return withLock(dbDir, async () => {
    if (!opts.force && isInstalled(dbDir)) return result(false); // another process did it
    checkMaven(mvn);
    log("db: building Neo4j launcher with Maven (first run downloads ~125 MB of jars)…");
    const target = path.join(dbDir, "target");
    // Drop stale outputs so an old Neo4j version's jars never mix into the classpath.
    fs.rmSync(path.join(target, "lib"), { recursive: true, force: true });
    fs.rmSync(path.join(target, "classes"), { recursive: true, force: true });
    // Class-data archives hold classes of the jars they were made from.
    fs.rmSync(path.join(target, CLASS_ARCHIVE_DIR), { recursive: true, force: true });
    fs.rmSync(stampPath(dbDir), { force: true });
    await runMaven(mvn, dbDir);
    fs.writeFileSync(stampPath(dbDir), `${installHash(dbDir)}\n`);
    if (!isInstalled(dbDir)) throw new Neo4jSetupError(`db: Maven succeeded but ${target} is incomplete`);
    const r = result(true);
    log(`db: Neo4j launcher installed in ${(r.ms / 1000).toFixed(1)} s`);
    return r;
  });
}

// `tsx db/install.ts [--force]`
if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  ensureNeo4jInstalled({ force: process.argv.includes("--force") }).then(
    (r) => {
      console.log(r.ranMaven ? `db: installed (${(r.ms / 1000).toFixed(1)} s)` : "db: already installed");
    },
    (e: unknown) => {
      console.error(e instanceof Neo4jSetupError ? e.message : e);
      process.exit(1);
    },
  );
}
