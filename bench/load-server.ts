/**
 * The API server bench:load measures, in a process of its own so the load generator
 * does not share its event loop: the same createApp as `npm start`, on the Neo4j named
 * by NEO4J_URI (READ_CACHE_MB=0 for the figures without the read cache). As `npm start`
 * does, it plans the first screen's named queries and warms its own request paths
 * (web/server/warm-paths.ts) before it listens, and prints
 * `ready` once it listens on PORT, then every 5 s a line `cache {"bytes":…,"entries":…}`
 * (the read cache's size). A line `stats` on its stdin is answered at once with a line
 * `stats {"cpuMs":…,"hits":…,"misses":…}` (this process's CPU time so far and the read
 * cache's counts), so the bench can give each run's CPU per request and hit ratio.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseConfig } from "@kg/graph-schema";
import { openConfiguredDatabase } from "../db/connect.ts";
import { createApp, readCacheFor } from "../web/server/app.ts";
import { warmRequestPaths } from "../web/server/warm-paths.ts";
import { planAtStart } from "../web/server/warm-plans.ts";

const config = parseConfig(process.env);
if (!config.NEO4J_URI) throw new Error("bench/load-server: NEO4J_URI is required");
const db = openConfiguredDatabase(config.NEO4J_URI, config);
await planAtStart(db, (message) => process.stderr.write(`bench/load-server: ${message}\n`));
const readCache = readCacheFor(db, config);
const app = await createApp({ db, config, readCache });
const warmed = await warmRequestPaths(app, db, config, readCache);
process.stderr.write(
  `bench/load-server: request paths warmed: ${warmed.requests} requests (${warmed.failed} failed) in ${(warmed.ms / 1000).toFixed(1)} s\n`,
);
await app.listen({ port: config.PORT, host: "127.0.0.1" });
process.stdout.write("ready\n");
// For the soak: how full the read cache is, so the warm-up can last until it is.
setInterval(() => {
  const { bytes, entries } = readCache.stats();
  process.stdout.write(`cache ${JSON.stringify({ bytes, entries })}\n`);
}, 5_000).unref();
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() !== "stats") return;
  const cpu = process.cpuUsage();
  const { hits, misses } = readCache.stats();
  process.stdout.write(`stats ${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, hits, misses })}\n`);
});
// What the memory is, for the soak's RSS figures: the JS heap, memory outside it, buffers.
// And the garbage collector's pauses since the last line, which a long answer kept in
// memory makes dearer (it is copied out of the young generation and marked with the rest).
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
let gcCount = 0;
let gcMs = 0;
let gcMaxMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcCount++;
    gcMs += entry.duration;
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
  }
}).observe({ entryTypes: ["gc"] });
setInterval(() => {
  const m = process.memoryUsage();
  process.stderr.write(
    `bench/load-server: memory rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, array buffers ${mb(m.arrayBuffers)} MB; GC ${gcCount} pauses, ${gcMs.toFixed(0)} ms, longest ${gcMaxMs.toFixed(1)} ms\n`,
  );
  gcCount = 0;
  gcMs = 0;
  gcMaxMs = 0;
}, 10_000).unref();
const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
