/**
 * Every named READ query against the real Neo4j on the small fixture graph, whose
 * answers can be reasoned out (see queries-fixture.ts): first all of them at once with
 * their rows snapshotted, then the behaviour of each high-level read.
 */
import {
  expandNode,
  overviewNodesQuery,
  READ_QUERIES,
  RELATED_WEIGHTS,
  readCard,
  readLineage,
  readRelated,
  readShortestPath,
  readStats,
  schemaInfoQuery,
  searchGraph,
} from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../support/db.ts";
import { FEED_SOURCE, loadFixture } from "./queries-fixture.ts";

/** Parameters for each named query, by name; a new query without an entry fails the first test. */
const SAMPLE_PARAMS: Record<string, Record<string, unknown>> = {
  graphNodes: { limit: 100 },
  graphEdges: { limit: 100 },
  countsByLabel: {},
  countsByType: {},
  statsTotals: {},
  statsByLabel: {},
  statsByType: {},
  topBaseModels: { limit: 5 },
  topBenchmarks: { limit: 5 },
  topOrganizations: { limit: 5 },
  search: {
    lucene: { names: "name:qwen*", full: "name:qwen*", fullWithTypos: "name:qwen*", anyWord: "name:qwen*" },
    tokens: ["qwen"],
    ids: { key: "medqa", paperId: "", arxivId: "", text: "qwen" },
    label: null,
    candidates: 10,
    limit: 10,
  },
  cardPaper: { key: "arxiv:2501.00001", perType: 50 },
  cardModel: { key: "pet-f2i-7b", perType: 50 },
  cardDataset: { key: "medqa", perType: 50 },
  cardOrganization: { key: "ai-lab-netease", perType: 50 },
  cardAuthor: { key: "zizhe-wang", perType: 50 },
  cardMethod: { key: "lora", perType: 50 },
  cardSource: { key: FEED_SOURCE.id, perType: 50 },
  expandPaper: { key: "arxiv:2501.00001", limit: 10, scan: 100, type: null },
  expandModel: { key: "qwen2-5-7b-instruct", limit: 10, scan: 100, type: null },
  expandDataset: { key: "medqa", limit: 10, scan: 100, type: null },
  expandOrganization: { key: "qwen", limit: 10, scan: 100, type: null },
  expandAuthor: { key: "zizhe-wang", limit: 10, scan: 100, type: null },
  expandMethod: { key: "lora", limit: 10, scan: 100, type: null },
  expandSource: { key: FEED_SOURCE.id, limit: 10, scan: 100, type: null },
  lineage: { key: "qwen2-5-7b", depth: 10, limit: 100, group: 6, familyLimit: 50 },
  lineageChildren: { key: "qwen2-5-7b-instruct", method: "adapter", offset: 0, limit: 10 },
  firstNaming: { keys: ["qwen2-5-7b", "llava"] },
  relatedModel: { key: "pet-f2i-7b", fanout: 100, top: 20, weights: RELATED_WEIGHTS },
  relatedPaper: { key: "arxiv:2501.00001", fanout: 100, top: 20, weights: RELATED_WEIGHTS },
  relatedTextOf: { paperId: "arxiv:2501.00001", modelKey: "" },
  relatedTextPapers: { lucene: "abstract:(tomography reports)", candidates: 10 },
  shortestPath: { fromLabel: "Model", fromKey: "llava-med", toLabel: "Model", toKey: "llava" },
  findNode: { label: "Dataset", key: "medqa" },
  schemaInfo: {},
  overviewNodes: { labels: ["Model", "Dataset", "Method", "Organization"] },
  overviewFirsts: { refs: [] },
  overviewEdges: {
    types: ["BASED_ON", "TRAINED_ON", "EVALUATED_ON", "USES_METHOD", "DEVELOPED"],
    labels: ["Model", "Dataset", "Method", "Organization"],
  },
  warmUpNodes: {},
  warmUpRelationships: {},
  warmUpTargets: { perLabel: 5 },
};

/**
 * Rows in a canonical order for the snapshot: Cypher promises no order without ORDER
 * BY (and collect() keeps the order rows arrive in), so rows and lists of maps are
 * sorted; scores are rounded. Orders that matter are asserted in the tests below.
 */
