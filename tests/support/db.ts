/**
 * Test access to the real Neo4j started by the global setup. Tests share one server
 * and run files one at a time, so each test file may clear the graph it needs.
 */
import { type ExtractionResult, parseConfig } from "@kg/graph-schema";
import { clearGraphStatements } from "@kg/queries";
import { type Database, type DatabaseOptions, openDatabase } from "@kg/queries/run";
import { inject } from "vitest";
import { applySchema, loadExtraction } from "../../ingest/src/load/load-extraction.ts";

export function testDatabaseOptions(): DatabaseOptions {
  const config = parseConfig(process.env);
  return {
    uri: inject("neo4jUri"),
    user: config.NEO4J_USER,
    password: inject("neo4jPassword"),
    database: config.NEO4J_DATABASE,
  };
}

export function openTestDatabase(): Database {
  return openDatabase(testDatabaseOptions());
}

export async function clearGraph(db: Database): Promise<void> {
  await db.runStatements(clearGraphStatements);
}

/** Empties the test database and loads `extraction` through the real loader, indexes online. */
export async function loadGraph(db: Database, extraction: ExtractionResult, now: string): Promise<void> {
  await clearGraph(db);
  await applySchema(db);
  await loadExtraction(db, extraction, { now: new Date(now) });
  await db.runStatements(["CALL db.awaitIndexes(120)"]);
}
