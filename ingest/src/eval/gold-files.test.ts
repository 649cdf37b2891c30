import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { normaliseKey } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { GOLD_DIR, SPLITS } from "./main.ts";
import { AnnotatedGoldSchema } from "./score-annotated.ts";

// The gold files alone, without running the extractor: a blind split (test, fresh) must be
// checkable without anyone seeing its scores. A typo in a relation's end or a paper whose
// abstract is not in its document would silently count as a miss for every extractor.
describe.each(SPLITS)("gold split %s: well-formed, without running the extractor", (split) => {
  const dir = join(GOLD_DIR, split);
  const files = readdirSync(dir).filter((f) => f.endsWith(".gold.json"));

  it("has gold files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s parses, and its papers and relation ends resolve", (file) => {
    const path = join(dir, file);
    const gold = AnnotatedGoldSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    const raw = readFileSync(resolve(dirname(path), gold.doc), "utf8");
    // A JSONL document escapes its quotes: compare with the records' text.
    const text = gold.doc.endsWith(".jsonl")
      ? raw
          .split("\n")
          .filter((l) => l.trim())
          .map((l) => (JSON.parse(l) as { abstract: string }).abstract)
          .join("\n")
      : raw;
    const missing = gold.papers.filter((p) => !text.includes(p.abstractStart)).map((p) => p.ref);
    expect(missing).toEqual([]);

    const known = new Set(gold.papers.map((p) => p.ref));
    for (const e of gold.entities) for (const n of [e.name, ...(e.aliases ?? [])]) known.add(normaliseKey(n));
    const dangling = gold.relations
      .flatMap((r) => [r.from, r.to])
      .filter((end) => !known.has(end) && !known.has(normaliseKey(end)));
    expect(dangling).toEqual([]);
  });
});
