import { describe, expect, it } from "vitest";
import { extractDocuments } from "../pipeline.ts";
import { readDocumentFromText } from "../read/read.ts";
import { detectGenre } from "./genre.ts";
import { segmentDocument } from "./segment.ts";

const BODY =
  "We study a problem that matters to many people in the field. Our method reads the text, finds what it names and links the pieces, and experiments on several public benchmarks show that it works well in practice.";
const A1 = `First abstract about things. ${BODY}`;
const A2 = `Second abstract about other things. ${BODY}`;
const A3 = `Third abstract here, a different one. ${BODY}`;

const seg = (name: string, text: string) => segmentDocument(readDocumentFromText(name, text));

describe("arXiv-style listings", () => {
  it("gives each abstract the id that follows it, with notes and a DOI; the first has no id before it", () => {
    const text = `${A1}\narXiv:2510.15710${A2}\n26 pages, 13 figures\narXiv:2510.01691${A3}\nACM MM 2024\narXiv:2408.08543 - doi: 10.1145/3664647.3681192\n`;
    const s = seg("listing.txt", text);
    expect(s.kind).toBe("arxiv-listing");
    expect(s.papers.map((p) => [p.abstract.slice(0, 6), p.arxivId, p.notes])).toEqual([
      ["First ", "2510.15710", []],
      ["Second", "2510.01691", ["26 pages, 13 figures"]],
      ["Third ", "2408.08543", ["ACM MM 2024", "doi: 10.1145/3664647.3681192"]],
    ]);
  });
  it("reads ids that come before their abstracts when the listing opens with one", () => {
    const s = seg("listing.txt", `arXiv:2501.00001\n${A1}\narXiv:2501.00002v2\n${A2}\n`);
    expect(s.papers.map((p) => p.arxivId)).toEqual(["2501.00001", "2501.00002"]);
  });
});

describe("page genres", () => {
  it("lab page: the header names the organisation of every abstract", () => {
    const s = seg("lab.txt", `AI Lab, Netease\nAbstract:${A1}\nAbstract:${A2}\n`);
    expect([s.kind, s.pageOrganization, s.papers.length]).toEqual(["lab-page", "AI Lab, Netease", 2]);
  });
  it("author page: a person, Publications, then title and abstract pairs", () => {
    const s = seg(
      "author.txt",
      `Zizhe Wang\nPublications\nKimi K2.5: Visual Agentic Intelligence\n${A1}\nAnother Title Here\n${A2}\n`,
    );
    expect([s.kind, s.pageAuthor]).toEqual(["author-page", "Zizhe Wang"]);
    expect(s.papers.map((p) => p.title)).toEqual([
      "Kimi K2.5: Visual Agentic Intelligence",
      "Another Title Here",
    ]);
  });
  it("paper feed: chrome and a date line are not titles", () => {
    const s = seg(
      "feed.txt",
      `new\n\nSubscribe\n\nDaily Papers\n\nSep 4\n\nA Title: Of a Paper\n\n${A1}\n\nSecond Title\n\n${A2}\n`,
    );
    expect(s.kind).toBe("paper-feed");
    expect(s.papers.map((p) => p.title)).toEqual(["A Title: Of a Paper", "Second Title"]);
  });
  it("plain Abstract: blocks and one abstract per paragraph, hard-wrapped or not", () => {
    expect(seg("plain.txt", `Abstract:${A1}\n\n\nAbstract:${A2}\n`).papers.length).toBe(2);
    const wrap = (t: string): string => t.replace(/(.{40,70}) /g, "$1\n");
    const wrapped = `${wrap(`${A1} And a last wrapped line of the same paragraph.`)}\n\n${wrap(A2)}\n\n${A3}\n`;
    const s = seg("notes.md", wrapped);
    expect(s.papers.length).toBe(3);
    expect(s.papers[0]?.abstract).toContain("And a last wrapped line");
    expect(s.papers[1]?.abstract).toBe(A2);
  });
  it("Markdown: headings are titles", () => {
    const s = seg(
      "papers.md",
      `# My reading list\n\n## Paper One: Something\n\n${A1}\n\n## Paper Two\n\n${A2}\n`,
    );
    expect(s.kind).toBe("markdown");
    expect(s.papers.map((p) => p.title)).toEqual(["Paper One: Something", "Paper Two"]);
  });
});

