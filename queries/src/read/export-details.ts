/**
 * What an export file carries beyond the drawing: a paper's date and arXiv id, an
 * entity's first-seen date, and each relationship's evidence with the papers it was
 * read from. One query per label (the key lookup is index-backed); relationships are
 * read from their start node, and the caller keeps those whose other end is exported.
 */
import { type ExportDetailsResponse, RelTypeSchema } from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";
import type { Database } from "../run/database.ts";
import { parseNodeRef, perLabel } from "./wire.ts";

/** Evidence sentences per relationship in an export; a well-read fact can have hundreds. */
export const EXPORT_EVIDENCE_CAP = 5;

export const exportDetailsQueries = perLabel((label, keyProperty) =>
  defineQuery({
    name: `exportDetails${label}`,
    mode: "READ",
    // Read in one projection, no CALL subqueries: Neo4j 5.26 answered the form
    // `MATCH (a …) CALL (a) { … min(…) } CALL (a) { … collect(…) } RETURN a.prop` with every
    // property of `a` null and no relationships on some databases (the test graph's papers).
    cypher: /* cypher */ `
      UNWIND $keys AS k
      MATCH (a:${label} {${keyProperty}: k})
      RETURN k AS key,
        coalesce(a.date, COLLECT {
          MATCH (p:Paper)-[:INTRODUCES|MENTIONS]->(a) WHERE p.date IS NOT NULL
          RETURN p.date AS d ORDER BY d LIMIT 1
        }[0]) AS date,
        a.arxivId AS arxivId, a.title AS title,
        [(a)-[r]->(b) WHERE type(r) <> 'FROM_SOURCE' | {
          type: type(r), toLabel: labels(b)[0], toKey: coalesce(b.key, b.id), method: r.method,
          evidence: coalesce(r.evidence, [])[..${EXPORT_EVIDENCE_CAP}],
          papers: coalesce(r.evidencePaperIds, [])[..${EXPORT_EVIDENCE_CAP}]
        }] AS out`,
    params: z.object({ keys: z.array(z.string()) }),
    row: z.object({
      key: z.string(),
      date: z.string().nullable(),
      arxivId: z.string().nullable(),
      title: z.string().nullable(),
      out: z.array(
        z.object({
          type: z.string(),
          toLabel: z.string(),
          toKey: z.string(),
          method: z.string().nullable(),
          evidence: z.array(z.string()),
          papers: z.array(z.string()),
        }),
      ),
    }),
  }),
);

/** Paper ids are `arxiv:<id>` when the arXiv id is known: the export names the arXiv id. */
const paperRef = (id: string) => (id.startsWith("arxiv:") ? id.slice("arxiv:".length) : id);

export async function readExportDetails(
  db: Database,
  ids: string[],
  options: { timeoutMs?: number | undefined } = {},
): Promise<ExportDetailsResponse> {
  const wanted = new Set(ids);
  const byLabel = new Map<string, string[]>();
  for (const id of wanted) {
    const ref = parseNodeRef(id);
    byLabel.set(ref.label, [...(byLabel.get(ref.label) ?? []), ref.key]);
  }
  const out: ExportDetailsResponse = { nodes: {}, edges: [] };
  for (const [label, keys] of byLabel) {
    const rows = await db.run(
      exportDetailsQueries[label as keyof typeof exportDetailsQueries],
      { keys },
      options,
    );
    for (const row of rows) {
      const source = `${label}:${row.key}`;
      out.nodes[source] = { date: row.date, arxivId: row.arxivId, title: row.title };
      for (const r of row.out) {
        const type = RelTypeSchema.safeParse(r.type);
        const target = `${r.toLabel}:${r.toKey}`;
        if (!type.success || !wanted.has(target)) continue;
        out.edges.push({
          source,
          target,
          type: type.data,
          method: r.method,
          evidence: r.evidence,
          evidencePapers: r.papers.map(paperRef),
        });
      }
    }
  }
  return out;
}
