/**
 * Lineage of a model: its ancestors (base models, recursively, with each step's
 * method) and descendants to a chosen depth, as a graph with a `level` on every model
 * (0 the root, negative ancestors, positive descendants), and the data sets each model
 * was trained and evaluated on.
 *
 * The depth (1..20) is a parameter: the walk is a `reduce` over the levels, not a
 * variable-length pattern (whose bounds could not be parameters).
 * Descendants of a popular base model can number thousands: the nearest `limit` come back
 * and the graph says it was truncated.
 */
import {
  BasedOnMethodSchema,
  type LineageChildrenResponse,
  type LineageResponse,
  normaliseKey,
  RelTypeSchema,
  type WireEdge,
  type WireNode,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery, type QueryDef } from "../define.ts";
import type { Database } from "../run/database.ts";
import { ALL_WORDS_TIER, EXACT_TIER, searchGraph, tierOfHit } from "./search.ts";
import {
  looksLikeNodeId,
  type NodeRow,
  NodeRowSchema,
  NotFoundError,
  nodeProjection,
  parseNodeRef,
  QueryInputError,
  toWireEdge,
  toWireNode,
} from "./wire.ts";

export const DEFAULT_LINEAGE_DEPTH = 10;
export const MAX_LINEAGE_DEPTH = 20;
export const DEFAULT_LINEAGE_LIMIT = 200;
/** Children sent per parent and method; the rest are folded (the page draws 6 per parent). */
export const DEFAULT_LINEAGE_GROUP = 6;
/** Children per page of one folded group. */
export const DEFAULT_CHILDREN_PAGE = 50;
/** Data sets listed per model; a foundation model can be evaluated on hundreds. */
export const LINEAGE_DATASETS_PER_MODEL = 50;

/** Sentences shown per edge of the tree (hover or click one). */
export const LINEAGE_EVIDENCE_PER_EDGE = 3;

const EvidenceRowSchema = z.object({
  sentence: z.string(),
  paperId: z.string(),
  paperTitle: z.string().nullable(),
});

/** The first sentences an edge `r` was read from, each with its paper's title. */
function edgeEvidence(r: string): string {
  return `[i IN range(0, size(coalesce(${r}.evidence, [])) - 1)[..${LINEAGE_EVIDENCE_PER_EDGE}] |
      {sentence: ${r}.evidence[i], paperId: ${r}.evidencePaperIds[i],
       paperTitle: head(COLLECT { MATCH (q:Paper {id: ${r}.evidencePaperIds[i]}) RETURN q.title })}]`;
}

/**
 * A model named by more papers than this (and introduced by none) has its first naming
 * looked up apart (firstNamingQuery: the Paper.date index from the oldest paper forward,
 * stopping at the first that names it) instead of by reading every mention: a base
 * model named by 20,000 papers cost ~60,000 db hits per lineage request that way.
 */
const MENTIONS_SCANNED = 200;

/**
 * When `m` appeared: the earliest date of a paper introducing it, else (only then) of a
 * paper naming it, unless it is `muchNamed` (see MENTIONS_SCANNED); the names are read by
 * the caller.
 */
const MODEL_DATES = /* cypher */ `
    CALL (m) {
      OPTIONAL MATCH (m)<-[:INTRODUCES]-(p:Paper) WHERE p.date IS NOT NULL
      RETURN min(p.date) AS introduced
    }
    CALL (m, introduced) {
      OPTIONAL MATCH (m)<-[:MENTIONS]-(p:Paper)
        WHERE introduced IS NULL AND COUNT { (m)<-[:MENTIONS]-() } <= ${MENTIONS_SCANNED} AND p.date IS NOT NULL
      RETURN min(p.date) AS named
    }
    WITH *, introduced IS NULL AND COUNT { (m)<-[:MENTIONS]-() } > ${MENTIONS_SCANNED} AS muchNamed`;

/** The first naming of much-named models (see MENTIONS_SCANNED), by key. */
export const firstNamingQuery = defineQuery({
  name: "firstNaming",
  mode: "READ",
  cypher: /* cypher */ `
    UNWIND $keys AS key
    MATCH (m:Model {key: key})
    CALL (m) {
      // A range on the (string) date, not IS NOT NULL, so the index is read in order.
      MATCH (p:Paper) WHERE p.date > "" AND (p)-[:MENTIONS]->(m)
      RETURN p.date AS date ORDER BY p.date LIMIT 1
    }
    RETURN key, date`,
  params: z.object({ keys: z.array(z.string()).max(1_000) }),
  row: z.object({ key: z.string(), date: z.string() }),
});

