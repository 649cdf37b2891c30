/**
 * `npm run bench:queries`: latency of the main reads on a generated corpus of
 * 100,000 papers (bench/generate), loaded through the real loader into a Neo4j of its
 * own (port 7691, data in .data/neo4j-bench; kept, and reused when it already holds
 * the same corpus) unless NEO4J_URI names a server. Warms up, then prints p50 and p95
 * of lineage, cards, related work, search and expansion against their bars.
 *
 *   npm run bench:queries -- [--papers 100000] [--seed 42] [--runs 300] [--only lineage,card,…] [--json]
 *
 * Exit code 1 when a p95 is over its bar.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { type ExtractionResult, parseConfig } from "@kg/graph-schema";
import {
  clearGraphStatements,
  expandNode,
  findNodeQuery,
  readCard,
  readLineage,
  readRelated,
  searchGraph,
  warmUpNodesQuery,
  warmUpRelationshipsQuery,
} from "@kg/queries";
import { type Database, openDatabase } from "@kg/queries/run";
import { LOCAL_USER } from "../db/local-auth.ts";
import { startNeo4j } from "../db/neo4j-server.ts";
import { applySchema, loadExtraction } from "../ingest/src/load/load-extraction.ts";
import { corpusManifestSource, createRandom, generateCorpus, type Random } from "./generate/index.ts";

const BENCH_PORT = 7691;
const BENCH_DATA_DIR = path.resolve(import.meta.dirname, "..", ".data", "neo4j-bench");

/** p95 bars from the issue, in milliseconds. */
const BARS: Record<string, number> = { lineage: 50, search: 30, related: 200, card: 30 };

const log = (message: string) => process.stderr.write(`bench:queries: ${message}\n`);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

async function ensureCorpus(db: Database, corpus: () => ExtractionResult, papers: number, seed: number) {
  const manifest = corpusManifestSource({ papers, seed });
  const [loaded] = await db.run(findNodeQuery, { label: "Source", key: manifest.id });
  if (loaded) {
    log(`the database already holds the corpus (papers=${papers}, seed=${seed}); reusing it`);
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

interface Targets {
  lineage: string[];
  card: string[];
  related: string[];
  search: string[];
  expand: string[];
}

/** Deterministic targets drawn from the corpus, hubs included on purpose. */
function pickTargets(result: ExtractionResult, random: Random, count: number): Targets {
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
  for (let i = 0; i < count; i++) {
    const model = random.pick(models).name;
    const dataset = random.pick(byLabel("Dataset")).name;
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

async function measure(
  name: string,
  targets: readonly string[],
  runs: number,
  warmup: number,
  call: (target: string) => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call(targets[i % targets.length] as string);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const target = targets[i % targets.length] as string;
    const started = performance.now();
    try {
      await call(target);
    } catch (error) {
      throw new Error(`bench:queries: ${name} failed for ${target}: ${(error as Error).message}`);
    }
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      papers: { type: "string", default: "100000" },
      seed: { type: "string", default: "42" },
      runs: { type: "string", default: "300" },
      json: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const only = values.only ? new Set(values.only.split(",")) : null;
  const papers = Number(values.papers);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  const config = parseConfig(process.env);

  let stopServer: (() => Promise<void>) | undefined;
  let uri = config.NEO4J_URI;
  let user = config.NEO4J_USER;
  let password = config.NEO4J_PASSWORD;
  if (!uri) {
    const handle = await startNeo4j({
      port: BENCH_PORT,
      dataDir: BENCH_DATA_DIR,
      heap: config.NEO4J_HEAP ?? "3g",
      pagecache: "2g",
      detached: false,
      log,
    });
    uri = handle.boltUri;
    user = LOCAL_USER;
    password = handle.password;
    stopServer = handle.reused ? undefined : () => handle.stop();
    log(`${handle.reused ? "using the running" : "started a"} Neo4j at ${uri} (data ${BENCH_DATA_DIR})`);
  }
  const db = openDatabase({
    uri,
    user,
    password,
    database: config.NEO4J_DATABASE,
  });
  try {
    log(`generating the corpus (papers=${papers}, seed=${seed})…`);
    const t0 = performance.now();
    const corpus = generateCorpus({ papers, seed });
    log(
      `generated ${corpus.papers.length} papers, ${corpus.nodes.length} entities, ${corpus.edges.length} relationships in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await ensureCorpus(db, () => corpus, papers, seed);
    const targets = pickTargets(corpus, createRandom(seed ^ 0x5eed), runs);
    const timeoutMs = config.QUERY_TIMEOUT_MS;
    log("warming the page cache (every node and relationship once)…");
    const warmStarted = performance.now();
    await db.run(warmUpNodesQuery, {}, { timeoutMs: 600_000 });
    await db.run(warmUpRelationshipsQuery, {}, { timeoutMs: 600_000 });
    log(`warm in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
    // Then every target once per query, so plans are compiled and index pages read.
    const warmup = runs;

    const results: { name: string; times: number[] }[] = [];
    const run = async (name: string, list: string[], call: (t: string) => Promise<unknown>) => {
      if (only && !only.has(name)) return;
      log(`measuring ${name} (${warmup} warm-up, ${runs} timed)…`);
      results.push({ name, times: await measure(name, list, runs, warmup, call) });
    };
    await run("lineage", targets.lineage, (id) => readLineage(db, id, { timeoutMs }));
    await run("card", targets.card, (id) => readCard(db, id, { timeoutMs }));
    await run("related", targets.related, (id) => readRelated(db, id, { timeoutMs }));
    await run("search", targets.search, (q) => searchGraph(db, q, { limit: 10, timeoutMs }));
    await run("expand", targets.expand, (id) => expandNode(db, id, { limit: 100, timeoutMs }));

    const rows = results.map(({ name, times }) => {
      const p95 = percentile(times, 95);
      const bar = BARS[name];
      return {
        query: name,
        runs: times.length,
        p50: percentile(times, 50),
        p95,
        p99: percentile(times, 99),
        max: times[times.length - 1] ?? Number.NaN,
        bar: bar ?? null,
        ok: bar === undefined ? null : p95 <= bar,
      };
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ papers, seed, rows }, null, 2)}\n`);
    } else {
      const fmt = (n: number) => n.toFixed(1).padStart(7);
      process.stdout.write(
        `\nqueries on ${papers.toLocaleString("en")} papers (seed ${seed}), ${runs} runs each, ms\n` +
          `query      p50      p95      p99      max   p95 bar\n`,
      );
      for (const r of rows) {
        const verdict = r.bar === null ? "" : `${r.ok ? "ok  " : "OVER"} ≤ ${r.bar}`;
        process.stdout.write(
          `${r.query.padEnd(8)} ${fmt(r.p50)}  ${fmt(r.p95)}  ${fmt(r.p99)}  ${fmt(r.max)}   ${verdict}\n`,
        );
      }
    }
    return rows.every((r) => r.ok !== false) ? 0 : 1;
  } finally {
    await db.close();
    await stopServer?.();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
