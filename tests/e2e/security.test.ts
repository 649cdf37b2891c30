/**
 * The page under its own Content-Security-Policy and KG_TOKEN, in a real browser: with
 * the token (opened once as /?token=…) the map, the console and the import dialog work
 * and the browser reports no CSP violation; without it the page, the console and the
 * import are refused, and a wrong token is refused too.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseConfig } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../web/server/app.ts";
import { launchBrowser, openPage } from "../support/browser.ts";
import { openTestDatabase } from "../support/db.ts";
import { DIST_DIR } from "../support/server.ts";
import { seedTestGraph } from "./fixture.ts";
import { realErrors, waitForGraph } from "./helpers.ts";

const TOKEN = "e2e-token-0123456789abcdef0123456789";

let db: Database;
let app: FastifyInstance;
let browser: Browser;
let url: string;

beforeAll(async () => {
  if (!existsSync(path.join(DIST_DIR, "index.html"))) {
    throw new Error("tests/e2e/security: web/dist/index.html is missing; run `npm run build` first.");
  }
  db = openTestDatabase();
  await seedTestGraph(db);
  app = await createApp({ db, config: { ...parseConfig(process.env), KG_TOKEN: TOKEN }, distDir: DIST_DIR });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("tests/e2e/security: no TCP address");
  url = `http://127.0.0.1:${address.port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

/** Records every `securitypolicyviolation` the document sees, from before its first script. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

/** A POST from inside the page (same origin, the page's cookies): its status. */
function postFromPage(page: Page, apiPath: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ([p, b]) => {
      const response = await fetch(p as string, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(b),
      });
      return response.status;
    },
    [apiPath, body] as const,
  );
}

describe("the page under CSP and KG_TOKEN", () => {
  it("works with the token: map, console and import, with no CSP violation or console error", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      await watchViolations(page);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" || /Content.Security.Policy/i.test(message.text()))
          errors.push(`console: ${message.text()}`);
      });
      const response = await page.goto(`${url}/?token=${TOKEN}&papers=1`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()["content-security-policy"]).toMatch(/default-src 'self'/);
      // The token went into a cookie and out of the address bar.
      expect(page.url()).not.toContain("token=");
      await waitForGraph(page);

      await page.getByTestId("view-console").click();
      await page.locator(".cm-content").waitFor();
      await page.locator(".cm-content").click();
      await page.keyboard.insertText("MATCH (m:Model) RETURN m.name AS name LIMIT 3");
      await page.keyboard.press("Control+Enter");
      await page.getByTestId("result-summary").waitFor();

      await page.getByTestId("view-graph").click();
      await page.getByTestId("import-button").click();
      await page.getByTestId("import-dialog").waitFor();
      await page.keyboard.press("Escape");

      // The page's own calls carry the cookie: the console answers.
      expect(await postFromPage(page, "/api/cypher", { query: "RETURN 1 AS one" })).toBe(200);
      expect(await violations(page)).toEqual([]);
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("refuses the page, the console and the import without the token, and a wrong token", async () => {
    const opened = await openPage(browser, `${url}/`);
    try {
      const { page } = opened;
      // The page itself: a plain 401 that says how to get in, no app.
      expect(await page.locator("body").textContent()).toMatch(/needs its token \(KG_TOKEN\)/);
      expect(await page.locator("#root").count()).toBe(0);
      const status = await page.evaluate(async () => (await fetch("/")).status);
      expect(status).toBe(401);
      // Console and import from this origin, without the cookie.
      expect(await postFromPage(page, "/api/cypher", { query: "RETURN 1 AS one" })).toBe(401);
      expect(
        await postFromPage(page, "/api/ingest", {
          files: [{ name: "x.txt", text: "Title: X\n\nAbstract." }],
        }),
      ).toBe(401);
      expect(await page.evaluate(async () => (await fetch("/api/search?q=qwen")).status)).toBe(401);

      const wrong = await page.goto(`${url}/?token=not-the-token`);
      expect(wrong?.status()).toBe(401);
      expect(await page.context().cookies()).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
