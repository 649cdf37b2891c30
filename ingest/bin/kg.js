#!/usr/bin/env node
// @ts-check
/**
 * The `kg` command. Runs the built CLI (ingest/dist, `npm run build:cli`: starts in ~0.2 s)
 * when it is there and no input of it (ingest/dist/inputs.json) changed since; else runs
 * the TypeScript sources through tsx (~2 s to start), so a stale build is never run. Plain
 * JavaScript because it must start without a compiler; everything else is in TypeScript.
 */
import { readFileSync, statSync } from "node:fs";

const dist = new URL("../dist/", import.meta.url);
const root = new URL("../../", import.meta.url);

function builtIsCurrent() {
  try {
    const built = statSync(new URL("kg.mjs", dist)).mtimeMs;
    /** @type {string[]} */
    const inputs = JSON.parse(readFileSync(new URL("inputs.json", dist), "utf8"));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (builtIsCurrent()) {
  await import(new URL("kg.mjs", dist).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/main.ts", import.meta.url).href);
}
