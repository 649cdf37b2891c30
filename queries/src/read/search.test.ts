import { describe, expect, it } from "vitest";
import { buildLuceneQuery, escapeLucene, rankHit, searchTokens } from "./search.ts";

describe("escapeLucene", () => {
  it("escapes every character the query parser gives a meaning to", () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe(
      '\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/',
    );
    expect(escapeLucene("qwen2.5")).toBe("qwen2.5");
  });
});

describe("searchTokens", () => {
  it("cuts words like the standard analyzer, lower case", () => {
    expect(searchTokens("Qwen2.5-7B-Instruct")).toEqual(["qwen2.5", "7b", "instruct"]);
    expect(searchTokens("  Alzheimer's  (AD) ")).toEqual(["alzheimer's", "ad"]);
    expect(searchTokens("title:x OR y*")).toEqual(["title", "x", "or", "y"]);
    expect(searchTokens("!!! ~~")).toEqual([]);
  });
});

describe("buildLuceneQuery", () => {
  it("requires every word in strict mode and boosts aliases (which hold every name)", () => {
    const q = buildLuceneQuery(["qwen2.5", "7b"], true);
    expect(q).toContain("+(aliasText:qwen2.5^3");
    expect(q).toContain("aliasText:qwen2.5*^2");
    expect(q).toContain("aliasText:qwen2.5~1");
    expect(q).not.toContain("aliasText:7b~1");
    expect(q).toContain('aliasText:"qwen2.5 7b"^6');
    // A name clause only repeated an alias or title clause (and ran fuzzy over every title).
    expect(q).not.toMatch(/\bname:/);
  });

  it("keeps operators typed by the user as words", () => {
    const q = buildLuceneQuery(searchTokens("a AND b"), false);
    expect(q).not.toMatch(/\bAND\b/);
  });
});

describe("rankHit", () => {
  const row = (name: string, aliases: string[] = [], abstractHit = false, label = "Model") => ({
    node: { label, key: name.toLowerCase(), name },
    aliases,
    title: null,
    abstractHit,
  });

  it("puts exact names over prefixes over abstracts over fuzzy matches", () => {
    const tokens = ["llava"];
    const exact = rankHit(row("LLaVA"), "llava", tokens, false);
    const prefix = rankHit(row("LLaVA-Med"), "llava", tokens, false);
    const abstract = rankHit(row("Other", [], true), "llava", tokens, false);
    const fuzzy = rankHit(row("Lava"), "llava", tokens, false);
    expect(exact.tier).toBeGreaterThan(prefix.tier);
    expect(prefix.tier).toBeGreaterThan(abstract.tier);
    expect(abstract.tier).toBeGreaterThan(fuzzy.tier);
    expect([exact.matched, prefix.matched, abstract.matched, fuzzy.matched]).toEqual([
      "name",
      "name",
      "abstract",
      "fuzzy",
    ]);
  });

  it("recognises aliases and paper titles", () => {
    expect(rankHit(row("GPT-4", ["GPT4"]), "gpt4", ["gpt4"], false).matched).toBe("alias");
    expect(
      rankHit(row("Scaling Laws for Models", [], false, "Paper"), "scaling laws", ["scaling", "laws"], false)
        .matched,
    ).toBe("title");
  });
});
