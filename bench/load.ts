/**
 * `npm run bench:load`: the API under load on loopback. For each graph (the seed
 * documents, and the generated 100k-paper graph of bench:queries), for each of search,
 * lineage and card: a fresh server process on a Neo4j whose plan cache was just
 * emptied (cold), 50 connections for 30 s, then the same again on the now warm
 * server. Then a soak: all three endpoints mixed for --soak-seconds (default 600) with
 * the server's RSS sampled every 10 s. Prints requests, errors, p50/p95/p99 and the
 * load average; exit code 1 when an error, a crash or a target is missed.
 *
 * Each endpoint is measured with the server's read cache off (READ_CACHE_MB=0: every
 * request reads the graph) and on (as shipped), unless --cache says one. The targets
 * are drawn from the whole graph (20,000 per endpoint by default, a tenth of them the
 * best connected models, in a shuffled order), so a 30 s run at a few hundred requests
 * a second sends each target about once and nearly every request misses the cache, as
 * a crowd of readers looking up different models would; the cold run with the cache
 * on starts with it empty. With 400 targets every request after the first 400 was a
 * cache hit, which measured the cache rather than the graph.
 *
 *   npm run bench:load -- [--graphs seed,100k] [--connections 50] [--seconds 30]
 *                         [--soak-seconds 600] [--soak-graph 100k] [--papers 100000] [--seed 42]
 *                         [--cache both|on|off] [--targets 20000] [--warmup-seconds 120]
 *                         [--neo4j-port 7692] [--server-port 5391] [--server-cpu-prof <dir>]
 *                         [--endpoints search,lineage,card]
 *
 * Each run also prints the server process's CPU time per request (asked of the server
 * before and after the run) and, with the cache on, the share of reads the cache
 * answered; --server-cpu-prof writes a V8 CPU profile of every server process to <dir>.
 *
 * Ports also come from BENCH_NEO4J_PORT and BENCH_SERVER_PORT (the servers take
 * consecutive ports from there), so two runs on one machine need not clash.
 *
 * Before the measured runs, the page cache is warmed (every node and relationship read
 * once) and --warmup-seconds (default 120) of mixed requests on other targets warm the
 * just-started Neo4j (its JIT compiler), so no endpoint is measured on a colder database
 * than another. The first requests after a restart of Neo4j itself (empty page cache) are
 * not what these runs measure.
 *
 * Targets (issue 9): zero errors and crashes; p99 ≤ 250 ms for search and lineage on the
 * 100k graph; RSS growth ≤ 10% after warm-up (until the read cache is full, at least the
 * first tenth of the soak and 120 s, and then until the RSS levels off; peak to peak: see soakWarmUp).
 * They are judged on the runs with the cache as configured for use (on, unless only
 * --cache off was asked for); misses without the cache are listed too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseConfig } from "@kg/graph-schema";
import { ingestPaths } from "@kg/ingest";
import { countAllQuery, graphNodesQuery, warmUpNodesQuery, warmUpRelationshipsQuery } from "@kg/queries";
import { type Database, openDatabase } from "@kg/queries/run";
import { LOCAL_USER } from "../db/local-auth.ts";
import { type Neo4jHandle, startNeo4j } from "../db/neo4j-server.ts";
import { BENCH_DATA_DIR, ensureCorpus, pickTargets } from "./bench-graph.ts";
import { createRandom, generateCorpus, type Random } from "./generate/index.ts";

const REPO = path.resolve(import.meta.dirname, "..");
/** The five seed documents, as kept in the repository (the same bytes as ../shared/corpus/seeds). */
const SEED_CORPUS = path.resolve(REPO, "corpus-sample", "seeds");
const SEED_DATA_DIR = path.resolve(REPO, ".data", "neo4j-bench-seed");
const ENDPOINTS = ["search", "lineage", "card"] as const;
type Endpoint = (typeof ENDPOINTS)[number];
const P99_TARGET_MS = 250;
const RSS_GROWTH_TARGET = 0.1;

