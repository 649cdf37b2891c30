/**
 * `npx tsx ingest/src/eval/explain.ts <file> [words]`: prints, for each paper of a
 * document whose abstract contains `words`, every candidate name with the evidence for
 * each type, then the edges. A tool for reading why the extractor decided what it did.
 */
import { extractPaper } from "../extract/extract.ts";
import { readDocuments } from "../read/read.ts";
import { segmentDocument } from "../segment/segment.ts";

const [path, ...words] = process.argv.slice(2);
if (!path) throw new Error("explain: give a file");
const needle = words.join(" ");
const { documents } = await readDocuments([path]);
for (const doc of documents) {
  for (const raw of segmentDocument(doc).papers) {
    if (needle && !raw.abstract.includes(needle) && !(raw.title ?? "").includes(needle)) continue;
    console.log(`--- ${raw.title ?? raw.abstract.slice(0, 80)}`);
    const out = extractPaper(
      {
        title: raw.title,
        abstract: raw.abstract,
        organizations: [],
        authors: [],
        pageEvidence: null,
        urls: [],
      },
      (line) => console.log(`  ${line}`),
    );
    const name = (e: { paper: true } | { entity: number }): string =>
      "paper" in e ? "paper" : `${out.entities[e.entity]?.label}:${out.entities[e.entity]?.surfaces[0]?.[0]}`;
    for (const e of out.edges)
      console.log(`  ${e.type} ${name(e.from)} -> ${name(e.to)} [${e.extractor}] ${e.method ?? ""}`);
  }
}
