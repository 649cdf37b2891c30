/**
 * The benchmarks' large graph: a generated corpus (bench/generate) loaded once into a
 * Neo4j data folder of its own and reused by later runs (bench:queries, bench:load),
 * and deterministic targets drawn from it, hubs included on purpose.
 */
import path from "node:path";
import type { ExtractionResult } from "@kg/graph-schema";
import { clearGraphStatements, findNodeQuery } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { applySchema, ensureSchema, loadExtraction } from "../ingest/src/load/load-extraction.ts";
import { corpusManifestSource, type Random } from "./generate/index.ts";

export const BENCH_DATA_DIR = path.resolve(import.meta.dirname, "..", ".data", "neo4j-bench");

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Loads the corpus unless the database already holds it (its manifest Source is there). */
export async function ensureCorpus(
  db: Database,
  corpus: () => ExtractionResult,
  papers: number,
  seed: number,
) {
  const manifest = corpusManifestSource({ papers, seed });
  const [loaded] = await db.run(findNodeQuery, { label: "Source", key: manifest.id });
  if (loaded) {
    log(`the database already holds the corpus (papers=${papers}, seed=${seed}); reusing it`);
    // Loaded by an older version, it may lack an index the queries now use (Paper.date).
    await ensureSchema(db);
    await db.runStatements(["CALL db.awaitIndexes(600)"]);
    return;
  }
  log("clearing the database and loading the corpus (once; later runs reuse it)…");
  await db.runStatements(clearGraphStatements);
  await applySchema(db);
  const started = performance.now();
  const result = corpus();
  let lastStep = "";
  await loadExtraction(db, result, {
    batchSize: 5_000,
    onProgress: (p) => {
      const line = `${p.step} ${p.done}/${p.total}`;
      if (p.step !== lastStep || p.done === p.total || p.done % 100_000 < 5_000) log(`  load ${line}`);
      lastStep = p.step;
    },
  });
  // The manifest goes last: its presence means the whole corpus is in.
  await loadExtraction(db, { sources: [manifest], papers: [], nodes: [], edges: [], warnings: [] });
  await db.runStatements(["CALL db.awaitIndexes(600)"]);
  log(`loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface Targets {
  lineage: string[];
  card: string[];
  related: string[];
  search: string[];
  expand: string[];
}

/** Deterministic targets drawn from the corpus, hubs included on purpose. */
export function pickTargets(result: ExtractionResult, random: Random, count: number): Targets {
  const byLabel = (label: string) => result.nodes.filter((n) => n.label === label);
  const models = byLabel("Model");
  const degree = new Map<string, number>();
  for (const e of result.edges) {
    for (const end of [e.from, e.to]) {
      const id = `${end.label}:${"key" in end ? end.key : end.id}`;
      degree.set(id, (degree.get(id) ?? 0) + 1);
    }
  }
  const hubs = (label: string, n: number) =>
    byLabel(label)
      .map((node) => `${label}:${node.key}`)
      .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0))
      .slice(0, n);
  const someOf = <T>(items: readonly T[], n: number): T[] =>
    Array.from({ length: n }, () => random.pick(items));
  const ids = (label: string, n: number) => someOf(byLabel(label), n).map((node) => `${label}:${node.key}`);
  const paperIds = (n: number) => someOf(result.papers, n).map((p) => `Paper:${p.id}`);
  const tenth = Math.max(1, Math.round(count / 10));

  const typo = (text: string) => {
    const i = 1 + random.int(Math.max(1, text.length - 2));
    return text.slice(0, i) + text.slice(i + 1);
  };
  const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 3);
  const search: string[] = [];
  // Filtered once: bench:load asks for 20,000 targets, and filtering the nodes each time took minutes.
  const datasets = byLabel("Dataset");
  for (let i = 0; i < count; i++) {
    const model = random.pick(models).name;
    const dataset = random.pick(datasets).name;
    const paper = random.pick(result.papers);
    const kind = i % 6;
    if (kind === 0) search.push(model);
    else if (kind === 1) search.push(model.slice(0, 3 + random.int(5)));
    else if (kind === 2) search.push(typo(model));
    else if (kind === 3) search.push(dataset);
    else if (kind === 4) search.push(someOf(words(paper.title ?? ""), 2).join(" "));
    else search.push(random.pick(words(paper.abstract)));
  }

  return {
    lineage: [...hubs("Model", tenth), ...ids("Model", count - tenth)],
    card: [
      ...hubs("Model", tenth),
      ...hubs("Dataset", Math.ceil(tenth / 2)),
      ...hubs("Method", Math.ceil(tenth / 2)),
      ...ids("Model", Math.round(count * 0.3)),
      ...paperIds(Math.round(count * 0.25)),
      ...ids("Dataset", Math.round(count * 0.1)),
      ...ids("Author", Math.round(count * 0.08)),
      ...ids("Organization", Math.round(count * 0.05)),
      ...ids("Method", Math.round(count * 0.02)),
    ],
    related: [...hubs("Model", Math.ceil(tenth / 2)), ...ids("Model", count / 2), ...paperIds(count / 2)],
    search,
    expand: [
      ...hubs("Model", tenth),
      ...hubs("Author", Math.ceil(tenth / 2)),
      ...ids("Model", Math.round(count * 0.3)),
      ...paperIds(Math.round(count * 0.3)),
      ...ids("Dataset", Math.round(count * 0.2)),
    ],
  };
}