const log = (message: string) => process.stderr.write(`bench:load: ${message}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

type CacheMode = "on" | "off";

interface Run {
  graph: string;
  endpoint: Endpoint | "mixed";
  phase: "cold" | "warm" | "soak";
  cache: CacheMode;
  requests: number;
  errors: number;
  firstErrors: string[];
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  loadavg: string;
  /** CPU time of this process (the load generator) over the run, as % of one core. */
  generatorCpu: number;
  /** p99 of the requests sent in each 5 s of the run, in order: a slow start shows first. */
  p99By5s: number[];
  /** The server process's CPU time over the run per answered request, in ms. */
  serverCpuMsPerRequest?: number;
  /** Share of the run's cached reads answered from the read cache (cache on only). */
  cacheHitRatio?: number;
}

/** What the load server says of itself (its `stats` line). */
interface ServerStats {
  cpuMs: number;
  hits: number;
  misses: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** One GET on a keep-alive agent: its status and time, or the network error. */
function get(agent: http.Agent, port: number, url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: url, agent }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** `connections` loops, each sending the next URL as soon as its last answer came, for `seconds`. */
async function hammer(
  port: number,
  urls: readonly string[],
  connections: number,
  seconds: number,
  onTick?: () => void,
  cursor = { next: 0 },
): Promise<Omit<Run, "graph" | "endpoint" | "phase" | "cache">> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const times: number[] = [];
  /** Each request's time by the 5 s of the run it was sent in. */
  const slices: number[][] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const ticker = onTick ? setInterval(onTick, 10_000) : undefined;
  const loop = async () => {
    while (performance.now() < deadline) {
      const url = urls[cursor.next++ % urls.length] as string;
      const slice = Math.floor((performance.now() - started) / 5_000);
      try {
        const { status, ms } = await get(agent, port, url);
        times.push(ms);
        const inSlice = slices[slice] ?? [];
        inSlice.push(ms);
        slices[slice] = inSlice;
        if (status !== 200) {
          errors++;
          if (firstErrors.length < 5) firstErrors.push(`${status} ${url}`);
        }
      } catch (error) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(`${(error as Error).message} ${url}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: connections }, loop));
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(ticker);
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: times.length,
    errors,
    firstErrors,
    rps: round(times.length / elapsed),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times.at(-1) ?? Number.NaN),
    loadavg: load(),
    generatorCpu: round(((cpu.user + cpu.system) / 1000 / (elapsed * 1000)) * 100),
    p99By5s: Array.from(slices, (slice) =>
      round(
        percentile(
          (slice ?? []).sort((a, b) => a - b),
          99,
        ),
      ),
    ),
  };
}

