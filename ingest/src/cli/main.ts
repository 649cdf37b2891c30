/**
 * `npm run kg -- <command>`: the command-line entry point. Each command lives in its
 * own module under ../commands; this file only dispatches.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Connection } from "../../../db/connect.ts";
import type { CommandContext } from "./context.ts";
import { LINEAGE_USAGE, QUERY_USAGE, RELATED_USAGE, SEARCH_USAGE, STATS_USAGE } from "./usage.ts";

type Command = (args: string[], ctx: CommandContext) => Promise<number>;

/** Writes to stdout and waits for 'drain' when its buffer is full, so output never piles up in memory. */
function writeWithBackpressure(text: string): Promise<void> {
  if (process.stdout.write(text)) return Promise.resolve();
  return new Promise((resolve) => process.stdout.once("drain", () => resolve()));
}

const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

/** Runs another entry point of the project in this terminal (db control, the server). */
function delegate(script: string): Command {
  return async (args) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, script), ...args], {
      stdio: "inherit",
    });
    return result.status ?? 1;
  };
}

/**
 * Each command's module is imported only when it runs (the database driver alone took ~0.3 s
 * to load; `kg extract` and `kg --help` never need it). `database`: it talks to Neo4j.
 */
const COMMANDS: Record<string, { load: () => Promise<Command>; help: string; database?: boolean }> = {
  extract: {
    load: async () => {
      const { runExtractCommand } = await import("../commands/extract.ts");
      return (args, ctx) =>
        runExtractCommand(args, {
          stdout: ctx.stdout,
          stderr: ctx.stderr,
          stdoutAsync: writeWithBackpressure,
        });
    },
    help: "extract <file-or-dir>… [--format json|jsonl|summary]   read documents, print the extraction (no database)",
  },
  ingest: {
    load: async () => (await import("../commands/ingest.ts")).runIngestCommand,
    help: "ingest <file-or-dir>… [--bulk|--no-bulk] [--json]   extract and load into Neo4j (bulk import into an empty local database)",
    database: true,
  },
  lineage: {
    load: async () => (await import("../commands/lineage.ts")).runLineageCommand,
    help: LINEAGE_USAGE,
    database: true,
  },
  related: {
    load: async () => (await import("../commands/related.ts")).runRelatedCommand,
    help: RELATED_USAGE,
    database: true,
  },
  search: {
    load: async () => (await import("../commands/search.ts")).runSearchCommand,
    help: SEARCH_USAGE,
    database: true,
  },
  query: {
    load: async () => (await import("../commands/query.ts")).runQueryCommand,
    help: QUERY_USAGE,
    database: true,
  },
  stats: {
    load: async () => (await import("../commands/stats.ts")).runStatsCommand,
    help: STATS_USAGE,
    database: true,
  },
  db: { load: async () => delegate("db/cli.ts"), help: "db start|stop|status   the local Neo4j" },
  serve: {
    load: async () => delegate("web/server/start.ts"),
    help: "serve [paths…]   the explorer (same as npm start)",
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  kg ${c.help}`);
  return `usage:\n${lines.join("\n")}\n`;
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const unknown = name && name !== "help" && name !== "--help";
    process.stderr.write(unknown ? `kg: unknown command "${name}"\n${usage()}` : usage());
    return unknown ? 2 : 0;
  }
  const [{ parseConfig }, run, connect] = await Promise.all([
    import("@kg/graph-schema"),
    command.load(),
    command.database ? import("../../../db/connect.ts") : null,
  ]);
  const config = parseConfig(process.env);
  let connection: Connection | undefined;
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const ctx: CommandContext = {
    config,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    bulkServer: () => connect?.localBulkServer(config, log) ?? null,
    loaderPlans: () => connect?.localLoaderPlans(config) ?? null,
    database: async () => {
      const { connectDatabase } = connect ?? (await import("../../../db/connect.ts"));
      connection ??= await connectDatabase(config, { mode: "detached", log });
      return connection.db;
    },
  };
  try {
    return await run(args, ctx);
  } finally {
    await connection?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`kg: ${error.message}\n`);
    process.exitCode = 1;
  },
);
