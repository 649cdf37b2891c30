/**
 * `npm run bench:web`: the front end on a generated graph (50,000 nodes and 150,000
 * edges by default) in headless Chromium. Serves web/dist, the lineage map the server's
 * own code builds from the graph (/api/overview, built before the clock starts, as the
 * server caches it) and /api/graph, from a tiny local server (no Neo4j), then, in a
 * fresh browser each run, prints the time to the first drawn frame and where it went
 * (download, parse, validation, graph build, sigma start-up, until on screen), the
 * bytes received before it, frames per second while ForceAtlas2 runs (started by the
 * benchmark: the map comes laid out), memory, and the time from a click on a node to
 * its open panel, with the machine's load average, since a loaded machine is slower.
 *
 *   npm run bench:web                       50k nodes, 150k edges, 3 runs
 *   npm run bench:web -- --nodes 100000 --edges 300000
 *   npm run bench:web -- --runs 1 --nodes 5000 --edges 15000
 *   npm run bench:web -- --serve --nodes 300 --edges 900   only serve, for a look
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { WireGraph } from "@kg/graph-schema";
import { OverviewQuerySchema, toGraphColumns } from "@kg/graph-schema";
import { launchBrowser } from "../tests/support/browser.ts";
import { buildOverview } from "../web/server/overview/build.ts";
import { generateWireGraph } from "./generate/index.ts";

const DIST_DIR = path.resolve(import.meta.dirname, "..", "web", "dist");

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
};

/** A real server reports each node's degree (`properties.degree`); the benchmark's does too. */
function withDegrees(graph: WireGraph): WireGraph {
  const degree = new Map<string, number>();
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, properties: { ...n.properties, degree: degree.get(n.id) ?? 0 } })),
  };
}

/** web/dist with SPA fallback, and /api/graph answering the given graph in either form. */
export async function startBenchServer(graph: WireGraph): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(path.join(DIST_DIR, "index.html"))) {
    throw new Error("bench/web: web/dist is missing; run `npm run build` first.");
  }
  const full = withDegrees(graph);
  const graphJson = JSON.stringify(full);
  const columnsJson = JSON.stringify(
    toGraphColumns(
      full.nodes.map((n) => ({
        id: n.id,
        label: n.label,
        name: n.name,
        degree: Number(n.properties.degree),
      })),
      full.edges,
      full.truncated,
    ),
  );
  // The page opens on the lineage map: built here by the server's own code (selection,
  // ForceAtlas2, Louvain), before the clock starts, as the real server caches it.
  const t0 = performance.now();
  const overviewJson = JSON.stringify(
    buildOverview(
      full.nodes
        .filter((n) => n.label !== "Source")
        .map((n) => ({
          id: n.id,
          label: n.label,
          name: n.name,
          degree: Number(n.properties.degree),
          first: -1,
        })),
      full.edges.filter((e) => e.type !== "FROM_SOURCE"),
      {
        budget: OverviewQuerySchema.parse({}).budget,
        total: { nodes: full.nodes.length, relationships: full.edges.length },
      },
    ),
  );
  console.log(
    `bench:web: lineage map built in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(overviewJson.length / 1e6).toFixed(2)} MB`,
  );
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const json = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(body);
    };
    if (url.pathname === "/api/overview") return json(200, overviewJson);
    if (url.pathname === "/api/graph") {
      return json(200, url.searchParams.get("format") === "columns" ? columnsJson : graphJson);
    }
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
      runs: { type: "string", default: "3" },
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
  const runs = Math.max(1, Number(values.runs));
  const firstFrames: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const load = loadavg()
        .map((l) => l.toFixed(2))
        .join(", ");
      console.log(`\nbench:web  run ${run} of ${runs}   load average before the run (1, 5, 15 min): ${load}`);
      // A fresh browser each run: nothing cached or compiled from the run before.
      const browser = await launchBrowser({ extraArgs: ["--enable-precise-memory-info"] });
      try {
        firstFrames.push(await runBench(browser, server.url, Number(values["fa2-seconds"])));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const sorted = [...firstFrames].sort((a, b) => a - b);
  console.log(
    `\nbench:web  first drawn frame over ${runs} runs: ${firstFrames.map((f) => f.toFixed(0)).join(", ")} ms; median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, worst ${sorted[sorted.length - 1]?.toFixed(0)} ms (bar: ≤ 3000 ms)`,
  );
}

interface Marks {
  /** The page's own script downloaded. */
  scriptLoaded: number;
  /** Every module of it evaluated. */
  modulesEvaluated: number;
  /** Response headers of /api/overview in hand: the body starts to stream. */
  downloadStart: number;
  downloadEnd: number;
  parseEnd: number;
  validateEnd: number;
  buildEnd: number;
  sigmaStart: number;
  sigmaEnd: number;
  firstFrame: number;
}

