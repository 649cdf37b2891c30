/**
 * Before it listens, the server asks its own search, lineage and card endpoints about
 * real nodes (warm-paths.ts), so the first callers after a start meet warm code and open
 * connections. Every warm-up request must get through (token and all), and no warm-up
 * answer may stay in the read cache.
 */
import { parseConfig } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, readCacheFor } from "../../web/server/app.ts";
import { warmRequestPaths, warmUpUrls } from "../../web/server/warm-paths.ts";
import { openTestDatabase } from "../support/db.ts";
import { loadFixture } from "./queries-fixture.ts";

let db: Database;

beforeAll(async () => {
  db = openTestDatabase();
  await loadFixture(db);
});
afterAll(async () => {
  await db?.close();
});

describe("warming the request paths", () => {
  it("lists lineages of models, cards and searches, interleaved, as many of each as asked", () => {
    const urls = warmUpUrls(
      [
        { label: "Model", key: "gpt-4", name: "GPT-4 Turbo Preview" },
        { label: "Paper", key: "arxiv:1", name: "A paper" },
      ],
      3,
    );
    expect(urls.slice(0, 3)).toEqual([
      "/api/nodes/Model%3Agpt-4/lineage",
      "/api/nodes/Model%3Agpt-4/card",
      "/api/search?q=GPT-4%20Turbo",
    ]);
    expect(urls.filter((u) => u.endsWith("/lineage"))).toHaveLength(3);
    expect(urls.filter((u) => u.endsWith("/card"))).toHaveLength(3);
    expect(urls.filter((u) => u.startsWith("/api/search"))).toHaveLength(3);
  });

  it("sends every warm-up request through the real routes, token included, and leaves the cache empty", async () => {
    const config = parseConfig({ KG_TOKEN: "warm-test-token-0123456789" });
    const readCache = readCacheFor(db, config);
    const app = await createApp({ db, config, readCache });
    const statuses = new Map<string, number[]>();
    app.addHook("onResponse", async (request, reply) => {
      const route = request.routeOptions.url ?? request.url;
      statuses.set(route, [...(statuses.get(route) ?? []), reply.statusCode]);
    });
    try {
      const summary = await warmRequestPaths(app, db, config, readCache, {
        perEndpoint: 12,
        concurrency: 4,
        // A test database just started plans each first query; on a loaded machine that is slow.
        maxMs: 600_000,
      });
      expect(summary).toMatchObject({ requests: 36, failed: 0 });
      for (const route of ["/api/search", "/api/nodes/:id/lineage", "/api/nodes/:id/card"]) {
        const got = statuses.get(route) ?? [];
        expect(got, route).toHaveLength(12);
        // Real nodes: every card and lineage is found; never refused (401) or failed (5xx).
        expect(
          got.filter((status) => status !== 200),
          route,
        ).toEqual([]);
      }
      expect(readCache.stats()).toMatchObject({ entries: 0, bytes: 0 });
      expect(readCache.stats().misses).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