describe("a catalogue is not a paper", () => {
  // A Markdown catalogue like the corpus's SOURCES.md: a heading, a table with long rows,
  // a closing note about the files.
  const row = (path: string, n: string): string =>
    `| \`${path}\` | ${n} | a sample of daily listings, 2025-03 to 2026-07, one JSON object a line with \`title\`, \`abstract\`, \`arxivId\`, \`authors\`, \`organization\` (the organisation that claimed the paper, when any), \`url\` and \`date\` | the public repository \`someone/some-repo\`, commit \`7cffe8b89a26\`, folder \`metadata/\`; abstracts verbatim with line breaks folded |`;
  const CATALOGUE = [
    "# Corpus sources",
    "",
    "| path | papers | what it is | where it comes from |",
    "|---|---|---|---|",
    row("seeds/", "38 (5 documents)"),
    row("daily-papers.jsonl", "9,870"),
    row("../datasets/sample.jsonl", "8,918"),
    "",
    "These are real documents nobody here wrote: use them to see how the extractor behaves on text it was not tuned on, for the demo, and for scale. `datasets/` is kept out of `corpus/` so that the default start stays quick.",
    "",
  ].join("\n");

  it("a heading, a table and a note about files give no paper", () => {
    expect(seg("SOURCES.md", CATALOGUE).papers).toEqual([]);
  });

  it("nor do link lists, runs of symbols or text without a sentence", () => {
    const links = Array.from(
      { length: 12 },
      (_, i) => `- [Paper number ${i}](https://arxiv.org/abs/2501.0000${i})`,
    );
    expect(seg("links.md", `# Reading list\n\n${links.join("\n")}\n`).papers).toEqual([]);
    expect(
      seg("table.txt", `${"| 1.0 | 2.0 | 3.0 | 4.0 | 5.0 | 6.0 | 7.0 | 8.0 |\n".repeat(30)}`).papers,
    ).toEqual([]);
    expect(seg("blob.txt", "A".repeat(5000)).papers).toEqual([]);
    expect(seg("words.txt", `${"word ".repeat(80)}\n`).papers).toEqual([]);
  });

  it("an abstract beside a table is still read, and only it", () => {
    const s = seg("mixed.md", `${CATALOGUE}\n## A Paper Title\n\n${A1}\n`);
    expect(s.papers.map((p) => [p.title, p.abstract])).toEqual([["A Paper Title", A1]]);
  });

  it("the file gets a warning naming it instead", () => {
    const r = extractDocuments([readDocumentFromText("corpus/catalogue.md", CATALOGUE)]);
    expect(r.papers).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual(["corpus/catalogue.md: no abstracts found"]);
  });
});

describe("JSON Lines", () => {
  it("reads records and reports bad lines by number, going on with the rest", () => {
    const text = [
      JSON.stringify({
        title: "T1",
        abstract: A1,
        authors: ["Ann Lee"],
        arxivId: "2405.14906",
        organization: "internlm",
        url: "https://github.com/a/b",
      }),
      "{not json",
      JSON.stringify({ title: "no abstract" }),
      JSON.stringify({ title: "T2", abstract: A2 }),
    ].join("\n");
    const s = seg("bulk.jsonl", text);
    expect(s.kind).toBe("jsonl");
    expect(s.papers.map((p) => [p.title, p.arxivId, p.authors, p.organizations])).toEqual([
      ["T1", "2405.14906", ["Ann Lee"], ["internlm"]],
      ["T2", null, [], []],
    ]);
    expect(s.problems).toHaveLength(2);
    expect(s.problems[0]).toMatch(/^line 2: not valid JSON/);
    expect(s.problems[1]).toMatch(/^line 3: "abstract"/);
  });
  it("detects JSON Lines by content whatever the file is called", () => {
    expect(detectGenre(`${JSON.stringify({ title: "T", abstract: A1 })}\n`, "pasted")).toBe("jsonl");
  });
});

describe("pasted records with labelled fields", () => {
  it("reads Title:, Date: and Authors: as the paper's fields, not as a lab header or a title", () => {
    for (const abstract of [`Abstract: ${A1}`, A1]) {
      const text = `Title: FooNet: a model of things\nDate: 2026-11-30\nAuthors: Ada Lovelace, Alan Turing\n${abstract}\n`;
      const s = seg("paste.txt", text);
      expect(s.kind).not.toBe("lab-page");
      expect(s.pageOrganization).toBeNull();
      expect(s.papers.map((p) => [p.title, p.date, p.authors])).toEqual([
        ["FooNet: a model of things", "2026-11-30", ["Ada Lovelace", "Alan Turing"]],
      ]);
    }
  });
});
