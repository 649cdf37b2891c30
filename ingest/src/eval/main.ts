/**
 * `npm run eval [-- --verbose]`: scores the extractor against every gold standard in
 * ingest/test/fixtures/gold/ (the seed documents, and the held-out set composed from
 * abstracts nobody tuned on) and prints precision, recall and F1 per label and type.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocuments, readDocuments } from "../pipeline.ts";
import { formatScore, GoldSchema, scoreExtraction } from "./score.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const GOLD_DIR = resolve(here, "../../test/fixtures/gold");

/** Loads a gold file and scores the extraction of its corpus. */
export async function evaluateGold(file: string) {
  const gold = GoldSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const corpus = resolve(dirname(file), gold.corpus);
  const { documents } = await readDocuments([corpus]);
  return scoreExtraction(extractDocuments(documents), gold);
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose") || process.argv.includes("-v");
  const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const files = (await readdir(GOLD_DIR)).filter((f) => f.endsWith(".gold.json")).sort();
  for (const f of files) {
    if (only.length > 0 && !only.some((o) => f.includes(o))) continue;
    const score = await evaluateGold(join(GOLD_DIR, f));
    console.log(formatScore(f, score, verbose));
    console.log("");
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
