/**
 * `npm run kg -- <command>`: the command-line entry point. Each command lives in its
 * own module under ../commands; this file only dispatches.
 */
import { parseConfig } from "@kg/graph-schema";
import { type Connection, connectDatabase } from "../../../db/connect.ts";
import { runExtractCommand } from "../commands/extract.ts";
import { runIngestCommand } from "../commands/ingest.ts";
import type { CommandContext } from "./context.ts";

type Command = (args: string[], ctx: CommandContext) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  extract: {
    run: (args, ctx) => runExtractCommand(args, { stdout: ctx.stdout, stderr: ctx.stderr }),
    help: "extract <file-or-dir>… [--format json|summary]   read documents, print the extraction (no database)",
  },
  ingest: {
    run: runIngestCommand,
    help: "ingest <file-or-dir>… [--json]                   extract and load into Neo4j",
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
    process.stderr.write(
      name && name !== "help" && name !== "--help" ? `kg: unknown command "${name}"\n${usage()}` : usage(),
    );
    return name ? 2 : 0;
  }
  const config = parseConfig(process.env);
  let connection: Connection | undefined;
  const ctx: CommandContext = {
    config,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
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
