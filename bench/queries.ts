import { parseArgs } from "node:util";
import { parseConfig } from "@kg/graph-schema";
import {
  expandNode,
  readCard,
  readLineage,
  readRelated,
  searchGraph,
  warmUpNodesQuery,
  warmUpRelationshipsQuery,
} from "@kg/queries";
import { openDatabase } from "@kg/queries/run";
import { LOCAL_USER } from "../db/local-auth.ts";
import { startNeo4j } from "../db/neo4j-server.ts";
import { BENCH_DATA_DIR, ensureCorpus, pickTargets } from "./bench-graph.ts";
import { createRandom, generateCorpus } from "./generate/index.ts";

const BENCH_PORT = 7691;

/** p95 bars from the issue, in milliseconds. */
const BARS: Record<string, number> = { lineage: 50, search: 30, related: 200, card: 30 };

const log = (message: string) => process.stderr.write(`bench:queries: ${message}\n`);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
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
