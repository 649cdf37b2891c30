import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../bench/generate/index.ts";
import { extractDocuments, readDocumentFromText } from "../pipeline.ts";
import { extractDocumentsParallel } from "./extract-parallel.ts";

describe("extractDocumentsParallel", () => {
  it("gives byte for byte what extractDocuments gives", async () => {
    const corpus = generateCorpus({ papers: 1_500, seed: 7 });
    const lines = corpus.papers.map((p) =>
      JSON.stringify({ title: p.title, abstract: p.abstract, authors: p.authors }),
    );
    const documents = [
      readDocumentFromText("a.jsonl", lines.slice(0, 800).join("\n")),
      readDocumentFromText("b.jsonl", lines.slice(800).join("\n")),
    ];
    const progress: number[] = [];
    const spillDir = mkdtempSync(path.join(tmpdir(), "kg-spill-test-"));
    try {
      const parallel = await extractDocumentsParallel(documents, {
        threads: 2,
        spillDir,
        onProgress: (p) => progress.push(p.papers),
      });
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(extractDocuments(documents)));
      expect(parallel.papers.length).toBeGreaterThan(1_000);
      expect(progress.at(-1)).toBe(1_500);
      // The workers' files are gone once resolution has read them.
      expect(readdirSync(spillDir)).toEqual([]);
    } finally {
      rmSync(spillDir, { recursive: true, force: true });
    }
  }, 60_000);
});
