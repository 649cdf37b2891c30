/**
 * Builds the front end when web/dist is missing or older than its sources, so
 * `npm start` on a fresh clone serves a current page without a separate build step.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const WEB_DIR = path.resolve(import.meta.dirname, "..");
export const DIST_DIR = path.join(WEB_DIR, "dist");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  const index = path.join(DIST_DIR, "index.html");
  if (!existsSync(index)) return true;
  const sources = [
    path.join(WEB_DIR, "src"),
    path.join(WEB_DIR, "index.html"),
    path.join(WEB_DIR, "vite.config.ts"),
  ];
  const built = statSync(index).mtimeMs;
  const graphSchema = path.resolve(WEB_DIR, "..", "graph-schema", "src");
  return [...sources, graphSchema].some((source) => {
    if (!existsSync(source)) return false;
    const mtime = statSync(source).isDirectory() ? newestMtime(source) : statSync(source).mtimeMs;
    return mtime > built;
  });
}

export async function buildWebIfNeeded(log: (message: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  log("web: building the front end (vite build)…");
  const started = Date.now();
  const { build } = await import("vite");
  await build({ configFile: path.join(WEB_DIR, "vite.config.ts"), logLevel: "warn" });
  log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
