/**
 * The overview: the whole graph drawn by sigma from /api/graph, coloured by label with
 * a legend, ForceAtlas2 in a worker, and the node and relationship counts.
 */
import { GraphColumnsSchema, GraphResponseSchema } from "@kg/graph-schema";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDrawnPixels, launchBrowser, openPage, screenshot } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { seedTestGraph } from "./fixture.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  await seedTestGraph(server.db);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function waitForGraph(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="graph-view"] canvas.sigma-nodes');
  await page.waitForFunction(() => {
    const kg = window.__kg as { sigma?: unknown; graph?: { order: number } } | undefined;
    return Boolean(kg?.sigma) && (kg?.graph?.order ?? 0) > 0;
  });
}

describe("overview", () => {
  it("draws the whole graph with its counts, coloured by label, with a legend", async () => {
    const api = (await (await fetch(`${server.url}/api/graph`)).json()) as {
      nodes: unknown[];
      edges: unknown[];
    };
    expect(api.nodes.length).toBeGreaterThan(10);

    const { page, errors, context } = await openPage(browser, server.url);
    await waitForGraph(page);

    const state = await page.evaluate(() => {
      type Display = { x: number; y: number; size: number; color: string; hidden: boolean };
      const kg = window.__kg as {
        graph: {
          order: number;
          size: number;
          nodes(): string[];
          getNodeAttribute(n: string, k: string): unknown;
        };
        sigma: { getNodeDisplayData(n: string): Display | undefined };
      };
      const nodes = kg.graph.nodes();
      const displays = nodes.map((n) => kg.sigma.getNodeDisplayData(n));
      const colorByKind: Record<string, string[]> = {};
      nodes.forEach((n, i) => {
        const kind = String(kg.graph.getNodeAttribute(n, "kind"));
        colorByKind[kind] = [...new Set([...(colorByKind[kind] ?? []), displays[i]?.color ?? "none"])];
      });
      return {
        order: kg.graph.order,
        size: kg.graph.size,
        drawn: displays.filter((d) => d && Number.isFinite(d.x) && Number.isFinite(d.y) && !d.hidden).length,
        colorByKind,
      };
    });
    expect(state.order).toBe(api.nodes.length);
    expect(state.size).toBe(api.edges.length);
    expect(state.drawn).toBe(api.nodes.length);
    // One colour per label, a different one for each label.
    const colours = Object.values(state.colorByKind);
    for (const c of colours) expect(c).toHaveLength(1);
    expect(new Set(colours.map((c) => c[0])).size).toBe(colours.length);

    // The counts in the top bar.
    expect(await page.getByTestId("count-nodes").getAttribute("data-value")).toBe(String(api.nodes.length));
    expect(await page.getByTestId("count-edges").getAttribute("data-value")).toBe(String(api.edges.length));

    // The legend lists each label present, with its count.
    const legend = await page
      .getByTestId("legend")
      .locator("[data-label]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-label")));
    expect(legend.sort()).toEqual(Object.keys(state.colorByKind).sort());

    // WebGL really drew something (SwiftShader in headless Chromium).
    expect(await countDrawnPixels(page)).toBeGreaterThan(200);

    await page.waitForTimeout(1500);
    await screenshot(page, "overview");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("loads the compact form of /api/graph, which holds the same graph as the wire format", async () => {
    const wire = GraphResponseSchema.parse(await (await fetch(`${server.url}/api/graph`)).json());
    const columns = GraphColumnsSchema.parse(
      await (await fetch(`${server.url}/api/graph?format=columns`)).json(),
    );
    expect(columns.ids).toEqual(wire.nodes.map((n) => n.id));
    expect(columns.names).toEqual(wire.nodes.map((n) => n.name));
    expect(columns.nodeLabels.map((l) => columns.labels[l])).toEqual(wire.nodes.map((n) => n.label));
    expect(columns.degrees).toEqual(wire.nodes.map((n) => n.properties.degree));
    const triples: string[] = [];
    for (let i = 0; i < columns.edges.length; i += 3) {
      const [s, t, k] = columns.edges.slice(i, i + 3) as [number, number, number];
      triples.push(`${columns.ids[s]}|${columns.types[k]}|${columns.ids[t]}`);
    }
    expect(triples.sort()).toEqual(wire.edges.map((e) => `${e.source}|${e.type}|${e.target}`).sort());
    expect(columns.truncated).toBe(wire.truncated);

    // The page asks for that form.
    const { page, context } = await openPage(browser, "about:blank");
    const asked = page.waitForRequest((r) => r.url().includes("/api/graph"));
    await page.goto(server.url);
    expect(new URL((await asked).url()).searchParams.get("format")).toBe("columns");
    await waitForGraph(page);
    await context.close();
  });

  it("runs ForceAtlas2 in a worker and stops it", async () => {
    const { page, context } = await openPage(browser, server.url);
    await waitForGraph(page);
    const positions = () =>
      page.evaluate(() => {
        const kg = window.__kg as {
          graph: { mapNodes(f: (n: string, a: { x: number; y: number }) => string): string[] };
        };
        return kg.graph.mapNodes((_n, a) => `${a.x.toFixed(4)},${a.y.toFixed(4)}`).join(";");
      });
    // The layout starts by itself after the load.
    await expect.poll(() => page.getByTestId("layout-toggle").textContent()).toContain("Stop");
    const a = await positions();
    await page.waitForTimeout(400);
    expect(await positions()).not.toBe(a);

    await page.getByTestId("layout-toggle").click();
    await expect.poll(() => page.getByTestId("layout-toggle").textContent()).toContain("Run");
    await page.waitForTimeout(300);
    const stopped = await positions();
    await page.waitForTimeout(500);
    expect(await positions()).toBe(stopped);

    await page.getByTestId("layout-toggle").click();
    await page.waitForTimeout(500);
    expect(await positions()).not.toBe(stopped);
    await context.close();
  });
});
