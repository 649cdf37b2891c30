/**
 * The read cache in the real server: a repeated read is answered from it, and a write
 * to the graph is seen at once when it came through the server's import, and within
 * the version check when another process wrote (counts changed).
 */
import { parseConfig } from "@kg/graph-schema";
import { applySchema, loadExtraction } from "@kg/ingest";
import { countAllQuery } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../web/server/app.ts";
import { createReadCache, type ReadCache } from "../../web/server/read-cache.ts";
import { openTestDatabase } from "../support/db.ts";
import { fixturePaper } from "../support/extraction-builders.ts";
import { loadFixture } from "./queries-fixture.ts";

let db: Database;
let app: FastifyInstance;
let cache: ReadCache;

beforeAll(async () => {
  db = openTestDatabase();
  await loadFixture(db);
  await applySchema(db);
  cache = createReadCache({
    maxBytes: 8 * 1024 * 1024,
    ttlMs: 600_000,
    checkEveryMs: 0,
    version: async () => {
      const [row] = await db.run(countAllQuery, {});
      return `${row?.nodes}/${row?.relationships}`;
    },
  });
  app = await createApp({ db, config: parseConfig({}), readCache: cache });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const searchNames = async (q: string): Promise<string[]> => {
  const response = await app.inject({ method: "GET", url: `/api/search?q=${encodeURIComponent(q)}` });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toMatch(/application\/json/);
  return (response.json() as { hits: { name: string }[] }).hits.map((h) => h.name);
};

describe("read cache", () => {
  it("answers a repeated read from the cache, the same JSON as the first", async () => {
    const first = await app.inject({ method: "GET", url: "/api/search?q=qwen" });
    const before = cache.stats();
    const second = await app.inject({ method: "GET", url: "/api/search?q=qwen" });
    expect(second.body).toBe(first.body);
    expect(cache.stats().hits).toBe(before.hits + 1);
    expect(cache.stats().misses).toBe(before.misses);
  });

  it("sees an import through the server at once", async () => {
    expect(await searchNames("CacheProbeNet")).toEqual([]);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/ingest",
      payload: {
        files: [
          {
            name: "probe.txt",
            text: "CacheProbeNet: A Small Model\nAbstract: We introduce CacheProbeNet, a language model fine-tuned from Qwen2.5-7B on MedQA.\n",
          },
        ],
      },
    });
    expect(submitted.statusCode).toBe(200);
    const id = (submitted.json() as { id: string }).id;
    let state = "";
    for (let i = 0; i < 300 && state !== "done" && state !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = (await app.inject({ method: "GET", url: `/api/ingest/${id}` })).json().state;
    }
    expect(state).toBe("done");
    expect(await searchNames("CacheProbeNet")).toContain("CacheProbeNet");
  });

  it("sees another process's write once the counts change", async () => {
    expect(await searchNames("OutsideWriterNet")).toEqual([]);
    const paper = fixturePaper(
      "arxiv:2601.99999",
      "OutsideWriterNet: written by another process",
      "We introduce OutsideWriterNet.",
      "3".repeat(64),
      [],
      "2026-01-01",
    );
    await loadExtraction(db, {
      sources: [{ id: "3".repeat(64), path: "outside.txt", kind: "paper-feed", bytes: 10, ingestedAt: null }],
      papers: [paper],
      nodes: [],
      edges: [],
      warnings: [],
    });
    expect((await searchNames("OutsideWriterNet")).join(" ")).toMatch(/OutsideWriterNet/);
  });
});
