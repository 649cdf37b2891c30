/**
 * `kg search <text…> [--limit N] [--label Label] [--json]`: ranked search over names,
 * aliases, titles and abstracts, prefix and typo tolerant.
 */
import { parseArgs } from "node:util";
import { NodeLabelSchema } from "@kg/graph-schema";
import { formatTable, searchGraph } from "@kg/queries";
import type { CommandContext } from "../cli/context.ts";
import { SEARCH_USAGE } from "../cli/usage.ts";

export async function runSearchCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { limit: { type: "string" }, label: { type: "string" }, json: { type: "boolean" } },
  });
  const text = positionals.join(" ").trim();
  const limit = Number(values.limit ?? 10);
  const label = values.label === undefined ? undefined : NodeLabelSchema.safeParse(values.label);
  if (!text || !Number.isInteger(limit) || limit < 1 || limit > 100 || (label && !label.success)) {
    ctx.stderr(
      `usage: kg ${SEARCH_USAGE}\n  (--limit 1..100; --label one of ${NodeLabelSchema.options.join(", ")})\n`,
    );
    return 2;
  }
  const db = await ctx.database();
  const hits = await searchGraph(db, text, {
    limit,
    label: label?.data,
    timeoutMs: ctx.config.QUERY_TIMEOUT_MS,
  });
  if (values.json) {
    ctx.stdout(`${JSON.stringify({ hits }, null, 2)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    ctx.stdout(`no match for "${text}"\n`);
    return 0;
  }
  ctx.stdout(
    formatTable(
      ["#", "label", "name", "matched", "score", "id"],
      hits.map((h, i) => [i + 1, h.label, h.name, h.matched, h.score.toFixed(2), h.id]),
    ),
  );
  return 0;
}
