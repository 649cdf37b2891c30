/**
 * The real server for browser tests: the API on the test Neo4j and the front end
 * already built in web/dist (run `npm run build` first; this builds nothing).
 */
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import { createApp } from "../../web/server/app.ts";
import { openTestDatabase } from "./db.ts";

export const DIST_DIR = "web/dist";

export interface TestServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(path.join(DIST_DIR, "index.html"))) {
    throw new Error("tests/support/server: web/dist/index.html is missing; run `npm run build` first.");
  }
  const db = openTestDatabase();
  // The browser tests rewrite the graph behind the server's back between pages (clear,
  // seed again); the read cache has its own tests (tests/integration/read-cache.test.ts).
  // The kept overview goes beside the local Neo4j's data: a folder of this server's own,
  // so no answer kept by another run (or the developer's database) is served or extended.
  const config = {
    ...parseConfig(process.env),
    READ_CACHE_MB: 0,
    NEO4J_DATA_DIR: await mkdtemp(path.join(tmpdir(), "kg-test-server-")),
  };
  const app = await createApp({ db, config, distDir: DIST_DIR });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("tests/support/server: no TCP address.");
  return {
    url: `http://127.0.0.1:${address.port}`,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
