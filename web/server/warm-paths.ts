/**
 * Before it listens, the server asks its own read endpoints (search, lineage, card) a
 * few hundred questions about real nodes, through the same routing, validation, handler
 * and serialisation as a caller's request (Fastify's inject), a few at a time.
 *
 * Why: planning the queries at start (warm-plans.ts) left the server's own code cold.
 * On the 100k graph the first 5 s of a 50-connection run had a p99 of 1,616 ms for
 * search and 492 ms for lineage against ~190–320 ms for the rest of the run: V8 still
 * interpreting the handlers, the zod row checks and the JSON writers, the driver opening
 * its connections one by one, and each first-seen size bucket of a query's parameters
 * planned by the first caller that had one. The answers are thrown away, and the read
 * cache is emptied after, so no warm-up answer is ever served.
 *
 * A thousand questions per endpoint, not the 250 of before: Neo4j runs a plan it has just
 * compiled at half its later speed for its first few hundred calls (its JIT compiler is
 * still at the new plan's code; a search took 4.6 ms in the first 3 s after the plan cache
 * was emptied, 2.3–2.8 ms after). With 250, the first 5 s of a 50-connection search run
 * on the 100k graph had a p99 of 714 ms against 328–544 ms for the rest; with 1,000 the
 * first 5 s were like the rest (376 ms against 296–454 ms; both at load 10–11, so only
 * the shapes compare).
 */
import type { Config } from "@kg/graph-schema";
import { warmUpTargetsQuery } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import type { FastifyInstance } from "fastify";
import type { ReadCache } from "./read-cache.ts";

export interface WarmPathsOptions {
  /** Requests per endpoint (search, lineage, card). */
  perEndpoint?: number;
  /** Requests in flight at once: enough to open the connections a loaded server uses. */
  concurrency?: number;
  /** Stop asking after this long, whatever is left (a slow machine must not delay the start for long). */
  maxMs?: number;
}

export interface WarmPathsSummary {
  requests: number;
  failed: number;
  ms: number;
}

/** The URLs to ask: lineages of models, cards of every kind, searches for names' first words. */
export function warmUpUrls(
  nodes: readonly { label: string; key: string; name: string }[],
  perEndpoint: number,
): string[] {
  const enc = encodeURIComponent;
  const models = nodes.filter((n) => n.label === "Model");
  const lists = [
    models.map((n) => `/api/nodes/${enc(`Model:${n.key}`)}/lineage`),
    nodes.map((n) => `/api/nodes/${enc(`${n.label}:${n.key}`)}/card`),
    nodes.map((n) => `/api/search?q=${enc(n.name.split(/\s+/).slice(0, 2).join(" "))}`),
  ].filter((list) => list.length > 0);
  // Interleaved, so a time limit still leaves every endpoint warmed.
  const urls: string[] = [];
  for (let i = 0; i < perEndpoint; i++) for (const list of lists) urls.push(list[i % list.length] as string);
  return urls;
}

export async function warmRequestPaths(
  app: FastifyInstance,
  db: Database,
  config: Pick<Config, "KG_TOKEN">,
  readCache: ReadCache | undefined,
  options: WarmPathsOptions = {},
): Promise<WarmPathsSummary> {
  const perEndpoint = options.perEndpoint ?? 1_000;
  const concurrency = options.concurrency ?? 16;
  const started = performance.now();
  const deadline = started + (options.maxMs ?? 20_000);
  // As many nodes of each label as requests per endpoint: every question is a new one (a
  // cache hit warms little).
  const rows = await db.run(warmUpTargetsQuery, { perLabel: perEndpoint });
  const urls = warmUpUrls(
    rows.map((r) => r.node),
    perEndpoint,
  );
  const headers = config.KG_TOKEN ? { authorization: `Bearer ${config.KG_TOKEN}` } : {};
  let next = 0;
  let requests = 0;
  let failed = 0;
  const worker = async () => {
    while (next < urls.length && performance.now() < deadline) {
      const url = urls[next++] as string;
      const response = await app.inject({ method: "GET", url, headers });
      requests++;
      // A 404 (a name that finds nothing) warms the path as well; a 5xx is worth a line.
      if (response.statusCode >= 500) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  readCache?.invalidate();
  return { requests, failed, ms: performance.now() - started };
}
