/**
 * Scoring against gold files written to ../shared/docs/annotation.md: one document per
 * gold file (`doc`, relative to the gold file), papers named by `ref`, entities and
 * relations with `required` (false: counts neither as a miss nor, when found, as a false
 * positive) and `altLabels` (any of them fits). This is the format of the dev and test
 * splits under ingest/test/fixtures/gold/{dev,test}/ and of the documents the extractor
 * is judged on elsewhere, so the scores here are comparable with those.
 *
 * Matching (annotation.md): papers by arXiv id, else title, else the abstract's start; an
 * entity matches when a label fits and any normalised name or alias is shared; a relation
 * matches when its type and both ends match. A second node matching one gold entity is a
 * false positive (one node per entity).
 */
import { type ExtractionResult, normaliseKey } from "@kg/graph-schema";
import { z } from "zod";
import { type Prf, prf, SCORED_LABELS, SCORED_TYPES } from "./score.ts";

const LabelSchema = z.enum(["Model", "Dataset", "Organization", "Author", "Method"]);

export const AnnotatedGoldSchema = z.object({
  doc: z.string(),
  genre: z.string().optional(),
  papers: z.array(
    z.object({
      ref: z.string(),
      title: z.string().nullable().optional(),
      arxivId: z.string().nullable().optional(),
      abstractStart: z.string(),
    }),
  ),
  entities: z.array(
    z.object({
      label: LabelSchema,
      name: z.string(),
      aliases: z.array(z.string()).optional(),
      required: z.boolean().optional(),
      altLabels: z.array(LabelSchema).optional(),
      kind: z.string().optional(),
    }),
  ),
  relations: z.array(
    z.object({
      type: z.string(),
      from: z.string(),
      to: z.string(),
      required: z.boolean().optional(),
      method: z.string().optional(),
      evidence: z.string().optional(),
    }),
  ),
});
export type AnnotatedGold = z.infer<typeof AnnotatedGoldSchema>;

