/**
 * Import from the page: paste text or drop files, watch the progress while the server
 * ingests, then see the new nodes appear in the graph without losing the layout.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { kg, useE2E, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

/** Waits for the import to end and fails with the dialog's words when it did not succeed. */
async function waitForImport(page: Page): Promise<void> {
  await page
    .locator('[data-testid="import-done"], [data-testid="import-failed"]')
    .first()
    .waitFor({ timeout: 90_000 });
  const failed = page.getByTestId("import-failed");
  if ((await failed.count()) > 0) throw new Error(`import failed in the page: ${await failed.textContent()}`);
}

/**
 * On screen, in pixels: how far `from` is drawn from `to`, how many other nodes are
 * drawn nearer to `to`, and the width of the view.
 */
function screenGaps(page: Page, from: string, to: string) {
  return page.evaluate(
    ([from, to]) => {
      const k = window.__kg as {
        graph: { nodes(): string[]; getNodeAttributes(id: string): { x: number; y: number } };
        sigma: {
          graphToViewport(p: { x: number; y: number }): { x: number; y: number };
          getContainer(): HTMLElement;
        };
      };
      const at = (id: string) => {
        const a = k.graph.getNodeAttributes(id);
        return k.sigma.graphToViewport({ x: a.x, y: a.y });
      };
      const t = at(to);
      const gap = (id: string) => Math.hypot(at(id).x - t.x, at(id).y - t.y);
      const others = k.graph.nodes().filter((id) => id !== from && id !== to);
      return {
        gap: gap(from),
        closer: others.filter((id) => gap(id) < gap(from)).length,
        others: others.length,
        width: k.sigma.getContainer().clientWidth,
      };
    },
    [from, to] as const,
  );
}

const PASTED = `ZetaMed-3B: A Small Clinical Model
Abstract: We introduce ZetaMed-3B, a clinical language model fine-tuned from Qwen2.5-7B-Instruct via LoRA on MIMIC-IV discharge notes. ZetaMed-3B is evaluated on MedQA.
`;

