/**
 * `kg ingest <file-or-dir>…`: extract and load into Neo4j, printing progress and a
 * summary. Bad files are reported by name and skipped; what is stored stays intact.
 */
import type { Database } from "@kg/queries/run";
import type { CommandContext } from "../cli/context.ts";
import { ingestPaths } from "../ingest-documents.ts";

export async function runIngestCommand(args: string[], ctx: CommandContext): Promise<number> {
  const json = args.includes("--json");
  const paths = args.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) {
    ctx.stderr("usage: kg ingest <file-or-dir>… [--json]\n");
    return 2;
  }
  const db: Database = await ctx.database();
  let last = "";
  const summary = await ingestPaths(db, paths, (p) => {
    if (json || p.phase === last) return;
    last = p.phase;
    ctx.stderr(`ingest: ${p.message}\n`);
  });
  if (json) {
    const { nodeIds: _ids, ...rest } = summary;
    ctx.stdout(`${JSON.stringify(rest, null, 2)}\n`);
  } else {
    ctx.stdout(
      `ingested ${summary.sources} document(s): ${summary.papers} papers, ${summary.nodes} entities, ${summary.edges} relationships ` +
        `(extract ${(summary.extractMs / 1000).toFixed(2)} s, load ${(summary.loadMs / 1000).toFixed(2)} s)\n`,
    );
    // Warning messages name their file already.
    for (const w of summary.warnings) ctx.stderr(`warning: ${w.message}\n`);
  }
  return 0;
}
