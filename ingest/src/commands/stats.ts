/**
 * `kg stats [--top N] [--json]`: counts by label and type, most used base models and
 * benchmarks, most prolific labs.
 */
import { parseArgs } from "node:util";
import { formatTable, readStats } from "@kg/queries";
import type { CommandContext } from "../cli/context.ts";
import { STATS_USAGE } from "../cli/usage.ts";

export async function runStatsCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, options: { top: { type: "string" }, json: { type: "boolean" } } });
  const top = Number(values.top ?? 10);
  if (!Number.isInteger(top) || top < 1 || top > 1000) {
    ctx.stderr(`usage: kg ${STATS_USAGE}\n`);
    return 2;
  }
  const db = await ctx.database();
  const stats = await readStats(db, { top, timeoutMs: ctx.config.QUERY_TIMEOUT_MS });
  if (values.json) {
    ctx.stdout(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  const sections = [
    `${stats.nodes} nodes, ${stats.relationships} relationships\n`,
    formatTable(
      ["label", "count"],
      stats.byLabel.map((r) => [r.name, r.count]),
    ),
    formatTable(
      ["relationship", "count"],
      stats.byType.map((r) => [r.name, r.count]),
    ),
    formatTable(
      ["base model", "models built on it", "id"],
      stats.topBaseModels.map((r) => [r.name, r.count, r.id]),
    ),
    formatTable(
      ["benchmark", "models evaluated", "id"],
      stats.topBenchmarks.map((r) => [r.name, r.count, r.id]),
    ),
    formatTable(
      ["organisation", "papers + models", "id"],
      stats.topOrganizations.map((r) => [r.name, r.count, r.id]),
    ),
  ];
  ctx.stdout(sections.join("\n"));
  return 0;
}
