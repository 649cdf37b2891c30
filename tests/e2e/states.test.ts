/**
 * Keyboard shortcuts, and the loading, empty and unreachable states: each tells the
 * user what to do.
 */
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { clearGraph } from "../support/db.ts";
import { seedTestGraph } from "./fixture.ts";
import { appState, kg, useE2E, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

describe("shortcuts and states", () => {
  it("answers the keyboard: / f + - g c l ? Esc space", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
    await page.keyboard.press("Escape");
    await page.locator("body").click({ position: { x: 5, y: 300 } });

    await page.keyboard.press("+");
    await page.waitForTimeout(400);
    const zoomed = await kg(page, (k) => k.sigma.getCamera().getState().ratio);
    expect(zoomed).toBeLessThan(1);
    await page.keyboard.press("f");
    await page.waitForTimeout(600);
    expect(await kg(page, (k) => k.sigma.getCamera().getState())).toMatchObject({ x: 0.5, y: 0.5, ratio: 1 });

    const running = (await appState(page)).layoutRunning;
    await page.keyboard.press(" ");
    expect((await appState(page)).layoutRunning).toBe(!running);

    await page.keyboard.press("c");
    expect((await appState(page)).view).toBe("console");
    await page.locator(".cm-content").waitFor();
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("g");
    expect((await appState(page)).view).toBe("graph");
    await page.keyboard.press("l");
    expect((await appState(page)).view).toBe("lineage");
    await page.keyboard.press("g");

    await page.keyboard.press("?");
    await page.getByTestId("help").waitFor();
    await screenshot(page, "help");
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("help").count()).toBe(0);
  });

  it("says the graph is empty and how to fill it", async () => {
    await clearGraph(e2e.server.db);
    try {
      const { page } = await e2e.open();
      await page.getByTestId("status-empty").waitFor();
      expect(await page.getByTestId("status-empty").textContent()).toMatch(/empty.*Import/s);
      await screenshot(page, "empty");
    } finally {
      await seedTestGraph(e2e.server.db);
    }
  });

  it("says when the server cannot be reached, and recovers when it is back", async () => {
    const { page, context } = await e2e.open("/about:blank-not-a-route");
    await page.waitForLoadState();
    // Cut the API: every /api request fails as if the server were down.
    await context.route("**/api/**", (route) => route.abort("connectionrefused"));
    await page.reload();
    const error = page.getByTestId("status-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/cannot be reached.*npm start/s);
    await screenshot(page, "unreachable");
    await context.unroute("**/api/**");
    await waitForGraph(page); // the page retries by itself
  });

  it("shows a loading state while the graph is on its way", async () => {
    const { page, context } = await e2e.open("/about:blank-not-a-route");
    await context.route("**/api/overview**", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.reload();
    await page.getByTestId("status-loading").waitFor();
    expect(await page.getByTestId("status-loading").textContent()).toMatch(/Loading/);
    await waitForGraph(page);
  });
});