describe("import", () => {
  it("ingests pasted text with progress and the new nodes appear, highlighted", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    const before = await kg(page, (k) => ({ order: k.graph.order, nodes: k.graph.nodes() }));
    const anchor = before.nodes[0] ?? "";
    const anchorPos = await kg(page, (k) => {
      const a = k.graph.getNodeAttributes(k.graph.nodes()[0] ?? "");
      return { x: a.x, y: a.y };
    });

    await page.keyboard.press("i");
    await page.getByTestId("import-dialog").waitFor();
    await page.getByTestId("import-text").fill(PASTED);
    await screenshot(page, "import-dialog");
    await page.getByTestId("import-submit").click();
    // Progress shows while the job runs (it may finish quickly: then "done" shows).
    await page.locator('[data-testid="import-progress"], [data-testid="import-done"]').first().waitFor();
    await waitForImport(page);
    await screenshot(page, "import-done");
    const added = Number(await page.getByTestId("import-new-count").textContent());
    expect(added).toBeGreaterThan(0);

    const after = await kg(page, (k) => ({
      order: k.graph.order,
      zeta: k.graph.nodes().filter((n) => n.toLowerCase().includes("zetamed")),
    }));
    expect(after.order).toBeGreaterThan(before.order);
    expect(after.zeta.length).toBeGreaterThan(0);
    // The layout the user had stays: an old node did not move.
    const anchorAfter = await kg(page, (k) => {
      const a = k.graph.getNodeAttributes(k.graph.nodes()[0] ?? "");
      return { x: a.x, y: a.y };
    });
    expect(anchorAfter).toEqual(anchorPos);
    expect(before.nodes).toContain(anchor);
    // New nodes are highlighted in the view.
    const zeta = after.zeta[0] ?? "";
    const highlighted = await page.evaluate(
      (id) =>
        (
          window.__kg as { sigma: { getNodeDisplayData(id: string): { highlighted?: boolean } | undefined } }
        ).sigma.getNodeDisplayData(id)?.highlighted,
      zeta,
    );
    expect(highlighted).toBe(true);
    expect(await page.getByTestId("count-nodes").getAttribute("data-value")).toBe(String(after.order));
  });

  it("accepts files through the file picker", async () => {
    const { page } = await e2e.open();
    await waitForGraph(page);
    await page.getByTestId("import-button").click();
    await page.getByTestId("import-files").setInputFiles({
      name: "lab-page.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(PASTED.replaceAll("ZetaMed-3B", "OmegaMed-1B")),
    });
    await expect.poll(() => page.getByTestId("import-file-list").textContent()).toContain("lab-page.txt");
    await page.getByTestId("import-submit").click();
    await waitForImport(page);
    const omega = await kg(page, (k) => k.graph.nodes().filter((n) => n.toLowerCase().includes("omegamed")));
    expect(omega.length).toBeGreaterThan(0);
  });

  it("reports what the import added (new against already present), not what it read", async () => {
    // Bug: the dialog said "6 entities" when the pasted abstract added one; the rest were there.
    const { page } = await e2e.open();
    await waitForGraph(page);
    const before = new Set(e2e.wire.nodes.map((n) => n.id));
    expect(before.has("Model:qwen2-5-7b-instruct")).toBe(true);
    await page.keyboard.press("i");
    await page.getByTestId("import-text").fill(PASTED.replaceAll("ZetaMed-3B", "KappaMed-2B"));
    await page.getByTestId("import-submit").click();
    await waitForImport(page);
    const job = await page.evaluate(async () => {
      const entries = performance.getEntriesByType("resource").map((e) => e.name);
      const last = entries.filter((n) => /\/api\/ingest\/[^/]+$/.test(n)).pop() ?? "";
      return (await (await fetch(last)).json()) as {
        newNodeIds: string[];
        added: { papers: number; entities: number; present: number };
        nodes: number;
      };
    });
    expect(job.newNodeIds).toContain("Model:kappamed-2b");
    for (const id of job.newNodeIds) expect(before.has(id), `${id} was already in the graph`).toBe(false);
    expect(job.newNodeIds).not.toContain("Model:qwen2-5-7b-instruct");
    expect(job.added.papers).toBe(1);
    expect(job.added.entities).toBe(job.newNodeIds.length - 1);
    expect(job.added.present).toBe(job.nodes - job.added.entities);
    expect(job.added.present).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId("import-new-entities").textContent()).toBe(String(job.added.entities));
    expect(await page.getByTestId("import-present").textContent()).toBe(String(job.added.present));
  });

  it("draws an imported model next to the model it names, in the page and in the saved map", async () => {
    // Bug: a pasted abstract's nodes were dropped far from everything, and the server
    // laid the whole map out afresh after each import.
    const { page } = await e2e.open();
    await waitForGraph(page);
    const url = `${e2e.server.url}/api/overview?papers=true`;
    type Map = { graph: { ids: string[] }; xs: number[]; ys: number[] };
    const mapBefore = (await (await fetch(url)).json()) as Map;
    await page.keyboard.press("i");
    await page.getByTestId("import-text").fill(PASTED.replaceAll("ZetaMed-3B", "ThetaMed-4B"));
    await page.getByTestId("import-submit").click();
    await waitForImport(page);
    const base = "Model:qwen2-5-7b-instruct";
    const theta = "Model:thetamed-4b";

    // On screen: the new model within a few discs of its base; most of the map is farther.
    const onScreen = await screenGaps(page, base, theta);
    expect(onScreen.gap).toBeLessThan(onScreen.width / 12);
    expect(onScreen.closer).toBeLessThan(onScreen.others / 5);

    // The saved map: extended, not laid out again: every node it had stays where it was,
    // and the new model sits about one edge from its base.
    const mapAfter = (await (await fetch(url)).json()) as Map;
    const pos = (m: Map, id: string) => {
      const i = m.graph.ids.indexOf(id);
      return i < 0 ? null : { x: m.xs[i] as number, y: m.ys[i] as number };
    };
    for (const id of mapBefore.graph.ids) {
      if (mapAfter.graph.ids.includes(id)) expect(pos(mapAfter, id), id).toEqual(pos(mapBefore, id));
    }
    const b = pos(mapAfter, base);
    const t = pos(mapAfter, theta);
    expect(b && t).toBeTruthy();
    const xs = mapBefore.xs;
    const span = Math.max(...xs) - Math.min(...xs);
    expect(Math.hypot((t?.x ?? 0) - (b?.x ?? 0), (t?.y ?? 0) - (b?.y ?? 0))).toBeLessThan(span / 8);

    // A new page opens on the saved map: the new model is drawn beside its base there too.
    const { page: fresh } = await e2e.open();
    await waitForGraph(fresh);
    const gapThere = (await screenGaps(fresh, base, theta)).gap;
    expect(gapThere).toBeLessThan(onScreen.width / 12);
  });
});
