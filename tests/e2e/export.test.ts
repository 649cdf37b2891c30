/**
 * Export of the current view as PNG, GraphML, GEXF and JSON: each file non-empty and
 * parseable, holding what is on screen (filters applied).
 */
import { readFile } from "node:fs/promises";
import { loadExtraction } from "@kg/ingest";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { fixturePaper } from "../support/extraction-builders.ts";
import { idOf, useE2E, visibleEdges, visibleNodes, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

// The seed documents carry no dates: one dated paper, introducing a model built on one of theirs.
const DATED = fixturePaper(
  "arxiv:2503.01234",
  "Dated-7B: A Dated Model",
  "We introduce Dated-7B, fine-tuned from Qwen2.5-7B-Instruct.",
  "8".repeat(64),
  [],
  "2025-03-14",
);
beforeAll(async () => {
  const evidence = [
    {
      paperId: DATED.id,
      sourceId: DATED.sourceId,
      sentence: DATED.abstract,
      confidence: 0.9,
      extractor: "e2e",
    },
  ];
  await loadExtraction(e2e.server.db, {
    sources: [{ id: DATED.sourceId, path: "dated.jsonl", kind: "paper-feed", bytes: 1, ingestedAt: null }],
    papers: [DATED],
    nodes: [{ label: "Model", key: "dated-7b", name: "Dated-7B", aliases: ["Dated-7B"] }],
    edges: [
      {
        type: "INTRODUCES",
        from: { label: "Paper", id: DATED.id },
        to: { label: "Model", key: "dated-7b" },
        properties: {},
        evidence,
      },
      {
        type: "BASED_ON",
        from: { label: "Model", key: "dated-7b" },
        to: { label: "Model", key: "qwen2-5-7b-instruct" },
        properties: { method: "fine-tune" },
        evidence,
      },
    ],
    warnings: [],
  });
});

async function download(page: Page, format: string): Promise<{ name: string; data: Buffer }> {
  await page.getByTestId("export-button").click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId(`export-${format}`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), data: await readFile(path) };
}

/** Puts header counts like the real corpus's into the page's store, as the overview would. */
async function showCounts(
  page: Page,
  counts: { nodes: number; edges: number; visibleNodes: number; visibleEdges: number },
  total: { nodes: number; relationships: number },
): Promise<void> {
  await page.evaluate(
    ({ counts, total }) => {
      const store = (window.__kg as { store: { get(): Record<string, unknown>; set(p: object): void } })
        .store;
      const overview = store.get().overview as Record<string, unknown>;
      store.set({ counts, overview: { ...overview, total } });
    },
    { counts, total },
  );
}

