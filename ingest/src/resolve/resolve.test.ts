import { describe, expect, it } from "vitest";
import { keyOf } from "../extract/key.ts";
import { extractDocuments, readDocumentFromText } from "../pipeline.ts";
import type { RawPaper } from "../segment/segment.ts";
import { abstractKey, groupPapers } from "./resolve.ts";

function raw(abstract: string, title: string | null = null, arxivId: string | null = null): RawPaper {
  return {
    title,
    abstract,
    arxivId,
    notes: [],
    authors: [],
    organizations: [],
    urls: [],
    date: null,
    line: 1,
  };
}

describe("abstractKey", () => {
  it("agrees with keyOf: the 300-character prefix, and the whole key when it is short", () => {
    const long = "We present X-1, a model. ".repeat(30);
    for (const text of [
      "",
      "---",
      "  Hello, World!  ",
      "a--b  c",
      "-x-",
      long,
      `${"a".repeat(299)}!b`,
      `${"a".repeat(299)}b`,
      `${"a".repeat(300)}`,
      `${"a".repeat(300)}\u0301 and more`,
      `${"a".repeat(300)}é`,
      `${long}é and ＧＰＴ－４`,
      `naïve ${long}`,
      "non\u00a0breaking",
    ]) {
      const key = keyOf(text);
      const a = abstractKey(text);
      expect(a.prefix, text).toBe(key.length >= 300 ? key.slice(0, 300) : null);
      if (a.key !== null || key.length < 300) expect(a.key, text).toBe(key);
    }
  });
});

describe("groupPapers", () => {
  it("merges the same abstract written differently, keeps different ones apart", () => {
    const text = "We introduce Foo-7B, a model trained on Bar-1M. It beats GPT-4 on MMLU.";
    expect(
      groupPapers([
        raw(text),
        raw("Something else entirely, about another model."),
        raw(text.toUpperCase().replaceAll(" ", "  ")),
        raw(text.replace("We", "We\u00a0")),
      ]),
    ).toEqual([0, 1, 0, 0]);
  });

  it("never merges two different arXiv ids", () => {
    const text = "We introduce Foo-7B, a model trained on Bar-1M.";
    expect(groupPapers([raw(text, null, "2501.00001"), raw(text, null, "2501.00002")])).toEqual([0, 1]);
  });
});

describe("unnamed data sets", () => {
  it("are one node per paper: two papers' unnamed data sets never merge, one paper's two copies do", () => {
    // Two different papers (titles, abstracts) that say the same of their own data.
    const paper = (title: string, scans: number): string =>
      JSON.stringify({
        title,
        abstract: `We first build the largest PET dataset to date, comprising ${scans} scans. Based on this dataset, we present SegAnyPET, an innovative foundational model.`,
      });
    const first = paper("First Paper On Things", 11041);
    const r = extractDocuments([
      readDocumentFromText("a.jsonl", `${first}\n${paper("Second Paper On Things", 500)}\n`),
      readDocumentFromText("b.jsonl", `${first}\n`),
    ]);
    expect(r.papers).toHaveLength(2);
    const unnamed = r.nodes.filter((n) => n.label === "Dataset");
    expect(unnamed.map((n) => n.name).sort()).toEqual([
      "PET dataset (unnamed, from First Paper On Things)",
      "PET dataset (unnamed, from Second Paper On Things)",
    ]);
    for (const n of unnamed) {
      const paperId = r.papers.find((p) => n.name.includes(p.title as string))?.id as string;
      expect(n.key).toBe(`pet-dataset-${keyOf(paperId)}`);
    }
    const trained = r.edges.filter((e) => e.type === "TRAINED_ON");
    expect(trained.map((e) => ("key" in e.to ? e.to.key : "")).sort()).toEqual(
      unnamed.map((n) => n.key).sort(),
    );
    // The first paper, read from both files, has its evidence from both.
    const once = unnamed.find((n) => n.name.includes("First")) as (typeof unnamed)[number];
    const intro = r.edges.find((e) => e.type === "INTRODUCES" && "key" in e.to && e.to.key === once.key);
    expect(intro?.evidence).toHaveLength(2);
  });
});
