/**
 * The bulk importer against a real local Neo4j of its own (the import stops and starts
 * the server, so the shared test server cannot be used): it stores the same graph as the
 * Cypher statements (every node, relationship, property and property type; one checksum),
 * loading again changes nothing, and an ingest killed with SIGKILL at any step of a bulk
 * load leaves a database that the next ingest turns into the clean graph.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type ExtractionResult, parseConfig } from "@kg/graph-schema";
import { clearGraphStatements, graphDumpQuery } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localBulkServer } from "../../db/connect.ts";
import { LOCAL_USER, readLocalPassword } from "../../db/local-auth.ts";
import { stopNeo4j } from "../../db/neo4j-server.ts";
import { bulkLoad } from "../../ingest/src/load/bulk-load.ts";
import { loadExtraction } from "../../ingest/src/load/load-extraction.ts";
import { extractDocuments, readDocuments } from "../../ingest/src/pipeline.ts";
import { freePort } from "../support/free-port.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEEDS = path.resolve(ROOT, "../shared/corpus/seeds");
const NOW = new Date("2026-01-02T03:04:05.000Z");
const FIXTURE_DIR = path.resolve(ROOT, ".data", "bulk-fixture");
const TRICKY_FILE = path.join(FIXTURE_DIR, "tricky.jsonl");

/** Values CSV must carry exactly: quotes, commas, semicolons, non-ASCII, a backslash. */
const TRICKY = [
  JSON.stringify({
    title: 'Quoting "Tricky-7B": commas, semicolons; and a back\\slash',
    abstract:
      'We introduce Tricky-7B, fine-tuned from Qwen2.5-7B-Instruct on "QuoteSet-1K"; it uses LoRA.\nTricky-7B is evaluated on MedQA, COCO and Ünïcode-Bench.',
    arxivId: "2601.00001",
    authors: ["Zoë Müller", "Li, Wei"],
    date: "2026-01-01",
  }),
].join("\n");

type Dump = Array<{ kind: string; id: string; properties: Record<string, unknown>; types: string[] }>;

/** Properties and their types in name order (a store keeps them in no particular order). */
function sorted(dump: Dump): Dump {
  return dump.map((r) => ({
    ...r,
    properties: Object.fromEntries(Object.entries(r.properties).sort(([a], [b]) => (a < b ? -1 : 1))),
    types: [...r.types].sort(),
  }));
}

function checksum(dump: Dump): string {
  return createHash("sha256")
    .update(JSON.stringify(sorted(dump)))
    .digest("hex");
}

/** The dump without the time of the ingest (two CLI runs record different times). */
function withoutTimes(dump: Dump): Dump {
  return dump.map((r) => {
    const { ingestedAt: _t, ...properties } = r.properties;
    return { ...r, properties };
  });
}