describe("export", () => {
  it("exports the filtered view as PNG, GraphML, GEXF and JSON", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    await page.locator('[data-testid="legend"] [data-label="Author"]').click();
    await page.waitForTimeout(300);
    const nodes = await visibleNodes(page);
    const edges = await visibleEdges(page);
    expect(nodes.length).toBeGreaterThan(10);

    const png = await download(page, "png");
    expect(png.name).toMatch(/\.png$/);
    expect(png.data.subarray(1, 4).toString()).toBe("PNG");
    const width = png.data.readUInt32BE(16);
    const height = png.data.readUInt32BE(20);
    expect(width).toBeGreaterThan(100);
    expect(height).toBeGreaterThan(100);
    expect(png.data.length).toBeGreaterThan(5_000);

    const graphml = (await download(page, "graphml")).data.toString("utf8");
    expect(graphml.startsWith("<?xml")).toBe(true);
    expect(graphml.match(/<node /g)?.length).toBe(nodes.length);
    expect(graphml.match(/<edge /g)?.length).toBe(edges.length);
    expect(graphml).not.toContain('<data key="kind">Author</data>');

    const gexf = (await download(page, "gexf")).data.toString("utf8");
    // Bug: the namespace was written `http:///www.gexf.net…`.
    expect(gexf).not.toContain("http:///");
    expect(gexf).toContain('xmlns="http://www.gexf.net/');
    const fromGexf = parseGexf(MultiDirectedGraph, gexf);
    expect(fromGexf.order).toBe(nodes.length);
    expect(fromGexf.size).toBe(edges.length);

    const json = JSON.parse((await download(page, "json")).data.toString("utf8"));
    const fromJson = new MultiDirectedGraph();
    fromJson.import(json);
    expect(fromJson.order).toBe(nodes.length);
    expect(fromJson.size).toBe(edges.length);
    const anyNode = fromJson.nodes()[0] ?? "";
    expect(fromJson.getNodeAttributes(anyNode)).toMatchObject({
      x: expect.any(Number),
      y: expect.any(Number),
      kind: expect.any(String),
    });
  });

  it("exports the console's result graph when in the console", async () => {
    const { page } = await e2e.open(
      `/?view=console&q=${encodeURIComponent("MATCH (m:Model)-[r:BASED_ON]->(b:Model) RETURN m, r, b")}`,
    );
    await page.locator('[data-testid="result-graph"] canvas.sigma-nodes').waitFor();
    const count = Number(
      (await page.getByTestId("result-tab-graph").textContent())?.match(/\((\d+) nodes/)?.[1],
    );
    const json = JSON.parse((await download(page, "json")).data.toString("utf8")) as { nodes: unknown[] };
    expect(json.nodes.length).toBe(count);
    const png = await download(page, "png");
    expect(png.data.subarray(1, 4).toString()).toBe("PNG");
  });

  it("names a shortcut in the Export tooltip that exports, and keeps Export on one line at 1600 px", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    // Bug: the tooltip said "(e)", which does nothing.
    const title = (await page.getByTestId("export-button").getAttribute("title")) ?? "";
    const key = /\(([^):\s]+)/.exec(title)?.[1] ?? "";
    expect(key).not.toBe("");
    const [file] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.keyboard.press(key),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.png$/);

    // Bug: with the real corpus's counts and a filter on, the header wrapped Export at 1600 px.
    await page.setViewportSize({ width: 1600, height: 900 });
    await showCounts(
      page,
      { nodes: 66_549, edges: 140_248, visibleNodes: 60_123, visibleEdges: 120_456 },
      { nodes: 168_078, relationships: 540_248 },
    );
    await page.getByTestId("count-visible").waitFor();
    const layout = await page.evaluate(() => {
      const button = document.querySelector('[data-testid="export-button"]') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(button);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      const box = button.getBoundingClientRect();
      const bar = (document.querySelector(".topbar") as HTMLElement).getBoundingClientRect();
      return { lines, right: box.right, barHeight: bar.height };
    });
    expect(layout.lines).toBe(1);
    expect(layout.right).toBeLessThanOrEqual(1600);
    expect(layout.barHeight).toBeLessThan(70);
  });

  it("shows the whole counts line at 1400 px with the real corpus's figures", async () => {
    // Bug: at 1400 px the header cut "1,284 relationships" to "1,284 relationsh".
    const { page } = await e2e.open();
    await waitForGraph(page);
    await page.setViewportSize({ width: 1400, height: 900 });
    await showCounts(
      page,
      { nodes: 1_388, edges: 1_284, visibleNodes: 1_388, visibleEdges: 1_284 },
      { nodes: 66_716, relationships: 141_498 },
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="count-nodes"]')?.textContent === "1,388",
    );
    const cut = await page.evaluate(() => {
      const counts = document.querySelector('[data-testid="counts"]') as HTMLElement;
      return counts.scrollWidth - counts.clientWidth;
    });
    expect(cut).toBeLessThanOrEqual(0);
  });

  it("carries papers' dates and arXiv ids and each relationship's evidence in GraphML, GEXF and JSON", async () => {
    // Bug: the files held only names, positions and types.
    const { page } = await e2e.open();
    await waitForGraph(page);
    const json = JSON.parse((await download(page, "json")).data.toString("utf8")) as {
      nodes: { key: string; attributes: Record<string, unknown> }[];
      edges: { source: string; target: string; attributes: Record<string, unknown> }[];
    };
    const papers = json.nodes.filter((n) => n.attributes.kind === "Paper");
    expect(papers.length).toBeGreaterThan(0);
    const withArxiv = papers.filter((n) => /^\d{4}\.\d{4,5}/.test(String(n.attributes.arxivId ?? "")));
    expect(withArxiv.length).toBeGreaterThan(0);
    const dated = json.nodes.find((n) => n.key === `Paper:${DATED.id}`);
    expect(dated?.attributes).toMatchObject({ date: "2025-03-14", arxivId: "2503.01234" });
    // An entity's date is when it was first seen: its earliest dated paper.
    expect(json.nodes.find((n) => n.key === "Model:dated-7b")?.attributes.date).toBe("2025-03-14");
    const based = json.edges.find(
      (e) => e.attributes.relType === "BASED_ON" && e.source === idOf(e2e.wire, "PET-F2I-7B"),
    );
    expect(based?.attributes.evidence).toEqual(expect.arrayContaining([expect.stringContaining("Qwen2.5")]));
    expect((based?.attributes.evidencePapers as string[])[0]).toMatch(/^\d{4}\.\d{4,5}|^sha:/);

    const graphml = (await download(page, "graphml")).data.toString("utf8");
    expect(graphml).toMatch(/<data key="arxivId">\d{4}\.\d{4,5}/);
    expect(graphml).toMatch(/<data key="date">\d{4}-\d{2}/);
    expect(graphml).toMatch(/<data key="e_evidence">[^<]*Qwen2\.5/);

    const gexf = parseGexf(MultiDirectedGraph, (await download(page, "gexf")).data.toString("utf8"));
    const paper = withArxiv[0]?.key ?? "";
    expect(gexf.getNodeAttribute(paper, "arxivId")).toBe(withArxiv[0]?.attributes.arxivId);
    const evidence = gexf.mapEdges((_e, attrs) => String(attrs.evidence ?? "")).filter((t) => t !== "");
    expect(evidence.length).toBeGreaterThan(0);
  });
});