/** Raw counts, so that the scores of several documents can be pooled. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface AnnotatedScore {
  papers: { expected: number; matched: number; extracted: number; problems: string[] };
  entities: Record<string, Counts>;
  relations: Record<string, Counts>;
  basedOnMethod: { correct: number; total: number };
  errors: { falsePositives: string[]; falseNegatives: string[] };
}

export const LINEAGE_TYPES = ["BASED_ON", "TRAINED_ON", "EVALUATED_ON"] as const;
const ENTITY_LABELS = ["Model", "Dataset", "Organization", "Author", "Method"] as const;
const RELATION_TYPES = [...SCORED_TYPES, "USES_METHOD"] as const;

function keysOf(names: readonly string[]): Set<string> {
  return new Set(names.map((s) => normaliseKey(s)).filter((k) => k.length > 0));
}

function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Scores one document's extraction against its annotated gold file. */
export function scoreAnnotated(
  result: ExtractionResult,
  gold: AnnotatedGold,
  docName = gold.doc,
): AnnotatedScore {
  const problems: string[] = [];
  // Papers: arXiv id, else title, else the abstract's start.
  const refOfPaper = new Map<string, string>();
  for (const gp of gold.papers) {
    const hit =
      (gp.arxivId ? result.papers.find((p) => p.arxivId === gp.arxivId) : undefined) ??
      (gp.title ? result.papers.find((p) => p.title === gp.title) : undefined) ??
      result.papers.find((p) => p.abstract.startsWith(gp.abstractStart.trim()));
    if (!hit) {
      problems.push(`${docName} ${gp.ref}: no paper starts with "${gp.abstractStart}"`);
      continue;
    }
    if (refOfPaper.has(hit.id)) problems.push(`${docName} ${gp.ref}: glued to ${refOfPaper.get(hit.id)}`);
    else refOfPaper.set(hit.id, gp.ref);
  }
  if (result.papers.length !== gold.papers.length)
    problems.push(`${docName}: ${result.papers.length} papers extracted, ${gold.papers.length} expected`);

  // Gold entities, each with an index id, the labels that fit and its keys.
  const goldEntities = gold.entities.map((e, i) => ({
    id: `E${i}`,
    name: e.name,
    labels: new Set<string>([e.label, ...(e.altLabels ?? [])]),
    label: e.label,
    keys: keysOf([e.name, ...(e.aliases ?? [])]),
    required: e.required !== false,
  }));
  const goldOfName = (name: string): string => {
    const k = normaliseKey(name);
    return goldEntities.find((g) => g.keys.has(k))?.id ?? `?${name}`;
  };

  const entities: Record<string, Counts> = {};
  for (const l of ENTITY_LABELS) entities[l] = zero();
  const fpList: string[] = [];
  const fnList: string[] = [];
  const goldIdOfNode = new Map<string, string>();
  const matched = new Set<string>();
  const nodes = [...result.nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const n of nodes) {
    const keys = keysOf([n.name, ...n.aliases, n.key]);
    const fits = goldEntities.filter((g) => g.labels.has(n.label) && [...keys].some((k) => g.keys.has(k)));
    const counts = entities[n.label] as Counts;
    const g = fits.find((x) => !matched.has(x.id)) ?? fits[0];
    if (g) goldIdOfNode.set(`${n.label}:${n.key}`, g.id);
    if (g && !matched.has(g.id)) {
      matched.add(g.id);
      if (g.required) counts.tp++;
    } else if (g && !g.required) {
      // A second node of an optional entity: ignored like the first.
    } else {
      counts.fp++;
      fpList.push(`${docName} ${n.label} ${n.name}${g ? " (duplicate node)" : ""}`);
    }
  }
  for (const g of goldEntities) {
    if (g.required && !matched.has(g.id)) {
      (entities[g.label] as Counts).fn++;
      fnList.push(`${docName} ${g.label} ${g.name}`);
    }
  }

  // Relations: ends mapped to gold entity ids or paper refs.
  const mapRef = (ref: { label: string; id?: string; key?: string }): string => {
    if (ref.label === "Paper") return refOfPaper.get(ref.id as string) ?? `?paper:${ref.id}`;
    const id = `${ref.label}:${ref.key}`;
    return goldIdOfNode.get(id) ?? `?${id}`;
  };
  const paperRefs = new Set(gold.papers.map((p) => p.ref));
  const goldEnd = (s: string): string => (paperRefs.has(s) ? s : goldOfName(s));
  const goldRel = new Map<string, { required: boolean; method?: string; text: string }>();
  for (const r of gold.relations) {
    const k = `${r.type}|${goldEnd(r.from)}|${goldEnd(r.to)}`;
    const prev = goldRel.get(k);
    goldRel.set(k, {
      required: (prev?.required ?? false) || r.required !== false,
      method: r.method ?? prev?.method,
      text: `${r.type} ${r.from} -> ${r.to}`,
    });
  }
  const predicted = new Map<string, { method?: string; text: string }>();
  const nameOf = new Map(result.nodes.map((n) => [`${n.label}:${n.key}`, n.name]));
  for (const e of result.edges) {
    const end = (r: { label: string; id?: string; key?: string }): string =>
      r.label === "Paper"
        ? (refOfPaper.get(r.id as string) ?? "paper?")
        : (nameOf.get(`${r.label}:${r.key}`) ?? "?");
    predicted.set(`${e.type}|${mapRef(e.from)}|${mapRef(e.to)}`, {
      method: e.properties.method,
      text: `${e.type} ${end(e.from)} -> ${end(e.to)}`,
    });
  }
  const relations: Record<string, Counts> = {};
  let methodCorrect = 0;
  let methodTotal = 0;
  for (const type of RELATION_TYPES) {
    const c = zero();
    for (const [k, p] of predicted) {
      if (!k.startsWith(`${type}|`)) continue;
      const g = goldRel.get(k);
      if (!g) {
        c.fp++;
        fpList.push(`${docName} ${p.text}`);
        continue;
      }
      if (!g.required) continue;
      c.tp++;
      if (type === "BASED_ON") {
        methodTotal++;
        if (g.method === p.method) methodCorrect++;
        else fpList.push(`${docName} BASED_ON method of ${p.text}: ${p.method} ≠ ${g.method}`);
      }
    }
    for (const [k, g] of goldRel) {
      if (k.startsWith(`${type}|`) && g.required && !predicted.has(k)) {
        c.fn++;
        fnList.push(`${docName} ${g.text}`);
      }
    }
    relations[type] = c;
  }
  return {
    papers: {
      expected: gold.papers.length,
      matched: refOfPaper.size,
      extracted: result.papers.length,
      problems,
    },
    entities,
    relations,
    basedOnMethod: { correct: methodCorrect, total: methodTotal },
    errors: { falsePositives: fpList, falseNegatives: fnList },
  };
}

