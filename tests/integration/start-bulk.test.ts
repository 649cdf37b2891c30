/**
 * `npm start` on a new local store loads the corpus the way `kg ingest` does, through
 * Neo4j's bulk importer (it loaded the 9,896 real papers with Cypher statements, several
 * times slower), and the server it starts on the imported store is its own: it stops
 * with the web server. A store that exists is left to the usual path.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseConfig } from "@kg/graph-schema";
import { countAllQuery } from "@kg/queries";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../../db/connect.ts";
import { pidFileFor, stopNeo4j } from "../../db/neo4j-server.ts";
import { bulkIngestIntoNew } from "../../web/server/start.ts";
import { freePort } from "../support/free-port.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEEDS = path.resolve(ROOT, "../shared/corpus/seeds");

describe("npm start on a new local store", () => {
  let dataDir = "";
  afterAll(async () => {
    if (!dataDir) return;
    await stopNeo4j({ dataDir });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("bulk-loads the corpus, owns the server it started, and leaves an existing store alone", async () => {
    const port = await freePort();
    dataDir = path.resolve(ROOT, ".data", "neo4j-test-start-bulk", String(port));
    rmSync(dataDir, { recursive: true, force: true });
    const config = parseConfig({ NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: "512m" });
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);

    expect(await bulkIngestIntoNew(config, [SEEDS], log)).toBe(true);
    expect(lines.join("\n")).toMatch(/ingest: ingested \d+ document\(s\): \d+ papers.*\(bulk;/);
    // The server runs on the imported store, attached to this process.
    expect(existsSync(pidFileFor(dataDir))).toBe(true);

    const connection = await connectDatabase(config, { mode: "attached", log });
    try {
      expect(connection.ownsServer).toBe(true);
      const [counts] = await connection.db.run(countAllQuery, {});
      expect(counts?.nodes).toBeGreaterThan(50);
      // The store exists now: nothing more to do in bulk.
      expect(await bulkIngestIntoNew(config, [SEEDS], log)).toBe(false);
    } finally {
      await connection.close();
    }
    // Owned: closing the connection stopped the server.
    expect(existsSync(pidFileFor(dataDir))).toBe(false);
    expect((await stopNeo4j({ dataDir })).stopped).toBe(false);
  }, 300_000);
});
