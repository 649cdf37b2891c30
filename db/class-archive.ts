/**
 * Class-data archives (AppCDS) for the two JVMs a bulk load starts, made once at install
 * from the local jars. A fresh JVM reads and verifies thousands of Neo4j classes from ~210
 * jars before it does any work: the server ~11 s of CPU to its 'bolt ready' line on a new
 * store, the importer ~7 s on an import of a few rows. Mapped from an archive made by a
 * training run, ~1/3 of that goes (measured at load 12-20: server 11.1-11.8 -> 7.4-8.0 s
 * CPU, importer 6.6-7.6 -> 4.8-5.1 s).
 *
 * Training: the importer imports a few rows into a temporary folder, the server starts on
 * that store (a new store, as after every bulk import), is given the schema and plans the
 * read queries, and stops; each JVM writes the classes it loaded as it exits.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { awaitIndexesStatements, countAllQuery, READ_QUERIES, schemaStatements } from "@kg/queries";
import { openDatabase } from "@kg/queries/run";
import {
  type ClassArchiveKind,
  classArchiveFile,
  type InstallResult,
  installHash,
  Neo4jSetupError,
} from "./install.ts";
import { LOCAL_USER } from "./local-auth.ts";
import { importDatabase } from "./neo4j-import.ts";
import { startNeo4j } from "./neo4j-server.ts";

const KINDS: readonly ClassArchiveKind[] = ["import", "server"];
const DELIMITER = "\u001f";

/** Records what the archives were made from: the build (pom.xml + sources) and the Java. */
function stampFile(dbDir: string): string {
  return path.join(path.dirname(classArchiveFile(dbDir, "server")), "stamp");
}

function stampOf(inst: InstallResult): string {
  return `${installHash(inst.dbDir)} java ${inst.javaVersion}`;
}

/** True when both archives exist and were made from this build. */
export function classArchivesCurrent(inst: InstallResult): boolean {
  try {
    return (
      fs.readFileSync(stampFile(inst.dbDir), "utf8").trim() === stampOf(inst) &&
      KINDS.every((kind) => fs.existsSync(classArchiveFile(inst.dbDir, kind)))
    );
  } catch {
    return false;
  }
}

/** A port nothing listens on now (the training server's Bolt). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A few rows in the shapes a bulk load's files have (strings, arrays, numbers, two labels). */
function writeTrainingCsv(dir: string): { nodes: string[]; relationships: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, `${lines.join("\n")}\n`);
    return f;
  };
  const papers = file("papers.csv", [
    "id:ID(Paper),title,abstract,authors:string[],bytes:long",
    ...[1, 2, 3].map((i) => `"p${i}","Title ${i}","An abstract, ${i}.","A${i}${DELIMITER}B${i}",${i}`),
  ]);
  const models = file("models.csv", [
    "key:ID(Model),name,aliases:string[]",
    ...[1, 2].map((i) => `"m${i}","M-${i}","M-${i}${DELIMITER}m ${i}"`),
  ]);
  const introduces = file("introduces.csv", [
    ":START_ID(Paper),:END_ID(Model),evidence:string[],evidenceConfidences:double[],confidence:double",
    `"p1","m1","s${DELIMITER}t",0.5${DELIMITER}0.75,0.75`,
    `"p2","m2","s",0.5,0.5`,
  ]);
  const basedOn = file("based-on.csv", [":START_ID(Model),:END_ID(Model),method", `"m2","m1",`]);
  return {
    nodes: [`Paper=${papers}`, `Model=${models}`],
    relationships: [`INTRODUCES=${introduces}`, `BASED_ON=${basedOn}`],
  };
}

/** Moves a JVM's archive into place once that JVM has exited with it written. */
function keep(written: string, kind: ClassArchiveKind, dbDir: string): void {
  if (!fs.existsSync(written) || fs.statSync(written).size === 0) {
    throw new Neo4jSetupError(`db/class-archive: the ${kind} JVM wrote no class-data archive`);
  }
  fs.renameSync(written, classArchiveFile(dbDir, kind));
}

/**
 * Makes both archives unless they are current. Never needed: a JVM without its archive
 * loads its classes from the jars, only more slowly.
 */
export async function ensureClassArchives(
  inst: InstallResult,
  options: { log?: (message: string) => void; force?: boolean; port?: number } = {},
): Promise<boolean> {
  if (!options.force && classArchivesCurrent(inst)) return false;
  const log = options.log ?? (() => {});
  const t0 = Date.now();
  const archiveDir = path.dirname(classArchiveFile(inst.dbDir, "server"));
  fs.rmSync(archiveDir, { recursive: true, force: true });
  fs.mkdirSync(archiveDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kg-class-archive-"));
  const written = (kind: ClassArchiveKind) => path.join(work, `${kind}.jsa`);
  log("db: making the class-data archives of the server and the importer…");
  try {
    const dataDir = path.join(work, "db");
    await importDatabase({
      dataDir,
      ...writeTrainingCsv(path.join(work, "csv")),
      arrayDelimiter: DELIMITER,
      multiline: [],
      recordClassArchive: written("import"),
    });
    keep(written("import"), "import", inst.dbDir);

    const handle = await startNeo4j({
      dataDir,
      port: options.port ?? (await freePort()),
      detached: false,
      recordClassArchive: written("server"),
    });
    try {
      const db = openDatabase({
        uri: handle.boltUri,
        user: LOCAL_USER,
        password: handle.password,
        database: "neo4j",
      });
      try {
        await db.runStatements(schemaStatements());
        await db.runStatements(awaitIndexesStatements(60));
        await db.run(countAllQuery, {});
        const planned = await db.plan(READ_QUERIES);
        if (planned.failed.length > 0) {
          log(`db/class-archive: ${planned.failed.length} queries did not plan (the archive is made anyway)`);
        }
      } finally {
        await db.close();
      }
    } finally {
      // The archive is written as the JVM exits; stop waits for that.
      await handle.stop();
    }
    keep(written("server"), "server", inst.dbDir);
    fs.writeFileSync(stampFile(inst.dbDir), `${stampOf(inst)}\n`);
    log(`db: class-data archives made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return true;
  } catch (error) {
    fs.rmSync(archiveDir, { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