function runCli(args: string[], env: Record<string, string>): ChildProcess {
  // The `kg` command as users run it (the built CLI when current, else the sources).
  return spawn(process.execPath, [path.join(ROOT, "ingest/bin/kg.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function waitFor(test: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("bulk import", () => {
  const dataDirs: string[] = [];
  let result: ExtractionResult;
  let bulkDump: Dump;
  /** The tricky paper's abstract as read (the CLI's ingests store it so, without the break). */
  let trickyAbstract = "";
  let db: Database | undefined;

  beforeAll(async () => {
    mkdirSync(FIXTURE_DIR, { recursive: true });
    writeFileSync(TRICKY_FILE, TRICKY);
    const { documents } = await readDocuments([SEEDS, TRICKY_FILE]);
    result = extractDocuments(documents);
    // Segmentation joins the lines it reads; a stored value may still hold a line break,
    // and the importer reads the rows that do from a multiline file of their own.
    const tricky = result.papers.find((p) => p.arxivId === "2601.00001");
    if (!tricky) throw new Error("fixture: the tricky paper was not read");
    trickyAbstract = tricky.abstract;
    tricky.abstract = tricky.abstract.replace("it uses LoRA. ", "it uses LoRA.\n");
  });
  afterAll(async () => {
    await db?.close();
    rmSync(FIXTURE_DIR, { recursive: true, force: true });
    for (const dir of dataDirs) {
      await stopNeo4j({ dataDir: dir });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  async function newServer() {
    const port = await freePort();
    const dataDir = path.resolve(ROOT, ".data", "neo4j-test-bulk", String(port));
    rmSync(dataDir, { recursive: true, force: true });
    dataDirs.push(dataDir);
    const env = { NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: "512m" };
    const server = localBulkServer(parseConfig(env));
    if (!server) throw new Error("no local server");
    return { server, env, dataDir };
  }

  it("stores the same graph as the Cypher statements, and loading again changes nothing", async () => {
    const { server } = await newServer();
    expect(server.storeIsNew()).toBe(true);
    const loaded = await bulkLoad(server, result, { now: NOW });
    db = loaded.db;
    bulkDump = await db.run(graphDumpQuery, {});
    expect(server.storeIsNew()).toBe(false);

    await db.runStatements(clearGraphStatements);
    await loadExtraction(db, result, { now: NOW });
    const cypherDump = await db.run(graphDumpQuery, {});

    const nodes = bulkDump.filter((r) => r.kind === "node").length;
    expect(nodes).toBe(result.sources.length + result.papers.length + result.nodes.length);
    const fromSource = result.papers.reduce((n, p) => n + new Set(p.sourceIds).size, 0);
    expect(bulkDump.length - nodes).toBe(result.edges.length + fromSource);
    // The tricky values came through whole.
    const tricky = bulkDump.find((r) => r.id === "Paper:arxiv:2601.00001");
    expect(tricky?.properties.title).toBe('Quoting "Tricky-7B": commas, semicolons; and a back\\slash');
    expect(String(tricky?.properties.abstract)).toContain('on "QuoteSet-1K"; it uses LoRA.\nTricky-7B');

    expect(sorted(cypherDump)).toEqual(sorted(bulkDump));
    expect(checksum(cypherDump)).toBe(checksum(bulkDump));

    await loadExtraction(db, result, { now: new Date() });
    expect(checksum(await db.run(graphDumpQuery, {}))).toBe(checksum(bulkDump));
    // An import, a server start and index population: minutes on a busy shared machine.
  }, 600_000);

  it("gives the clean graph on the next ingest after a kill -9 during the import or the indexing", async () => {
    const { env, dataDir } = await newServer();
    const marker = path.join(dataDir, "bulk-import.incomplete");
    const importing = () => existsSync(marker) && existsSync(path.join(dataDir, "import.log"));
    const indexing = () => existsSync(marker) && existsSync(path.join(dataDir, "neo4j.pid"));
    for (const moment of [importing, indexing]) {
      const child = runCli(["ingest", "--bulk", SEEDS, TRICKY_FILE], env);
      await waitFor(moment, 120_000);
      child.kill("SIGKILL");
      await exitOf(child);
      expect(existsSync(marker)).toBe(true);
      // The importer halts when its parent's pipe closes; give it a moment.
      await new Promise((r) => setTimeout(r, 1500));
      const rerun = runCli(["ingest", SEEDS, TRICKY_FILE, "--json"], env);
      let out = "";
      rerun.stdout?.on("data", (chunk) => {
        out += String(chunk);
      });
      expect(await exitOf(rerun)).toBe(0);
      expect(JSON.parse(out).mode).toBe("bulk");
      expect(existsSync(marker)).toBe(false);

      const { openDatabase } = await import("@kg/queries/run");
      const check = openDatabase({
        uri: `bolt://127.0.0.1:${env.NEO4J_PORT}`,
        user: LOCAL_USER,
        password: readLocalPassword(dataDir) ?? "",
        database: "neo4j",
      });
      try {
        // The graph of the uninterrupted loads above, whole.
        const dump = await check.run(graphDumpQuery, {});
        const asRead = bulkDump.map((r) =>
          r.id === "Paper:arxiv:2601.00001"
            ? { ...r, properties: { ...r.properties, abstract: trickyAbstract } }
            : r,
        );
        expect(sorted(withoutTimes(dump))).toEqual(sorted(withoutTimes(asRead)));
      } finally {
        await check.close();
      }
      // The next round starts from an empty database again.
      await stopNeo4j({ dataDir });
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
