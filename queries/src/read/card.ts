/**
 * Cards: one node with everything directly connected to it, each relationship with its
 * evidence sentences and the path of the document each was read from; a model's
 * base-model chain; a paper's entity mentions for highlighting.
 *
 * Hubs (a base model with thousands of derivatives, GPT-4 mentioned by every other
 * paper) would make a card unbounded, so each relationship type and direction is capped
 * at `perType` and the true totals come back beside it (degree counts, no traversal).
 */
import {
  BasedOnMethodSchema,
  type CardResponse,
  type NodeLabel,
  REL_ENDPOINTS,
  REL_TYPES,
  type RelType,
  RelTypeSchema,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";
import type { Database } from "../run/database.ts";
import { NodeRowSchema, NotFoundError, nodeProjection, parseNodeRef, perLabel, toWireNode } from "./wire.ts";

export const DEFAULT_CARD_PER_TYPE = 50;
/** Evidence sentences shown per relationship; the list on a well-read fact can be long. */
export const CARD_EVIDENCE_CAP = 20;

/** The relationship types and directions a node of this label can have, from the schema. */
export function relationSlots(label: NodeLabel): { type: RelType; direction: "out" | "in" }[] {
  const slots: { type: RelType; direction: "out" | "in" }[] = [];
  for (const type of REL_TYPES) {
    if (REL_ENDPOINTS[type].from.includes(label)) slots.push({ type, direction: "out" });
    if (REL_ENDPOINTS[type].to.includes(label)) slots.push({ type, direction: "in" });
  }
  return slots;
}

const EvidenceRowSchema = z.object({
  sentences: z.array(z.string()),
  paperIds: z.array(z.string()),
  sourceIds: z.array(z.string()),
  confidences: z.array(z.number()),
  extractors: z.array(z.string()),
});

const CardRowSchema = z.object({
  node: NodeRowSchema,
  properties: z.record(z.string(), z.unknown()),
  totals: z.array(z.object({ type: z.string(), direction: z.string(), count: z.number() })),
  relations: z.array(
    z.object({
      type: z.string(),
      direction: z.string(),
      other: NodeRowSchema,
      method: z.string().nullable(),
      confidence: z.number().nullable(),
      evidence: EvidenceRowSchema,
    }),
  ),
  sourcePaths: z.array(z.tuple([z.string(), z.string().nullable()])),
  baseChain: z.array(z.object({ node: NodeRowSchema, method: z.string().nullable() })),
  mentioned: z.array(z.object({ node: NodeRowSchema, aliases: z.array(z.string()) })),
});
type CardRow = z.infer<typeof CardRowSchema>;

/**
 * A paper's authors in byline order (the paper's `authors` list), so the first authors
 * are among those kept when a paper has hundreds; the relationships carry no order.
 */
function orderOf(label: NodeLabel, type: RelType, direction: "out" | "in"): string {
  if (label !== "Paper" || type !== "AUTHORED" || direction !== "in") return "";
  // Only the first $perType names can be listed, so only they are looked up (a paper may have 600).
  return `WITH r, o, coalesce(n.authors, [])[..$perType] AS byline
    WITH r, o, head([i IN range(0, size(byline) - 1) WHERE byline[i] = o.name OR byline[i] IN coalesce(o.aliases, [])]) AS position
    ORDER BY position IS NULL, position, o.name`;
}

function cardCypher(label: NodeLabel, keyProperty: "id" | "key"): string {
  const slots = relationSlots(label);
  const arrow = (type: RelType, direction: "out" | "in", r = "r", o = "o") =>
    direction === "out" ? `(n)-[${r}:${type}]->(${o})` : `(n)<-[${r}:${type}]-(${o})`;
  const relationBranches = slots
    .map(
      ({ type, direction }) =>
        `CALL (n) { MATCH ${arrow(type, direction)} ${orderOf(label, type, direction)} RETURN r, o LIMIT $perType } RETURN '${type}' AS type, '${direction}' AS direction, r, o`,
    )
    .join("\n        UNION ALL\n        ");
  const totals = slots
    .map(
      ({ type, direction }) =>
        `{type: '${type}', direction: '${direction}', count: COUNT { ${arrow(type, direction, "", "")} }}`,
    )
    .join(",\n             ");
  const relationsCall =
    slots.length === 0
      ? ""
      : /* cypher */ `
    CALL (n) {
      CALL (n) {
        ${relationBranches}
      }
      WITH type, direction, r, o,
           r.evidence[..${CARD_EVIDENCE_CAP}] AS sentences,
           r.evidenceSourceIds[..${CARD_EVIDENCE_CAP}] AS sourceIds
      RETURN collect({
        type: type, direction: direction, other: ${nodeProjection("o")},
        method: r.method, confidence: r.confidence,
        evidence: {
          sentences: coalesce(sentences, []),
          paperIds: coalesce(r.evidencePaperIds[..${CARD_EVIDENCE_CAP}], []),
          sourceIds: coalesce(sourceIds, []),
          confidences: coalesce(r.evidenceConfidences[..${CARD_EVIDENCE_CAP}], []),
          extractors: coalesce(r.evidenceExtractors[..${CARD_EVIDENCE_CAP}], [])
        }
      }) AS relations
    }
    // Each document's path once, however many sentences were read from it.
    CALL (relations) {
      UNWIND relations AS relation
      UNWIND relation.evidence.sourceIds AS sid
      WITH DISTINCT sid
      MATCH (s:Source {id: sid})
      RETURN collect([sid, s.path]) AS sourcePaths
    }`;
  const baseChain =
    label === "Model"
      ? /* cypher */ `
    CALL (n) {
      OPTIONAL MATCH p = (n)-[:BASED_ON*1..20]->(:Model)
      WITH p ORDER BY length(p) DESC LIMIT 1
      RETURN CASE WHEN p IS NULL THEN [] ELSE
        [i IN range(0, length(p) - 1) | {node: ${nodeProjection("nodes(p)[i + 1]")}, method: relationships(p)[i].method}]
      END AS baseChain
    }`
      : "";
  const mentioned =
    label === "Paper"
      ? /* cypher */ `
    CALL (n) {
      MATCH (n)-[:INTRODUCES|MENTIONS]->(e)
      WITH DISTINCT e LIMIT 500
      RETURN collect({node: ${nodeProjection("e")}, aliases: coalesce(e.aliases, [])}) AS mentioned
    }`
      : "";
  return /* cypher */ `
    MATCH (n:${label} {${keyProperty}: $key})
    ${relationsCall}
    ${baseChain}
    ${mentioned}
    RETURN ${nodeProjection("n")} AS node,
           properties(n) AS properties,
           [${totals}] AS totals,
           ${slots.length === 0 ? "[] AS relations, [] AS sourcePaths" : "relations, sourcePaths"},
           ${label === "Model" ? "baseChain" : "[] AS baseChain"},
           ${label === "Paper" ? "mentioned" : "[] AS mentioned"}`;
}

/** One card query per label: the label and its relationship slots are part of the text. */
export const cardQueries = perLabel((label, keyProperty) =>
  defineQuery({
    name: `card${label}`,
    mode: "READ",
    cypher: cardCypher(label, keyProperty),
    params: z.object({ key: z.string().min(1), perType: z.number().int().min(1).max(1000) }),
    row: CardRowSchema,
  }),
);

/**
 * A relationship's method when it is one the schema knows, else null. Built once: a
 * zod schema built per relation (`.nullable().catch(null)` in the loop) cost more CPU
 * than checking the value with it.
 */
const KNOWN_METHOD = BasedOnMethodSchema.nullable().catch(null);

/** Properties that are storage details, not facts about the node. */
const HIDDEN_PROPERTIES = new Set(["aliasText"]);

/**
 * Where each entity's surface forms occur in the abstract, ordered by position: the
 * front end underlines these. Case-insensitive; longer forms win where two overlap.
 */
export function findMentions(
  abstract: string,
  entities: CardRow["mentioned"],
): { id: string; label: NodeLabel; text: string; start: number }[] {
  const lower = abstract.toLowerCase();
  const found: { id: string; label: NodeLabel; text: string; start: number; end: number }[] = [];
  for (const { node, aliases } of entities) {
    const wire = toWireNode(node);
    const forms = [...new Set([node.name, ...aliases])].filter((f) => f.length >= 2);
    forms.sort((a, b) => b.length - a.length);
    for (const form of forms) {
      const start = lower.indexOf(form.toLowerCase());
      if (start < 0) continue;
      found.push({
        id: wire.id,
        label: wire.label,
        text: abstract.slice(start, start + form.length),
        start,
        end: start + form.length,
      });
      break;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const m of found) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept.map(({ end: _end, ...m }) => m);
}

export interface CardOptions {
  perType?: number;
  timeoutMs?: number | undefined;
}

/** The card of a node, or NotFoundError. `totals` says how many of each kind exist beyond the cap. */
export async function readCard(
  db: Database,
  id: string,
  options: CardOptions = {},
): Promise<CardResponse & { totals: { type: RelType; direction: "out" | "in"; count: number }[] }> {
  const ref = parseNodeRef(id);
  const [row] = await db.run(
    cardQueries[ref.label],
    { key: ref.key, perType: options.perType ?? DEFAULT_CARD_PER_TYPE },
    { timeoutMs: options.timeoutMs },
  );
  if (!row) throw new NotFoundError(`queries/card: no node ${id}`);
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.properties)) if (!HIDDEN_PROPERTIES.has(k)) properties[k] = v;
  const node = toWireNode(row.node, properties);
  const paths = new Map(row.sourcePaths);
  const relations = row.relations
    .map((r, order) => {
      const ev = r.evidence;
      return {
        order,
        type: RelTypeSchema.parse(r.type),
        direction: r.direction === "in" ? ("in" as const) : ("out" as const),
        other: toWireNode(r.other),
        method: KNOWN_METHOD.parse(r.method),
        evidence: ev.sentences.map((sentence, i) => ({
          sentence,
          paperId: ev.paperIds[i] ?? "",
          sourceId: ev.sourceIds[i] ?? "",
          sourcePath: paths.get(ev.sourceIds[i] ?? "") ?? null,
          confidence: ev.confidences[i] ?? r.confidence ?? 0,
          extractor: ev.extractors[i] ?? "",
        })),
      };
    })
    .sort(
      (a, b) =>
        a.type.localeCompare(b.type) ||
        a.direction.localeCompare(b.direction) ||
        // Authors stay in the byline order the query gave them.
        (a.type === "AUTHORED" ? a.order - b.order : a.other.name.localeCompare(b.other.name)),
    )
    .map(({ order: _order, ...r }) => r);
  const abstract = typeof properties.abstract === "string" ? properties.abstract : "";
  return {
    node,
    relations,
    baseChain: row.baseChain.map((step) => ({
      node: toWireNode(step.node),
      method: KNOWN_METHOD.parse(step.method),
    })),
    mentions: findMentions(abstract, row.mentioned).map(({ start: _start, ...m }) => m),
    totals: row.totals
      .filter((t) => t.count > 0)
      .map((t) => ({
        type: RelTypeSchema.parse(t.type),
        direction: t.direction === "in" ? ("in" as const) : ("out" as const),
        count: t.count,
      })),
  };
}
