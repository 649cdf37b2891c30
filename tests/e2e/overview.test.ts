/**
 * The overview opens on the lineage map: the server selects it (models, data sets,
 * methods and organisations with the relations among them; papers and authors a toggle
 * away; Source never), lays it out once and sends positions, communities and first-seen
 * months. Run on a hand-made graph whose papers have different dates.
 */
import {
  type ExtractionResult,
  GraphColumnsSchema,
  GraphResponseSchema,
  monthIndex,
  OverviewResponseSchema,
} from "@kg/graph-schema";
import { applySchema, loadExtraction } from "@kg/ingest";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDrawnPixels, launchBrowser, openPage, screenshot } from "../support/browser.ts";
import { clearGraph } from "../support/db.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { HAND_EXTRACTION, SEGANYPET } from "./fixture.ts";
import { kg, waitForGraph } from "./helpers.ts";

/** The hand-made graph, SegAnyPET's paper two years before the others. */
const DATED: ExtractionResult = {
  ...HAND_EXTRACTION,
  papers: HAND_EXTRACTION.papers.map((p) => (p.id === SEGANYPET.id ? { ...p, date: "2023-09-15" } : p)),
};

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  await clearGraph(server.db);
  await applySchema(server.db);
  await loadExtraction(server.db, DATED);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function overview(papers = false) {
  return OverviewResponseSchema.parse(
    await (await fetch(`${server.url}/api/overview?papers=${papers}`)).json(),
  );
}