const DatesRowShape = {
  introduced: z.string().nullable(),
  named: z.string().nullable(),
  muchNamed: z.boolean(),
};

const FoldRowSchema = z.object({
  parent: z.string(),
  method: z.string(),
  total: z.number(),
  shown: z.number(),
});

/** Members of a name-grammar family listed at most. */
export const FAMILY_LIMIT = 500;

/**
 * The root's name-grammar family: up the VARIANT_OF chain to the head (the name without
 * size or variant; the grammar links at most two steps), then every model whose
 * VARIANT_OF chain reaches the head, each with its VARIANT_OF edge, its evidence and
 * its date; the head first. A subquery of the lineage query, so a lineage is one
 * transaction and one round trip: as a query of its own it cost each request a second
 * transaction, about a fifth of a lineage's CPU in Neo4j and in the server.
 */
const FAMILY = /* cypher */ `
    CALL (root) {
      OPTIONAL MATCH (root)-[:VARIANT_OF*1..3]->(top:Model) WHERE NOT (top)-[:VARIANT_OF]->(:Model)
      WITH coalesce(top, root) AS head LIMIT 1
      WITH head, COLLECT { MATCH (head)<-[:VARIANT_OF*1..3]-(v:Model) RETURN DISTINCT v LIMIT $familyLimit + 1 } AS below
      UNWIND [head] + below[..$familyLimit] AS m
      ${MODEL_DATES}
      RETURN collect({
        node: ${nodeProjection("m")},
        head: m = head,
        variantOf: [(m)-[r:VARIANT_OF]->(b:Model) | {key: b.key, evidence: ${edgeEvidence("r")}}],
        truncated: size(below) > $familyLimit,
        introduced: introduced, named: named, muchNamed: muchNamed
      }) AS family
    }`;

const FamilyRowSchema = z.object({
  node: NodeRowSchema,
  head: z.boolean(),
  variantOf: z.array(z.object({ key: z.string(), evidence: z.array(EvidenceRowSchema) })),
  truncated: z.boolean(),
  ...DatesRowShape,
});

const LineageRowSchema = z.object({
  node: NodeRowSchema,
  level: z.number(),
  bases: z.array(
    z.object({
      key: z.string(),
      method: z.string().nullable(),
      confidence: z.number().nullable(),
      evidence: z.array(EvidenceRowSchema),
    }),
  ),
  datasets: z.array(z.object({ node: NodeRowSchema, type: z.string() })),
  truncated: z.boolean(),
  folds: z.array(FoldRowSchema),
  /** The root's family on the root's row (level 0); empty on the others. */
  family: z.array(FamilyRowSchema),
  ...DatesRowShape,
});

const LineageParamsSchema = z.object({
  key: z.string().min(1),
  depth: z.number().int().min(1).max(MAX_LINEAGE_DEPTH),
  limit: z.number().int().min(1).max(10_000),
  group: z.number().int().min(1).max(10_000),
  familyLimit: z.number().int().min(1).max(10_000),
});
type LineageQuery = QueryDef<typeof LineageParamsSchema, typeof LineageRowSchema>;

/**
 * Breadth first, one level per step of a `reduce` over 1..$depth (the depth is a
 * parameter: one plan for every depth): each level takes at most `$limit + 1` new models
 * (a LIMIT, so a hub's thousands of children are not all read) and the walk stops once
 * that many are found. Variable-length patterns would enumerate every path below a hub
 * before any limit applies. (Unrolled into one subquery per level, as before, the text
 * was 12 KB: nine socket writes of the driver's 1,400-byte chunks on every call, and a
 * plan per depth.)
 */
const ANCESTORS = /* cypher */ `
    reduce(s = {found: [], frontier: [root]}, i IN range(1, $depth) |
      CASE WHEN size(s.frontier) = 0 THEN s ELSE
      [next IN [COLLECT { UNWIND s.frontier AS x MATCH (x)-[:BASED_ON]->(c:Model) WITH DISTINCT c LIMIT $limit + 1 RETURN c }] |
        {found: s.found + [c IN next | {node: c, level: -i}],
         frontier: CASE WHEN size(s.found) + size(next) > $limit THEN [] ELSE next END}][0] END).found`;

/**
 * BASED_ON joins models only (the write queries), so the children are not label-checked.
 *
 * Downwards, each model's children are grouped by method and only the first `$group` of
 * each group (by key, the normalised name: one property read per child) are taken and walked further; the rest are counted as a fold
 * (parent, method, total, shown) for the page to fetch a page at a time
 * (lineageChildrenQuery). A hub with 7,000 derivatives costs one read of its own
 * relationships, not 7,000 subtrees with their dates and evidence.
 */