function canonical(value: unknown): unknown {
  if (typeof value === "number") return Math.round(value * 1000) / 1000;
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const objects = items.every((i) => typeof i === "object" && i !== null);
    return objects ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

let db: Database;

/** Element id → `Label:key` of the nodes the overview reads. */
async function overviewRefs(): Promise<Map<string, string>> {
  const rows = await db.run(overviewNodesQuery, SAMPLE_PARAMS.overviewNodes as never);
  return new Map(rows.map((r) => [r.ref, `${r.label}:${r.key}`]));
}

beforeAll(async () => {
  db = openTestDatabase();
  await loadFixture(db);
});
afterAll(async () => {
  await db.close();
});

describe("every named READ query", () => {
  it("has sample parameters here", () => {
    const missing = READ_QUERIES.map((q) => q.name).filter((name) => !(name in SAMPLE_PARAMS));
    expect(missing).toEqual([]);
  });

  it("is READ-only", () => {
    for (const query of READ_QUERIES) expect(query.mode, query.name).toBe("READ");
  });

  for (const name of Object.keys(SAMPLE_PARAMS)) {
    it(`${name} runs on the fixture, returns rows matching its schema, and its output is stable`, async () => {
      const query = READ_QUERIES.find((q) => q.name === name);
      expect(query, `${name} is registered in READ_QUERIES`).toBeDefined();
      if (!query) return;
      // The overview's queries name nodes by element id, which differs from one database
      // to the next: the snapshot shows `Label:key` instead.
      const refs = await overviewRefs();
      const params = name === "overviewFirsts" ? { refs: [...refs.keys()] } : SAMPLE_PARAMS[name];
      const rows = (await db.run(query, params as never)).map((row) =>
        Object.fromEntries(
          Object.entries(row as Record<string, unknown>).map(([k, v]) => [
            k,
            typeof v === "string" ? (refs.get(v) ?? v) : v,
          ]),
        ),
      );
      expect(rows.length, `${name} returns rows`).toBeGreaterThan(0);
      if (name === "schemaInfo") {
        // Neo4j never forgets a label, type or property key, and the test database is shared
        // by every test file: the lists hold whatever earlier files wrote, so only what the
        // fixture itself writes is certain to be there.
        const [info] = rows as { labels: string[]; relationshipTypes: string[]; propertyKeys: string[] }[];
        expect(info?.labels).toEqual(
          expect.arrayContaining(["Paper", "Model", "Dataset", "Organization", "Author"]),
        );
        expect(info?.relationshipTypes).toEqual(
          expect.arrayContaining(["BASED_ON", "EVALUATED_ON", "AUTHORED"]),
        );
        expect(info?.propertyKeys).toEqual(expect.arrayContaining(["key", "name", "title", "abstract"]));
        return;
      }
      expect(canonical(rows)).toMatchSnapshot();
    });
  }
});

describe("stats", () => {
  it("counts by label and type and ranks hubs", async () => {
    const stats = await readStats(db);
    expect(stats.nodes).toBe(2 + 6 + 22);
    expect(stats.byLabel.find((r) => r.name === "Model")?.count).toBe(9);
    expect(stats.byType.find((r) => r.name === "BASED_ON")?.count).toBe(6);
    expect(stats.topBaseModels.slice(0, 2).map((r) => r.id)).toEqual([
      "Model:qwen2-5-7b",
      "Model:qwen2-5-7b-instruct",
    ]);
    expect(stats.topBenchmarks[0]).toEqual({ id: "Dataset:medqa", name: "MedQA", count: 2 });
    expect(stats.topOrganizations.map((r) => r.id)).toContain("Organization:ai-lab-netease");
  });
});

describe("search", () => {
  const first = async (q: string, options = {}) => (await searchGraph(db, q, options))[0];

  it("puts the exact name first", async () => {
    expect(await first("Qwen2.5-7B-Instruct")).toMatchObject({
      id: "Model:qwen2-5-7b-instruct",
      matched: "name",
    });
    expect(await first("qwen2.5 7b instruct")).toMatchObject({ id: "Model:qwen2-5-7b-instruct" });
  });

  it("matches prefixes while typing, shortest name first", async () => {
    expect(await first("medre")).toMatchObject({ id: "Model:medreason-7b" });
    const hits = await searchGraph(db, "LLaVA");
    expect(hits.slice(0, 2).map((h) => h.id)).toEqual(["Model:llava", "Model:llava-med"]);
  });

  it("tolerates a typo", async () => {
    expect(await first("MedReasn")).toMatchObject({ id: "Model:medreason-7b", matched: "fuzzy" });
  });

  it("finds aliases, arXiv ids and paper ids", async () => {
    expect(await first("Qwen2.5 7B Instruct")).toMatchObject({ id: "Model:qwen2-5-7b-instruct" });
    expect(await first("2501.00003")).toMatchObject({ id: "Paper:arxiv:2501.00003" });
    expect(await first("arxiv:2501.00002")).toMatchObject({ id: "Paper:arxiv:2501.00002" });
  });

  it("ranks name and title matches above abstract matches", async () => {
    const hits = await searchGraph(db, "reasoning");
    expect(hits[0]).toMatchObject({ id: "Paper:arxiv:2501.00002", matched: "title" });
    const abstractOnly = hits.find((h) => h.id === "Paper:arxiv:2501.00004");
    expect(abstractOnly?.matched).toBe("abstract");
    expect(hits.indexOf(abstractOnly as never)).toBeGreaterThan(0);
  });

  it("filters by label", async () => {
    const hits = await searchGraph(db, "med", { label: "Dataset" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.label === "Dataset")).toBe(true);
  });

  it("treats Lucene syntax in the text as plain words", async () => {
    for (const text of [
      "a AND (b",
      '"',
      "\\",
      "*",
      "~",
      "title:x",
      "OR",
      "?",
      "/",
      "[a TO z]",
      "!!!",
      "qwen~",
      "-",
      "&&",
    ]) {
      await expect(searchGraph(db, text), text).resolves.toBeInstanceOf(Array);
    }
    expect(await searchGraph(db, "!!!")).toEqual([]);
  });
});

describe("cards", () => {
  it("give a model's relations with evidence and source paths, and its base-model chain", async () => {
    const card = await readCard(db, "Model:pet-f2i-7b");
    expect(card.node).toMatchObject({ id: "Model:pet-f2i-7b", label: "Model", name: "PET-F2I-7B" });
    const base = card.relations.find((r) => r.type === "BASED_ON" && r.direction === "out");
    expect(base?.other.id).toBe("Model:qwen2-5-7b-instruct");
    expect(base?.method).toBe("adapter");
    expect(base?.evidence[0]).toMatchObject({
      paperId: "arxiv:2501.00001",
      sourceId: FEED_SOURCE.id,
      sourcePath: "seeds/med-feed.txt",
      confidence: 0.9,
      extractor: "fixture",
    });
    expect(base?.evidence[0]?.sentence).toContain("fine-tuned from Qwen2.5-7B-Instruct");
    expect(card.baseChain.map((s) => [s.node.id, s.method])).toEqual([
      ["Model:qwen2-5-7b-instruct", "adapter"],
      ["Model:qwen2-5-7b", "post-training"],
    ]);
    expect(card.node.properties).not.toHaveProperty("aliasText");
  });

  it("give a paper's mentions for highlighting and its document", async () => {
    const card = await readCard(db, "Paper:arxiv:2501.00001");
    expect(card.mentions.map((m) => m.text)).toEqual([
      "PET-F2I-7B",
      "Qwen2.5-7B-Instruct",
      "LoRA",
      "PET-F2I-41K",
      "MedQA",
    ]);
    const source = card.relations.find((r) => r.type === "FROM_SOURCE");
    expect(source?.other).toMatchObject({ label: "Source", name: "med-feed.txt" });
  });

  it("cover data sets, organisations, authors, methods and sources", async () => {
    const medqa = await readCard(db, "Dataset:medqa");
    expect(medqa.relations.filter((r) => r.type === "EVALUATED_ON").map((r) => r.other.id)).toEqual([
      "Model:medreason-7b",
      "Model:pet-f2i-7b",
    ]);
    const lab = await readCard(db, "Organization:ai-lab-netease");
    expect(lab.relations.filter((r) => r.type === "PUBLISHED")).toHaveLength(2);
    const author = await readCard(db, "Author:zizhe-wang");
    expect(author.relations.map((r) => r.other.id).sort()).toEqual([
      "Paper:arxiv:2501.00001",
      "Paper:arxiv:2501.00002",
    ]);
    const method = await readCard(db, "Method:lora");
    expect(method.totals).toContainEqual({ type: "USES_METHOD", direction: "in", count: 2 });
    const source = await readCard(db, `Source:${FEED_SOURCE.id}`);
    expect(source.totals).toEqual([{ type: "FROM_SOURCE", direction: "in", count: 4 }]);
  });

  it("cap each relationship type and report the true totals", async () => {
    const card = await readCard(db, "Model:qwen2-5-7b-instruct", { perType: 1 });
    expect(card.relations.filter((r) => r.type === "BASED_ON" && r.direction === "in")).toHaveLength(1);
    expect(card.totals).toContainEqual({ type: "BASED_ON", direction: "in", count: 2 });
  });

  it("refuse unknown nodes and malformed ids", async () => {
    await expect(readCard(db, "Model:nope")).rejects.toMatchObject({ statusCode: 404 });
    await expect(readCard(db, "nope")).rejects.toMatchObject({ statusCode: 400 });
    await expect(readCard(db, "Robot:x")).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe("expand", () => {
  it("returns the node and its best connected neighbours, capped", async () => {
    const graph = await expandNode(db, "Model:qwen2-5-7b-instruct", { limit: 2 });
    expect(graph.nodes).toHaveLength(3);
    expect(graph.edges).toHaveLength(2);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes[0]).toMatchObject({ id: "Model:qwen2-5-7b-instruct", properties: { degree: 6 } });
    for (const edge of graph.edges) expect([edge.source, edge.target]).toContain("Model:qwen2-5-7b-instruct");
  });

  it("puts documents last and is complete under the cap", async () => {
    const graph = await expandNode(db, "Paper:arxiv:2501.00001", { limit: 100 });
    expect(graph.truncated).toBe(false);
    expect(graph.nodes.at(-1)?.label).toBe("Source");
    expect(graph.edges).toHaveLength(8);
  });
});

describe("lineage", () => {
  it("gives descendants by level with each step's method", async () => {
    const lineage = await readLineage(db, "Model:qwen2-5-7b");
    const levels = Object.fromEntries(lineage.graph.nodes.map((n) => [n.id, n.properties.level]));
    expect(levels).toEqual({
      "Model:qwen2-5-7b": 0,
      "Model:qwen2-5-7b-instruct": 1,
      "Model:innovator": 1,
      "Model:pet-f2i-7b": 2,
      "Model:medreason-7b": 2,
      "Model:innovator-reason": 2,
    });
    expect(lineage.graph.edges).toHaveLength(5);
    expect(lineage.graph.edges.find((e) => e.source === "Model:innovator")?.properties.method).toBe(
      "upcycling",
    );
    expect(lineage.datasets["Model:medreason-7b"]?.map((d) => d.id).sort()).toEqual([
      "Dataset:medqa",
      "Dataset:pubmedqa",
    ]);
  });

  it("gives ancestors with negative levels, and resolves a name", async () => {
    const lineage = await readLineage(db, "pet-f2i 7b");
    expect(lineage.root).toBe("Model:pet-f2i-7b");
    expect(lineage.graph.nodes.map((n) => [n.id, n.properties.level])).toEqual([
      ["Model:pet-f2i-7b", 0],
      ["Model:qwen2-5-7b-instruct", -1],
      ["Model:qwen2-5-7b", -2],
    ]);
    expect(lineage.datasets["Model:pet-f2i-7b"]).toContainEqual({
      id: "Dataset:pet-f2i-41k",
      name: "PET-F2I-41K",
      type: "TRAINED_ON",
    });
  });

  it("stops at the depth and the limit", async () => {
    const shallow = await readLineage(db, "Model:qwen2-5-7b", { depth: 1 });
    expect(shallow.graph.nodes).toHaveLength(3);
    expect(shallow.graph.truncated).toBe(false);
    const capped = await readLineage(db, "Model:qwen2-5-7b", { limit: 2 });
    expect(capped.graph.nodes).toHaveLength(3);
    expect(capped.graph.truncated).toBe(true);
  });

  it("refuses what is not a model", async () => {
    await expect(readLineage(db, "Paper:arxiv:2501.00001")).rejects.toMatchObject({ statusCode: 400 });
    await expect(readLineage(db, "Model:nope")).rejects.toMatchObject({ statusCode: 404 });
    await expect(readLineage(db, "zzzzzzzz qqqqqq")).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("related work", () => {
  it("ranks first the paper sharing base model, benchmark and author, then the similar abstract", async () => {
    const related = await readRelated(db, "Paper:arxiv:2501.00001");
    const ids = related.items.map((i) => i.node.id);
    expect(ids[0]).toBe("Paper:arxiv:2501.00002");
    expect(related.items[0]?.reasons).toEqual(
      expect.arrayContaining([
        "both build on Qwen2.5-7B-Instruct",
        "both evaluate on MedQA",
        "shares author Zizhe Wang",
      ]),
    );
    expect(ids[1]).toBe("Paper:sha:00000000000000a6");
    expect(related.items[1]?.reasons).toHaveLength(1);
    expect(related.items[1]?.reasons[0]).toMatch(/^similar abstract \(0\.\d\d\)$/);
    // A shared generic method (LoRA) weighs less than any of those.
    expect(ids.indexOf("Paper:arxiv:2501.00003")).toBeGreaterThan(1);
    expect(ids).not.toContain("Paper:arxiv:2501.00001");
    expect(related.graph.nodes.map((n) => n.id)).toContain("Author:zizhe-wang");
  });

  it("ranks a model's sibling on the same base and benchmark first", async () => {
    const related = await readRelated(db, "Model:pet-f2i-7b");
    const ids = related.items.map((i) => i.node.id);
    expect(ids[0]).toBe("Model:medreason-7b");
    expect(related.items[0]?.reasons.slice(0, 2)).toEqual([
      "shares base model Qwen2.5-7B-Instruct",
      "both evaluated on MedQA",
    ]);
    expect(ids[1]).toBe("Model:qwen2-5-7b-instruct");
    expect(related.items[1]?.reasons[0]).toBe("base model of PET-F2I-7B");
    expect(ids.indexOf("Model:llava-med")).toBeGreaterThan(1);
    expect(related.graph.edges.map((e) => e.id)).toContain("Model:medreason-7b-EVALUATED_ON->Dataset:medqa");
  });

  it("is for papers and models only", async () => {
    await expect(readRelated(db, "Author:zizhe-wang")).rejects.toMatchObject({ statusCode: 400 });
    await expect(readRelated(db, "Model:nope")).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("shortest path", () => {
  it("connects two models without going through documents", async () => {
    const path = await readShortestPath(db, "Model:pet-f2i-7b", "Model:innovator-reason");
    expect(path.found).toBe(true);
    expect(path.steps.length).toBeLessThanOrEqual(4);
    expect(path.graph.nodes[0]?.id).toBe("Model:pet-f2i-7b");
    expect(path.graph.nodes.at(-1)?.id).toBe("Model:innovator-reason");
    expect(path.graph.nodes.some((n) => n.label === "Source")).toBe(false);
  });

  it("says when there is none within the cap", async () => {
    // GPT-4o's component (P5, OpenAI, GMAI-MMBench) reaches the rest only through a document.
    expect((await readShortestPath(db, "Model:gpt-4o", "Model:llava")).found).toBe(false);
    expect((await readShortestPath(db, "Model:pet-f2i-7b", "Model:llava", { maxLength: 2 })).found).toBe(
      false,
    );
    const same = await readShortestPath(db, "Model:llava", "Model:llava");
    expect(same).toMatchObject({ found: true, steps: [] });
  });
});

describe("schema", () => {
  it("lists labels, types and property keys of the live database", async () => {
    const [schema] = await db.run(schemaInfoQuery, {});
    expect(schema?.labels).toEqual(expect.arrayContaining(["Paper", "Model", "Source"]));
    expect(schema?.relationshipTypes).toContain("BASED_ON");
    expect(schema?.propertyKeys).toContain("evidence");
  });
});
