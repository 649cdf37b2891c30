/**
 * The Cypher console: the @neo4j-cypher editor with completion from the live schema,
 * Ctrl+Enter, results as a graph and a table, history, examples, refusals and errors.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { realErrors, useE2E } from "./helpers.ts";

const e2e = useE2E();

async function openConsole(page: Page): Promise<void> {
  await page.getByTestId("view-console").click();
  await page.locator(".cm-content").waitFor();
}

async function typeQuery(page: Page, text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

describe("console", () => {
  it("completes labels from the live schema and runs with Ctrl+Enter, showing a graph and a table", async () => {
    const { page, errors } = await e2e.open();
    await openConsole(page);
    await page.locator(".cm-content").click();
    await page.keyboard.type("MATCH (m:Mod");
    const completion = page.locator(".cm-tooltip-autocomplete li", { hasText: "Model" });
    await completion.first().waitFor();
    await screenshot(page, "console-completion");
    await page.keyboard.press("Escape");

    await typeQuery(
      page,
      "MATCH (m:Model)-[r:BASED_ON]->(b:Model) RETURN m.name AS model, r.method AS method, m, r, b",
    );
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("result-summary").waitFor();
    // The graph: sigma draws the result's nodes.
    await page.locator('[data-testid="result-graph"] canvas.sigma-nodes').waitFor();
    const tabs = await page.getByTestId("result-tab-graph").textContent();
    expect(tabs).toMatch(/Graph \([1-9]\d* nodes, [1-9]\d* relationships\)/);
    await page.waitForTimeout(500);
    await screenshot(page, "console-graph");
    // The table: one row per derivation, with the columns asked for.
    await page.getByTestId("result-tab-table").click();
    const table = page.getByTestId("result-table");
    expect(await table.locator("th").allTextContents()).toEqual(["#", "model", "method", "m", "r", "b"]);
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await table.locator("tbody").textContent()).toContain("PET-F2I-7B");
    await screenshot(page, "console-table");
    expect(realErrors(errors)).toEqual([]);
  });

  it("shows the server's refusal of a write query", async () => {
    const { page } = await e2e.open("/?view=console");
    await page.locator(".cm-content").waitFor();
    await typeQuery(page, "CREATE (n:Model {key: 'x', name: 'X'}) RETURN n");
    await page.keyboard.press("Control+Enter");
    const error = page.getByTestId("console-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/writ|read-only|refus/i);
    await screenshot(page, "console-refused");
    // Nothing was written.
    const check = await fetch(`${e2e.server.url}/api/search?q=X&limit=100`);
    const hits = ((await check.json()) as { hits: { id: string }[] }).hits;
    expect(hits.map((h) => h.id)).not.toContain("Model:x");
  });

  it("shows Neo4j's error with its position for bad Cypher", async () => {
    const { page } = await e2e.open("/?view=console");
    await page.locator(".cm-content").waitFor();
    await typeQuery(page, "MATCH (n:Model)\nRETRUN n");
    await page.keyboard.press("Control+Enter");
    const error = page.getByTestId("console-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/SyntaxError|Invalid input/);
    expect(await page.getByTestId("error-position").textContent()).toMatch(/line 2, column 1/);
    await screenshot(page, "console-error");
  });

  it("keeps a history across reloads and offers example queries", async () => {
    const { page } = await e2e.open("/?view=console");
    await page.locator(".cm-content").waitFor();
    await typeQuery(page, "MATCH (d:Dataset) RETURN d.name AS name ORDER BY name LIMIT 3");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("result-summary").waitFor();
    await page.reload();
    await page.locator(".cm-content").waitFor();
    await page.getByTestId("history-toggle").click();
    expect(await page.getByTestId("history").textContent()).toContain("MATCH (d:Dataset) RETURN d.name");

    await page.getByTestId("examples").selectOption({ label: "Labs by number of papers" });
    expect(await page.locator(".cm-content").textContent()).toContain("PUBLISHED");
    await page.getByTestId("run-query").click();
    await page.getByTestId("result-summary").waitFor();
    await page.getByTestId("result-tab-table").waitFor();
    expect(await page.getByTestId("result-table").locator("th").allTextContents()).toEqual([
      "#",
      "lab",
      "papers",
    ]);
  });

  it("draws the relationships among returned nodes and shows nodes, relationships, lists and maps readably", async () => {
    // Bug: a query returning only nodes was drawn without the relationships between them.
    const nodesOnly = "MATCH (m:Model)-[:BASED_ON]->(b:Model) RETURN m, b";
    const { page } = await e2e.open(`/?view=console&q=${encodeURIComponent(nodesOnly)}`);
    await page.locator('[data-testid="result-graph"] canvas.sigma-nodes').waitFor();
    expect(await page.getByTestId("result-tab-graph").textContent()).toMatch(
      /Graph \([1-9]\d* nodes, [1-9]\d* relationships\)/,
    );

    // Bug: table cells showed the raw JSON of nodes, relationships, lists and maps.
    await typeQuery(
      page,
      "MATCH p = (m:Model)-[r:BASED_ON]->(b:Model) RETURN m, r, p, [m.name, b.name] AS names, {model: m.name, base: b} AS info LIMIT 3",
    );
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("result-tab-table").click();
    const body = page.getByTestId("result-table").locator("tbody");
    await body.waitFor();
    const text = (await body.textContent()) ?? "";
    expect(text).not.toMatch(/[{"]\s*"?(kind|elementId|labels|properties)"?\s*:/);
    expect(text).toContain("[:BASED_ON");
    const firstRow = body.locator("tr").first();
    // m, p and the map's `base` are links to the nodes' cards.
    expect(await firstRow.locator("td").nth(1).locator(".node-link").count()).toBe(1);
    expect(await firstRow.locator("td").nth(3).locator(".node-link").count()).toBe(2);
    expect(await firstRow.locator("td").nth(5).locator("dt").allTextContents()).toEqual(["model", "base"]);
    expect(await firstRow.locator("td").nth(5).locator(".node-link").count()).toBe(1);
    await screenshot(page, "console-cells");
  });

  it("answers a query over Neo4j's memory limit with 507 and a message naming the limit", async () => {
    // Bug: a 500 the page showed as "The query was not run".
    const ten = "WITH s+s+s+s+s+s+s+s+s+s AS s";
    const query = `WITH '0123456789' AS s ${ten} ${ten} ${ten} ${ten} ${ten} UNWIND range(1, 1000) AS i RETURN size(collect(s)) AS n`;
    const response = await fetch(`${e2e.server.url}/api/cypher`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(507);
    const body = (await response.json()) as { error: string; code?: string };
    expect(body.error).toMatch(/more memory than Neo4j allows \(limit [\d.]+ [KMG]iB, [a-z.]+\)/);

    const { page } = await e2e.open("/?view=console");
    await page.locator(".cm-content").waitFor();
    await typeQuery(page, query);
    await page.keyboard.press("Control+Enter");
    const error = page.getByTestId("console-error");
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/more memory than Neo4j allows/);
    expect(await error.textContent()).not.toMatch(/not run/);
  });
});
