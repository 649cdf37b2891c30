/**
 * Deep links: the URL holds the view, the selection, the filters, the camera and the
 * console's query; opening it elsewhere gives the same view.
 */
import { describe, expect, it } from "vitest";
import { appState, idOf, kg, useE2E, visibleNodes, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

describe("deep links", () => {
  it("round-trips selection, filters, size rule and camera through the URL", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    const id = idOf(e2e.wire, "Qwen2.5-7B-Instruct");
    await page.getByTestId("search-input").fill("Qwen2.5-7B-Instruct");
    await page
      .locator('[data-testid="search-hits"] [role="option"]', { hasText: "Qwen2.5-7B-Instruct" })
      .first()
      .click();
    await page.locator(`[data-testid="node-panel"][data-node="${id}"]`).waitFor();
    await page.locator('[data-testid="legend"] [data-label="Author"]').click();
    await page.getByTestId("hide-isolated").check();
    await page.getByTestId("size-by").selectOption("pagerank");
    await page.waitForTimeout(1200); // camera flight and URL debounce
    const url = page.url();
    expect(url).toContain(`node=${encodeURIComponent(id)}`);
    expect(url).toContain("hide=Author");
    expect(url).toContain("iso=1");
    expect(url).toContain("size=pagerank");
    expect(url).toMatch(/cam=[-\d.]+%2C[-\d.]+%2C[\d.]+/);
    const state = await appState(page);
    const camera = await kg(page, (k) => k.sigma.getCamera().getState());
    const visible = (await visibleNodes(page)).sort();

    // The same link in a fresh browser context.
    const other = await e2e.open(new URL(url).search ? `/${new URL(url).search}` : "/");
    await waitForGraph(other.page);
    await other.page.locator(`[data-testid="node-panel"][data-node="${id}"]`).waitFor();
    const state2 = await appState(other.page);
    expect(state2.selected).toBe(state.selected);
    expect(state2.filters).toEqual(state.filters);
    expect(state2.sizeBy).toBe("pagerank");
    const camera2 = await kg(other.page, (k) => k.sigma.getCamera().getState());
    expect(camera2.ratio).toBeCloseTo(camera.ratio, 3);
    expect(camera2.x).toBeCloseTo(camera.x, 3);
    expect(camera2.y).toBeCloseTo(camera.y, 3);
    expect((await visibleNodes(other.page)).sort()).toEqual(visible);
  });

  it("opens the lineage view and a console query from a link, and the back button returns", async () => {
    const id = idOf(e2e.wire, "PET-F2I-7B");
    const { page } = await e2e.open(`/?view=lineage&node=${encodeURIComponent(id)}`);
    await page.getByTestId("lineage-tree").waitFor();
    expect(await page.getByTestId("lineage-view").getAttribute("data-root")).toBe(id);

    const query = "MATCH (m:Model) RETURN m.name AS name ORDER BY name LIMIT 5";
    await page.goto(`${e2e.server.url}/?view=console&q=${encodeURIComponent(query)}`);
    await page.getByTestId("result-summary").waitFor();
    expect(await page.locator(".cm-content").textContent()).toContain("ORDER BY name LIMIT 5");
    expect(await page.getByTestId("result-summary").textContent()).toMatch(/^5 rows/);

    // Switching views pushes history entries; back returns to the previous view.
    await page.getByTestId("view-graph").click();
    await waitForGraph(page);
    await page.waitForTimeout(300);
    expect(page.url()).not.toContain("view=console");
    await page.goBack();
    await expect.poll(async () => (await appState(page)).view).toBe("console");
  });
});
