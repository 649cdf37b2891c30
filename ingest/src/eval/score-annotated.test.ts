import type { ExtractionResult } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { type AnnotatedGold, headline, poolScores, scoreAnnotated } from "./score-annotated.ts";

const paper = {
  id: "arxiv:1",
  title: "Foo: a model",
  arxivId: "1",
  sourceId: "s",
  sourceIds: ["s"],
  abstract: "We present Foo, fine-tuned from Bar-7B on BazSet.",
  codeUrls: [],
  modelUrls: [],
  urls: [],
  notes: [],
  authors: [],
  date: null,
};
const ev = [{ paperId: "arxiv:1", sourceId: "s", sentence: "x", confidence: 0.9, extractor: "t" }];
const model = (key: string, name: string) => ({ label: "Model" as const, key, name, aliases: [] });

function result(over: Partial<ExtractionResult>): ExtractionResult {
  return { sources: [], papers: [paper], nodes: [], edges: [], warnings: [], ...over };
}

const gold: AnnotatedGold = {
  doc: "d.jsonl",
  papers: [{ ref: "p1", title: "Foo: a model", arxivId: "1", abstractStart: "We present Foo" }],
  entities: [
    { label: "Model", name: "Foo", altLabels: ["Method"] },
    { label: "Model", name: "Bar-7B", aliases: ["Bar 7B"] },
    { label: "Dataset", name: "BazSet" },
    { label: "Model", name: "Transformer", required: false },
  ],
  relations: [
    { type: "BASED_ON", from: "Foo", to: "Bar 7B", method: "fine-tune" },
    { type: "TRAINED_ON", from: "Foo", to: "BazSet" },
    { type: "INTRODUCES", from: "p1", to: "Foo" },
    { type: "EVALUATED_ON", from: "Transformer", to: "BazSet", required: false },
  ],
};

describe("scoring against annotation.md gold files", () => {
  it("matches by alias and alternative label, ignores optional facts, counts misses and extras", () => {
    const r = result({
      nodes: [
        { label: "Method", key: "foo", name: "Foo", aliases: [] },
        model("bar-7b", "Bar-7B"),
        model("transformer", "Transformer"),
        model("junk", "Junk"),
      ],
      edges: [
        {
          type: "BASED_ON",
          from: { label: "Method", key: "foo" },
          to: { label: "Model", key: "bar-7b" },
          properties: { method: "adapter" },
          evidence: ev,
        },
        {
          type: "EVALUATED_ON",
          from: { label: "Model", key: "transformer" },
          to: { label: "Model", key: "junk" },
          properties: {},
          evidence: ev,
        },
        {
          type: "INTRODUCES",
          from: { label: "Paper", id: "arxiv:1" },
          to: { label: "Method", key: "foo" },
          properties: {},
          evidence: ev,
        },
      ],
    });
    const s = scoreAnnotated(r, gold);
    expect(s.papers.problems).toEqual([]);
    expect(s.entities.Model).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.entities.Method).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.entities.Dataset).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(s.relations.BASED_ON).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.basedOnMethod).toEqual({ correct: 0, total: 1 });
    expect(s.relations.TRAINED_ON).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(s.relations.EVALUATED_ON).toEqual({ tp: 0, fp: 1, fn: 0 });
    const h = headline(poolScores([s, s]));
    expect(h.lineage.tp).toBe(2);
    expect(h.lineage.fp).toBe(2);
    expect(h.lineage.fn).toBe(2);
  });

  it("a second node for one entity is a false positive; a missing paper is a problem", () => {
    const r = result({ papers: [], nodes: [model("bar-7b", "Bar-7B"), model("bar7b", "Bar 7B")] });
    const s = scoreAnnotated(r, gold);
    expect(s.entities.Model).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.papers.matched).toBe(0);
    expect(s.papers.problems.length).toBe(2);
  });
});
