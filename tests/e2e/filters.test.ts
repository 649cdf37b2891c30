/**
 * Filters by label, relationship type, minimum degree and isolation: applied by
 * sigma's reducers, without a reload or a rebuilt graph.
 */
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { kg, useE2E, visibleEdges, visibleNodes, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

describe("filters", () => {
  it("hides by label, relationship type, degree and isolation without reloading", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    let graphRequests = 0;
    page.on("request", (r) => {
      if (r.url().includes("/api/graph")) graphRequests++;
    });
    const order = await kg(page, (k) => k.graph.order);
    const kinds = await kg(page, (k) =>
      Object.fromEntries(k.graph.nodes().map((n) => [n, String(k.graph.getNodeAttributes(n).kind)])),
    );
    // Mark the graph instance: it must stay the same object.
    await page.evaluate(() => {
      (window.__kg as { graph: { __mark?: number } }).graph.__mark = 42;
    });

    // Label: hide Paper from the legend.
    await page.locator('[data-testid="legend"] [data-label="Paper"]').click();
    await page.waitForTimeout(200);
    let visible = await visibleNodes(page);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.some((id) => kinds[id] === "Paper")).toBe(false);
    expect(visible.length).toBe(Object.values(kinds).filter((k) => k !== "Paper").length);
    expect(await page.getByTestId("count-visible").textContent()).toContain(String(visible.length));

    // Relationship type: hide MENTIONS too.
    await page.locator('[data-testid="filters"] [data-type="MENTIONS"]').click();
    await page.waitForTimeout(200);
    const edgeTypes = await kg(page, (k) =>
      k.graph
        .edges()
        .filter((e) => !k.sigma.getEdgeDisplayData(e)?.hidden)
        .map((e) =>
          String(
            (k.graph as unknown as { getEdgeAttribute(e: string, a: string): unknown }).getEdgeAttribute(
              e,
              "relType",
            ),
          ),
        ),
    );
    expect(edgeTypes).not.toContain("MENTIONS");

    // Hide isolated: every visible node keeps a visible edge.
    await page.getByTestId("hide-isolated").check();
    await page.waitForTimeout(200);
    visible = await visibleNodes(page);
    const edges = await visibleEdges(page);
    const ends = await kg(page, (k) =>
      k.graph.edges().map((e) => (k.graph as unknown as { extremities(e: string): string[] }).extremities(e)),
    );
    const edgeSet = new Set(edges);
    const allEdges = await kg(page, (k) => k.graph.edges());
    const touched = new Set<string>();
    allEdges.forEach((e, i) => {
      if (edgeSet.has(e)) for (const n of ends[i] ?? []) touched.add(n);
    });
    for (const id of visible) expect(touched.has(id)).toBe(true);
    await screenshot(page, "filters");

    // Minimum degree.
    await page.getByTestId("reset-filters").click();
    await page.getByTestId("min-degree").fill("3");
    await page.waitForTimeout(200);
    visible = await visibleNodes(page);
    const degrees = await kg(page, (k) =>
      Object.fromEntries(k.graph.nodes().map((n) => [n, Number(k.graph.getNodeAttributes(n).degree)])),
    );
    expect(visible.length).toBeGreaterThan(0);
    for (const id of visible) expect(degrees[id]).toBeGreaterThanOrEqual(3);
    expect(visible.length).toBe(Object.values(degrees).filter((d) => d >= 3).length);

    // All of it without a reload: same graph object, same order, no new fetch.
    expect(await kg(page, (k) => (k.graph as unknown as { __mark?: number }).__mark)).toBe(42);
    expect(await kg(page, (k) => k.graph.order)).toBe(order);
    expect(graphRequests).toBe(0);

    await page.getByTestId("reset-filters").click();
    await page.waitForTimeout(200);
    expect((await visibleNodes(page)).length).toBe(order);
  });

  it("highlights a hovered node's neighbours", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    const hub = await kg(page, (k) => {
      let best = "";
      let max = -1;
      for (const n of k.graph.nodes()) {
        const d = Number(k.graph.getNodeAttributes(n).degree);
        if (d > max) {
          max = d;
          best = n;
        }
      }
      return best;
    });
    const point = await page.evaluate((id) => {
      const k = window.__kg as {
        graph: { getNodeAttributes(id: string): { x: number; y: number } };
        sigma: {
          graphToViewport(p: { x: number; y: number }): { x: number; y: number };
          getContainer(): HTMLElement;
        };
      };
      const v = k.sigma.graphToViewport(k.graph.getNodeAttributes(id));
      const r = k.sigma.getContainer().getBoundingClientRect();
      return { x: v.x + r.left, y: v.y + r.top };
    }, hub);
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(
      (id) => (window.__kg as { store: { get(): { hovered: string | null } } }).store.get().hovered === id,
      hub,
    );
    await page.waitForTimeout(200);
    const colours = await page.evaluate((id) => {
      const k = window.__kg as {
        graph: {
          neighbors(id: string): string[];
          nodes(): string[];
          getNodeAttributes(id: string): { color: string };
        };
        sigma: { getNodeDisplayData(id: string): { color: string; highlighted?: boolean } | undefined };
      };
      const neighbours = new Set(k.graph.neighbors(id));
      const others = k.graph.nodes().filter((n) => n !== id && !neighbours.has(n));
      return {
        hub: k.sigma.getNodeDisplayData(id)?.highlighted,
        neighboursKeepColour: [...neighbours].every(
          (n) => k.sigma.getNodeDisplayData(n)?.color === k.graph.getNodeAttributes(n).color,
        ),
        othersFaded: others.every(
          (n) => k.sigma.getNodeDisplayData(n)?.color !== k.graph.getNodeAttributes(n).color,
        ),
      };
    }, hub);
    expect(colours).toEqual({ hub: true, neighboursKeepColour: true, othersFaded: true });
    await screenshot(page, "hover");
  });
});