const DESCENDANTS = /* cypher */ `
    reduce(s = {found: [], folds: [], frontier: [root]}, i IN range(1, $depth) |
      CASE WHEN size(s.frontier) = 0 THEN s ELSE
      [groups IN [COLLECT {
        UNWIND s.frontier AS x
        CALL (x) { MATCH (x)<-[r:BASED_ON]-() RETURN DISTINCT coalesce(r.method, "other") AS method }
        WITH x, method, COUNT { (x)<-[r:BASED_ON]-() WHERE coalesce(r.method, "other") = method } AS total
        WITH x, method, total,
             COLLECT { MATCH (x)<-[r:BASED_ON]-(c) WHERE coalesce(r.method, "other") = method RETURN c ORDER BY c.key LIMIT $group } AS taken
        // Groups in the order of their first child's key, so that past the limit the same
        // models are kept whatever order the relationships are stored in.
        RETURN {parent: x.key, method: method, total: total, shown: size(taken), taken: taken} ORDER BY taken[0].key
      }] |
        [next IN [COLLECT { UNWIND groups AS g UNWIND g.taken AS c WITH DISTINCT c LIMIT $limit + 1 RETURN c }] |
          {found: s.found + [c IN next | {node: c, level: i}],
           folds: s.folds + [g IN groups WHERE g.total > g.shown | {parent: g.parent, method: g.method, total: g.total, shown: g.shown}],
           frontier: CASE WHEN size(s.found) + size(next) > $limit THEN [] ELSE next END}][0]][0] END)`;

const LINEAGE_CYPHER = /* cypher */ `
    MATCH (root:Model {key: $key})
    WITH root, ${ANCESTORS} AS ancestors, ${DESCENDANTS} AS down
    ${FAMILY}
    WITH root, ancestors[..$limit] AS ancestors, down.found[..$limit] AS kept, size(down.found) > $limit AS truncated, down.folds AS folds, family
    UNWIND [{node: root, level: 0}] + ancestors + kept AS member
    WITH member.node AS m, member.level AS level, truncated, folds, family
    ${MODEL_DATES}
    RETURN ${nodeProjection("m")} AS node,
           level,
           [(m)-[r:BASED_ON]->(b:Model) |
             {key: b.key, method: r.method, confidence: r.confidence, evidence: ${edgeEvidence("r")}}] AS bases,
           [(m)-[r:TRAINED_ON|EVALUATED_ON]->(d:Dataset) | {node: ${nodeProjection("d")}, type: type(r)}][..${LINEAGE_DATASETS_PER_MODEL}] AS datasets,
           truncated, CASE WHEN level = 0 THEN folds ELSE [] END AS folds,
           CASE WHEN level = 0 THEN family ELSE [] END AS family, introduced, named, muchNamed`;

/** The lineage query: one text and one plan for every depth (a parameter). */
export const lineageQuery: LineageQuery = defineQuery({
  name: "lineage",
  mode: "READ",
  cypher: LINEAGE_CYPHER,
  params: LineageParamsSchema,
  row: LineageRowSchema,
});

/** The lineage query, once the depth (1..20) is checked; every depth shares one query. */
export function lineageQueryFor(depth: number): LineageQuery {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) {
    throw new QueryInputError(
      `queries/lineage: depth must be an integer from 1 to ${MAX_LINEAGE_DEPTH}, got ${depth}`,
    );
  }
  return lineageQuery;
}

/**
 * One page of a model's children made by one method ("other": unstated), by key, as
 * lineage rows one level below the parent: the rest of a group the lineage folded.
 */
