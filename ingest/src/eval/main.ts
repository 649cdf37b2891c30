/**
 * `npm run eval [-- --verbose] [names…]`: scores the extractor against every gold standard
 * in ingest/test/fixtures/gold/ and prints precision, recall and F1 per label and type:
 *
 * - `seeds.gold.json`, `heldout.gold.json`: the older whole-corpus format (score.ts);
 * - `dev/`, `test/`, `fresh/`: one gold file per document, written to
 *   ../shared/docs/annotation.md (score-annotated.ts), pooled per split with the lineage
 *   figure (BASED_ON + TRAINED_ON + EVALUATED_ON).
 *
 * Tuning happens on dev only. `--verbose` lists the errors of every set except the blind
 * splits (test, and fresh: a second set nobody has tuned on or read the errors of), whose
 * errors are never printed: their figures stay blind.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocuments, readDocuments } from "../pipeline.ts";
import { formatScore, GoldSchema, scoreExtraction } from "./score.ts";
import {
  AnnotatedGoldSchema,
  type AnnotatedScore,
  formatAnnotated,
  poolScores,
  scoreAnnotated,
} from "./score-annotated.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const GOLD_DIR = resolve(here, "../../test/fixtures/gold");
export const SPLITS = ["dev", "test", "fresh"] as const;
export type Split = (typeof SPLITS)[number];
/** Splits whose errors are never printed, so that nobody tunes on them. */
export const BLIND_SPLITS: readonly Split[] = ["test", "fresh"];

/** Loads a whole-corpus gold file (seeds, held-out) and scores the extraction of its corpus. */
export async function evaluateGold(file: string) {
  const gold = GoldSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const corpus = resolve(dirname(file), gold.corpus);
  const { documents } = await readDocuments([corpus]);
  return scoreExtraction(extractDocuments(documents), gold);
}

/** Scores one annotated document (its gold file names the document, relative to itself). */
export async function evaluateAnnotated(file: string): Promise<AnnotatedScore> {
  const gold = AnnotatedGoldSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const { documents } = await readDocuments([resolve(dirname(file), gold.doc)]);
  return scoreAnnotated(extractDocuments(documents), gold, gold.doc.replace(/^.*\//, ""));
}

/** Scores every document of a split and pools the counts. */
export async function evaluateSplit(split: Split): Promise<AnnotatedScore> {
  const dir = join(GOLD_DIR, split);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".gold.json")).sort();
  const scores: AnnotatedScore[] = [];
  for (const f of files) scores.push(await evaluateAnnotated(join(dir, f)));
  return poolScores(scores);
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose") || process.argv.includes("-v");
  const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const wanted = (name: string): boolean => only.length === 0 || only.some((o) => name.includes(o));
  const files = (await readdir(GOLD_DIR)).filter((f) => f.endsWith(".gold.json")).sort();
  for (const f of files) {
    if (!wanted(f)) continue;
    console.log(formatScore(f, await evaluateGold(join(GOLD_DIR, f)), verbose));
    console.log("");
  }
  for (const split of SPLITS) {
    if (!wanted(split)) continue;
    const score = await evaluateSplit(split);
    const showErrors = verbose && !BLIND_SPLITS.includes(split);
    console.log(formatAnnotated(`${split} (${score.papers.expected} papers)`, score, showErrors));
    console.log("");
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
