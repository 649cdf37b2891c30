/**
 * `npm run build:cli`: the `kg` command as plain JavaScript in ingest/dist/ (esbuild), so
 * that a command starts in a fraction of a second instead of compiling its TypeScript
 * through tsx at every start (`kg --help` took 1.9–2.7 s, most of an incremental ingest's
 * fixed cost). Two entries: the CLI and the extraction's worker thread. Commands are loaded
 * on demand (code splitting), so a command does not pay for the driver it does not use.
 * Run by `npm run build` and `npm install`; `ingest/bin/kg.js` falls back to the sources
 * (tsx) when the build is missing or older than any of its inputs (listed in inputs.json).
 *
 * Paths a module derives from `import.meta.url` (db/install.ts finds db/, the CLI the repo
 * root) stay those of its source file: each module's `import.meta.url` and
 * `import.meta.dirname` are rewritten to its source location, relative to the bundle.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const INGEST = import.meta.dirname;
const ROOT = path.dirname(INGEST);
export const CLI_DIST = path.join(INGEST, "dist");

/**
 * Bundled too: the driver and zod (loading the driver's hundreds of files took ~0.4 s at
 * every start, one bundled file a fraction). Left as imports: what only the development
 * path (tsx) or the build uses.
 */
const EXTERNAL = ["tsx", "tsx/*", "esbuild"];

/** CommonJS packages in an ES module bundle call `require` for Node's built-in modules. */
const REQUIRE_SHIM = `import { createRequire as __kgCreateRequire } from "node:module"; const require = __kgCreateRequire(import.meta.url);`;

/** `import.meta.url` / `.dirname` of each bundled module, as its source file's. */
function sourceLocation(outdir: string): Plugin {
  return {
    name: "source-location",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, "utf8");
        if (!text.includes("import.meta.")) return { contents: text, loader: "ts" };
        const rel = path.relative(outdir, args.path).split(path.sep).join("/");
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        const contents = text
          .replaceAll("import.meta.url", url)
          .replaceAll("import.meta.dirname", `__kgDirname(${url})`);
        const helper = text.includes("import.meta.dirname")
          ? `\nfunction __kgDirname(u: string): string { return decodeURIComponent(new URL(".", u).pathname).replace(/\\/$/, ""); }\n`
          : "";
        return { contents: contents + helper, loader: "ts" };
      });
    },
  };
}

/** Builds ingest/dist (into a fresh folder first, so a running `kg` never sees half a build). */
export async function buildCli(): Promise<{ ms: number; files: number }> {
  const t0 = performance.now();
  const staging = `${CLI_DIST}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: {
        kg: path.join(INGEST, "src/cli/main.ts"),
        "extract-worker": path.join(INGEST, "src/parallel/extract-worker.ts"),
      },
      outdir: staging,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      external: EXTERNAL,
      // The worker thread is the bundled entry beside the CLI, relative to extract-parallel.ts.
      define: {
        KG_BUNDLED_WORKER: JSON.stringify(
          path.relative(path.join(INGEST, "src/parallel"), path.join(CLI_DIST, "extract-worker.mjs")),
        ),
      },
      plugins: [sourceLocation(CLI_DIST)],
      metafile: true,
      logLevel: "warning",
      legalComments: "none",
      banner: { js: REQUIRE_SHIM },
    });
    const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
    writeFileSync(path.join(staging, "inputs.json"), `${JSON.stringify(inputs)}\n`);
    rmSync(CLI_DIST, { recursive: true, force: true });
    renameSync(staging, CLI_DIST);
    return { ms: Math.round(performance.now() - t0), files: inputs.length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  buildCli().then(
    ({ ms, files }) => console.log(`build:cli: ingest/dist/kg.mjs from ${files} files in ${ms} ms`),
    (error: Error) => {
      console.error(`build:cli: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
