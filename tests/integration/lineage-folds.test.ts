/**
 * A hub's lineage is bounded: each parent's children are sent `group` per method and the
 * rest counted as folds, which the children endpoint pages through by key. A hub with
 * 7,000 derivatives cost ~130,000 db hits and 150 KB per lineage request before.
 *
 * The graph: Base-7B with eight fine-tunes (FT-0 … FT-7) and one adapter; FT-0 has a
 * fine-tune of its own. Base-7B is named by more papers than are scanned for its first
 * naming, so that date comes from the oldest paper forward.
 */
import {
  type ExtractedEdge,
  type ExtractedNode,
  type ExtractionResult,
  LineageChildrenResponseSchema,
  LineageResponseSchema,
  parseConfig,
} from "@kg/graph-schema";
import { readLineage, readLineageChildren } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../web/server/app.ts";
import { loadGraph, openTestDatabase } from "../support/db.ts";
import { fixturePaper } from "../support/extraction-builders.ts";

const SOURCE = { id: "c".repeat(64), path: "folds.txt", kind: "paper-feed" as const, bytes: 100 };
const FINE_TUNES = Array.from({ length: 8 }, (_, i) => `ft-${i}`);
// More papers naming Base-7B than the lineage reads one by one (MENTIONS_SCANNED, 200).
const NAMING = Array.from({ length: 210 }, (_, i) =>
  fixturePaper(
    `sha:${String(i).padStart(16, "0")}`,
    `Paper ${i}`,
    "We use Base-7B.",
    SOURCE.id,
    [],
    `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
  ),
);
const FIRST = fixturePaper("sha:ffffffffffffffff", "The first", "Base-7B.", SOURCE.id, [], "2019-03-04");
const PAPERS = [...NAMING, FIRST];

const model = (key: string): ExtractedNode => ({ label: "Model", key, name: key.toUpperCase(), aliases: [] });
const ref = (key: string) => ({ label: "Model" as const, key });
function derived(child: string, base: string, method: "fine-tune" | "adapter"): ExtractedEdge {
  const paper = PAPERS[0] as (typeof PAPERS)[number];
  return {
    type: "BASED_ON",
    from: ref(child),
    to: ref(base),
    properties: { method },
    evidence: [
      { paperId: paper.id, sourceId: SOURCE.id, sentence: "stated", confidence: 0.9, extractor: "fixture" },
    ],
  };
}

function foldsGraph(): ExtractionResult {
  return {
    sources: [{ ...SOURCE, ingestedAt: null }],
    papers: PAPERS,
    nodes: [model("base-7b"), ...FINE_TUNES.map(model), model("lora-7b"), model("ft-0-chat")],
    edges: [
      ...FINE_TUNES.map((k) => derived(k, "base-7b", "fine-tune")),
      derived("lora-7b", "base-7b", "adapter"),
      derived("ft-0-chat", "ft-0", "fine-tune"),
      ...PAPERS.map(
        (p): ExtractedEdge => ({
          type: "MENTIONS",
          from: { label: "Paper", id: p.id },
          to: ref("base-7b"),
          properties: {},
          evidence: [
            {
              paperId: p.id,
              sourceId: SOURCE.id,
              sentence: "Base-7B",
              confidence: 0.9,
              extractor: "fixture",
            },
          ],
        }),
      ),
    ],
    warnings: [],
  };
}

let db: Database;
beforeAll(async () => {
  db = openTestDatabase();
  await loadGraph(db, foldsGraph(), "2025-06-01T00:00:00Z");
});
afterAll(async () => {
  await db.close();
});

describe("lineage folds", () => {
  it("sends `group` children per parent and method and counts the rest", async () => {
    const lineage = await readLineage(db, "Model:base-7b", { group: 3 });
    const ids = lineage.graph.nodes.map((n) => n.id).sort();
    expect(ids).toEqual(
      ["base-7b", "ft-0", "ft-0-chat", "ft-1", "ft-2", "lora-7b"].map((k) => `Model:${k}`).sort(),
    );
    expect(lineage.folds).toEqual([{ parent: "Model:base-7b", method: "fine-tune", total: 8, shown: 3 }]);
    // Named by 211 papers and introduced by none: the oldest naming paper's date.
    expect(lineage.dates["Model:base-7b"]).toEqual({ date: "2019-03-04", by: "named" });
    const all = await readLineage(db, "Model:base-7b");
    expect(all.folds).toEqual([{ parent: "Model:base-7b", method: "fine-tune", total: 8, shown: 6 }]);
  });

  it("pages through a fold by key", async () => {
    const page = await readLineageChildren(db, "Model:base-7b", { method: "fine-tune", offset: 3, limit: 3 });
    expect(page.total).toBe(8);
    expect(page.graph.nodes.map((n) => n.id)).toEqual(["Model:ft-3", "Model:ft-4", "Model:ft-5"]);
    expect(page.graph.edges.map((e) => e.target)).toEqual([
      "Model:base-7b",
      "Model:base-7b",
      "Model:base-7b",
    ]);
    const last = await readLineageChildren(db, "Model:base-7b", { method: "fine-tune", offset: 6 });
    expect(last.graph.nodes.map((n) => n.id)).toEqual(["Model:ft-6", "Model:ft-7"]);
    const none = await readLineageChildren(db, "Model:base-7b", { method: "merge" });
    expect(none).toMatchObject({ total: 0, graph: { nodes: [] } });
    await expect(readLineageChildren(db, "Dataset:mmlu", { method: "fine-tune" })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("serves the fold and its pages over HTTP", async () => {
    const app = await createApp({ db, config: parseConfig({ READ_CACHE_MB: "0" }) });
    try {
      const lineage = await app.inject({ method: "GET", url: "/api/nodes/Model:base-7b/lineage?group=2" });
      expect(lineage.statusCode).toBe(200);
      expect(LineageResponseSchema.parse(lineage.json()).folds).toEqual([
        { parent: "Model:base-7b", method: "fine-tune", total: 8, shown: 2 },
      ]);
      const page = await app.inject({
        method: "GET",
        url: "/api/nodes/Model:base-7b/lineage/children?method=fine-tune&offset=2&limit=2",
      });
      expect(page.statusCode).toBe(200);
      expect(LineageChildrenResponseSchema.parse(page.json()).graph.nodes.map((n) => n.id)).toEqual([
        "Model:ft-2",
        "Model:ft-3",
      ]);
      const badMethod = await app.inject({
        method: "GET",
        url: "/api/nodes/Model:base-7b/lineage/children?method=guess",
      });
      expect(badMethod.statusCode).toBe(400);
      const tooMany = await app.inject({ method: "GET", url: "/api/nodes/Model:base-7b/lineage?group=500" });
      expect(tooMany.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
