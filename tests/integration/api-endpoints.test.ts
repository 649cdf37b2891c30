/**
 * The HTTP API end to end (createApp + inject) against the real Neo4j on the fixture
 * graph: every endpoint's answer parses with its contract schema, errors come back as
 * ApiErrorSchema with the right status, and the OpenAPI description is served.
 */
import {
  ApiErrorSchema,
  CardResponseSchema,
  CypherResponseSchema,
  ExpandResponseSchema,
  GraphResponseSchema,
  HealthResponseSchema,
  LineageResponseSchema,
  PathResponseSchema,
  parseConfig,
  RelatedResponseSchema,
  SchemaResponseSchema,
  SearchResponseSchema,
  StatsResponseSchema,
} from "@kg/graph-schema";
import { type Database, openDatabase } from "@kg/queries/run";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { API_ROUTES } from "../../web/server/api/index.ts";
import { createApp } from "../../web/server/app.ts";
import { openTestDatabase } from "../support/db.ts";
import { loadFixture } from "./queries-fixture.ts";

let db: Database;
let app: FastifyInstance;
const config = parseConfig({});

beforeAll(async () => {
  db = openTestDatabase();
  await loadFixture(db);
  app = await createApp({ db, config });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function get<T extends z.ZodType>(url: string, schema: T): Promise<z.infer<T>> {
  const response = await app.inject({ method: "GET", url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return schema.parse(response.json());
}

async function failure(method: "GET" | "POST", url: string, status: number, payload?: unknown) {
  const response = await app.inject({ method, url, ...(payload ? { payload: payload as object } : {}) });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
  return ApiErrorSchema.parse(response.json());
}

const enc = encodeURIComponent;

describe("read endpoints", () => {
  it("GET /api/health", async () => {
    expect(await get("/api/health", HealthResponseSchema)).toEqual({ ok: true, neo4j: "up" });
  });

  it("GET /api/graph, with the same edge ids as the other endpoints", async () => {
    const graph = await get("/api/graph?limit=1000", GraphResponseSchema);
    expect(graph.nodes).toHaveLength(30);
    expect(graph.edges).toHaveLength(50);
    const expand = await get("/api/nodes/Model:innovator/expand", ExpandResponseSchema);
    const ids = new Set(graph.edges.map((e) => e.id));
    expect(expand.edges.every((e) => ids.has(e.id))).toBe(true);
  });

  it("GET /api/stats", async () => {
    const stats = await get("/api/stats", StatsResponseSchema);
    expect(stats.byLabel.find((r) => r.name === "Paper")?.count).toBe(6);
    expect(stats.topBaseModels[0]?.id).toBe("Model:qwen2-5-7b");
  });

  it("GET /api/search", async () => {
    const { hits } = await get(`/api/search?q=${enc("Qwen2.5-7B-Instruct")}&limit=3`, SearchResponseSchema);
    expect(hits).toHaveLength(3);
    expect(hits[0]?.id).toBe("Model:qwen2-5-7b-instruct");
    const datasets = await get("/api/search?q=med&label=Dataset", SearchResponseSchema);
    expect(datasets.hits.every((h) => h.label === "Dataset")).toBe(true);
    await failure("GET", "/api/search?q=", 400);
    await failure("GET", "/api/search?q=x&label=Robot", 400);
  });

  it("GET /api/nodes/:id/card", async () => {
    const card = await get(`/api/nodes/${enc("Paper:arxiv:2501.00001")}/card`, CardResponseSchema);
    expect(card.node.id).toBe("Paper:arxiv:2501.00001");
    expect(card.mentions.length).toBeGreaterThan(0);
    const model = await get("/api/nodes/Model:pet-f2i-7b/card", CardResponseSchema);
    expect(model.baseChain.map((s) => s.node.id)).toEqual(["Model:qwen2-5-7b-instruct", "Model:qwen2-5-7b"]);
    expect((await failure("GET", "/api/nodes/Model:nope/card", 404)).error).toMatch(/no node Model:nope/);
    await failure("GET", "/api/nodes/nope/card", 400);
  });

  it("GET /api/nodes/:id/lineage by id and by name", async () => {
    const byId = await get("/api/nodes/Model:qwen2-5-7b/lineage?depth=1", LineageResponseSchema);
    expect(byId.graph.nodes).toHaveLength(3);
    const byName = await get(`/api/nodes/${enc("PET-F2I-7B")}/lineage`, LineageResponseSchema);
    expect(byName.root).toBe("Model:pet-f2i-7b");
    await failure("GET", "/api/nodes/Model:qwen2-5-7b/lineage?depth=99", 400);
    await failure("GET", `/api/nodes/${enc("Paper:arxiv:2501.00001")}/lineage`, 400);
  });

  it("GET /api/nodes/:id/related", async () => {
    const related = await get(
      `/api/nodes/${enc("Paper:arxiv:2501.00001")}/related?limit=2`,
      RelatedResponseSchema,
    );
    expect(related.items.map((i) => i.node.id)).toEqual([
      "Paper:arxiv:2501.00002",
      "Paper:sha:00000000000000a6",
    ]);
    await failure("GET", "/api/nodes/Author:zizhe-wang/related", 400);
  });

  it("GET /api/nodes/:id/expand", async () => {
    const graph = await get("/api/nodes/Method:lora/expand?limit=2", ExpandResponseSchema);
    expect(graph.nodes).toHaveLength(3);
    expect(graph.truncated).toBe(true);
    await failure("GET", "/api/nodes/Method:lora/expand?limit=0", 400);
  });

  it("GET /api/path", async () => {
    const path = await get("/api/path?from=Model:pet-f2i-7b&to=Model:llava", PathResponseSchema);
    expect(path.found).toBe(true);
    expect(path.steps.length).toBeGreaterThan(0);
    const none = await get("/api/path?from=Model:gpt-4o&to=Model:llava&maxLength=3", PathResponseSchema);
    expect(none.found).toBe(false);
  });

  it("GET /api/schema", async () => {
    const schema = await get("/api/schema", SchemaResponseSchema);
    expect(schema.relationshipTypes).toContain("EVALUATED_ON");
  });
});

describe("POST /api/cypher", () => {
  const post = (payload: object) => app.inject({ method: "POST", url: "/api/cypher", payload });

  it("answers a read with a table and a graph", async () => {
    const response = await post({ query: "MATCH (m:Model {key: $key}) RETURN m", params: { key: "llava" } });
    expect(response.statusCode).toBe(200);
    const body = CypherResponseSchema.parse(response.json());
    expect(body.columns).toEqual(["m"]);
    expect(body.graph.nodes.map((n) => n.id)).toEqual(["Model:llava"]);
  });

  it("refuses a write with 403", async () => {
    const error = await failure("POST", "/api/cypher", 403, { query: "MATCH (n) DETACH DELETE n" });
    expect(error.code).toBe("Console.ReadOnly");
    expect(error.error).toMatch(/read-only/);
  });

  it("gives Cypher errors with the position", async () => {
    const error = await failure("POST", "/api/cypher", 400, { query: "MATCH (n)\nRETRN n" });
    expect(error).toMatchObject({
      code: "Neo.ClientError.Statement.SyntaxError",
      position: { line: 2, column: 1, offset: 10 },
    });
  });

  it("validates the request", async () => {
    await failure("POST", "/api/cypher", 400, { query: "" });
    await failure("POST", "/api/cypher", 400, { query: "RETURN 1", timeoutMs: 5 });
  });
});

describe("health when Neo4j is down", () => {
  it("answers 200 with neo4j: down", async () => {
    const down = openDatabase({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "", database: "neo4j" });
    const offline = await createApp({ db: down, config });
    try {
      const response = await offline.inject({ method: "GET", url: "/api/health" });
      expect(response.statusCode).toBe(200);
      expect(HealthResponseSchema.parse(response.json())).toMatchObject({ ok: false, neo4j: "down" });
    } finally {
      await offline.close();
      await down.close();
    }
  });
});

describe("API docs", () => {
  it("serves an OpenAPI 3.1 description of every route, generated from the zod schemas", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters: { name: string; in: string }[]; responses: object }>
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const route of API_ROUTES.filter((r) => !r.hidden)) {
      const path = route.url.replace(/:([A-Za-z_]+)/g, "{$1}");
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    const card = doc.paths["/api/nodes/{id}/card"]?.get;
    expect(card?.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path" }));
    expect(JSON.stringify(card?.responses)).toContain("baseChain");
    const search = doc.paths["/api/search"]?.get;
    expect(search?.parameters.map((p) => p.name)).toEqual(["q", "limit", "label"]);
  });

  it("serves an HTML page listing the endpoints, with nothing loaded from elsewhere", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    for (const route of API_ROUTES.filter((r) => !r.hidden)) expect(response.body).toContain(route.url);
    expect(response.body).not.toMatch(/<script|<link|https?:\/\//);
  });
});
