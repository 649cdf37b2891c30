/**
 * `kg related <paper-or-model> [--limit N] [--json]`: related work, ranked, with the
 * reasons. The paper or model is an id (`Paper:arxiv:…`, `Model:key`) or a name/title.
 */
import { parseArgs } from "node:util";
import { formatTable, looksLikeNodeId, readRelated, searchGraph } from "@kg/queries";
import type { CommandContext } from "../cli/context.ts";
import { RELATED_USAGE } from "../cli/usage.ts";

export async function runRelatedCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { limit: { type: "string" }, json: { type: "boolean" } },
  });
  const target = positionals.join(" ").trim();
  const limit = Number(values.limit ?? 20);
  if (!target || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    ctx.stderr(`usage: kg ${RELATED_USAGE}\n`);
    return 2;
  }
  const db = await ctx.database();
  let id = target;
  if (!looksLikeNodeId(target)) {
    const hits = await searchGraph(db, target, { limit: 10, timeoutMs: ctx.config.QUERY_TIMEOUT_MS });
    const hit = hits.find((h) => h.label === "Model" || h.label === "Paper");
    if (!hit) {
      ctx.stderr(`kg related: no paper or model matches "${target}"\n`);
      return 1;
    }
    id = hit.id;
    if (!values.json) ctx.stderr(`related work for ${hit.name} (${hit.id})\n`);
  }
  let related: Awaited<ReturnType<typeof readRelated>>;
  try {
    related = await readRelated(db, id, { limit, timeoutMs: ctx.config.QUERY_TIMEOUT_MS });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode) {
      ctx.stderr(`kg related: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
  if (values.json) {
    ctx.stdout(`${JSON.stringify(related, null, 2)}\n`);
    return 0;
  }
  if (related.items.length === 0) {
    ctx.stdout("nothing related found\n");
    return 0;
  }
  ctx.stdout(
    formatTable(
      ["#", "score", "name", "why", "id"],
      related.items.map((item, i) => [
        i + 1,
        item.score.toFixed(2),
        item.node.name,
        item.reasons.join("; "),
        item.node.id,
      ]),
      80,
    ),
  );
  return 0;
}
