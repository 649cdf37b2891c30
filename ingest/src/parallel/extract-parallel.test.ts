import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ExtractedEdge } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../bench/generate/index.ts";
import { AbstractStore } from "../abstract-store.ts";
import { BulkCsvError, ImportCsv } from "../load/bulk-csv.ts";
import { extractDocuments, listDocuments, readDocumentFromText, readDocuments } from "../pipeline.ts";
import { extractDocumentsParallel } from "./extract-parallel.ts";

function corpusDocuments() {
  const corpus = generateCorpus({ papers: 1_500, seed: 7 });
  const lines = corpus.papers.map((p) =>
    JSON.stringify({ title: p.title, abstract: p.abstract, authors: p.authors }),
  );
  return [
    readDocumentFromText("a.jsonl", lines.slice(0, 800).join("\n")),
    readDocumentFromText("b.jsonl", lines.slice(800).join("\n")),
  ];
}

describe("extractDocumentsParallel", () => {
  it("gives byte for byte what extractDocuments gives", async () => {
    const documents = corpusDocuments();
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

  it("resolves a few papers in memory without asking for a sink (no wait on the caller's database)", async () => {
    const documents = [corpusDocuments()[0]!];
    const whole = extractDocuments(documents);
    let asked = 0;
    const result = await extractDocumentsParallel(documents, {
      threads: 2,
      streamEdges: async () => {
        asked++;
        return () => {};
      },
    });
    expect(asked).toBe(0);
    expect(result.edges.length).toBeGreaterThan(1_000);
    expect(JSON.stringify(result)).toBe(JSON.stringify(whole));
  }, 60_000);

  it("streams the same graph's edges to a sink, partition by partition, on threads or not", async () => {
    const documents = corpusDocuments();
    const whole = extractDocuments(documents);
    expect(whole.edges.length).toBeGreaterThan(5_000);
    for (const [threads, papersPerPartition] of [
      [2, 200],
      [1, 5_000],
    ] as const) {
      const spillDir = mkdtempSync(path.join(tmpdir(), "kg-spill-test-"));
      try {
        const edges: ExtractedEdge[] = [];
        const streamed = await extractDocumentsParallel(documents, {
          threads,
          spillDir,
          papersPerPartition,
          streamEdges: async () => (edge) => edges.push(edge),
        });
        expect(streamed.edges).toEqual([]);
        expect(JSON.stringify({ ...streamed, edges: null })).toBe(JSON.stringify({ ...whole, edges: null }));
        // The same edges, each with its evidence in the same order; only the order of the edges differs.
        const rows = (list: ExtractedEdge[]) => list.map((e) => JSON.stringify(e)).sort();
        expect(rows(edges)).toEqual(rows(whole.edges));
        expect(readdirSync(spillDir)).toEqual([]);
      } finally {
        rmSync(spillDir, { recursive: true, force: true });
      }
    }
  }, 120_000);

  it("encodes the streamed edges as import rows on the worker threads: the files one thread writes", async () => {
    const documents = corpusDocuments();
    const dir = mkdtempSync(path.join(tmpdir(), "kg-csv-test-"));
    try {
      const files = new Map<number, Map<string, string>>();
      for (const threads of [2, 1]) {
        const csv = new ImportCsv(path.join(dir, String(threads)));
        const result = await extractDocumentsParallel(documents, {
          threads,
          spillDir: dir,
          papersPerPartition: 200,
          streamEdges: async () => csv,
        });
        const written = csv.finish(result, new Date(0).toISOString());
        expect(written.counts.edges).toBeGreaterThan(5_000);
        const texts = new Map<string, string>();
        for (const arg of written.relationships) {
          const file = arg.slice(arg.indexOf("=") + 1);
          texts.set(path.basename(file), readFileSync(file, "utf8"));
        }
        files.set(threads, texts);
      }
      // Byte for byte: the same rows, in the same order, in the same files.
      expect([...(files.get(2) as Map<string, string>)]).toEqual([...(files.get(1) as Map<string, string>)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses a value the import CSV cannot carry as BulkCsvError when a worker encodes it", async () => {
    // U+001F separates the items of an array field: a sentence holding it cannot be written
    // (escaped in the JSON lines, a raw control character being no JSON).
    const documents = corpusDocuments().map((doc) =>
      readDocumentFromText(doc.source.path, doc.text.replaceAll(". ", ".\\u001f ")),
    );
    const csv = new ImportCsv(mkdtempSync(path.join(tmpdir(), "kg-csv-test-")));
    try {
      await expect(
        extractDocumentsParallel(documents, { threads: 2, streamEdges: async () => csv }),
      ).rejects.toBeInstanceOf(BulkCsvError);
    } finally {
      csv.close();
      rmSync(csv.dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("extracts while segmenting, a chunk with an untitled paper once its paper's title is known", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-early-test-"));
    try {
      const corpus = generateCorpus({ papers: 2_400, seed: 11 }).papers;
      const line = (p: { title: string | null; abstract: string; authors: string[] }) =>
        JSON.stringify({ title: p.title, abstract: p.abstract, authors: p.authors });
      // Paper 10 has no title in the first file; its paper's title is in the last file. Its
      // chunk waits for the title; the chunks after it go out early (a file is 600 papers, a
      // chunk 500). That the input is the same either way is pipeline.test.ts's.
      const u = 10;
      const files = [corpus.slice(0, 600), corpus.slice(600, 1_200), corpus.slice(1_200, 1_800)];
      files[0]![u] = { ...corpus[u]!, title: null };
      files.push([...corpus.slice(1_800), corpus[u]!]);
      for (const [i, papers] of files.entries())
        writeFileSync(path.join(dir, `${i}.jsonl`), papers.map(line).join("\n"));
      const whole = extractDocuments((await readDocuments([dir])).documents);
      // Abstracts in memory, then in a file (as the ingest keeps them).
      for (const abstracts of [undefined, new AbstractStore(path.join(dir, "abstracts.bin"))]) {
        const progress: number[] = [];
        const parallel = await extractDocumentsParallel(await listDocuments([dir]), {
          threads: 2,
          onProgress: (p) => progress.push(p.papers),
          ...(abstracts ? { abstracts } : {}),
        });
        abstracts?.close();
        expect(JSON.stringify(parallel)).toBe(JSON.stringify(whole));
        expect(progress.at(-1)).toBe(2_401);
      }
      // The untitled occurrence was read with its paper's title (one paper, not two).
      expect(whole.papers.filter((p) => p.title === corpus[u]!.title)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("reads files one at a time and keeps the abstracts in a file: the same result, streamed or not", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-abstracts-test-"));
    try {
      const corpus = generateCorpus({ papers: 1_200, seed: 9 }).papers;
      const line = (p: { title: string | null; abstract: string; authors: string[] }) =>
        JSON.stringify({ title: p.title, abstract: p.abstract, authors: p.authors });
      const first = corpus[0]!;
      const second = corpus[1]!;
      writeFileSync(path.join(dir, "a.jsonl"), corpus.slice(0, 700).map(line).join("\n"));
      writeFileSync(path.join(dir, "b.jsonl"), corpus.slice(700).map(line).join("\n"));
      // Without titles: one is the first paper again (its abstract read back to compare the
      // whole key), one shares the second's first 300 characters but not the rest.
      writeFileSync(
        path.join(dir, "c.jsonl"),
        [
          line({ ...first, title: null }),
          line({ ...second, title: null, abstract: `${second.abstract} It also ends otherwise.` }),
        ].join("\n"),
      );
      const whole = extractDocuments((await readDocuments([dir])).documents);
      expect(whole.papers.length).toBeGreaterThan(1_000);

      const abstracts = new AbstractStore(path.join(dir, "abstracts.bin"));
      const files = await listDocuments([dir]);
      const inMemory = await extractDocumentsParallel(files, { threads: 2, abstracts });
      abstracts.close();
      expect(JSON.stringify(inMemory)).toBe(JSON.stringify(whole));

      const store = new AbstractStore(path.join(dir, "abstracts-streamed.bin"));
      const edges: ExtractedEdge[] = [];
      const streamed = await extractDocumentsParallel(await listDocuments([dir]), {
        threads: 2,
        abstracts: store,
        streamEdges: async () => (edge) => edges.push(edge),
      });
      // The papers are left without their abstracts, which the store gives back.
      expect(streamed.papers.every((p) => p.abstract === "")).toBe(true);
      const papers = streamed.papers.map((p) => ({ ...p, abstract: store.ofPaper(p) }));
      store.close();
      expect(JSON.stringify({ ...streamed, papers, edges: null })).toBe(
        JSON.stringify({ ...whole, edges: null }),
      );
      const rows = (list: ExtractedEdge[]) => list.map((e) => JSON.stringify(e)).sort();
      expect(rows(edges)).toEqual(rows(whole.edges));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
