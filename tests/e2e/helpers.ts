/**
 * Shared set-up for the browser tests: the real server on the test Neo4j filled from
 * the seed documents, headless Chromium, and small readers of the page's state
 * (window.__kg: the graphology model, the sigma view and the app store).
 */
import type { WireGraph } from "@kg/graph-schema";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, type OpenedPage, openPage } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { seedTestGraph } from "./fixture.ts";

export interface E2E {
  server: TestServer;
  browser: Browser;
  /** The graph as the API serves it, read once after seeding. */
  wire: WireGraph;
  open(path?: string): Promise<OpenedPage>;
}

/**
 * These tests look at papers, authors and their cards: they open the map with papers
 * and authors on (`papers=1`) unless the path says otherwise. The default map (entities
 * only) has its own tests in overview-map.test.ts.
 */
export function withPapers(path: string): string {
  if (/[?&]papers=/.test(path)) return path;
  return `${path}${path.includes("?") ? "&" : "?"}papers=1`;
}

/** Registers beforeAll/afterAll that start everything; the returned object fills in before the tests run. */
export function useE2E(): E2E {
  const e2e = {} as E2E;
  const pages: OpenedPage[] = [];
  beforeAll(async () => {
    e2e.server = await startTestServer();
    await seedTestGraph(e2e.server.db);
    e2e.browser = await launchBrowser();
    e2e.wire = (await (await fetch(`${e2e.server.url}/api/graph`)).json()) as WireGraph;
    e2e.open = async (path = "/") => {
      const opened = await openPage(e2e.browser, `${e2e.server.url}${withPapers(path)}`);
      pages.push(opened);
      return opened;
    };
  });
  afterAll(async () => {
    for (const p of pages) await p.context.close().catch(() => {});
    await e2e.browser?.close();
    await e2e.server?.close();
  });
  return e2e;
}

/** Waits until sigma has drawn the overview's graph. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="graph-view"] canvas.sigma-nodes', { timeout: 30_000 });
  await page.waitForFunction(() => {
    const kg = window.__kg as { sigma?: unknown; graph?: { order: number } } | undefined;
    return Boolean(kg?.sigma) && (kg?.graph?.order ?? 0) > 0;
  });
}

interface KgWindow {
  graph: {
    order: number;
    size: number;
    hasNode(id: string): boolean;
    nodes(): string[];
    edges(): string[];
    getNodeAttributes(id: string): Record<string, unknown>;
  };
  sigma: {
    getNodeDisplayData(
      id: string,
    ): { x: number; y: number; hidden?: boolean; highlighted?: boolean } | undefined;
    getEdgeDisplayData(id: string): { hidden?: boolean } | undefined;
    getCamera(): { getState(): { x: number; y: number; ratio: number; angle: number } };
    graphToViewport(p: { x: number; y: number }): { x: number; y: number };
    getContainer(): HTMLElement;
  };
  store: { get(): Record<string, unknown> };
}

/** Runs a function on window.__kg in the page. */
export function kg<T>(page: Page, fn: (kg: KgWindow) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__kg)`) as Promise<T>;
}

export function appState(page: Page): Promise<Record<string, unknown>> {
  return kg(page, (k) => JSON.parse(JSON.stringify(k.store.get())) as Record<string, unknown>);
}

/** Node ids of the drawn graph that sigma does not hide. */
export function visibleNodes(page: Page): Promise<string[]> {
  return kg(page, (k) => k.graph.nodes().filter((n) => !k.sigma.getNodeDisplayData(n)?.hidden));
}

export function visibleEdges(page: Page): Promise<string[]> {
  return kg(page, (k) => k.graph.edges().filter((e) => !k.sigma.getEdgeDisplayData(e)?.hidden));
}

/** Finds a node id by its display name in the served graph. */
export function idOf(wire: WireGraph, name: string): string {
  const node = wire.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`tests/e2e: no node named "${name}" in the test graph`);
  return node.id;
}

/** Console errors other than the browser's own log of an HTTP error status (which some tests cause on purpose). */
export function realErrors(errors: string[]): string[] {
  return errors.filter(
    (e) => !/Failed to load resource: the server responded with a status of (4|5)\d\d/.test(e),
  );
}
