import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { multilineArgs } from "../../../db/neo4j-import.ts";
import { extractDocuments, readDocumentFromText } from "../pipeline.ts";
import { writeImportCsv } from "./bulk-csv.ts";

const LINES = [
  JSON.stringify({
    title: "One Line",
    abstract: "We introduce Onel-7B, fine-tuned from Qwen2.5-7B on MedQA.",
    arxivId: "2601.00011",
  }),
  JSON.stringify({
    title: "Two Lines",
    abstract: "We introduce Twol-7B, fine-tuned from Qwen2.5-7B. Twol-7B is evaluated on MedQA.",
    arxivId: "2601.00012",
  }),
].join("\n");

describe("writeImportCsv", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("puts only the rows that span lines in a file of their own, named as the only multiline input", () => {
    dir = mkdtempSync(path.join(tmpdir(), "bulk-csv-"));
    const result = extractDocuments([readDocumentFromText("papers.jsonl", LINES)]);
    // Segmentation joins the lines of what it reads; a stored abstract may still hold a break.
    const two = result.papers.find((p) => p.arxivId === "2601.00012");
    if (!two) throw new Error("fixture: paper 2601.00012 not read");
    two.abstract = two.abstract.replace("Qwen2.5-7B. ", "Qwen2.5-7B.\n");
    const files = writeImportCsv(result, dir, "2026-01-01T00:00:00.000Z");
    const papers = path.join(dir, "papers.csv");
    const multiline = path.join(dir, "papers.multiline.csv");
    expect(files.multiline).toEqual([multiline]);
    expect(files.nodes).toContain(`Paper=${papers}`);
    expect(files.nodes).toContain(`Paper=${multiline}`);
    const single = readFileSync(papers, "utf8");
    const multi = readFileSync(multiline, "utf8");
    // Both carry the header; each paper is in exactly one of them.
    expect(single.split("\n")[0]).toBe(multi.split("\n")[0]);
    expect(single).toContain('"arxiv:2601.00011"');
    expect(single).not.toContain("2601.00012");
    expect(multi).toContain('"arxiv:2601.00012"');
    expect(multi).toContain("Qwen2.5-7B.\nTwol-7B");
    expect(multilineArgs(files.multiline)).toEqual([
      "--multiline-fields-format=v2",
      `--multiline-fields=${multiline}`,
    ]);
  });

  it("tells the importer that no file spans lines when none does, and every file may when a path has a comma", () => {
    expect(multilineArgs([])).toEqual(["--multiline-fields=false"]);
    expect(multilineArgs(["/data/a,b/papers.multiline.csv"])).toEqual(["--multiline-fields=true"]);
    expect(multilineArgs(undefined)).toEqual(["--multiline-fields=true"]);
  });
});
