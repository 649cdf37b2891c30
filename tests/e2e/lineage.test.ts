/**
 * The lineage view: a model's ancestors and descendants as a layered tree, edges
 * labelled with the method, data sets beside each model, one click from the model.
 */
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { idOf, useE2E, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

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
});
