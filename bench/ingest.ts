/**
 * `npm run bench:ingest -- --papers N [--seed S] [--keep]`: the ingest end to end, as a
 * user runs it. A generated corpus of N papers (bench/generate: labs, authors, models
 * derived from foundation models, data sets, benchmarks, methods; abstracts that say so in
 * realistic sentences) is written as JSON Lines files of 1,000 papers (deterministic for a
 * seed, kept in bench/out/ for the next run), `kg ingest` loads it into an empty local
 * Neo4j, then `kg ingest` adds 100 new papers to the loaded database. Both times are wall
 * times of the whole command (process start, extraction, load, indexes). The peak RSS is
 * the ingest process's own (the server and the importer are Java processes of their own).
 *
 * `kg` is the built CLI (ingest/dist, rebuilt here first), as `npm run kg` runs it.
 *
 * Uses NEO4J_PORT (default 7687: pass your own) and a data dir of its own in bench/out/;
 * stops the server at the end unless --keep. Last line:
 * `bench:ingest papers=N seconds=S papers_per_s=R peak_rss_mb=M incremental_100_s=I`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { type ExtractedPaper, parseConfig } from "@kg/graph-schema";
import { stopNeo4j } from "../db/neo4j-server.ts";
import { buildCli } from "../ingest/build-cli.ts";
import { generateCorpus } from "./generate/index.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "bench", "out");
const PER_FILE = 1_000;
const NEW_PAPERS = 100;

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
}

/** A paper as a line of the HF daily-papers JSON Lines form the ingest reads. */
function jsonLine(paper: ExtractedPaper, organization: string | null): string {
  return JSON.stringify({
    title: paper.title,
    abstract: paper.abstract,
    arxivId: paper.arxivId,
    authors: paper.authors,
    organization,
    date: paper.date,
  });
}

/** Lines written into numbered files of PER_FILE papers, a file at a time. */
class PaperFiles {
  private lines: string[] = [];

  /** Files are numbered from `files` (the paper they start at / PER_FILE). */
  constructor(
    private readonly dir: string,
    private files: number,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  add(line: string): void {
    this.lines.push(line);
    if (this.lines.length === PER_FILE) this.flush();
  }

  flush(): void {
    if (this.lines.length === 0) return;
    const name = `papers-${String(this.files++).padStart(5, "0")}.jsonl`;
    writeFileSync(path.join(this.dir, name), `${this.lines.join("\n")}\n`);
    this.lines = [];
  }
}

/** The corpus's files (made once per papers and seed): the first N papers, and the 100 after. */
export function corpusDirs(papers: number, seed: number): { initial: string; added: string } {
  const base = path.join(OUT, `ingest-corpus-${papers}-${seed}`);
  const initial = path.join(base, "initial");
  const added = path.join(base, "new");
  const stamp = path.join(base, "complete");
  if (existsSync(stamp)) return { initial, added };
  rmSync(base, { recursive: true, force: true });
  const t0 = performance.now();
  // Written as generated: a million papers' corpus is never in memory.
  const first = new PaperFiles(initial, 0);
  const next = new PaperFiles(added, Math.ceil(papers / PER_FILE));
  let made = 0;
  generateCorpus({ papers: papers + NEW_PAPERS, seed }, (paper, lab) => {
    (made++ < papers ? first : next).add(jsonLine(paper, lab));
  });
  first.flush();
  next.flush();
  writeFileSync(stamp, "");
  console.log(
    `corpus: ${papers} + ${NEW_PAPERS} papers written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { initial, added };
}

interface IngestJson {
  mode: string;
  papers: number;
  nodes: number;
  edges: number;
  extractMs: number;
  loadMs: number;
  peakRssMb: number;
  stepsMs?: Record<string, number>;
}

/** Runs `kg ingest <dir> --json` and returns its summary and wall time. */
function ingest(dir: string, env: Record<string, string>): Promise<{ summary: IngestJson; seconds: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, "ingest/bin/kg.js"), "ingest", dir, "--json"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += String(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`bench/ingest: kg ingest ${dir} exited with ${code}`));
      else resolve({ summary: JSON.parse(out) as IngestJson, seconds });
    });
  });
}

async function main(): Promise<void> {
  const papers = Number(argValue("--papers") ?? 10_000);
  const seed = Number(argValue("--seed") ?? 1);
  if (!Number.isInteger(papers) || papers < 1)
    throw new Error("bench/ingest: --papers must be a positive integer");
  const config = parseConfig(process.env);
  const dataDir = path.join(OUT, `ingest-db-${config.NEO4J_PORT}`);
  const env = { NEO4J_PORT: String(config.NEO4J_PORT), NEO4J_DATA_DIR: dataDir };
  const { initial, added } = corpusDirs(papers, seed);
  // The `kg` command as users run it: built (else ingest/bin/kg.js would run the sources).
  await buildCli();

  await stopNeo4j({ dataDir });
  rmSync(dataDir, { recursive: true, force: true });
  try {
    console.log(`load average before: ${load()}`);
    const first = await ingest(initial, env);
    const s = first.summary;
    console.log(
      `first load (${s.mode}): ${s.papers} papers, ${s.nodes} entities, ${s.edges} relationships in ${first.seconds.toFixed(1)} s ` +
        `(extract ${(s.extractMs / 1000).toFixed(1)} s, load ${(s.loadMs / 1000).toFixed(1)} s), peak RSS ${s.peakRssMb} MB; load average ${load()}`,
    );
    if (s.stepsMs) {
      const steps = Object.entries(s.stepsMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`);
      console.log(`  bulk steps: ${steps.join(", ")}`);
    }
    const next = await ingest(added, env);
    const n = next.summary;
    console.log(
      `100 new papers (${n.mode}): ${n.papers} papers, ${n.edges} relationships in ${next.seconds.toFixed(2)} s ` +
        `(extract ${(n.extractMs / 1000).toFixed(2)} s, load ${(n.loadMs / 1000).toFixed(2)} s); load average ${load()}`,
    );
    if (n.stepsMs) {
      const steps = Object.entries(n.stepsMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`);
      console.log(`  incremental steps: ${steps.join(", ")}`);
    }
    console.log(
      `bench:ingest papers=${papers} seconds=${first.seconds.toFixed(1)} papers_per_s=${Math.round(papers / first.seconds)} ` +
        `peak_rss_mb=${s.peakRssMb} incremental_100_s=${next.seconds.toFixed(2)}`,
    );
  } finally {
    if (!process.argv.includes("--keep")) await stopNeo4j({ dataDir });
  }
}

if (process.argv[1]?.endsWith("bench/ingest.ts"))
  main().catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
