/**
 * Headless Chromium for the browser tests and the web benchmark. WebGL comes from
 * SwiftShader (software), which headless Chromium needs to give sigma a context.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseConfig } from "@kg/graph-schema";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = parseConfig(process.env).CHROMIUM_PATH;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--use-gl=swiftshader",
  "--enable-unsafe-swiftshader",
];

export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `tests/support/browser: no Chromium at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

/** A fresh context and page (1400×900) that records the page's errors. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { context, page, errors };
}

export const SCREENSHOT_DIR = path.resolve("tests/screenshots");

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * True when sigma's node layer really holds drawn pixels: reads the WebGL canvas back
 * (after a fresh render, since the drawing buffer is not preserved) and counts non-blank ones.
 */
export async function countDrawnPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const kg = (
      window as unknown as {
        __kg?: { sigma?: { refresh(): void; getCanvases(): Record<string, HTMLCanvasElement> } };
      }
    ).__kg;
    const sigma = kg?.sigma;
    if (!sigma) return -1;
    sigma.refresh();
    const canvas = sigma.getCanvases().nodes;
    if (!canvas) return -2;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d");
    if (!ctx) return -3;
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
    return drawn;
  });
}
