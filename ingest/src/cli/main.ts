/**
 * `npm run kg -- <command>`: the command-line entry point. Each command lives in its
 * own module under ../commands; this file only dispatches.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseConfig } from "@kg/graph-schema";
import { type Connection, connectDatabase, localBulkServer } from "../../../db/connect.ts";
import { runExtractCommand } from "../commands/extract.ts";
import { runIngestCommand } from "../commands/ingest.ts";
import { LINEAGE_USAGE, runLineageCommand } from "../commands/lineage.ts";
import { QUERY_USAGE, runQueryCommand } from "../commands/query.ts";
import { RELATED_USAGE, runRelatedCommand } from "../commands/related.ts";
import { runSearchCommand, SEARCH_USAGE } from "../commands/search.ts";
import { runStatsCommand, STATS_USAGE } from "../commands/stats.ts";
import type { CommandContext } from "./context.ts";

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

const COMMANDS: Record<string, { run: Command; help: string }> = {
  extract: {
    run: (args, ctx) =>
      runExtractCommand(args, { stdout: ctx.stdout, stderr: ctx.stderr, stdoutAsync: writeWithBackpressure }),
    help: "extract <file-or-dir>… [--format json|jsonl|summary]   read documents, print the extraction (no database)",
  },
  ingest: {
    run: runIngestCommand,
    help: "ingest <file-or-dir>… [--bulk|--no-bulk] [--json]   extract and load into Neo4j (bulk import into an empty local database)",
  },
  lineage: { run: runLineageCommand, help: LINEAGE_USAGE },
  related: { run: runRelatedCommand, help: RELATED_USAGE },
  search: { run: runSearchCommand, help: SEARCH_USAGE },
  query: { run: runQueryCommand, help: QUERY_USAGE },
  stats: { run: runStatsCommand, help: STATS_USAGE },
  db: { run: delegate("db/cli.ts"), help: "db start|stop|status   the local Neo4j" },
  serve: { run: delegate("web/server/start.ts"), help: "serve [paths…]   the explorer (same as npm start)" },
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
  const config = parseConfig(process.env);
  let connection: Connection | undefined;
  const ctx: CommandContext = {
    config,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    bulkServer: () => localBulkServer(config, (m) => process.stderr.write(`${m}\n`)),
    database: async () => {
      connection ??= await connectDatabase(config, {
        mode: "detached",
        log: (m) => process.stderr.write(`${m}\n`),
      });
      return connection.db;
    },
  };
  try {
    return await command.run(args, ctx);
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