/** Adds up the scores of several documents (a split). */
export function poolScores(scores: readonly AnnotatedScore[]): AnnotatedScore {
  const pooled: AnnotatedScore = {
    papers: { expected: 0, matched: 0, extracted: 0, problems: [] },
    entities: {},
    relations: {},
    basedOnMethod: { correct: 0, total: 0 },
    errors: { falsePositives: [], falseNegatives: [] },
  };
  const add = (into: Record<string, Counts>, from: Record<string, Counts>): void => {
    for (const [k, c] of Object.entries(from)) {
      const t = into[k] ?? zero();
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
      into[k] = t;
    }
  };
  for (const s of scores) {
    pooled.papers.expected += s.papers.expected;
    pooled.papers.matched += s.papers.matched;
    pooled.papers.extracted += s.papers.extracted;
    pooled.papers.problems.push(...s.papers.problems);
    add(pooled.entities, s.entities);
    add(pooled.relations, s.relations);
    pooled.basedOnMethod.correct += s.basedOnMethod.correct;
    pooled.basedOnMethod.total += s.basedOnMethod.total;
    pooled.errors.falsePositives.push(...s.errors.falsePositives);
    pooled.errors.falseNegatives.push(...s.errors.falseNegatives);
  }
  return pooled;
}

function sum(counts: Record<string, Counts>, keys: readonly string[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of keys) {
    const c = counts[k];
    if (!c) continue;
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return prf(tp, fp, fn);
}

/** The headline figures of a (pooled) score. */
export function headline(s: AnnotatedScore): { entities: Prf; relations: Prf; lineage: Prf; basedOn: Prf } {
  return {
    entities: sum(s.entities, SCORED_LABELS),
    relations: sum(s.relations, SCORED_TYPES),
    lineage: sum(s.relations, LINEAGE_TYPES),
    basedOn: sum(s.relations, ["BASED_ON"]),
  };
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

/** A readable table of a pooled score; error lists only when asked for. */
export function formatAnnotated(name: string, s: AnnotatedScore, withErrors: boolean): string {
  const lines: string[] = [`== ${name}`];
  lines.push(
    `papers: ${s.papers.matched}/${s.papers.expected} matched, ${s.papers.extracted} extracted, ${s.papers.problems.length} problems`,
  );
  for (const p of s.papers.problems) lines.push(`  ! ${p}`);
  const row = (label: string, x: Prf): string =>
    `  ${label.padEnd(14)} P ${pct(x.precision)}  R ${pct(x.recall)}  F1 ${pct(x.f1)}   (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;
  const h = headline(s);
  lines.push("entities:");
  for (const l of ENTITY_LABELS) lines.push(row(l, sum(s.entities, [l])));
  lines.push(row("overall*", h.entities));
  lines.push("relationships:");
  for (const t of RELATION_TYPES) lines.push(row(t, sum(s.relations, [t])));
  lines.push(row("overall*", h.relations));
  lines.push(row("lineage**", h.lineage));
  lines.push(`  BASED_ON method correct: ${s.basedOnMethod.correct}/${s.basedOnMethod.total}`);
  lines.push("  (* entities Model, Dataset, Organization, Author; relationships the seven core types)");
  lines.push("  (** BASED_ON + TRAINED_ON + EVALUATED_ON pooled)");
  if (withErrors) {
    lines.push("false positives:");
    for (const e of s.errors.falsePositives) lines.push(`  + ${e}`);
    lines.push("false negatives:");
    for (const e of s.errors.falseNegatives) lines.push(`  - ${e}`);
  }
  return lines.join("\n");
}
