/**
 * The lineage view: a model's ancestors and descendants as a layered tree, edges
 * labelled with the method, data sets beside each model, one click from the model.
 */
import type { ExtractedEdge, ExtractionResult, LineageResponse } from "@kg/graph-schema";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExtraction } from "../../ingest/src/load/load-extraction.ts";
import { screenshot } from "../support/browser.ts";
import { fixturePaper } from "../support/extraction-builders.ts";
import { idOf, useE2E, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

/**
 * Two dated papers on top of the seeds, so the family of Qwen2.5-7B grows over time:
 * Growth-A (January 2025) is fine-tuned from it, Growth-B (March 2025) from Growth-A.
 */
const GROWTH_SOURCE = { id: "9".repeat(64), path: "growth.jsonl", kind: "jsonl" as const, bytes: 100 };
const G1 = fixturePaper(
  "arxiv:2501.09001",
  "Growth-A: A Fine-Tune",
  "We introduce Growth-A, fine-tuned from Qwen2.5-7B.",
  GROWTH_SOURCE.id,
  [],
  "2025-01-15",
);
const G2 = fixturePaper(
  "arxiv:2503.09002",
  "Growth-B: A Fine-Tune of a Fine-Tune",
  "We introduce Growth-B, fine-tuned from Growth-A.",
  GROWTH_SOURCE.id,
  [],
  "2025-03-02",
);

function growthExtraction(qwenBaseKey: string): ExtractionResult {
  const ev = (paper: typeof G1) => [
    {
      paperId: paper.id,
      sourceId: GROWTH_SOURCE.id,
      sentence: paper.abstract,
      confidence: 0.9,
      extractor: "fixture",
    },
  ];
  const model = (key: string) => ({ label: "Model" as const, key });
  const edges: ExtractedEdge[] = [
    {
      type: "INTRODUCES",
      from: { label: "Paper", id: G1.id },
      to: model("growth-a"),
      properties: {},
      evidence: ev(G1),
    },
    {
      type: "INTRODUCES",
      from: { label: "Paper", id: G2.id },
      to: model("growth-b"),
      properties: {},
      evidence: ev(G2),
    },
    {
      type: "BASED_ON",
      from: model("growth-a"),
      to: model(qwenBaseKey),
      properties: { method: "fine-tune" },
      evidence: ev(G1),
    },
    {
      type: "BASED_ON",
      from: model("growth-b"),
      to: model("growth-a"),
      properties: { method: "fine-tune" },
      evidence: ev(G2),
    },
  ];
  return {
    sources: [{ ...GROWTH_SOURCE, ingestedAt: null }],
    papers: [G1, G2],
    nodes: [
      { label: "Model", key: "growth-a", name: "Growth-A", aliases: ["Growth-A"] },
      { label: "Model", key: "growth-b", name: "Growth-B", aliases: ["Growth-B"] },
    ],
    edges,
    warnings: [],
  };
}

/** One base with six models fine-tuned from it: wider than the lineage panel at 1:1. */
const WIDE_SOURCE = { id: "8".repeat(64), path: "wide.jsonl", kind: "jsonl" as const, bytes: 100 };
const WIDE_PAPER = fixturePaper(
  "arxiv:2502.08001",
  "Wide: Six Fine-Tunes of One Base",
  "We introduce Wide-1 to Wide-6, each fine-tuned from Wide-Base.",
  WIDE_SOURCE.id,
);

function wideExtraction(): ExtractionResult {
  const evidence = [
    {
      paperId: WIDE_PAPER.id,
      sourceId: WIDE_SOURCE.id,
      sentence: WIDE_PAPER.abstract,
      confidence: 0.9,
      extractor: "fixture",
    },
  ];
  const names = ["Wide-Base", ...[1, 2, 3, 4, 5, 6].map((n) => `Wide-${n}`)];
  const key = (name: string) => name.toLowerCase();
  return {
    sources: [{ ...WIDE_SOURCE, ingestedAt: null }],
    papers: [WIDE_PAPER],
    nodes: names.map((name) => ({ label: "Model" as const, key: key(name), name, aliases: [name] })),
    edges: names.slice(1).flatMap((name): ExtractedEdge[] => [
      {
        type: "INTRODUCES",
        from: { label: "Paper", id: WIDE_PAPER.id },
        to: { label: "Model", key: key(name) },
        properties: {},
        evidence,
      },
      {
        type: "BASED_ON",
        from: { label: "Model", key: key(name) },
        to: { label: "Model", key: key("Wide-Base") },
        properties: { method: "fine-tune" },
        evidence,
      },
    ]),
    warnings: [],
  };
}

beforeAll(async () => {
  const base = idOf(e2e.wire, "Qwen2.5-7B").slice("Model:".length);
  await loadExtraction(e2e.server.db, growthExtraction(base));
  await loadExtraction(e2e.server.db, wideExtraction());
});

describe("lineage", () => {
  it("draws PET-F2I-7B's lineage with Qwen2.5-7B-Instruct above it and the method on the edge", async () => {
    const id = idOf(e2e.wire, "PET-F2I-7B");
    const { page } = await e2e.open(`/?node=${encodeURIComponent(id)}`);
    await waitForGraph(page);
    // One click from the model's card.
    await page.getByTestId("open-lineage").click();
    const view = page.getByTestId("lineage-view");
    await view.waitFor();
    expect(await view.getAttribute("data-root")).toBe(id);
    expect(await page.getByTestId("lineage-root-name").textContent()).toBe("PET-F2I-7B");

    const nodes = page.getByTestId("lineage-node");
    const names = await nodes.locator(".lineage-name").allTextContents();
    expect(names).toContain("Qwen2.5-7B-Instruct");
    // Layered top to bottom: the base model sits above the model made from it.
    const base = await page
      .locator(`[data-testid="lineage-node"][data-id="${idOf(e2e.wire, "Qwen2.5-7B-Instruct")}"]`)
      .boundingBox();
    const root = await page.locator(`[data-testid="lineage-node"][data-id="${id}"]`).boundingBox();
    expect(base && root && base.y < root.y).toBe(true);
    // The edge says how: LoRA makes it an adapter.
    const methods = await page.getByTestId("lineage-method").allTextContents();
    expect(methods.join(" ")).toMatch(/adapter|fine-tune/);
    // Data sets beside the models.
    expect(await page.getByTestId("lineage-datasets").count()).toBeGreaterThan(0);
    // The URL follows the view a moment after it renders.
    await expect.poll(() => page.url()).toContain("view=lineage");
    await screenshot(page, "lineage-pet-f2i-7b");
  });

  it("opens with the l key and selects a model of the tree with a click", async () => {
    const id = idOf(e2e.wire, "PET-F2I-7B");
    const { page } = await e2e.open(`/?node=${encodeURIComponent(id)}`);
    await waitForGraph(page);
    await page.getByTestId("card-model").waitFor();
    await page.keyboard.press("l");
    await page.getByTestId("lineage-tree").waitFor();
    const baseId = idOf(e2e.wire, "Qwen2.5-7B-Instruct");
    await page.locator(`[data-testid="lineage-node"][data-id="${baseId}"]`).click();
    await page.locator(`[data-testid="node-panel"][data-node="${baseId}"]`).waitFor();
    // The tree stays rooted where it was; the base model is now selected in it.
    expect(await page.getByTestId("lineage-view").getAttribute("data-root")).toBe(id);
    expect(
      await page.locator(`[data-testid="lineage-node"][data-id="${baseId}"]`).getAttribute("class"),
    ).toContain("selected");
  });

  it("asks for a model when none is selected", async () => {
    const { page } = await e2e.open("/?view=lineage");
    await page.getByTestId("lineage-empty").waitFor();
    expect(await page.getByTestId("lineage-empty").textContent()).toMatch(/Select a model/);
  });

  it("shows the sentence and the paper of a derivation on hover and pins it with a click", async () => {
    const id = idOf(e2e.wire, "PET-F2I-7B");
    const { page } = await e2e.open(`/?view=lineage&node=${encodeURIComponent(id)}`);
    const method = page.locator(`[data-testid="lineage-method"][data-edge^="${id}-BASED_ON->"]`);
    await method.waitFor();
    expect(await page.getByTestId("edge-evidence").count()).toBe(0);
    await method.hover();
    const box = page.getByTestId("edge-evidence");
    await box.waitFor();
    const sentence = (await box.getByTestId("edge-evidence-sentence").first().textContent()) ?? "";
    expect(sentence).toContain("PET-F2I-7B");
    expect(sentence).toMatch(/fine-tuned from Qwen2\.5-7B-Instruct/);
    // The paper it is in, one click away.
    const paperLink = box.locator('.node-link[data-id^="Paper:"]');
    expect(await paperLink.count()).toBe(1);
    // Leaving hides it; a click keeps it.
    await page.mouse.move(5, 5);
    await expect.poll(() => page.getByTestId("edge-evidence").count()).toBe(0);
    await method.click();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(200);
    expect(await page.getByTestId("edge-evidence").count()).toBe(1);
    await screenshot(page, "lineage-edge-evidence");
    const paperId = await paperLink.getAttribute("data-id");
    await paperLink.click();
    await page.locator(`[data-testid="node-panel"][data-node="${paperId}"]`).waitFor();
  });

  it("shows the name-grammar family apart from the derivations the papers state", async () => {
    const id = idOf(e2e.wire, "Qwen2.5-7B-Instruct");
    const head = idOf(e2e.wire, "Qwen2.5-7B");
    const response = await fetch(`${e2e.server.url}/api/nodes/${encodeURIComponent(id)}/lineage`);
    const body = await response.text();
    expect(response.status, body).toBe(200);
    const api = JSON.parse(body) as LineageResponse;
    // The tree holds only stated derivations; the family only VARIANT_OF.
    expect(api.graph.edges.every((e) => e.type === "BASED_ON")).toBe(true);
    expect(api.family.edges.map((e) => [e.type, e.source, e.target])).toContainEqual([
      "VARIANT_OF",
      id,
      head,
    ]);

    const { page } = await e2e.open(`/?view=lineage&node=${encodeURIComponent(id)}`);
    const family = page.getByTestId("name-family");
    await family.waitFor();
    const members = await family
      .getByTestId("family-member")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-id")));
    expect(members).toEqual(expect.arrayContaining([head, id]));
    // Apart: the family is not drawn inside the tree, and no tree edge is a name variant.
    expect(await page.getByTestId("lineage-tree").getByTestId("family-member").count()).toBe(0);
    const edges = await page
      .getByTestId("lineage-method")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-edge") ?? ""));
    expect(edges.every((e) => e.includes("-BASED_ON->"))).toBe(true);
    // The variant link's evidence: the sentence that named the variant.
    await family.locator(`[data-testid="family-edge"][data-edge="${id}-VARIANT_OF->${head}"]`).click();
    const sentence = (await family.getByTestId("edge-evidence-sentence").first().textContent()) ?? "";
    expect(sentence).toContain("Qwen2.5-7B-Instruct");
    await screenshot(page, "lineage-name-family");
  });

  it("shows how a family grew over time, from the model's panel and from the lineage view", async () => {
    const base = idOf(e2e.wire, "Qwen2.5-7B");
    const { page } = await e2e.open(`/?node=${encodeURIComponent(base)}`);
    await waitForGraph(page);
    await page.getByTestId("open-growth").click();
    const growth = page.getByTestId("family-growth");
    await growth.waitFor();
    await expect.poll(() => page.url()).toContain("lineage=time");
    const months = await page
      .getByTestId("growth-month")
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute("data-month"), Number(el.getAttribute("data-count"))]),
      );
    // January to March 2025, February empty: the axis is time.
    expect(months).toEqual([
      ["2025-01", 1],
      ["2025-02", 0],
      ["2025-03", 1],
    ]);
    // The seeds' models have no dated paper: said, not drawn.
    expect(await growth.textContent()).toMatch(/without a dated paper/);
    // The bar itself (the month's label leans under its neighbour).
    await page.locator('[data-testid="growth-month"][data-month="2025-03"] rect').first().click();
    const list = page.getByTestId("growth-list");
    expect(await list.textContent()).toContain("Growth-B");
    expect(await list.textContent()).toContain("2025-03-02");
    await screenshot(page, "lineage-family-growth");
    // The same view from the lineage view's toggle, and back to the tree.
    await page.getByTestId("lineage-mode-tree").click();
    await page.getByTestId("lineage-tree").waitFor();
    await page.getByTestId("lineage-mode-time").click();
    await growth.waitFor();
  });

  it("fits a tree wider than its panel into view with one click", async () => {
    const { page } = await e2e.open("/?view=lineage&node=Model%3Awide-base");
    await page.getByTestId("lineage-tree").waitFor();
    const nodes = page.getByTestId("lineage-node");
    await expect.poll(() => nodes.count()).toBe(7);
    const panel = await page.locator(".lineage-scroller").boundingBox();
    if (!panel) throw new Error("no lineage panel");
    const inView = async () => {
      let count = 0;
      for (const box of await Promise.all((await nodes.all()).map((n) => n.boundingBox())))
        if (box && box.x >= panel.x && box.x + box.width <= panel.x + panel.width) count++;
      return count;
    };
    // At 1:1, centred on the base, the outer fine-tunes start out of sight.
    expect(await inView()).toBeLessThan(7);
    await page.getByTestId("lineage-fit").click();
    await expect.poll(inView).toBe(7);
  });
});
