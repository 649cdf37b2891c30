/**
 * `kg query <cypher> [--param name[:type]=value]… [--max-rows N] [--timeout ms] [--json]`:
 * the read-only Cypher console on the command line. Writes are refused; the database
 * cancels the query after QUERY_TIMEOUT_MS; at most QUERY_MAX_ROWS rows are printed.
 * A parameter is text as typed (`--param id=2405.18377` is the string "2405.18377": ids
 * like arXiv numbers must not turn into numbers); a type after the name asks for
 * another value: `n:int=5`, `x:number=0.5`, `ok:bool=true`, `ids:json=["a","b"]`.
 */
import { parseArgs } from "node:util";
import { ConsoleError, formatTable, runConsoleQuery } from "@kg/queries";
import type { CommandContext } from "../cli/context.ts";
import { QUERY_USAGE } from "../cli/usage.ts";

const PARAM_TYPES: Record<string, (raw: string) => unknown> = {
  int: (raw) => {
    if (!/^[+-]?\d+$/.test(raw)) throw new Error("not an integer");
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw new Error("an integer too large to send exactly");
    return n;
  },
  number: (raw) => {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) throw new Error("not a number");
    return n;
  },
  bool: (raw) => {
    if (raw !== "true" && raw !== "false") throw new Error("not true or false");
    return raw === "true";
  },
  json: (raw) => JSON.parse(raw),
};

/** `name=text` or `name:type=value`; a message naming the bad pair when one is wrong. */
function parseParams(pairs: readonly string[]): Record<string, unknown> | string {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) return `--param needs name=value, got "${pair}"`;
    const [name = "", type, ...rest] = pair.slice(0, eq).split(":");
    const raw = pair.slice(eq + 1);
    if (type === undefined) {
      params[name] = raw;
      continue;
    }
    const parse = Object.hasOwn(PARAM_TYPES, type) ? PARAM_TYPES[type] : undefined;
    if (!name || rest.length > 0 || !parse) {
      return `--param ${pair}: the type after the name must be one of ${Object.keys(PARAM_TYPES).join(", ")}`;
    }
    try {
      params[name] = parse(raw);
    } catch (error) {
      return `--param ${pair}: ${(error as Error).message}`;
    }
  }
  return params;
}

export async function runQueryCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      param: { type: "string", multiple: true },
      "max-rows": { type: "string" },
      timeout: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const cypher = positionals.join(" ").trim();
  const params = parseParams(values.param ?? []);
  const maxRows = values["max-rows"] === undefined ? undefined : Number(values["max-rows"]);
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  const badNumber = [maxRows, timeoutMs].some((n) => n !== undefined && (!Number.isInteger(n) || n < 1));
  if (!cypher || typeof params === "string" || badNumber) {
    ctx.stderr(`${typeof params === "string" ? `kg query: ${params}\n` : ""}usage: kg ${QUERY_USAGE}\n`);
    return 2;
  }
  const db = await ctx.database();
  try {
    const result = await runConsoleQuery(
      db,
      { query: cypher, params, maxRows, timeoutMs },
      { timeoutMs: ctx.config.QUERY_TIMEOUT_MS, maxRows: ctx.config.QUERY_MAX_ROWS },
    );
    if (values.json) {
      ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    ctx.stdout(formatTable(result.columns, result.rows));
    const cut = result.truncated ? ` (cut at ${result.rowCount}; QUERY_MAX_ROWS or --max-rows)` : "";
    ctx.stdout(`${result.rowCount} row${result.rowCount === 1 ? "" : "s"}${cut}, ${result.elapsedMs} ms\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConsoleError)) throw error;
    if (values.json) {
      ctx.stdout(`${JSON.stringify(error.toApiError(), null, 2)}\n`);
    } else {
      ctx.stderr(`kg query: ${error.message}\n`);
      if (error.position && !/\n\s*\^/.test(error.message)) {
        const line = cypher.split("\n")[error.position.line - 1] ?? "";
        ctx.stderr(`  ${line}\n  ${" ".repeat(Math.max(0, error.position.column - 1))}^\n`);
      }
    }
    return 1;
  }
}
