/**
 * The benchmark's corpus generator: deterministic, valid against the extraction
 * contract, shaped as intended (hubs, lineage depth ≤ 8), and loadable through the real
 * loader so that the counts in Neo4j match what was generated.
 */
import { ExtractionResultSchema, WireGraphSchema } from "@kg/graph-schema";
import { readLineage, readStats } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, generateWireGraph, MAX_LINEAGE_DEPTH } from "../../bench/generate/index.ts";
import { applySchema, loadExtraction } from "../../ingest/src/load/load-extraction.ts";
import { clearGraph, openTestDatabase } from "../support/db.ts";

const corpus = generateCorpus({ papers: 2_000, seed: 7 });

describe("generateCorpus", () => {
  it("is deterministic and follows the extraction contract", () => {
    expect(JSON.stringify(generateCorpus({ papers: 300, seed: 3 }))).toBe(
      JSON.stringify(generateCorpus({ papers: 300, seed: 3 })),
    );
    expect(JSON.stringify(generateCorpus({ papers: 300, seed: 4 }))).not.toBe(
      JSON.stringify(generateCorpus({ papers: 300, seed: 3 })),
    );
    expect(ExtractionResultSchema.safeParse(corpus).success).toBe(true);
    expect(corpus.papers).toHaveLength(2_000);
  });

  it("has unique keys and edges whose ends exist", () => {
    const ids = new Set(corpus.nodes.map((n) => `${n.label}:${n.key}`));
    expect(ids.size).toBe(corpus.nodes.length);
    const papers = new Set(corpus.papers.map((p) => p.id));
    expect(papers.size).toBe(corpus.papers.length);
    for (const edge of corpus.edges) {
      for (const end of [edge.from, edge.to]) {
        if ("id" in end) expect(papers.has(end.id)).toBe(true);
        else expect(ids.has(`${end.label}:${end.key}`)).toBe(true);
      }
    }
  });

  it("has hub base models and lineage chains no deeper than 8", () => {
    const children = new Map<string, number>();
    const bases = new Map<string, string[]>();
    for (const e of corpus.edges) {
      if (e.type !== "BASED_ON" || !("key" in e.from) || !("key" in e.to)) continue;
      children.set(e.to.key, (children.get(e.to.key) ?? 0) + 1);
      bases.set(e.from.key, [...(bases.get(e.from.key) ?? []), e.to.key]);
    }
    expect(Math.max(...children.values())).toBeGreaterThan(100);
    const depth = (key: string, seen = new Set<string>()): number => {
      if (seen.has(key)) return 0;
      seen.add(key);
      return Math.max(0, ...(bases.get(key) ?? []).map((b) => 1 + depth(b, seen)));
    };
    const depths = [...bases.keys()].map((k) => depth(k));
    expect(Math.max(...depths)).toBeLessThanOrEqual(MAX_LINEAGE_DEPTH);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4);
  });
});

describe("generateWireGraph", () => {
  it("makes the requested size, deterministically, in the wire format", () => {
    const graph = generateWireGraph({ nodes: 5_000, edges: 15_000, seed: 1 });
    expect(graph.nodes).toHaveLength(5_000);
    expect(graph.edges).toHaveLength(15_000);
    expect(WireGraphSchema.safeParse(graph).success).toBe(true);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(15_000);
    expect(JSON.stringify(generateWireGraph({ nodes: 500, edges: 1_500, seed: 2 }))).toBe(
      JSON.stringify(generateWireGraph({ nodes: 500, edges: 1_500, seed: 2 })),
    );
  });
});

describe("a generated corpus in Neo4j", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await clearGraph(db);
    await applySchema(db);
    await loadExtraction(db, corpus);
  });
  afterAll(async () => {
    await db.close();
  });

  it("holds what was generated, and the reads work on it", async () => {
    const stats = await readStats(db);
    const count = (label: string) => stats.byLabel.find((r) => r.name === label)?.count;
    expect(count("Paper")).toBe(corpus.papers.length);
    expect(count("Model")).toBe(corpus.nodes.filter((n) => n.label === "Model").length);
    expect(count("Source")).toBe(corpus.sources.length);
    expect(stats.relationships).toBe(corpus.edges.length + corpus.papers.length);
    const hub = stats.topBaseModels[0];
    expect(hub?.count).toBeGreaterThan(100);
    const lineage = await readLineage(db, hub?.id ?? "", { limit: 50 });
    expect(lineage.graph.truncated).toBe(true);
    // The hub, perhaps its own base (an instruct variant's), and the nearest 50 descendants.
    expect(lineage.graph.nodes.length).toBeGreaterThanOrEqual(51);
    expect(lineage.graph.nodes.length).toBeLessThanOrEqual(52);
  });
});
