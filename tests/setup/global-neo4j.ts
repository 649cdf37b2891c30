/**
 * Starts the real Neo4j the integration and browser tests run against: a throwaway
 * instance on a free port with its own data folder, so test runs never touch the
 * developer's data nor each other's. With NEO4J_URI set, tests use that server
 * instead and start nothing.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseConfig } from "@kg/graph-schema";
import type { TestProject } from "vitest/node";
import { startNeo4j } from "../../db/neo4j-server.ts";
import { freePort } from "../support/free-port.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The test server's password (auth is on, as on every local server). */
    neo4jPassword: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = parseConfig(process.env);
  if (config.NEO4J_URI) {
    project.provide("neo4jUri", config.NEO4J_URI);
    project.provide("neo4jPassword", config.NEO4J_PASSWORD);
    return async () => {};
  }
  const port = await freePort();
  const dataDir = path.resolve(".data", "neo4j-test", String(port));
  await rm(dataDir, { recursive: true, force: true });
  const started = Date.now();
  const handle = await startNeo4j({
    port,
    dataDir,
    detached: false,
    heap: "1g",
    // A shared, loaded machine has taken just over the default 120 s to open Bolt.
    timeoutMs: 290_000,
    log: (message) => console.log(`[neo4j-test] ${message}`),
  });
  console.log(`[neo4j-test] bolt ready at ${handle.boltUri} in ${Date.now() - started} ms`);
  project.provide("neo4jUri", handle.boltUri);
  project.provide("neo4jPassword", handle.password);
  return async () => {
    await handle.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
