/**
 * `npm run bench:ingest-memory -- <dir> [--snapshot]`: the part of a bulk `kg ingest` that
 * runs in the ingest process (read, segment, extract on workers, resolve with the edges
 * streamed into the importer's CSV files, then the papers and nodes written), with no
 * database, printing the CPU time of all its threads, the heap and RSS at each phase: where the
 * process's time and memory go as the corpus grows (a thread of its own prints the RSS
 * whenever it moved 25 MB). <dir> is a corpus bench:ingest wrote (bench/out/ingest-corpus-N-1/initial). The CSV files go to a
 * temporary folder, deleted at the end.
 * `--snapshot` writes a heap snapshot where resolution asks for the edges' sink and
 * before the papers are written (in the working folder; large).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getHeapStatistics, writeHeapSnapshot } from "node:v8";
import { Worker } from "node:worker_threads";
import { AbstractStore } from "../ingest/src/abstract-store.ts";
import { ImportCsv } from "../ingest/src/load/bulk-csv.ts";
import { collectGarbage } from "../ingest/src/parallel/collect-garbage.ts";
import { extractDocumentsParallel } from "../ingest/src/parallel/extract-parallel.ts";
import { listDocuments } from "../ingest/src/pipeline.ts";

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

const t0 = Date.now();
/**
 * The process's RSS every 250 ms, from a thread of its own (the main thread's timers wait
 * while resolution runs), written straight to stderr: where between two phases it peaked.
 */
const SAMPLER = `
const { readFileSync, writeSync } = require("node:fs");
const { workerData } = require("node:worker_threads");
let last = 0;
setInterval(() => {
  const kb = Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]);
  if (Math.abs(kb - last) < 25 * 1024) return;
  last = kb;
  writeSync(2, "    " + ((Date.now() - workerData) / 1000).toFixed(1).padStart(7) + " s  rss " + Math.round(kb / 1024) + " MB\\n");
}, 250);`;
const sampler = new Worker(SAMPLER, { eval: true, workerData: t0 });
sampler.unref();

/** One line: the phase, heap in use now and after a full collection (the live data), RSS. */
function phase(name: string, snapshot = false): void {
  const used = getHeapStatistics().used_heap_size;
  collectGarbage();
  const live = getHeapStatistics().used_heap_size;
  const { rss, external, arrayBuffers } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  console.log(
    `${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s  cpu ${((user + system) / 1e6).toFixed(1).padStart(6)} s  ${name.padEnd(28)} heap ${mb(used)} MB, live ${mb(live)} MB, ` +
      `external ${mb(external)} MB (buffers ${mb(arrayBuffers)}), rss ${mb(rss)} MB, peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
  if (snapshot)
    console.log(`  snapshot ${writeHeapSnapshot(`ingest-memory-${name.replace(/\W+/g, "-")}.heapsnapshot`)}`);
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: npm run bench:ingest-memory -- <dir> [--snapshot]");
  const snapshot = process.argv.includes("--snapshot");
  const work = mkdtempSync(path.join(tmpdir(), "kg-ingest-memory-"));
  const abstracts = new AbstractStore(path.join(work, "abstracts.txt"));
  const csv = new ImportCsv(path.join(work, "csv"));
  try {
    phase("start");
    const documents = await listDocuments([dir]);
    let extracting = false;
    let lastPapers = 0;
    const result = await extractDocumentsParallel(documents, {
      abstracts,
      onProgress: (p) => {
        if (p.papers > 0 && !extracting) {
          extracting = true;
          phase(`segmented ${p.papersTotal}`);
        }
        if (p.papers - lastPapers >= 50_000) {
          lastPapers = p.papers;
          console.log(
            `    extracted ${p.papers}: heap ${mb(getHeapStatistics().used_heap_size)} MB, rss ${mb(process.memoryUsage().rss)} MB`,
          );
        }
      },
      streamEdges: async () => {
        phase("extracted", snapshot);
        // The files themselves, as the ingest gives them (the worker threads encode the rows).
        return csv;
      },
    });
    phase("resolved", snapshot);
    const files = csv.finish(result, new Date(0).toISOString(), (paper) => abstracts.ofPaper(paper));
    phase(`csv ${files.counts.papers} papers ${files.counts.nodes} nodes ${files.counts.edges} edges`);
  } finally {
    await sampler.terminate();
    abstracts.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
