/**
 * Scoring an ExtractionResult against a gold standard written by hand
 * (ingest/test/fixtures/gold/*.gold.json): paper boundaries, entities per label and
 * relationships per type, as precision / recall / F1. Pure; main.ts prints the tables.
 *
 * Matching rules: an extracted node matches a gold entity of the same label when any of
 * its normalised key and alias keys equals a key of the gold name or aliases; a second
 * node matching the same gold entity counts as a false positive (one node per entity).
 * A relationship matches when its type and both mapped ends are equal.
 */
import { type ExtractedNode, type ExtractionResult, normaliseKey } from "@kg/graph-schema";
import { z } from "zod";

export const GoldSchema = z.object({
  description: z.string().optional(),
  corpus: z.string(),
  papers: z.array(
    z.object({
      handle: z.string(),
      title: z.string().nullable(),
      arxivId: z.string().nullable(),
      occurrences: z.array(
        z.object({
          source: z.string(),
          first: z.string(),
          last: z.string(),
          notes: z.array(z.string()).optional(),
        }),
      ),
    }),
  ),
  entities: z.array(
    z.object({
      label: z.enum(["Model", "Dataset", "Organization", "Author", "Method"]),
      name: z.string(),
      aliases: z.array(z.string()).optional(),
      kind: z.enum(["dataset", "benchmark"]).optional(),
    }),
  ),
  relations: z.array(
    z.object({ type: z.string(), from: z.string(), to: z.string(), method: z.string().optional() }),
  ),
});
export type Gold = z.infer<typeof GoldSchema>;

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export const SCORED_LABELS = ["Model", "Dataset", "Organization", "Author"] as const;
export const SCORED_TYPES = [
  "BASED_ON",
  "TRAINED_ON",
  "EVALUATED_ON",
  "PUBLISHED",
  "AUTHORED",
  "INTRODUCES",
  "DEVELOPED",
] as const;

export interface Score {
  papers: { expected: number; extracted: number; problems: string[] };
  entities: Record<string, Prf>;
  entitiesOverall: Prf;
  relations: Record<string, Prf>;
  relationsOverall: Prf;
  basedOnMethod: { correct: number; total: number };
  /** Readable lists of the errors, for tuning by reading. */
  errors: { falsePositives: string[]; falseNegatives: string[] };
}

function keysOf(name: string, aliases: readonly string[] = []): Set<string> {
  return new Set([name, ...aliases].map((s) => normaliseKey(s)).filter((k) => k.length > 0));
}

/** Basename of a path ("/a/b/c.txt" → "c.txt"). */
function base(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i >= 0 ? path.slice(i + 1) : path;
}

