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
  const browser = await launchBrowser({ extraArgs: ["--enable-precise-memory-info"] });
  try {
    await runBench(browser, server.url, Number(values["fa2-seconds"]));
  } finally {
    await browser.close();
    await server.close();
  }
}

interface Marks {
  fetched: number;
  loaded: number;
  firstFrame: number;
}

async function runBench(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string, fa2Seconds: number) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx keeps function names with an `__name` helper that the page does not have.
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");

  // 1. Time to the first drawn frame, from the start of navigation.
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("kg:first-frame").length > 0, null, {
    timeout: 120_000,
  });
  const marks = await page.evaluate((): Marks => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return {
      fetched: at("kg:graph-fetched"),
      loaded: at("kg:graph-loaded"),
      firstFrame: at("kg:first-frame"),
    };
  });
  const steps = await page.evaluate(() =>
    performance
      .getEntriesByType("measure")
      .filter((m) => m.name.startsWith("kg:") && (m.name.includes("/api/graph") || !m.name.includes("/api/")))
      .map((m) => `${m.name.replace("kg:", "")} ${m.duration.toFixed(0)} ms`)
      .join(", "),
  );
  const drawn = await page.evaluate(() => {
    const kg = window.__kg as { graph: { order: number; size: number } };
    return { nodes: kg.graph.order, edges: kg.graph.size };
  });

  // 2. Frames per second while ForceAtlas2 runs (it starts by itself after the load).
  await page.waitForFunction(
    () => (window.__kg as { store: { get(): { layoutRunning: boolean } } }).store.get().layoutRunning,
  );
  const fps = await page.evaluate(async (seconds: number) => {
    const kg = window.__kg as {
      sigma: { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
      graph: { getNodeAttributes(n: string): { x: number }; nodes(): string[] };
    };
    let renders = 0;
    let frames = 0;
    let longest = 0;
    let last = performance.now();
    const onRender = () => {
      renders++;
    };
    kg.sigma.on("afterRender", onRender);
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const tick = (now: number) => {
        frames++;
        longest = Math.max(longest, now - last);
        last = now;
        if (now - start < seconds * 1000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    kg.sigma.off("afterRender", onRender);
    const elapsed = (performance.now() - start) / 1000;
    return { frames: frames / elapsed, renders: renders / elapsed, longestFrameMs: longest };
  }, fa2Seconds);

  // 3. Memory: the JS heap (CDP) and the page's own report.
  const metrics = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const heapMb = metric("JSHeapUsedSize") / 1e6;
  const heapTotalMb = metric("JSHeapTotalSize") / 1e6;

  // 4. A click on a node until its panel is open and painted, with the layout stopped.
  await page.evaluate(() =>
    (window.__kg as { store: { set(p: object): void } }).store.set({ layoutRunning: false }),
  );
  await page.waitForTimeout(500);
  const clicks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const target = await page.evaluate((round: number) => {
      const kg = window.__kg as {
        graph: { nodes(): string[]; getNodeAttributes(n: string): { x: number; y: number; size: number } };
        sigma: {
          graphToViewport(p: { x: number; y: number }): { x: number; y: number };
          getContainer(): HTMLElement;
          getNodeDisplayData(n: string): { size: number; hidden?: boolean } | undefined;
        };
      };
      const box = kg.sigma.getContainer().getBoundingClientRect();
      // Big nodes well inside the view, a different one each round.
      const candidates = kg.graph
        .nodes()
        .map((id) => ({
          id,
          v: kg.sigma.graphToViewport(kg.graph.getNodeAttributes(id)),
          d: kg.sigma.getNodeDisplayData(id),
        }))
        .filter(
          (c) =>
            c.d &&
            !c.d.hidden &&
            c.v.x > 40 &&
            c.v.y > 40 &&
            c.v.x < box.width - 40 &&
            c.v.y < box.height - 40,
        )
        .sort((a, b) => (b.d?.size ?? 0) - (a.d?.size ?? 0));
      const pick = candidates[round * 7] ?? candidates[0];
      if (!pick) return null;
      return { id: pick.id, x: pick.v.x + box.left, y: pick.v.y + box.top };
    }, i);
    if (!target) break;
    await page.evaluate((id: string) => {
      const w = window as unknown as { __clickMs?: Promise<number> };
      w.__clickMs = new Promise<number>((resolve) => {
        let t0 = 0;
        window.addEventListener("mousedown", () => (t0 = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          // Any node's panel counts: where nodes overlap the pointer may pick a neighbour of the target.
          void id;
          if (!document.querySelector('[data-testid="node-panel"]')) return;
          observer.disconnect();
          // The panel is in the DOM; wait for the frame that paints it.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
    }, target.id);
    // A user points at the node, then clicks: the hover's own repaint is not counted.
    await page.mouse.move(target.x, target.y);
    await page.waitForTimeout(1500);
    await page.mouse.down();
    await page.mouse.up();
    const ms = await page.evaluate(() =>
      Promise.race([
        (window as unknown as { __clickMs: Promise<number> }).__clickMs,
        new Promise<number>((r) => setTimeout(() => r(Number.NaN), 5000)),
      ]),
    );
    clicks.push(ms);
    await page.keyboard.press("Escape");
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1500);
  }

  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
  const clickOk = clicks.filter(Number.isFinite);
  const median = clickOk.sort((a, b) => a - b)[Math.floor(clickOk.length / 2)] ?? Number.NaN;
  const worst = clickOk.length ? Math.max(...clickOk) : Number.NaN;
  console.log("");
  console.log(`bench:web  ${drawn.nodes} nodes, ${drawn.edges} edges drawn`);
  console.log(`  graph fetched + parsed     ${f(marks.fetched)} ms after navigation start`);
  console.log(`  graph imported             ${f(marks.loaded)} ms`);
  console.log(`    steps: ${steps}`);
  console.log(
    `  first drawn frame          ${f(marks.firstFrame)} ms   (bar: ≤ 3000 ms) ${marks.firstFrame <= 3000 ? "OK" : "OVER"}`,
  );
  console.log(
    `  FPS while ForceAtlas2 runs ${f(fps.frames, 1)} frames/s, ${f(fps.renders, 1)} sigma renders/s, longest frame ${f(fps.longestFrameMs)} ms (over ${fa2Seconds} s)`,
  );
  console.log(`  JS heap                    ${f(heapMb, 1)} MB used of ${f(heapTotalMb, 1)} MB`);
  console.log(
    `  click → panel painted      median ${f(median)} ms, worst ${f(worst)} ms over ${clickOk.length} clicks   (bar: ≤ 200 ms) ${worst <= 200 ? "OK" : "OVER"}`,
  );
  if (errors.length) console.log(`  page errors: ${errors.join(" | ")}`);
  await context.close();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: Error) => {
    console.error(`bench:web: ${error.message}`);
    process.exit(1);
  });
}
