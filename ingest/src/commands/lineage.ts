/**
 * `kg lineage <model> [--depth N] [--limit N] [--json]`: a model's ancestors and
 * descendants through BASED_ON, with each step's method and the data sets each model
 * was trained and evaluated on. The model is an id (`Model:key`) or a name.
 */
import { parseArgs } from "node:util";
import { formatTable, readLineage } from "@kg/queries";
import type { CommandContext } from "../cli/context.ts";
import { LINEAGE_USAGE } from "../cli/usage.ts";

export async function runLineageCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { depth: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
  });
  const model = positionals.join(" ").trim();
  const depth = Number(values.depth ?? 10);
  const limit = Number(values.limit ?? 200);
  if (
    !model ||
    !Number.isInteger(depth) ||
    depth < 1 ||
    depth > 20 ||
    !Number.isInteger(limit) ||
    limit < 1
  ) {
    ctx.stderr(`usage: kg ${LINEAGE_USAGE}\n`);
    return 2;
  }
  const db = await ctx.database();
  let lineage: Awaited<ReturnType<typeof readLineage>>;
  try {
    lineage = await readLineage(db, model, { depth, limit, timeoutMs: ctx.config.QUERY_TIMEOUT_MS });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode) {
      ctx.stderr(`kg lineage: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
  if (values.json) {
    ctx.stdout(`${JSON.stringify(lineage, null, 2)}\n`);
    return 0;
  }
  const names = new Map(lineage.graph.nodes.map((n) => [n.id, n.name]));
  const bases = new Map<string, string[]>();
  for (const edge of lineage.graph.edges) {
    const list = bases.get(edge.source) ?? [];
    list.push(
      `${names.get(edge.target) ?? edge.target}${edge.properties.method ? ` (${edge.properties.method})` : ""}`,
    );
    bases.set(edge.source, list);
  }
  const rows = [...lineage.graph.nodes]
    .sort((a, b) => Number(a.properties.level) - Number(b.properties.level) || a.name.localeCompare(b.name))
    .map((n) => {
      const data = lineage.datasets[n.id] ?? [];
      const of = (type: string) =>
        data
          .filter((d) => d.type === type)
          .map((d) => d.name)
          .join(", ");
      return [
        n.properties.level,
        n.name,
        (bases.get(n.id) ?? []).join("; "),
        of("TRAINED_ON"),
        of("EVALUATED_ON"),
      ];
    });
  const root = names.get(lineage.root) ?? lineage.root;
  ctx.stdout(`lineage of ${root} (${lineage.root}), depth ${depth}: level < 0 ancestors, > 0 descendants\n`);
  ctx.stdout(formatTable(["level", "model", "based on (method)", "trained on", "evaluated on"], rows));
  if (lineage.graph.truncated)
    ctx.stdout(`(only the nearest ${limit} descendants; raise --limit for more)\n`);
  return 0;
}