export const lineageChildrenQuery = defineQuery({
  name: "lineageChildren",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (parent:Model {key: $key})<-[r:BASED_ON]-(c)
    WHERE coalesce(r.method, "other") = $method
    WITH c ORDER BY c.key
    WITH collect(c) AS children
    UNWIND children[$offset..$offset + $limit] AS m
    WITH m, size(children) AS total
    ${MODEL_DATES}
    RETURN ${nodeProjection("m")} AS node,
           [(m)-[r:BASED_ON]->(b:Model) |
             {key: b.key, method: r.method, confidence: r.confidence, evidence: ${edgeEvidence("r")}}] AS bases,
           [(m)-[r:TRAINED_ON|EVALUATED_ON]->(d:Dataset) | {node: ${nodeProjection("d")}, type: type(r)}][..${LINEAGE_DATASETS_PER_MODEL}] AS datasets,
           total, introduced, named, muchNamed`,
  params: z.object({
    key: z.string().min(1),
    method: z.string().min(1),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1_000),
  }),
  row: z.object({
    node: NodeRowSchema,
    bases: LineageRowSchema.shape.bases,
    datasets: LineageRowSchema.shape.datasets,
    total: z.number(),
    ...DatesRowShape,
  }),
});

/**
 * How a model's data set is related to it. Built once: `.extract()` in the loop built a
 * new schema for every data set of every lineage row, dearer than the check itself.
 */
const DATA_REL_TYPE = RelTypeSchema.extract(["TRAINED_ON", "EVALUATED_ON"]);

/** Search hits weighed when a name is resolved, and listed when it resolves to none. */
const RESOLVE_CANDIDATES = 5;

/**
 * A model named by wire id (`Model:qwen2-5-7b-instruct`), by key, by name or alias, or
 * by words that pick out exactly one model. Anything looser (a typo, some of the words)
 * is refused with the closest names rather than answered with a guess: a lineage of
 * the wrong model looks just like a right one.
 */
export async function resolveModelId(db: Database, text: string): Promise<string> {
  const trimmed = text.trim();
  if (looksLikeNodeId(trimmed)) {
    const ref = parseNodeRef(trimmed);
    if (ref.label !== "Model") {
      throw new QueryInputError(`queries/lineage: ${trimmed} is a ${ref.label}; lineage is for models`);
    }
    return trimmed;
  }
  const hits = await searchGraph(db, trimmed, { limit: RESOLVE_CANDIDATES, label: "Model" });
  const [best] = hits;
  if (best && tierOfHit(best) >= EXACT_TIER) return best.id;
  const allWords = hits.filter((hit) => tierOfHit(hit) >= ALL_WORDS_TIER);
  if (allWords.length === 1 && allWords[0]) return allWords[0].id;
  const names = (list: typeof hits) => list.map((hit) => `${hit.name} (${hit.id})`).join(", ");
  if (allWords.length > 1) {
    throw new QueryInputError(
      `queries/lineage: "${trimmed}" matches several models: ${names(allWords)}; give the full name or id`,
    );
  }
  const closest = hits.length > 0 ? `; closest: ${names(hits)}` : "";
  throw new NotFoundError(
    `queries/lineage: no model named "${trimmed}" (key ${normaliseKey(trimmed)})${closest}`,
  );
}

/** The first naming of the rows' much-named models, by key; one query, only when there are some. */
async function firstNamings(
  db: Database,
  rows: readonly { node: NodeRow; muchNamed: boolean }[],
  run: { timeoutMs?: number | undefined },
): Promise<Map<string, string>> {
  const keys = [...new Set(rows.filter((r) => r.muchNamed).map((r) => r.node.key))];
  if (keys.length === 0) return new Map();
  const found = await db.run(firstNamingQuery, { keys }, run);
  return new Map(found.map((f) => [f.key, f.date]));
}

export interface LineageOptions {
  depth?: number;
  limit?: number;
  /** Children per parent and method before the rest are folded. */
  group?: number;
  timeoutMs?: number | undefined;
}

/** The lineage graph of a model given by id or name; NotFoundError when there is none. */
export async function readLineage(
  db: Database,
  idOrName: string,
  options: LineageOptions = {},
): Promise<LineageResponse> {
  const id = await resolveModelId(db, idOrName);
  const ref = parseNodeRef(id);
  const run = { timeoutMs: options.timeoutMs };
  const depth = options.depth ?? DEFAULT_LINEAGE_DEPTH;
  const rows = await db.run(
    lineageQueryFor(depth),
    {
      key: ref.key,
      depth,
      limit: options.limit ?? DEFAULT_LINEAGE_LIMIT,
      group: options.group ?? DEFAULT_LINEAGE_GROUP,
      familyLimit: FAMILY_LIMIT,
    },
    run,
  );
  if (rows.length === 0) throw new NotFoundError(`queries/lineage: no node ${id}`);
  const familyRows = rows.find((row) => row.level === 0)?.family ?? [];
  const firstNamed = await firstNamings(db, [...rows, ...familyRows], run);
  const nodes = new Map<string, WireNode>();
  const levels = new Map<string, number>();
  const dates: LineageResponse["dates"] = {};
  const evidence: LineageResponse["evidence"] = {};
  const noteDate = (row: { node: NodeRow; introduced: string | null; named: string | null }) => {
    const date = row.introduced ?? row.named ?? firstNamed.get(row.node.key);
    if (date) dates[toWireNode(row.node).id] = { date, by: row.introduced ? "introduced" : "named" };
  };
  for (const row of rows) {
    const node = toWireNode(row.node, { level: row.level });
    // A cycle can list a model twice (ancestor and descendant); the first, nearest, wins.
    if (nodes.has(node.id)) continue;
    nodes.set(node.id, node);
    levels.set(row.node.key, row.level);
    noteDate(row);
  }
  const edges: WireEdge[] = [];
  const datasets: LineageResponse["datasets"] = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const source = toWireNode(row.node).id;
    if (seen.has(source)) continue;
    seen.add(source);
    for (const base of row.bases) {
      if (!levels.has(base.key)) continue;
      const edge = toWireEdge("BASED_ON", source, `Model:${base.key}`, {
        method: base.method,
        confidence: base.confidence,
      });
      edges.push(edge);
      evidence[edge.id] = base.evidence;
    }
    datasets[source] = row.datasets.map((d) => ({
      id: toWireNode(d.node).id,
      name: d.node.name,
      type: DATA_REL_TYPE.parse(d.type),
    }));
  }

  const familyNodes = new Map<string, WireNode>();
  for (const row of familyRows) {
    familyNodes.set(toWireNode(row.node).id, toWireNode(row.node, { head: row.head }));
    noteDate(row);
  }
  const familyEdges: WireEdge[] = [];
  for (const row of familyRows) {
    for (const base of row.variantOf) {
      const target = `Model:${base.key}`;
      if (!familyNodes.has(target)) continue;
      const edge = toWireEdge("VARIANT_OF", toWireNode(row.node).id, target);
      familyEdges.push(edge);
      evidence[edge.id] = base.evidence;
    }
  }
  // A family of one (the root alone) is no family.
  const family =
    familyNodes.size > 1
      ? {
          nodes: [...familyNodes.values()],
          edges: familyEdges,
          truncated: familyRows[0]?.truncated ?? false,
        }
      : { nodes: [], edges: [], truncated: false };
  return {
    root: id,
    graph: { nodes: [...nodes.values()], edges, truncated: rows[0]?.truncated ?? false },
    folds: (rows[0]?.folds ?? []).map((f) => ({
      parent: `Model:${f.parent}`,
      method: BasedOnMethodSchema.parse(f.method),
      total: f.total,
      shown: f.shown,
    })),
    datasets,
    family,
    evidence,
    dates,
  };
}

export interface LineageChildrenOptions {
  method: string;
  offset?: number;
  limit?: number;
  timeoutMs?: number | undefined;
}

/** One page of a folded group: a model's children made by one method, by name. */
export async function readLineageChildren(
  db: Database,
  id: string,
  options: LineageChildrenOptions,
): Promise<LineageChildrenResponse> {
  const ref = parseNodeRef(id);
  if (ref.label !== "Model") {
    throw new QueryInputError(`queries/lineage: ${id} is a ${ref.label}; lineage is for models`);
  }
  const method = BasedOnMethodSchema.parse(options.method);
  const offset = options.offset ?? 0;
  const rows = await db.run(
    lineageChildrenQuery,
    { key: ref.key, method, offset, limit: options.limit ?? DEFAULT_CHILDREN_PAGE },
    { timeoutMs: options.timeoutMs },
  );
  const firstNamed = await firstNamings(db, rows, { timeoutMs: options.timeoutMs });
  const nodes: WireNode[] = [];
  const edges: WireEdge[] = [];
  const datasets: LineageChildrenResponse["datasets"] = {};
  const evidence: LineageChildrenResponse["evidence"] = {};
  const dates: LineageChildrenResponse["dates"] = {};
  for (const row of rows) {
    const node = toWireNode(row.node);
    nodes.push(node);
    const date = row.introduced ?? row.named ?? firstNamed.get(row.node.key);
    if (date) dates[node.id] = { date, by: row.introduced ? "introduced" : "named" };
    // Every stated base: the page keeps the edges whose base it has drawn.
    for (const base of row.bases) {
      const edge = toWireEdge("BASED_ON", node.id, `Model:${base.key}`, {
        method: base.method,
        confidence: base.confidence,
      });
      edges.push(edge);
      evidence[edge.id] = base.evidence;
    }
    datasets[node.id] = row.datasets.map((d) => ({
      id: toWireNode(d.node).id,
      name: d.node.name,
      type: DATA_REL_TYPE.parse(d.type),
    }));
  }
  return {
    parent: id,
    method,
    offset,
    total: rows[0]?.total ?? 0,
    graph: { nodes, edges, truncated: false },
    datasets,
    evidence,
    dates,
  };
}