describe("the lineage map", () => {
  it("opens on the server's map at the server's positions, without a layout run and without the whole graph", async () => {
    const map = await overview();
    const labels = new Set(map.graph.nodeLabels.map((l) => map.graph.labels[l]));
    expect([...labels].sort()).toEqual(["Dataset", "Method", "Model"]);
    // No organisation here developed three models of the map: none is a hub worth drawing.
    expect(map.aggregated.find((a) => a.label === "Organization")?.count).toBeGreaterThanOrEqual(1);
    expect(map.graph.ids).toContain("Model:qwen2-5-7b-instruct");
    // GPT-4 is only mentioned by a paper: counted, not drawn as a loose dot.
    expect(map.graph.ids).not.toContain("Model:gpt-4");
    expect(map.aggregated.find((a) => a.label === "Model")?.count).toBeGreaterThanOrEqual(1);

    const { page, errors, context } = await openPage(browser, "about:blank");
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/")) asked.push(new URL(r.url()).pathname);
    });
    await page.goto(server.url);
    await waitForGraph(page);
    expect(asked).not.toContain("/api/graph");
    const drawn = await kg(page, (k) =>
      k.graph.nodes().map((id) => {
        const a = k.graph.getNodeAttributes(id);
        return { id, kind: a.kind as string, x: a.x as number, y: a.y as number, size: a.size as number };
      }),
    );
    expect(drawn).toHaveLength(map.graph.ids.length);
    for (const n of drawn) {
      expect(["Paper", "Author", "Source"]).not.toContain(n.kind);
      const i = map.graph.ids.indexOf(n.id);
      expect(n.x).toBeCloseTo(map.xs[i] as number, 5);
      expect(n.y).toBeCloseTo(map.ys[i] as number, 5);
      // A capped scale: no disc large enough to hide its neighbours.
      expect(n.size).toBeLessThanOrEqual(12);
    }
    // No layout runs by itself: the positions are the server's.
    expect(await page.getByTestId("layout-toggle").textContent()).toContain("Run");
    // The header says what is drawn of what the database holds, not a fraction of unlike things.
    const counts = await page.getByTestId("counts").textContent();
    expect(counts).toMatch(new RegExp(`${map.graph.ids.length} of ${map.total.nodes} nodes`));
    expect(await page.getByTestId("aggregated").textContent()).toMatch(/Not drawn: .*Model/);
    expect(await countDrawnPixels(page)).toBeGreaterThan(200);
    await screenshot(page, "overview-map");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("adds papers and authors with the toggle, never a Source", async () => {
    const { page, context } = await openPage(browser, server.url);
    await waitForGraph(page);
    await page.getByTestId("show-papers").check();
    await expect
      .poll(() => kg(page, (k) => k.graph.nodes().filter((id) => id.startsWith("Paper:")).length))
      .toBeGreaterThan(0);
    const kinds = await kg(page, (k) => [...new Set(k.graph.nodes().map((id) => id.split(":")[0]))]);
    expect(kinds).toContain("Author");
    expect(kinds).not.toContain("Source");
    await expect.poll(() => page.url()).toContain("papers=1");
    await context.close();
  });

  it("colours by Louvain community on demand", async () => {
    const map = await overview();
    const { page, context } = await openPage(browser, server.url);
    await waitForGraph(page);
    const colours = () =>
      kg(page, (k) =>
        Object.fromEntries(k.graph.nodes().map((id) => [id, k.graph.getNodeAttributes(id).color as string])),
      );
    const byLabel = await colours();
    await page.getByTestId("color-by").selectOption("community");
    await expect.poll(async () => JSON.stringify(await colours())).not.toBe(JSON.stringify(byLabel));
    const byCommunity = await colours();
    // Two nodes of one community share a colour; the largest two communities differ.
    const of = (c: number) => map.graph.ids.filter((_id, i) => map.communities[i] === c);
    const [a, b] = of(0);
    expect(byCommunity[a as string]).toBe(byCommunity[b as string]);
    expect(byCommunity[of(0)[0] as string]).not.toBe(byCommunity[of(1)[0] as string]);
    await expect.poll(() => page.url()).toContain("color=community");
    // The choice shows whole: the select ran past the sidebar's edge and was cut (bug).
    const sidebar = await page.locator("aside.sidebar").boundingBox();
    for (const id of ["color-by", "size-by"]) {
      const box = await page.getByTestId(id).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), id).toBeLessThanOrEqual(
        (sidebar?.x ?? 0) + (sidebar?.width ?? 0) - 8,
      );
    }
    await context.close();
  });

  it("filters by the month a node was first seen, and fit fits what is left", async () => {
    const map = await overview();
    const early = monthIndex("2023-09");
    const seganypet = map.graph.ids.indexOf("Model:seganypet");
    expect(map.firsts[seganypet]).toBe(early);
    const { page, context } = await openPage(browser, server.url);
    await waitForGraph(page);
    await page.getByTestId("date-range").waitFor();
    // "from" up to the last month: what was first seen in 2023 goes.
    const from = page.getByTestId("date-from");
    await from.fill(String(Math.max(...map.firsts)));
    const hidden = (id: string) =>
      page.evaluate(
        (node) =>
          Boolean(
            (
              window.__kg as { sigma: { getNodeDisplayData(n: string): { hidden?: boolean } | undefined } }
            ).sigma.getNodeDisplayData(node)?.hidden,
          ),
        id,
      );
    await expect.poll(() => hidden("Model:seganypet")).toBe(true);
    expect(await hidden("Model:qwen2-5-7b-instruct")).toBe(false);
    await expect.poll(() => page.url()).toMatch(/from=\d{4}-\d{2}/);
    expect(await page.getByTestId("count-visible").textContent()).toMatch(/filters show \d+ nodes/);

    // Fit: every node left visible is on screen, and the camera is closer than a full reset.
    await page.getByTestId("fit").click();
    await page.waitForTimeout(700);
    const view = await kg(page, (k) => {
      const box = k.sigma.getContainer().getBoundingClientRect();
      const inside = k.graph
        .nodes()
        .filter((id) => !k.sigma.getNodeDisplayData(id)?.hidden)
        .map((id) => {
          const d = k.sigma.getNodeDisplayData(id) as { x: number; y: number };
          const p = k.sigma.graphToViewport(k.graph.getNodeAttributes(id) as { x: number; y: number });
          return d && p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
        });
      return { all: inside.every(Boolean), ratio: k.sigma.getCamera().getState().ratio };
    });
    expect(view.all).toBe(true);

    // Back to the whole range.
    await page.getByTestId("reset-filters").click();
    await expect.poll(() => hidden("Model:seganypet")).toBe(false);
    await context.close();
  });

  it("draws labels that do not overlap, the best connected among them", async () => {
    const { page, context } = await openPage(browser, server.url);
    await waitForGraph(page);
    const read = () =>
      page.evaluate(() => {
        const k = window.__kg as {
          graph: { getNodeAttributes(n: string): { label: string; x: number; y: number; degree: number } };
          sigma: {
            getNodeDisplayedLabels(): Set<string>;
            getNodeDisplayData(n: string): { x: number; y: number; size: number };
            framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
            scaleSize(s: number): number;
          };
        };
        const context2d = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        context2d.font = "500 12px Inter, system-ui, sans-serif";
        return [...k.sigma.getNodeDisplayedLabels()].map((id) => {
          const d = k.sigma.getNodeDisplayData(id);
          const p = k.sigma.framedGraphToViewport(d);
          const x0 = p.x + k.sigma.scaleSize(d.size) + 2;
          const label = k.graph.getNodeAttributes(id).label;
          return { id, x0, x1: x0 + context2d.measureText(label).width, y0: p.y - 7, y1: p.y + 7 };
        });
      });
    await expect.poll(async () => (await read()).length).toBeGreaterThan(3);
    const boxes = await read();
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
        .map((b) => `${a.id} × ${b.id}`),
    );
    expect(overlapping).toEqual([]);
    await context.close();
  });

  it("selects the model, not a paper whose disc is drawn over it (bug)", async () => {
    const { page, context } = await openPage(browser, `${server.url}/?papers=1`);
    await waitForGraph(page);
    await expect
      .poll(() => kg(page, (k) => k.graph.nodes().filter((id) => id.startsWith("Paper:")).length))
      .toBeGreaterThan(0);
    // A paper as large as can be, put exactly on a small model: the worst case of a dense map.
    const target = await page.evaluate(() => {
      const k = window.__kg as {
        graph: {
          nodes(): string[];
          getNodeAttributes(n: string): { x: number; y: number };
          mergeNodeAttributes(n: string, a: object): void;
        };
        sigma: {
          refresh(): void;
          graphToViewport(p: { x: number; y: number }): { x: number; y: number };
          getContainer(): HTMLElement;
        };
      };
      const model = "Model:pet-f2i-7b";
      const paper = k.graph.nodes().find((id) => id.startsWith("Paper:")) as string;
      const at = k.graph.getNodeAttributes(model);
      k.graph.mergeNodeAttributes(model, { size: 3 });
      k.graph.mergeNodeAttributes(paper, { x: at.x, y: at.y, size: 12 });
      k.sigma.refresh();
      const p = k.sigma.graphToViewport(at);
      const box = k.sigma.getContainer().getBoundingClientRect();
      return { model, paper, x: box.left + p.x, y: box.top + p.y };
    });
    await page.waitForTimeout(300);
    await page.mouse.move(target.x, target.y);
    await page.waitForTimeout(300);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => kg(page, (k) => k.store.get().selected)).toBe(target.model);
    // Zoomed in, too.
    await page.keyboard.press("Escape");
    const near = await page.evaluate((id) => {
      const k = window.__kg as {
        graph: { getNodeAttributes(n: string): { x: number; y: number } };
        sigma: {
          refresh(): void;
          getCamera(): { setState(s: object): void };
          getNodeDisplayData(n: string): { x: number; y: number };
          framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
          getContainer(): HTMLElement;
        };
      };
      const d = k.sigma.getNodeDisplayData(id);
      k.sigma.getCamera().setState({ x: d.x, y: d.y, ratio: 0.1 });
      k.sigma.refresh();
      const p = k.sigma.framedGraphToViewport(d);
      const box = k.sigma.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, target.model);
    await page.waitForTimeout(300);
    await page.mouse.move(near.x, near.y);
    await page.waitForTimeout(300);
    await page.mouse.click(near.x, near.y);
    await expect.poll(() => kg(page, (k) => k.store.get().selected)).toBe(target.model);
    await context.close();
  });

  it("runs ForceAtlas2 on demand in a worker and stops it", async () => {
    const { page, context } = await openPage(browser, server.url);
    await waitForGraph(page);
    const positions = () =>
      kg(page, (k) =>
        k.graph
          .nodes()
          .map((id) => {
            const a = k.graph.getNodeAttributes(id) as { x: number; y: number };
            return `${a.x.toFixed(4)},${a.y.toFixed(4)}`;
          })
          .join(";"),
      );
    const still = await positions();
    await page.waitForTimeout(500);
    expect(await positions()).toBe(still);
    await page.getByTestId("layout-toggle").click();
    await expect.poll(() => page.getByTestId("layout-toggle").textContent()).toContain("Stop");
    await expect.poll(positions).not.toBe(still);
    await page.getByTestId("layout-toggle").click();
    await expect.poll(() => page.getByTestId("layout-toggle").textContent()).toContain("Run");
    await page.waitForTimeout(300);
    const stopped = await positions();
    await page.waitForTimeout(500);
    expect(await positions()).toBe(stopped);
    await context.close();
  });

  it("keeps /api/graph for scripts: the compact form holds the same graph as the wire format", async () => {
    const wire = GraphResponseSchema.parse(await (await fetch(`${server.url}/api/graph`)).json());
    const columns = GraphColumnsSchema.parse(
      await (await fetch(`${server.url}/api/graph?format=columns`)).json(),
    );
    expect(columns.ids).toEqual(wire.nodes.map((n) => n.id));
    const triples: string[] = [];
    for (let i = 0; i < columns.edges.length; i += 3) {
      const [s, t, k] = columns.edges.slice(i, i + 3) as [number, number, number];
      triples.push(`${columns.ids[s]}|${columns.types[k]}|${columns.ids[t]}`);
    }
    expect(triples.sort()).toEqual(wire.edges.map((e) => `${e.source}|${e.type}|${e.target}`).sort());
  });
});

