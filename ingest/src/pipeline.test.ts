import { ExtractionResultSchema } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { adversarialTexts } from "../../bench/extract.ts";
import {
  DocumentPreparation,
  extractDocuments,
  MAX_PAPER_CHARS,
  paperInput,
  readDocumentFromText,
  readDocuments,
} from "./pipeline.ts";

const SEEDS = "/work/shared/corpus/seeds";

describe("extractDocuments", () => {
  it("is deterministic: the same input gives byte-identical JSON", async () => {
    const { documents } = await readDocuments([SEEDS]);
    const a = JSON.stringify(extractDocuments(documents));
    const b = JSON.stringify(extractDocuments((await readDocuments([SEEDS])).documents));
    expect(a).toBe(b);
    expect(ExtractionResultSchema.safeParse(JSON.parse(a)).success).toBe(true);
  });

  it("does not depend on the order of the documents for papers, nodes and edges", async () => {
    const { documents } = await readDocuments([SEEDS]);
    const forward = extractDocuments(documents);
    const backward = extractDocuments([...documents].reverse());
    const shape = (r: typeof forward) => ({
      papers: r.papers.map((p) => [p.id, p.title, p.arxivId, [...p.sourceIds].sort()]),
      nodes: r.nodes,
      edges: r.edges.map((e) => [
        e.type,
        e.from,
        e.to,
        e.properties,
        e.evidence.map((v) => [v.paperId, v.sourceId, v.sentence, v.extractor]),
      ]),
    });
    expect(shape(backward)).toEqual(shape(forward));
  });

  it("makes one Paper of one paper seen in several documents, and ids follow the contract", async () => {
    const { documents } = await readDocuments([SEEDS]);
    const r = extractDocuments(documents);
    expect(r.papers).toHaveLength(34);
    const kimi = r.papers.filter((p) => p.abstract.startsWith("We introduce Kimi K2.5"));
    expect(kimi).toHaveLength(1);
    expect(kimi[0]?.sourceIds).toHaveLength(2);
    expect(kimi[0]?.id).toMatch(/^sha:[0-9a-f]{16}$/);
    expect(r.papers.find((p) => p.arxivId === "2508.15763")?.title).toBe(
      "Intern-S1: A Scientific Multimodal Foundation Model",
    );
    expect(r.sources.every((s) => s.ingestedAt === null)).toBe(true);
  });

  it("warns about a bad JSON line, naming the file and the line, and keeps the rest", () => {
    const good = JSON.stringify({
      title: "A Paper",
      abstract:
        "We introduce GPT-X, a model. It is good at many things that matter a great deal to everyone.",
    });
    const r = extractDocuments([readDocumentFromText("bulk.jsonl", `${good}\n{oops\n`)]);
    expect(r.papers).toHaveLength(1);
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^bulk\.jsonl: line 2: not valid JSON/),
    ]);
  });

  it("refuses a document with one huge paper alone, with a warning, and keeps the others", () => {
    // Found by an attack run: a 200 MB single-line document failed the whole load.
    const good = readDocumentFromText(
      "good.txt",
      "Abstract: We introduce GPT-X, a model fine-tuned from Qwen2.5-7B on MedQA.\n",
    );
    const huge = readDocumentFromText(
      "huge.txt",
      `Abstract: We introduce HugeNet. ${"word ".repeat(MAX_PAPER_CHARS / 5)}`,
    );
    const r = extractDocuments([huge, good]);
    expect(r.sources.map((source) => source.path)).toEqual(["good.txt"]);
    expect(r.papers).toHaveLength(1);
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^huge\.txt: skipped: line 1 starts a paper of \d+ characters; the limit is 1000000/,
      ),
    ]);
  });

  it("handles 1 MB lines of adversarial text in under a second each", () => {
    for (const [name, text] of adversarialTexts()) {
      const t0 = performance.now();
      const r = extractDocuments([readDocumentFromText(`${name}.txt`, text)], { validate: false });
      const ms = performance.now() - t0;
      expect(r.papers.length, name).toBeGreaterThanOrEqual(0);
      expect(ms, name).toBeLessThan(1000);
    }
  });
});

describe("DocumentPreparation", () => {
  it("gives a titled occurrence's input before the corpus is in: the one paperInput gives after", () => {
    const line = (title: string | null, abstract: string) =>
      JSON.stringify({ title, abstract, authors: ["A. Author"] });
    const abstract = "We introduce Quokka-9B, a language model fine-tuned from Llama 3 on the Pile. ".repeat(
      3,
    );
    const other = "We present Wombat, a benchmark of reasoning tasks on which GPT-4 is evaluated. ".repeat(3);
    const documents = [
      readDocumentFromText("a.jsonl", [line(null, abstract), line("Wombat: A Benchmark", other)].join("\n")),
      readDocumentFromText("b.jsonl", line("Quokka-9B: An Open Language Model", abstract)),
    ];
    const preparation = new DocumentPreparation({}, documents.length);
    for (const doc of documents) preparation.add(doc);
    // The first occurrence waits for its paper's title (in the second document).
    expect(preparation.hasOwnTitle(0)).toBe(false);
    expect(preparation.hasOwnTitle(1)).toBe(true);
    const early = [1, 2].map((k) => preparation.earlyInput(k));
    const prepared = preparation.finish();
    expect(early).toEqual([paperInput(prepared, 1), paperInput(prepared, 2)]);
    expect(paperInput(prepared, 0).title).toBe("Quokka-9B: An Open Language Model");
  });
});