interface Server {
  port: number;
  child: ChildProcess;
  crashed(): boolean;
  rssKb(): number;
  /** The read cache's size as the server last reported it (every 5 s). */
  cacheBytes(): number;
  /** The server's CPU time so far and its read cache's hits and misses. */
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

let nextPort = Number(process.env.BENCH_SERVER_PORT ?? 5391);

/** With --server-cpu-prof: every server process writes a V8 CPU profile there when it stops. */
let serverCpuProfDir: string | undefined;

async function startServer(handle: Neo4jHandle, cache: CacheMode): Promise<Server> {
  const port = nextPort++;
  const child = spawn(
    process.execPath,
    [
      ...(serverCpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${serverCpuProfDir}`] : []),
      "--import",
      "tsx",
      path.join(import.meta.dirname, "load-server.ts"),
    ],
    {
      cwd: REPO,
      env: {
        ...process.env,
        NEO4J_URI: handle.boltUri,
        NEO4J_USER: LOCAL_USER,
        NEO4J_PASSWORD: handle.password,
        PORT: String(port),
        HOST: "127.0.0.1",
        ...(cache === "off" ? { READ_CACHE_MB: "0" } : {}),
      },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let exited: number | null | undefined;
  let stopping = false;
  let cacheBytes = 0;
  let pending = "";
  const statsWaiting: ((stats: ServerStats) => void)[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("cache ")) cacheBytes = (JSON.parse(line.slice(6)) as { bytes: number }).bytes;
      if (line.startsWith("stats ")) statsWaiting.shift()?.(JSON.parse(line.slice(6)) as ServerStats);
    }
  });
  child.on("exit", (code) => {
    exited = code;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.on("exit", (code) =>
      reject(new Error(`bench:load: the server exited (code ${code}) before it was ready`)),
    );
  });
  return {
    port,
    child,
    crashed: () => exited !== undefined && !stopping,
    rssKb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    },
    cacheBytes: () => cacheBytes,
    stats: () =>
      new Promise((resolve) => {
        statsWaiting.push(resolve);
        child.stdin?.write("stats\n");
      }),
    async stop() {
      stopping = true;
      if (exited !== undefined) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

type Urls = Record<Endpoint, string[]>;

function urlsFrom(lineageIds: string[], cardIds: string[], searches: string[]): Urls {
  const enc = encodeURIComponent;
  return {
    search: searches.map((q) => `/api/search?q=${enc(q)}`),
    lineage: lineageIds.map((id) => `/api/nodes/${enc(id)}/lineage`),
    card: cardIds.map((id) => `/api/nodes/${enc(id)}/card`),
  };
}

/** The three endpoints' URLs interleaved, so every stretch of a run mixes them. */
function mixed(urls: Urls): string[] {
  const longest = Math.max(...ENDPOINTS.map((e) => urls[e].length));
  return Array.from({ length: longest }, (_, i) =>
    ENDPOINTS.map((e) => urls[e][i % urls[e].length] as string),
  ).flat();
}

/** The seed graph: the five seed documents ingested once into a data folder of their own. */
async function seedGraph(db: Database): Promise<Urls> {
  const [counts] = await db.run(countAllQuery, {});
  if ((counts?.nodes ?? 0) === 0) {
    log(`ingesting ${SEED_CORPUS}…`);
    await ingestPaths(db, [SEED_CORPUS]);
  }
  const nodes = await db.run(graphNodesQuery, { limit: 100_000 });
  const ids = (label: string) => nodes.filter((n) => n.label === label).map((n) => `${label}:${n.key}`);
  const models = ids("Model");
  const names = nodes
    .filter((n) => n.label !== "Source")
    .map((n) => n.name.split(/\s+/).slice(0, 2).join(" "));
  return urlsFrom(models, [...models, ...ids("Dataset"), ...ids("Paper"), ...ids("Method")], names);
}

async function bigGraph(
  db: Database,
  papers: number,
  seed: number,
  count: number,
): Promise<{ urls: Urls; warmUp: Urls }> {
  log(`generating the corpus (papers=${papers}, seed=${seed})…`);
  const corpus = generateCorpus({ papers, seed });
  await ensureCorpus(db, () => corpus, papers, seed);
  const random = createRandom(seed ^ 0x10ad);
  const targets = pickTargets(corpus, random, count);
  // Shuffled: pickTargets lists the hubs first, and a run sends the list in order.
  const urls = urlsFrom(
    shuffle(targets.lineage, random),
    shuffle(targets.card, random),
    shuffle(targets.search, random),
  );
  for (const endpoint of ENDPOINTS) {
    log(`${endpoint}: ${new Set(urls[endpoint]).size} distinct targets of ${urls[endpoint].length}`);
  }
  // The warm-up asks about other nodes (another draw), so the measured runs find none of
  // their answers in any cache it filled.
  const other = pickTargets(corpus, createRandom(seed ^ 0x3a4d), Math.max(300, Math.round(count / 10)));
  return { urls, warmUp: urlsFrom(other.lineage, other.card, other.search) };
}

/** A copy of `items` in a random (seeded) order. */
function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** RSS has levelled off when its peak grew by less than this from one minute to the next. */
const LEVEL_GROWTH = 0.02;
/** One minute of RSS samples (10 s each): a window spans at least one GC cycle of the heap. */
const WINDOW = 6;

/** The highest RSS in the minute ending at sample `end`. */
function peak(samples: readonly number[], end: number): number {
  return Math.max(...samples.slice(Math.max(0, end - WINDOW + 1), end + 1));
}

/**
 * The soak's warm-up, in samples (10 s each). It lasts until the read cache first holds
 * 90% of the most it held in the soak (full: at its byte cap, or where answers expire as
 * fast as they come), and at least the first tenth of the soak and two minutes; then
 * until the RSS has levelled off (its peak over the last minute under 2% above the
 * minute before), for at most half the soak. Growth is measured from there, peak to peak
 * (the last minute's against the warm-up's last minute): the JS heap grows and shrinks by
 * up to 60 MB between collections, so one sample against another measured where the
 * saw-tooth was as much as the trend.
 *
 * Why: with the cache full at 30 s, the RSS of a 600 s soak still rose from 175 to 367 MB
 * by 100 s and then held at 322–373 MB: the V8 heap growing to the size its collector
 * settles on for this load (heap total 274 → 292 MB, used 97–237 MB between collections;
 * external memory and array buffers 3–4 MB throughout), not a leak. A leak does not level
 * off, and one that pauses for a minute shows in the rest of the soak (at least half).
 */
function soakWarmUp(
  rssSamples: readonly number[],
  cacheSamples: readonly number[],
): { samples: number; cacheFull: number; levelled: boolean } {
  const count = rssSamples.length;
  const least = Math.max(2 * WINDOW - 1, Math.floor(count / 10));
  const most = Math.max(0, ...cacheSamples);
  const cacheFull = cacheSamples.findIndex((bytes) => bytes >= 0.9 * most);
  const from = Math.min(Math.max(least, cacheFull), count - 1);
  const cap = Math.min(Math.max(from, Math.floor(count / 2)), count - 1);
  for (let i = from; i <= cap; i++) {
    if (peak(rssSamples, i) <= peak(rssSamples, i - WINDOW) * (1 + LEVEL_GROWTH))
      return { samples: i, cacheFull, levelled: true };
  }
  return { samples: cap, cacheFull, levelled: false };
}

function print(run: Run): void {
  log(
    `${run.graph} ${run.endpoint} ${run.phase} (cache ${run.cache}): ${run.requests} requests (${run.rps}/s), ${run.errors} errors, ` +
      `p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms, max ${run.max} ms (load ${run.loadavg}; ` +
      `load generator CPU ${run.generatorCpu}% of a core; p99 by 5 s: ${run.p99By5s.join(" ")}` +
      (run.serverCpuMsPerRequest !== undefined
        ? `; server CPU ${run.serverCpuMsPerRequest} ms per request`
        : "") +
      (run.cacheHitRatio !== undefined ? `; read cache hits ${(run.cacheHitRatio * 100).toFixed(1)}%` : "") +
      ")" +
      (run.firstErrors.length ? ` first errors: ${run.firstErrors.join("; ")}` : ""),
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      graphs: { type: "string", default: "seed,100k" },
      connections: { type: "string", default: "50" },
      seconds: { type: "string", default: "30" },
      "soak-seconds": { type: "string", default: "600" },
      "soak-graph": { type: "string", default: "100k" },
      "warmup-seconds": { type: "string", default: "120" },
      papers: { type: "string", default: "100000" },
      seed: { type: "string", default: "42" },
      "neo4j-port": { type: "string", default: process.env.BENCH_NEO4J_PORT ?? "7692" },
      "server-port": { type: "string" },
      cache: { type: "string", default: "both" },
      targets: { type: "string", default: "20000" },
      "server-cpu-prof": { type: "string" },
      endpoints: { type: "string", default: ENDPOINTS.join(",") },
    },
  });
  const measured = values.endpoints.split(",").map((e) => e.trim());
  for (const e of measured)
    if (!(ENDPOINTS as readonly string[]).includes(e))
      throw new Error(`bench:load: --endpoints takes ${ENDPOINTS.join(", ")}; not ${e}`);
  if (values["server-cpu-prof"]) serverCpuProfDir = path.resolve(values["server-cpu-prof"]);
  if (values["server-port"]) nextPort = Number(values["server-port"]);
  const cacheModes: CacheMode[] =
    values.cache === "both" ? ["off", "on"] : values.cache === "off" ? ["off"] : ["on"];
  if (!["both", "on", "off"].includes(values.cache))
    throw new Error("bench:load: --cache is both, on or off");
  const judged: CacheMode = cacheModes.includes("on") ? "on" : "off";
  const connections = Number(values.connections);
  const seconds = Number(values.seconds);
  const soakSeconds = Number(values["soak-seconds"]);
  const warmUpSeconds = Number(values["warmup-seconds"]);
  const config = parseConfig(process.env);
  const runs: Run[] = [];
  const soaks: {
    graph: string;
    samples: number[];
    cacheSamples: number[];
    growth: number;
    warmupSamples: number;
  }[] = [];
  let crashes = 0;

  for (const graph of values.graphs.split(",").map((g) => g.trim())) {
    const big = graph !== "seed";
    const handle = await startNeo4j({
      port: Number(values["neo4j-port"]),
      dataDir: big ? BENCH_DATA_DIR : SEED_DATA_DIR,
      heap: config.NEO4J_HEAP ?? (big ? "3g" : "1g"),
      pagecache: big ? "2g" : "256m",
      detached: false,
      log,
    });
    const db = openDatabase({
      uri: handle.boltUri,
      user: LOCAL_USER,
      password: handle.password,
      database: "neo4j",
    });
    try {
      const { urls, warmUp } = big
        ? await bigGraph(db, Number(values.papers), Number(values.seed), Number(values.targets))
        : await seedGraph(db).then((seedUrls) => ({ urls: seedUrls, warmUp: seedUrls }));
      // Every node and relationship read once (as `npm start` does after it listens:
      // web/server/warm-pages.ts; and bench:queries), so the Neo4j just
      // started has the graph in its page cache and no endpoint is measured on colder pages
      // than another. Without it the first run (search, cold) read its pages from the store:
      // one at a time, first-seen searches took 35–44 ms before this and 17.5 ms after
      // (lineage 21 and 25 ms: little difference), on the 100k graph at load 13–15.
      log("warming the page cache (every node and relationship once)…");
      const warmStarted = performance.now();
      await db.run(warmUpNodesQuery, {}, { timeoutMs: 600_000 });
      await db.run(warmUpRelationshipsQuery, {}, { timeoutMs: 600_000 });
      log(`page cache warm in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s (load ${load()})`);
      for (const endpoint of ENDPOINTS) {
        if (urls[endpoint].length === 0)
          throw new Error(`bench:load: no ${endpoint} targets in the ${graph} graph`);
      }
      const label = big ? `${Number(values.papers) / 1000}k` : "seed";
      if (warmUpSeconds > 0) {
        // A Neo4j just started runs its first minutes of queries at a third of its later
        // speed (its JIT compiler is still at work: 22 ms of CPU per search in the first
        // 30 s, 7 ms three minutes on). Without this, whichever endpoint came first was
        // measured on that, and the next ones on a warm one. Cold below means a new server
        // process on an empty plan cache, as after a restart of the server.
        log(`warm-up: ${warmUpSeconds} s of mixed requests on other targets (not judged)…`);
        const server = await startServer(handle, "off");
        try {
          const run = await hammer(server.port, mixed(warmUp), connections, warmUpSeconds);
          log(`warm-up: ${run.requests} requests (${run.rps}/s), ${run.errors} errors (load ${run.loadavg})`);
        } finally {
          await server.stop();
        }
      }
      // Each run goes on down the target list where the last stopped: the warm run
      // re-asking what the cold run just asked measured the cache, not the graph.
      const cursors = Object.fromEntries(ENDPOINTS.map((e) => [e, { next: 0 }])) as Record<
        Endpoint,
        { next: number }
      >;
      for (const endpoint of ENDPOINTS.filter((e) => measured.includes(e))) {
        for (const cache of cacheModes) {
          // Cold: a new server process (empty read cache) on an empty plan cache, measured
          // from its first request; it plans its first queries before it says it is ready.
          await db.runStatements(["CALL db.clearQueryCaches()"]);
          const server = await startServer(handle, cache);
          try {
            for (const phase of ["cold", "warm"] as const) {
              const before = await server.stats();
              const measured = await hammer(
                server.port,
                urls[endpoint],
                connections,
                seconds,
                undefined,
                cursors[endpoint],
              );
              const after = await server.stats();
              const lookups = after.hits - before.hits + (after.misses - before.misses);
              const run: Run = {
                graph: label,
                endpoint,
                phase,
                cache,
                ...measured,
                serverCpuMsPerRequest:
                  Math.round(((after.cpuMs - before.cpuMs) / Math.max(1, measured.requests)) * 100) / 100,
                ...(cache === "on" && lookups > 0
                  ? { cacheHitRatio: Math.round(((after.hits - before.hits) / lookups) * 1000) / 1000 }
                  : {}),
              };
              print(run);
              runs.push(run);
            }
            if (server.crashed()) crashes++;
          } finally {
            await server.stop();
          }
        }
      }
      if (soakSeconds > 0 && values["soak-graph"] === graph) {
        const server = await startServer(handle, judged);
        const samples: number[] = [];
        const cacheSamples: number[] = [];
        log(`soak: ${soakSeconds} s of mixed load, RSS every 10 s…`);
        try {
          samples.push(server.rssKb());
          cacheSamples.push(server.cacheBytes());
          const run = {
            graph: label,
            endpoint: "mixed" as const,
            phase: "soak" as const,
            cache: judged,
            ...(await hammer(server.port, mixed(urls), connections, soakSeconds, () => {
              const rss = server.rssKb();
              samples.push(rss);
              cacheSamples.push(server.cacheBytes());
              log(
                `soak: RSS ${(rss / 1024).toFixed(0)} MB, read cache ${(server.cacheBytes() / 1024 / 1024).toFixed(1)} MB (load ${load()})`,
              );
            })),
          };
          print(run);
          runs.push(run);
          if (server.crashed()) crashes++;
        } finally {
          await server.stop();
        }
        const warmUp = soakWarmUp(samples, cacheSamples);
        const warmupSamples = warmUp.samples;
        const base = peak(samples, warmupSamples);
        const last = peak(samples, samples.length - 1);
        const growth = (last - base) / base;
        soaks.push({ graph: label, samples, cacheSamples, growth, warmupSamples });
        log(
          `soak: warm-up ${warmupSamples * 10} s (read cache full at ${Math.max(0, warmUp.cacheFull) * 10} s; ` +
            (warmUp.levelled
              ? `RSS levelled off: its peak over a minute under ${LEVEL_GROWTH * 100}% above the minute before's)`
              : `RSS still rising at the cap, half the soak)`) +
            `; peak RSS in the warm-up's last minute ${(base / 1024).toFixed(0)} MB, in the soak's last minute ${(last / 1024).toFixed(0)} MB: growth ${(growth * 100).toFixed(1)}% (target ≤ ${RSS_GROWTH_TARGET * 100}%)`,
        );
      }
    } finally {
      await db.close();
      await handle.stop();
    }
  }

  const misses: string[] = [];
  const missesWithoutCache: string[] = [];
  for (const run of runs) {
    const list = run.cache === judged ? misses : missesWithoutCache;
    const name = `${run.graph} ${run.endpoint} ${run.phase} (cache ${run.cache})`;
    if (run.errors > 0) list.push(`${name}: ${run.errors} errors`);
    if (
      run.graph !== "seed" &&
      (run.endpoint === "search" || run.endpoint === "lineage") &&
      run.p99 > P99_TARGET_MS
    ) {
      list.push(`${name}: p99 ${run.p99} ms > ${P99_TARGET_MS} ms`);
    }
  }
  for (const soak of soaks) {
    if (soak.growth > RSS_GROWTH_TARGET)
      misses.push(`${soak.graph} soak: RSS growth ${(soak.growth * 100).toFixed(1)}%`);
  }
  if (crashes > 0) misses.push(`${crashes} server crash(es)`);
  process.stdout.write(`${JSON.stringify({ runs, soaks, crashes, misses, missesWithoutCache }, null, 2)}\n`);
  log(`load average at the end: ${load()}`);
  if (missesWithoutCache.length > 0) log(`without the cache, missed: ${missesWithoutCache.join("; ")}`);
  log(
    misses.length === 0
      ? `all targets met (cache ${judged})`
      : `missed (cache ${judged}): ${misses.join("; ")}`,
  );
  return misses.length === 0 ? 0 : 1;
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
