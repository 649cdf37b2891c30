/**
 * Search with suggestions that flies to the node and selects it; the side panel's card
 * for each label, with evidence sentences and their source documents.
 */
import type { RelatedResponse } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { appState, idOf, kg, realErrors, useE2E, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

describe("search and cards", () => {
  it("suggests nodes for a prefix, flies the camera to the pick and selects it", async () => {
    const { page, errors } = await e2e.open();
    await waitForGraph(page);
    const before = await kg(page, (k) => k.sigma.getCamera().getState());

    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
    await page.keyboard.type("PET-F2I");
    const option = page.locator('[data-testid="search-hits"] [role="option"]', { hasText: "PET-F2I-7B" });
    await option.first().waitFor();
    await screenshot(page, "search-suggestions");
    await option.first().click();

    const id = idOf(e2e.wire, "PET-F2I-7B");
    await page.locator(`[data-testid="node-panel"][data-node="${id}"]`).waitFor();
    expect(await page.getByTestId("node-panel-title").textContent()).toBe("PET-F2I-7B");
    expect((await appState(page)).selected).toBe(id);
    // The camera flew in (zoomed) and the node sits near the centre of the view.
    await page.waitForTimeout(900);
    const after = await kg(page, (k) => k.sigma.getCamera().getState());
    expect(after.ratio).toBeLessThan(before.ratio);
    const pos = await kg(page, (k) => {
      const selected = String(k.store.get().selected);
      const d = k.sigma.getNodeDisplayData(selected);
      const c = k.sigma.getContainer();
      const v = d
        ? k.sigma.graphToViewport(k.graph.getNodeAttributes(selected) as { x: number; y: number })
        : null;
      return { v, w: c.clientWidth, h: c.clientHeight, highlighted: d?.highlighted };
    });
    expect(pos.highlighted).toBe(true);
    expect(Math.abs((pos.v?.x ?? 0) - pos.w / 2)).toBeLessThan(pos.w / 3);
    expect(Math.abs((pos.v?.y ?? 0) - pos.h / 2)).toBeLessThan(pos.h / 3);
    expect(realErrors(errors)).toEqual([]);
  });

  it("finds a node despite a typo", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    await page.getByTestId("search-input").fill("Qwen2.5-7B-Instrcut");
    const hits = page.locator('[data-testid="search-hits"] [role="option"]');
    await hits.first().waitFor();
    expect(await hits.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("Qwen2.5-7B-Instruct")]),
    );
  });

  it("shows a model's card: base-model chain, data sets, papers, evidence with its source", async () => {
    const id = idOf(e2e.wire, "PET-F2I-7B");
    const { page } = await e2e.open(`/?node=${encodeURIComponent(id)}`);
    await waitForGraph(page);
    const card = page.getByTestId("card-model");
    await card.waitFor();
    await expect.poll(() => page.getByTestId("base-chain").textContent()).toContain("Qwen2.5-7B-Instruct");
    expect(await page.getByTestId("card-datasets").textContent()).toContain("PET-F2I-41K");
    expect(await page.getByTestId("card-papers").count()).toBe(1);
    // Evidence: the sentence and the document it was read from.
    await page.locator('[data-testid="card-based-on"] .evidence-toggle').first().click();
    const evidence = page.getByTestId("evidence").first();
    expect(await evidence.locator("blockquote").textContent()).toMatch(/Qwen2\.5-7B-Instruct/);
    expect(await evidence.locator(".evidence-meta").textContent()).toMatch(/\.txt|source/);
    await screenshot(page, "card-model");
  });

  it("shows a paper's card with its arXiv link and the abstract's entities highlighted and clickable", async () => {
    const modelId = idOf(e2e.wire, "PET-F2I-7B");
    const { page } = await e2e.open(`/?node=${encodeURIComponent(modelId)}`);
    await waitForGraph(page);
    await page.locator('[data-testid="card-papers"] .node-link').first().click();
    const card = page.getByTestId("card-paper");
    await card.waitFor();
    const abstract = page.getByTestId("abstract");
    expect(await abstract.textContent()).toContain("PET-F2I-7B");
    const mentions = abstract.locator(".mention");
    expect(await mentions.count()).toBeGreaterThan(1);
    const link = page.getByTestId("arxiv-link");
    if ((await link.count()) > 0)
      expect(await link.getAttribute("href")).toMatch(/^https:\/\/arxiv\.org\/abs\//);
    await screenshot(page, "card-paper");
    // A highlighted entity opens its own card.
    const target = await mentions.filter({ hasText: "Qwen2.5-7B-Instruct" }).first();
    const targetId = await target.getAttribute("data-id");
    await target.click();
    await page.locator(`[data-testid="node-panel"][data-node="${targetId}"]`).waitFor();
  });

  it("shows a data set's card with the models trained and evaluated on it", async () => {
    const id = idOf(e2e.wire, "PET-F2I-41K");
    const { page } = await e2e.open(`/?node=${encodeURIComponent(id)}`);
    await waitForGraph(page);
    await page.getByTestId("card-dataset").waitFor();
    const text = `${await page.getByTestId("card-trained").textContent()} ${await page.getByTestId("card-evaluated").textContent()}`;
    expect(text).toContain("PET-F2I-7B");
    await screenshot(page, "card-dataset");
  });

  it("shows a lab's and an author's papers", async () => {
    const lab = e2e.wire.nodes.find((n) => n.label === "Organization" && n.name.includes("Netease"));
    expect(lab).toBeDefined();
    const { page } = await e2e.open(`/?node=${encodeURIComponent(lab?.id ?? "")}`);
    await waitForGraph(page);
    await page.getByTestId("card-organization").waitFor();
    expect(await page.locator('[data-testid="card-papers"] .relation').count()).toBeGreaterThan(0);
    await screenshot(page, "card-lab");

    const author = e2e.wire.nodes.find((n) => n.label === "Author");
    if (author) {
      await page.goto(`${e2e.server.url}/?node=${encodeURIComponent(author.id)}`);
      await page.getByTestId("card-author").waitFor();
      expect(await page.locator('[data-testid="card-papers"] .relation').count()).toBeGreaterThan(0);
    }
  });

  it("clears the selection with Esc and selects with a click on a node", async () => {
    // The entity map: with papers on, a paper's disc may be drawn over the model's.
    const { page } = await e2e.open("/?papers=0");
    await waitForGraph(page);
    await page.waitForTimeout(300);
    const id = idOf(e2e.wire, "PET-F2I-7B");
    const point = await page.evaluate((nodeId) => {
      const k = window.__kg as {
        graph: { getNodeAttributes(id: string): { x: number; y: number } };
        sigma: {
          graphToViewport(p: { x: number; y: number }): { x: number; y: number };
          getContainer(): HTMLElement;
        };
      };
      const v = k.sigma.graphToViewport(k.graph.getNodeAttributes(nodeId));
      const r = k.sigma.getContainer().getBoundingClientRect();
      return { x: v.x + r.left, y: v.y + r.top };
    }, id);
    await page.mouse.click(point.x, point.y);
    await page.locator(`[data-testid="node-panel"][data-node="${id}"]`).waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await appState(page)).selected).toBe(null);
    expect(await page.getByTestId("node-panel").count()).toBe(0);
  });

  it("shows related work with what each reason rests on, as the API ranks it", async () => {
    // The seed paper whose related work rests on the most shared things.
    let id = "";
    let api: RelatedResponse = { root: "", items: [], graph: { nodes: [], edges: [], truncated: false } };
    let best = -1;
    for (const paper of e2e.wire.nodes.filter((n) => n.label === "Paper")) {
      const related = (await (
        await fetch(`${e2e.server.url}/api/nodes/${encodeURIComponent(paper.id)}/related?limit=20`)
      ).json()) as RelatedResponse;
      const shared = related.items.flatMap((i) => i.why).filter((w) => w.kind !== "text").length;
      if (shared > best) [id, api, best] = [paper.id, related, shared];
    }
    expect(api.items.length).toBeGreaterThan(0);

    const { page } = await e2e.open(`/?node=${encodeURIComponent(id)}`);
    await waitForGraph(page);
    await page.getByTestId("tab-related").click();
    await page.getByTestId("related").waitFor();
    const items = page.getByTestId("related-item");
    expect(await items.count()).toBe(api.items.length);
    // Same order and the same reasons, each tagged with its kind.
    for (const [i, item] of api.items.slice(0, 5).entries()) {
      const row = items.nth(i);
      expect(await row.getAttribute("data-id")).toBe(item.node.id);
      const kinds = await row
        .getByTestId("related-reason")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-kind")));
      expect(kinds).toEqual(item.why.map((w) => w.kind));
    }
    // A shared entity is a link to it; a similar abstract shows its score.
    const withNode = api.items.flatMap((it) => it.why).find((w) => w.nodes.length > 0 && w.kind !== "text");
    if (withNode) {
      const link = page.locator(
        `[data-testid="related-reason"] .node-link[data-id="${withNode.nodes[0]?.id}"]`,
      );
      expect(await link.count()).toBeGreaterThan(0);
    }
    const text = api.items.flatMap((it) => it.why).find((w) => w.kind === "text");
    if (text) {
      const shown = await page.getByTestId("similarity").allTextContents();
      expect(shown).toContain((text.similarity ?? 0).toFixed(2));
    }
    expect(withNode ?? text).toBeDefined();
    await screenshot(page, "related-work-reasons");
  });
});