/** One run: returns the time to the first drawn frame. */
async function runBench(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  url: string,
  fa2Seconds: number,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx keeps function names with an `__name` helper that the page does not have.
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");

  // 1. Time to the first drawn frame, from the start of navigation, and where it went.
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("kg:first-frame").length > 0, null, {
    timeout: 120_000,
  });
  const marks = await page.evaluate((): Marks => {
    const entry = (name: string) => performance.getEntriesByName(name)[0];
    const start = (name: string) => entry(name)?.startTime ?? Number.NaN;
    const end = (name: string) => {
      const e = entry(name);
      return e ? e.startTime + e.duration : Number.NaN;
    };
    const script = performance
      .getEntriesByType("resource")
      .find((e) => /\/assets\/index-[^/]*\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
    return {
      scriptLoaded: script?.responseEnd ?? Number.NaN,
      modulesEvaluated: start("kg:modules-evaluated"),
      downloadStart: start("kg:download /api/overview"),
      downloadEnd: end("kg:download /api/overview"),
      parseEnd: end("kg:json /api/overview"),
      validateEnd: end("kg:schema /api/overview"),
      buildEnd: end("kg:build"),
      sigmaStart: start("kg:sigma-init"),
      sigmaEnd: end("kg:sigma-init"),
      firstFrame: start("kg:first-frame"),
    };
  });
  // What sigma holds: every node and edge of the graph, none hidden.
  const drawn = await page.evaluate(() => {
    const kg = window.__kg as {
      graph: {
        order: number;
        size: number;
        forEachNode(f: (n: string) => void): void;
        forEachEdge(f: (e: string) => void): void;
      };
      sigma: {
        getNodeDisplayData(n: string): { hidden: boolean } | undefined;
        getEdgeDisplayData(e: string): { hidden: boolean } | undefined;
      };
    };
    let nodes = 0;
    let edges = 0;
    kg.graph.forEachNode((n) => {
      const d = kg.sigma.getNodeDisplayData(n);
      if (d && !d.hidden) nodes++;
    });
    kg.graph.forEachEdge((e) => {
      const d = kg.sigma.getEdgeDisplayData(e);
      if (d && !d.hidden) edges++;
    });
    return { order: kg.graph.order, size: kg.graph.size, nodes, edges };
  });

  // What came over the wire before the first frame (the page, its script, the map).
  const bytes = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => e.responseEnd <= (performance.getEntriesByName("kg:first-frame")[0]?.startTime ?? 0))
      .reduce(
        (sum, e) => sum + (e.transferSize || e.encodedBodySize),
        (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)
          ?.transferSize ?? 0,
      ),
  );

  // 2. Frames per second while ForceAtlas2 runs. The map comes laid out by the server,
  // so the layout no longer starts by itself (waiting for it never ended): start it.
  await page.evaluate(() =>
    (window.__kg as { store: { set(p: object): void } }).store.set({ layoutRunning: true }),
  );
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
  const m = marks;
  const steps: [string, number][] = [
    ["page and script download", m.scriptLoaded],
    ["script evaluation", m.modulesEvaluated - m.scriptLoaded],
    ["until the graph's answer is in hand", m.downloadStart - m.modulesEvaluated],
    ["download (the body; mostly preloaded)", m.downloadEnd - m.downloadStart],
    ["JSON parse", m.parseEnd - m.downloadEnd],
    ["validation (zod)", m.validateEnd - m.parseEnd],
    ["graph build (positions, import)", m.buildEnd - m.validateEnd],
    ["React until sigma", m.sigmaStart - m.buildEnd],
    ["sigma start-up (index, first render)", m.sigmaEnd - m.sigmaStart],
    ["until the frame is on screen", m.firstFrame - m.sigmaEnd],
  ];
  console.log(
    `  sigma holds ${drawn.nodes} of ${drawn.order} nodes and ${drawn.edges} of ${drawn.size} edges: the lineage map the server chose`,
  );
  console.log(
    `  first drawn frame          ${f(m.firstFrame)} ms after navigation start   (bar: ≤ 3000 ms) ${m.firstFrame <= 3000 ? "OK" : "OVER"}`,
  );
  for (const [name, ms] of steps) console.log(`    ${name.padEnd(50)} ${f(ms).padStart(6)} ms`);
  console.log(
    `  received before the first frame ${(bytes / 1e6).toFixed(2)} MB   (bar: ≤ 3 MB) ${bytes <= 3e6 ? "OK" : "OVER"}`,
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
  return m.firstFrame;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: Error) => {
    console.error(`bench:web: ${error.message}`);
    process.exit(1);
  });
}