/** Scores a result against a gold standard. */
export function scoreExtraction(result: ExtractionResult, gold: Gold): Score {
  const problems: string[] = [];
  const sourceIdByFile = new Map(result.sources.map((s) => [base(s.path), s.id]));
  const paperOfHandle = new Map<string, string>();
  const matchedPapers = new Set<string>();
  for (const gp of gold.papers) {
    let id: string | null = null;
    for (const occ of gp.occurrences) {
      const sid = sourceIdByFile.get(occ.source);
      const candidates = result.papers.filter(
        (p) => (sid === undefined || p.sourceIds.includes(sid)) && p.abstract.startsWith(occ.first),
      );
      if (candidates.length !== 1) {
        problems.push(`${gp.handle}: ${candidates.length} papers in ${occ.source} start with "${occ.first}"`);
        continue;
      }
      const p = candidates[0] as (typeof result.papers)[number];
      if (!p.abstract.trimEnd().endsWith(occ.last))
        problems.push(
          `${gp.handle}: abstract does not end with "${occ.last}" (ends "${p.abstract.slice(-60)}")`,
        );
      for (const note of occ.notes ?? [])
        if (!p.notes.includes(note)) problems.push(`${gp.handle}: note "${note}" missing`);
      if (id !== null && id !== p.id)
        problems.push(`${gp.handle}: occurrences became two papers (${id}, ${p.id})`);
      id = p.id;
    }
    if (id === null) continue;
    const p = result.papers.find((x) => x.id === id) as (typeof result.papers)[number];
    if (p.title !== gp.title)
      problems.push(`${gp.handle}: title ${JSON.stringify(p.title)} ≠ ${JSON.stringify(gp.title)}`);
    if (p.arxivId !== gp.arxivId) problems.push(`${gp.handle}: arXiv id ${p.arxivId} ≠ ${gp.arxivId}`);
    if (matchedPapers.has(id))
      problems.push(`${gp.handle}: paper ${id} also matches another gold paper (glued)`);
    matchedPapers.add(id);
    paperOfHandle.set(gp.handle, id);
  }
  if (result.papers.length !== gold.papers.length) {
    problems.push(`${result.papers.length} papers extracted, ${gold.papers.length} expected`);
  }

  // Entities.
  const goldByLabel = new Map<string, Array<{ id: string; keys: Set<string> }>>();
  for (const e of gold.entities) {
    const list = goldByLabel.get(e.label) ?? [];
    list.push({ id: `${e.label}:${e.name}`, keys: keysOf(e.name, e.aliases) });
    goldByLabel.set(e.label, list);
  }
  const goldIdOfNode = new Map<string, string>();
  const entities: Record<string, Prf> = {};
  const fpList: string[] = [];
  const fnList: string[] = [];
  let eTp = 0;
  let eFp = 0;
  let eFn = 0;
  const labels = ["Model", "Dataset", "Organization", "Author", "Method"];
  for (const label of labels) {
    const golds = goldByLabel.get(label) ?? [];
    const nodes = result.nodes.filter((n) => n.label === label);
    const matched = new Set<string>();
    let tp = 0;
    let fp = 0;
    for (const n of nodes) {
      const keys = keysOf(n.name, [...n.aliases, n.key]);
      const g = golds.find((x) => [...keys].some((k) => x.keys.has(k)));
      if (g && !matched.has(g.id)) {
        matched.add(g.id);
        goldIdOfNode.set(`${n.label}:${n.key}`, g.id);
        tp++;
      } else {
        if (g) goldIdOfNode.set(`${n.label}:${n.key}`, g.id);
        fp++;
        fpList.push(`${label} ${n.name}${g ? " (duplicate node)" : ""}`);
      }
    }
    const fn = golds.length - matched.size;
    for (const g of golds) if (!matched.has(g.id)) fnList.push(g.id.replace(":", " "));
    entities[label] = prf(tp, fp, fn);
    if ((SCORED_LABELS as readonly string[]).includes(label)) {
      eTp += tp;
      eFp += fp;
      eFn += fn;
    }
  }
  // Entities of another label that match a gold key: show them as label errors.
  const nodeByRef = new Map<string, ExtractedNode>(result.nodes.map((n) => [`${n.label}:${n.key}`, n]));

  // Relations.
  const handleOfPaper = new Map([...paperOfHandle].map(([h, id]) => [id, h]));
  const mapRef = (ref: { label: string; id?: string; key?: string }): string => {
    if (ref.label === "Paper") return `Paper:${handleOfPaper.get(ref.id as string) ?? ref.id}`;
    const id = `${ref.label}:${ref.key}`;
    return goldIdOfNode.get(id) ?? `${ref.label}:${nodeByRef.get(id)?.name ?? ref.key}`;
  };
  const goldRel = new Map<string, string | undefined>();
  for (const r of gold.relations) goldRel.set(`${r.type}|${r.from}|${r.to}`, r.method);
  const predicted = new Map<string, string | undefined>();
  for (const e of result.edges)
    predicted.set(`${e.type}|${mapRef(e.from)}|${mapRef(e.to)}`, e.properties.method);
  const relations: Record<string, Prf> = {};
  let rTp = 0;
  let rFp = 0;
  let rFn = 0;
  let methodCorrect = 0;
  let methodTotal = 0;
  const types = [...SCORED_TYPES, "MENTIONS", "USES_METHOD"];
  for (const type of types) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [k, method] of predicted) {
      if (!k.startsWith(`${type}|`)) continue;
      if (goldRel.has(k)) {
        tp++;
        if (type === "BASED_ON") {
          methodTotal++;
          if (goldRel.get(k) === method) methodCorrect++;
          else fpList.push(`BASED_ON method ${k.slice(9)}: ${method} ≠ ${goldRel.get(k)}`);
        }
      } else if (type !== "MENTIONS") {
        fp++;
        fpList.push(k.replaceAll("|", " "));
      }
    }
    for (const k of goldRel.keys()) {
      if (k.startsWith(`${type}|`) && !predicted.has(k)) {
        fn++;
        fnList.push(k.replaceAll("|", " "));
      }
    }
    if (type === "MENTIONS") continue;
    relations[type] = prf(tp, fp, fn);
    if ((SCORED_TYPES as readonly string[]).includes(type)) {
      rTp += tp;
      rFp += fp;
      rFn += fn;
    }
  }
  return {
    papers: { expected: gold.papers.length, extracted: result.papers.length, problems },
    entities,
    entitiesOverall: prf(eTp, eFp, eFn),
    relations,
    relationsOverall: prf(rTp, rFp, rFn),
    basedOnMethod: { correct: methodCorrect, total: methodTotal },
    errors: { falsePositives: fpList, falseNegatives: fnList },
  };
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

/** A readable table of a score. */
export function formatScore(name: string, s: Score, verbose = false): string {
  const lines: string[] = [];
  lines.push(`== ${name}`);
  lines.push(
    `papers: ${s.papers.extracted} extracted, ${s.papers.expected} expected, ${s.papers.problems.length} boundary problems`,
  );
  for (const p of s.papers.problems) lines.push(`  ! ${p}`);
  const row = (label: string, x: Prf): string =>
    `  ${label.padEnd(14)} P ${pct(x.precision)}  R ${pct(x.recall)}  F1 ${pct(x.f1)}   (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;
  lines.push("entities:");
  for (const [label, x] of Object.entries(s.entities)) lines.push(row(label, x));
  lines.push(row("overall*", s.entitiesOverall));
  lines.push("relationships:");
  for (const [type, x] of Object.entries(s.relations)) lines.push(row(type, x));
  lines.push(row("overall*", s.relationsOverall));
  lines.push(`  BASED_ON method correct: ${s.basedOnMethod.correct}/${s.basedOnMethod.total}`);
  lines.push(
    "  (* overall: entities Model, Dataset, Organization, Author; relationships the seven core types)",
  );
  if (verbose) {
    lines.push("false positives:");
    for (const e of s.errors.falsePositives) lines.push(`  + ${e}`);
    lines.push("false negatives:");
    for (const e of s.errors.falseNegatives) lines.push(`  - ${e}`);
  }
  return lines.join("\n");
}
