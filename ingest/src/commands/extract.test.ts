import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ExtractionResultSchema, parseExtractionInPlace } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { progressLine } from "../cli/progress.ts";
import { extractDocuments, readDocuments } from "../pipeline.ts";
import { runExtractCommand } from "./extract.ts";

const SEEDS = path.resolve(import.meta.dirname, "../../../../shared/corpus/seeds");

async function run(format: string): Promise<{ out: string; pieces: number; code: number }> {
  let out = "";
  let pieces = 0;
  const code = await runExtractCommand([SEEDS, "--format", format], {
    stdout: () => {
      throw new Error("the streamed formats write through stdoutAsync");
    },
    stderr: () => {},
    stdoutAsync: async (text) => {
      out += text;
      pieces++;
    },
  });
  return { out, pieces, code };
}

describe("kg extract, streamed", () => {
  it("--format json writes the bytes of JSON.stringify of the whole result", async () => {
    const { documents, warnings } = await readDocuments([SEEDS]);
    const result = extractDocuments(documents);
    result.warnings = [...warnings, ...result.warnings];
    const { out, code } = await run("json");
    expect(code).toBe(0);
    expect(out).toBe(`${JSON.stringify(result)}\n`);
  });

  it("--format jsonl writes one record a line, each kind with its list's items", async () => {
    const { out } = await run("jsonl");
    const { out: json } = await run("json");
    const whole = JSON.parse(json);
    const lines = out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    const of = (kind: string) =>
      lines.filter((l) => l.record === kind).map(({ record: _r, ...rest }) => rest);
    expect(of("source")).toEqual(whole.sources);
    expect(of("paper")).toEqual(whole.papers);
    expect(of("node")).toEqual(whole.nodes);
    expect(of("edge")).toEqual(whole.edges);
    expect(lines.length).toBe(
      whole.sources.length +
        whole.papers.length +
        whole.nodes.length +
        whole.edges.length +
        whole.warnings.length,
    );
  });
});

describe("kg extract, files read as they are segmented", () => {
  it("says what it could not read, in order, and fails only when it read nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-extract-read-"));
    const record = JSON.stringify({ title: "Foo: A Model", abstract: "We introduce Foo, a model." });
    const extract = async (names: string[]) => {
      let err = "";
      const code = await runExtractCommand([...names.map((n) => path.join(dir, n)), "--format", "json"], {
        stdout: () => {},
        stderr: (s) => {
          err += s;
        },
        stdoutAsync: async () => {},
      });
      return { code, err };
    };
    try {
      writeFileSync(path.join(dir, "a.jsonl"), record);
      writeFileSync(path.join(dir, "b.jsonl"), record);
      writeFileSync(path.join(dir, "c.bin"), Buffer.from([0, 1, 2]));
      const some = await extract(["c.bin", "a.jsonl", "b.jsonl"]);
      expect(some.code).toBe(0);
      expect(some.err).toMatch(/skipped .*c\.bin: binary content[\s\S]*skipped .*b\.jsonl: same bytes as/);
      const none = await extract(["c.bin", "missing.txt"]);
      expect(none.code).toBe(1);
      expect(none.err).toMatch(/cannot open .*missing\.txt[\s\S]*skipped .*c\.bin: binary content/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("parseExtractionInPlace", () => {
  it("gives what ExtractionResultSchema.parse gives, and names the bad item", async () => {
    const { documents } = await readDocuments([SEEDS]);
    const result = extractDocuments(documents, { validate: false });
    const whole = ExtractionResultSchema.parse(structuredClone(result));
    expect(parseExtractionInPlace(result)).toEqual(whole);
    // Byte for byte too: the edges it keeps as they are have the parsed copies' keys, in order.
    expect(JSON.stringify(result)).toBe(JSON.stringify(whole));
    const bad = structuredClone(whole);
    (bad.edges[3] as { type: string }).type = "NOT_A_TYPE";
    expect(() => parseExtractionInPlace(bad)).toThrow(/edges.*3.*type|NOT_A_TYPE|Invalid/);
  });
});

describe("progressLine", () => {
  it("shows documents, papers, relationships, the rate and the time left", () => {
    const line = progressLine(
      {
        phase: "loading",
        documents: 10,
        documentsTotal: 10,
        papers: 1000,
        papersTotal: 1000,
        relationships: 5000,
        relationshipsTotal: 10000,
      },
      12,
      5,
    );
    expect(line).toContain("[############------------]");
    expect(line).toContain("docs 10/10");
    expect(line).toContain("papers 1,000/1,000");
    expect(line).toContain("rels 5,000/10,000");
    expect(line).toContain("1,000 rel/s");
    expect(line).toContain("12 s elapsed, 5 s left");
  });
});
