/**
 * Regressions from an attack run on the HTTP API: hostile console queries, exposure
 * (host, origin, token, headers) and imports (caps, queue, binary text, Neo4j down).
 * Each of these was accepted, hung or leaked before.
 */
import { IngestJobSchema, parseConfig } from "@kg/graph-schema";
import { type Database, openDatabase } from "@kg/queries/run";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../web/server/app.ts";
import { assertSafeBinding } from "../../web/server/security.ts";
import { openTestDatabase } from "../support/db.ts";
import { loadFixture } from "./queries-fixture.ts";

let db: Database;
let app: FastifyInstance;
const config = parseConfig({});
const NESTED = `RETURN ${"(".repeat(1500)}1${")".repeat(1500)}`;
const PAPER = (name: string) =>
  `${name}: A Small Model\nAbstract: We introduce ${name}, a language model fine-tuned from Qwen2.5-7B on MedQA.\n`;

beforeAll(async () => {
  db = openTestDatabase();
  await loadFixture(db);
  app = await createApp({ db, config });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const post = (target: FastifyInstance, url: string, payload: object, headers: Record<string, string> = {}) =>
  target.inject({ method: "POST", url, payload, headers });

describe("the console over HTTP", () => {
  it("answers the nested-parentheses query with a 4xx within 2 s, and search answers while 50 run", async () => {
    const started = Date.now();
    const one = await post(app, "/api/cypher", { query: NESTED });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(one.statusCode).toBe(400);
    expect(one.json().error).toMatch(/nests brackets/);
    const [search, ...nested] = await Promise.all([
      app.inject({ method: "GET", url: "/api/search?q=qwen" }),
      ...Array.from({ length: 50 }, () => post(app, "/api/cypher", { query: NESTED })),
    ]);
    expect(nested.every((r) => r.statusCode === 400)).toBe(true);
    expect(search?.statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/search?q=llava" })).statusCode).toBe(200);
  });

  it("answers 503 JSON, not 500, when every console connection is busy", async () => {
    const slow = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7919 = -1 RETURN count(x)";
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(app, "/api/cypher", { query: slow, timeoutMs: 1_500 })),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses).toContain(503);
    expect(statuses.every((s) => s === 503 || s === 408)).toBe(true);
    expect(answers.find((r) => r.statusCode === 503)?.json()).toMatchObject({ code: "Console.Busy" });
  });
});

describe("exposure", () => {
  it("refuses a non-loopback HOST without a token", () => {
    expect(() => assertSafeBinding(parseConfig({ HOST: "0.0.0.0" }))).toThrow(/KG_TOKEN/);
    expect(() => assertSafeBinding(parseConfig({ HOST: "127.0.0.1" }))).not.toThrow();
    expect(() =>
      assertSafeBinding(parseConfig({ HOST: "0.0.0.0", KG_TOKEN: "0123456789abcdef0123" })),
    ).not.toThrow();
  });

  it("sends CSP, nosniff, frame and referrer headers on every answer", async () => {
    for (const url of ["/api/stats", "/api/nodes/Model:nope/card", "/api/docs"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.headers["content-security-policy"], url).toMatch(/default-src 'self'/);
      expect(response.headers["content-security-policy"], url).toMatch(/frame-ancestors 'none'/);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["x-frame-options"]).toBe("DENY");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("answers only to its own host names (DNS rebinding) and refuses cross-site POSTs", async () => {
    const rebound = await app.inject({
      method: "GET",
      url: "/api/stats",
      headers: { host: "evil.example:5173" },
    });
    expect(rebound.statusCode).toBe(421);
    for (const host of ["127.0.0.1:5173", "localhost", "[::1]:80"]) {
      expect((await app.inject({ method: "GET", url: "/api/health", headers: { host } })).statusCode).toBe(
        200,
      );
    }
    const crossSite = await post(
      app,
      "/api/cypher",
      { query: "RETURN 1" },
      { origin: "https://evil.example" },
    );
    expect(crossSite.statusCode).toBe(403);
    const sameSite = await post(
      app,
      "/api/cypher",
      { query: "RETURN 1" },
      { origin: "http://localhost:5173" },
    );
    expect(sameSite.statusCode).toBe(200);
    const allowed = await createApp({ db, config: parseConfig({ KG_ALLOWED_HOSTS: "lab.example" }) });
    try {
      const named = await allowed.inject({
        method: "GET",
        url: "/api/health",
        headers: { host: "lab.example:80" },
      });
      expect(named.statusCode).toBe(200);
    } finally {
      await allowed.close();
    }
  });

  it("with KG_TOKEN, needs the token for the page, the console and import, by header or cookie", async () => {
    const token = "0123456789abcdef0123456789abcdef";
    const guarded = await createApp({ db, config: parseConfig({ KG_TOKEN: token }) });
    try {
      expect((await guarded.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
      expect((await post(guarded, "/api/cypher", { query: "RETURN 1" })).statusCode).toBe(401);
      expect(
        (await post(guarded, "/api/ingest", { files: [{ name: "a.txt", text: PAPER("X") }] })).statusCode,
      ).toBe(401);
      expect((await guarded.inject({ method: "GET", url: "/" })).statusCode).toBe(401);
      expect((await guarded.inject({ method: "GET", url: "/api/stats" })).statusCode).toBe(401);
      const wrong = await post(
        guarded,
        "/api/cypher",
        { query: "RETURN 1" },
        { authorization: "Bearer nope" },
      );
      expect(wrong.statusCode).toBe(401);
      const right = await post(
        guarded,
        "/api/cypher",
        { query: "RETURN 1" },
        { authorization: `Bearer ${token}` },
      );
      expect(right.statusCode).toBe(200);
      // The page: ?token= once sets an HttpOnly cookie and drops the token from the address.
      const opened = await guarded.inject({ method: "GET", url: `/model/x?token=${token}&q=a` });
      expect(opened.statusCode).toBe(303);
      expect(opened.headers.location).toBe("/model/x?q=a");
      const cookie = String(opened.headers["set-cookie"]);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const withCookie = await guarded.inject({
        method: "GET",
        url: "/api/stats",
        headers: { cookie: cookie.split(";")[0] as string },
      });
      expect(withCookie.statusCode).toBe(200);
      expect((await guarded.inject({ method: "GET", url: "/?token=wrong" })).statusCode).toBe(401);
    } finally {
      await guarded.close();
    }
  });
});

describe("imports", () => {
  const submit = (target: FastifyInstance, files: { name: string; text: string }[]) =>
    post(target, "/api/ingest", { files });

  it("refuses documents, requests and abstracts over their caps with a 413 naming the cap", async () => {
    const small = await createApp({
      db,
      config: parseConfig({
        IMPORT_MAX_DOCUMENT_BYTES: "20000",
        IMPORT_MAX_REQUEST_BYTES: "30000",
        IMPORT_MAX_ABSTRACT_CHARS: "2000",
      }),
    });
    try {
      const big = await submit(small, [{ name: "big.txt", text: "word ".repeat(5_000) }]);
      expect(big.statusCode).toBe(413);
      expect(big.json().error).toMatch(/big\.txt .*IMPORT_MAX_DOCUMENT_BYTES/);
      const many = await submit(
        small,
        [1, 2].map((i) => ({ name: `part${i}.txt`, text: "word ".repeat(3_500) })),
      );
      expect(many.statusCode).toBe(413);
      expect(many.json().error).toMatch(/IMPORT_MAX_REQUEST_BYTES/);
      const longAbstract = await submit(small, [
        {
          name: "long.txt",
          text: `Long One\nAbstract: We introduce LongNet. ${"It reads text. ".repeat(300)}\n`,
        },
      ]);
      expect(longAbstract.statusCode).toBe(413);
      expect(longAbstract.json().error).toMatch(/long\.txt: line \d+: .*IMPORT_MAX_ABSTRACT_CHARS/);
      // A body past Fastify's own limit is a 413 that names the cap too.
      const huge = await submit(small, [{ name: "huge.txt", text: "x".repeat(1_200_000) }]);
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error).toMatch(/IMPORT_MAX_REQUEST_BYTES/);
    } finally {
      await small.close();
    }
  });

  it("refuses pasted binary and invalid UTF-8 as it refuses such files", async () => {
    const nul = await submit(app, [{ name: "nul.txt", text: `${PAPER("NulNet")}\u0000\u0001` }]);
    expect(nul.statusCode).toBe(415);
    expect(nul.json().error).toMatch(/nul\.txt: binary content/);
    // Invalid UTF-8 bytes in the JSON body arrive as U+FFFD.
    const bad = await app.inject({
      method: "POST",
      url: "/api/ingest",
      headers: { "content-type": "application/json" },
      payload: Buffer.concat([
        Buffer.from('{"files":[{"name":"bad.txt","text":"Abstract: We introduce BadNet '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('."}]}'),
      ]),
    });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error).toMatch(/bad\.txt: not valid UTF-8/);
    const lone = await submit(app, [{ name: "lone.txt", text: `${PAPER("LoneNet")}\ud800` }]);
    expect(lone.statusCode).toBe(415);
  });

  it("bounds the job queue with 429 and runs the extraction off the event loop", async () => {
    const queued = await createApp({ db, config: parseConfig({ IMPORT_MAX_QUEUED_JOBS: "1" }) });
    try {
      const text = Array.from({ length: 400 }, (_, i) => PAPER(`QueueNet-${i}`)).join("\n");
      const first = await submit(queued, [{ name: "q1.txt", text }]);
      expect(first.statusCode).toBe(200);
      const second = await submit(queued, [{ name: "q2.txt", text: PAPER("Second") }]);
      expect(second.statusCode).toBe(429);
      expect(second.headers["retry-after"]).toBeDefined();
      expect(second.json().error).toMatch(/IMPORT_MAX_QUEUED_JOBS/);
      // While the job runs, health answers promptly.
      const t0 = Date.now();
      expect((await queued.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
      expect(Date.now() - t0).toBeLessThan(1_000);
      const id = IngestJobSchema.parse(first.json()).id;
      let state = "queued";
      for (let i = 0; i < 300 && state !== "done" && state !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        state = (await queued.inject({ method: "GET", url: `/api/ingest/${id}` })).json().state;
      }
      expect(state).toBe("done");
      expect((await submit(queued, [{ name: "q3.txt", text: PAPER("Third") }])).statusCode).toBe(200);
    } finally {
      await queued.close();
    }
  });

  it("answers 503 while Neo4j cannot be reached, and accepts nothing", async () => {
    const down = openDatabase({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "x", database: "neo4j" });
    const offline = await createApp({ db: down, config });
    try {
      const response = await submit(offline, [{ name: "a.txt", text: PAPER("DownNet") }]);
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatch(/Neo4j cannot be reached/);
    } finally {
      await offline.close();
      await down.close();
    }
  });
});
