/**
 * Starts the real Neo4j the integration and browser tests run against: a throwaway
 * instance on its own port and data folder, so tests never touch the developer's
 * data. With NEO4J_URI set, tests use that server instead and start nothing.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startNeo4j } from "../../db/neo4j-server.ts";

const TEST_PORT = Number(process.env.KG_TEST_NEO4J_PORT ?? 7688);
const TEST_DATA_DIR = path.resolve(".data/neo4j-test");

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.NEO4J_URI;
  if (external) {
    project.provide("neo4jUri", external);
    return async () => {};
  }
  await rm(TEST_DATA_DIR, { recursive: true, force: true });
  const started = Date.now();
  const handle = await startNeo4j({
    port: TEST_PORT,
    dataDir: TEST_DATA_DIR,
    detached: false,
    heap: "1g",
    log: (message) => console.log(`[neo4j-test] ${message}`),
  });
  console.log(`[neo4j-test] bolt ready at ${handle.boltUri} in ${Date.now() - started} ms`);
  project.provide("neo4jUri", handle.boltUri);
  return async () => {
    await handle.stop();
  };
}