describe("the model tree, expand and path", () => {
  it("groups derived models by method, with counts, and hides a group", async () => {
    const { page, errors, context } = await openPage(
      browser,
      `${server.url}/?view=lineage&node=Model:qwen2-5-7b`,
    );
    await page.getByTestId("lineage-view").waitFor();
    const groups = await page
      .getByTestId("method-group")
      .evaluateAll((items) =>
        items.map((i) => `${i.getAttribute("data-method")}:${i.querySelector(".legend-count")?.textContent}`),
      );
    expect(groups.sort()).toEqual(["adapter:1", "fine-tune:1", "post-training:2", "upcycling:1"].sort());
    const drawn = () =>
      page.getByTestId("lineage-node").evaluateAll((items) => items.map((i) => i.getAttribute("data-id")));
    expect(await drawn()).toContain("Model:pet-f2i-7b");
    await page.locator('[data-testid="method-group"][data-method="adapter"]').click();
    await expect.poll(drawn).not.toContain("Model:pet-f2i-7b");
    expect(await drawn()).toContain("Model:medreason-7b");
    await screenshot(page, "model-tree");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("roots the tree at a model chosen from search, even one already in the tree (bug)", async () => {
    const { page, context } = await openPage(browser, `${server.url}/?view=lineage&node=Model:qwen2-5-7b`);
    await expect
      .poll(() => page.getByTestId("lineage-view").getAttribute("data-root"))
      .toBe("Model:qwen2-5-7b");
    await page.getByTestId("search-input").fill("Innovator-Reason");
    await page
      .locator('[data-testid="search-hits"] [role="option"]', { hasText: "Innovator-Reason" })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId("lineage-view").getAttribute("data-root"))
      .toBe("Model:innovator-reason");
    await context.close();
  });

  it("opens a lineage deep link that names the model instead of its id (bug)", async () => {
    const { page, errors, context } = await openPage(
      browser,
      `${server.url}/?view=lineage&node=Qwen2.5-7B-Instruct`,
    );
    await expect
      .poll(() => page.getByTestId("lineage-view").getAttribute("data-root"), { timeout: 15_000 })
      .toBe("Model:qwen2-5-7b-instruct");
    await expect.poll(() => page.url()).toContain("node=Model%3Aqwen2-5-7b-instruct");
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("expands a node's neighbours through one relationship type into the map", async () => {
    const { page, context } = await openPage(browser, `${server.url}/?node=Model:pet-f2i-7b`);
    await waitForGraph(page);
    await page.getByTestId("explore-tools").waitFor();
    expect(await kg(page, (k) => k.graph.hasNode("Paper:arxiv:2510.00001"))).toBe(false);
    await page.getByTestId("expand-type").selectOption("INTRODUCES");
    await page.getByTestId("expand").click();
    await page.getByTestId("explore-note").waitFor();
    expect(await page.getByTestId("explore-note").textContent()).toMatch(/1 node added/);
    await expect.poll(() => kg(page, (k) => k.graph.hasNode("Paper:arxiv:2510.00001"))).toBe(true);
    // Only that type: the authors of the paper did not come with it.
    expect(await kg(page, (k) => k.graph.nodes().some((id) => id.startsWith("Author:")))).toBe(false);
    expect(await page.getByTestId("explore-note").textContent()).toMatch(/1 node added/);
    const fresh = (await kg(page, (k) => k.store.get().fresh)) as string[];
    expect(fresh).toContain("Paper:arxiv:2510.00001");
    await context.close();
  });

  it("finds the shortest path to another node and draws it", async () => {
    const { page, context } = await openPage(browser, `${server.url}/?node=Model:pet-f2i-7b`);
    await waitForGraph(page);
    await page.getByTestId("path-target").fill("SegAnyPET");
    await page.locator('[data-testid="path-hits"] [data-id="Model:seganypet"]').click();
    const steps = page.getByTestId("path-steps");
    await steps.waitFor();
    expect(await steps.locator("li").count()).toBeGreaterThanOrEqual(2);
    const text = await steps.textContent();
    expect(text).toContain("PET-F2I-7B");
    expect(text).toContain("SegAnyPET");
    // Every node of the path is on the map and highlighted.
    const fresh = (await kg(page, (k) => k.store.get().fresh)) as string[];
    expect(fresh).toContain("Model:seganypet");
    for (const id of fresh) {
      expect(
        await page.evaluate(
          (n) => (window.__kg as { graph: { hasNode(x: string): boolean } }).graph.hasNode(n),
          id,
        ),
      ).toBe(true);
    }
    await context.close();
  });
});
