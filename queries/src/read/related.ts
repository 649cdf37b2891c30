/**
 * Related work for a paper or a model: a ranked list with the reasons for each item.
 *
 * Two signals are combined. Shared neighbours: each thing the root and a candidate
 * share (a base model, a benchmark, an author, a method…) adds `weight(kind) /
 * ln(2 + degree)` — a shared base model or benchmark counts more than a shared generic
 * method, and a rare neighbour more than a hub. Text: the root's title and abstract as a
 * Lucene query over the full-text index (BM25, i.e. TF-IDF), scored relative to the
 * root's own score, so "similar abstract" means similar to this text, not to the best hit.
 *
 * Hubs are capped: at most `fanout` candidates are taken per shared neighbour.
 */
import {
  FULLTEXT_INDEX,
  type RelatedResponse,
  type RelType,
  type WireEdge,
  type WireNode,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";
import type { Database } from "../run/database.ts";
import { escapeLucene } from "./search.ts";
import {
  NodeRowSchema,
  NotFoundError,
  nodeProjection,
  parseNodeRef,
  QueryInputError,
  toWireEdge,
  toWireNode,
} from "./wire.ts";

export const DEFAULT_RELATED_FANOUT = 100;
/** Weight of a text match as strong as the root's own text. */
export const TEXT_WEIGHT = 1.5;

interface Kind {
  weight: number;
  reason: (feature: string, root: string) => string;
  /** For drawing: the relationship from root and from candidate to the shared node, when direct. */
  edge?: { type: RelType; rootOut: boolean; candidateOut: boolean };
}

/** Every way two nodes can be related, with its weight and its reason in words. */
export const RELATED_KINDS: Record<string, Kind> = {
  // a model and another model
  base: {
    weight: 3,
    reason: (f) => `shares base model ${f}`,
    edge: { type: "BASED_ON", rootOut: true, candidateOut: true },
  },
  parent: { weight: 2.5, reason: (_f, root) => `base model of ${root}` },
  child: { weight: 2, reason: (_f, root) => `built on ${root}` },
  evaluated: {
    weight: 2,
    reason: (f) => `both evaluated on ${f}`,
    edge: { type: "EVALUATED_ON", rootOut: true, candidateOut: true },
  },
  trained: {
    weight: 2,
    reason: (f) => `both trained on ${f}`,
    edge: { type: "TRAINED_ON", rootOut: true, candidateOut: true },
  },
  method: {
    weight: 0.7,
    reason: (f) => `both use ${f}`,
    edge: { type: "USES_METHOD", rootOut: true, candidateOut: true },
  },
  developer: {
    weight: 1,
    reason: (f) => `both developed by ${f}`,
    edge: { type: "DEVELOPED", rootOut: false, candidateOut: false },
  },
  paper: { weight: 0.8, reason: (f) => `named together in "${f}"` },
  // a paper and another paper
  mentionsModel: { weight: 1.5, reason: (f) => `both mention ${f}` },
  mentionsBenchmark: { weight: 2, reason: (f) => `both evaluated on ${f}` },
  mentionsDataset: { weight: 2, reason: (f) => `both use data set ${f}` },
  mentionsMethod: { weight: 0.7, reason: (f) => `both use ${f}` },
  paperBase: { weight: 3, reason: (f) => `shares base model ${f}` },
  introducesBase: { weight: 2.5, reason: (f) => `introduces base model ${f}` },
  paperEvaluated: { weight: 2, reason: (f) => `both evaluated on ${f}` },
  author: {
    weight: 1.5,
    reason: (f) => `shares author ${f}`,
    edge: { type: "AUTHORED", rootOut: false, candidateOut: false },
  },
  lab: {
    weight: 1,
    reason: (f) => `same lab: ${f}`,
    edge: { type: "PUBLISHED", rootOut: false, candidateOut: false },
  },
};

/**
 * The scoring, in the database so only the best candidates travel: each shared node
 * counts once per candidate, by its strongest kind, with weight(kind) / ln(2 + degree);
 * direct links (parent, child) are not discounted by the root's degree.
 */
const SCORE_CANDIDATES = /* cypher */ `
    WITH kind, f, c,
         $weights[kind] / log(2 + CASE WHEN kind IN ['parent', 'child'] THEN 1 ELSE COUNT { (f)--() } END) AS weight
    ORDER BY weight DESC
    WITH c, f, collect({kind: kind, weight: weight})[0] AS best
    WITH c, sum(best.weight) AS score,
         collect({kind: best.kind, weight: best.weight, feature: ${nodeProjection("f")}}) AS shared
    ORDER BY score DESC, c.name
    LIMIT $top
    RETURN ${nodeProjection("c")} AS candidate, score, shared`;

const SharedRowSchema = z.object({
  candidate: NodeRowSchema,
  score: z.number(),
  shared: z.array(z.object({ kind: z.string(), weight: z.number(), feature: NodeRowSchema })),
});

const RelatedParamsSchema = z.object({
  key: z.string().min(1),
  fanout: z.number().int().min(1).max(10_000),
  /** How many of the best candidates come back. */
  top: z.number().int().min(1).max(1_000),
  weights: z.record(z.string(), z.number()),
});

/** Candidates sharing a neighbour with a model, one row per (kind, shared node, candidate). */
export const relatedModelQuery = defineQuery({
  name: "relatedModel",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (root:Model {key: $key})
    CALL (root) {
      MATCH (root)-[:BASED_ON]->(f:Model)
      CALL (root, f) { MATCH (f)<-[:BASED_ON]-(c:Model) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'base' AS kind, f, c
      UNION ALL
      MATCH (root)-[:BASED_ON]->(c:Model) WHERE c <> root
      RETURN 'parent' AS kind, root AS f, c
      UNION ALL
      CALL (root) { MATCH (root)<-[:BASED_ON]-(c:Model) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'child' AS kind, root AS f, c
      UNION ALL
      MATCH (root)-[:EVALUATED_ON]->(f:Dataset)
      CALL (root, f) { MATCH (f)<-[:EVALUATED_ON]-(c:Model) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'evaluated' AS kind, f, c
      UNION ALL
      MATCH (root)-[:TRAINED_ON]->(f:Dataset)
      CALL (root, f) { MATCH (f)<-[:TRAINED_ON]-(c:Model) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'trained' AS kind, f, c
      UNION ALL
      MATCH (root)-[:USES_METHOD]->(f:Method)
      CALL (root, f) { MATCH (f)<-[:USES_METHOD]-(c:Model) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'method' AS kind, f, c
      UNION ALL
      MATCH (root)<-[:DEVELOPED]-(f:Organization)
      CALL (root, f) { MATCH (f)-[:DEVELOPED]->(c:Model) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'developer' AS kind, f, c
      UNION ALL
      CALL (root) { MATCH (root)<-[:INTRODUCES|MENTIONS]-(f:Paper) RETURN f LIMIT $fanout }
      CALL (root, f) { MATCH (f)-[:INTRODUCES|MENTIONS]->(c:Model) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'paper' AS kind, f, c
    }
    ${SCORE_CANDIDATES}`,
  params: RelatedParamsSchema,
  row: SharedRowSchema,
});

/** Papers sharing something with a paper, directly or through the models they introduce. */
export const relatedPaperQuery = defineQuery({
  name: "relatedPaper",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (root:Paper {id: $key})
    CALL (root) {
      MATCH (root)-[:INTRODUCES|MENTIONS]->(f)
      WITH DISTINCT root, f
      CALL (root, f) { MATCH (f)<-[:INTRODUCES|MENTIONS]-(c:Paper) WHERE c <> root RETURN DISTINCT c LIMIT $fanout }
      RETURN CASE WHEN f:Model THEN 'mentionsModel'
                  WHEN f:Method THEN 'mentionsMethod'
                  WHEN f.kind = 'benchmark' THEN 'mentionsBenchmark'
                  ELSE 'mentionsDataset' END AS kind, f, c
      UNION ALL
      MATCH (root)-[:INTRODUCES]->(:Model)-[:BASED_ON]->(f:Model)
      WITH DISTINCT root, f
      CALL (root, f) {
        MATCH (f)<-[:BASED_ON]-(:Model)<-[:INTRODUCES]-(c:Paper) WHERE c <> root RETURN DISTINCT c LIMIT $fanout
      }
      RETURN 'paperBase' AS kind, f, c
      UNION ALL
      MATCH (root)-[:INTRODUCES]->(:Model)-[:BASED_ON]->(f:Model)<-[:INTRODUCES]-(c:Paper)
      WHERE c <> root
      WITH DISTINCT f, c LIMIT $fanout
      RETURN 'introducesBase' AS kind, f, c
      UNION ALL
      MATCH (root)-[:INTRODUCES]->(:Model)-[:EVALUATED_ON]->(f:Dataset)
      WITH DISTINCT root, f
      CALL (root, f) {
        MATCH (f)<-[:EVALUATED_ON]-(:Model)<-[:INTRODUCES]-(c:Paper) WHERE c <> root RETURN DISTINCT c LIMIT $fanout
      }
      RETURN 'paperEvaluated' AS kind, f, c
      UNION ALL
      MATCH (root)<-[:AUTHORED]-(f:Author)
      CALL (root, f) { MATCH (f)-[:AUTHORED]->(c:Paper) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'author' AS kind, f, c
      UNION ALL
      MATCH (root)<-[:PUBLISHED]-(f:Organization)
      CALL (root, f) { MATCH (f)-[:PUBLISHED]->(c:Paper) WHERE c <> root RETURN c LIMIT $fanout }
      RETURN 'lab' AS kind, f, c
    }
    ${SCORE_CANDIDATES}`,
  params: RelatedParamsSchema,
  row: SharedRowSchema,
});

/** The text that stands for the root: a paper's title and abstract, a model's introducing papers'. */
export const relatedTextOfQuery = defineQuery({
  name: "relatedTextOf",
  mode: "READ",
  cypher: /* cypher */ `
    OPTIONAL MATCH (p:Paper {id: $paperId})
    OPTIONAL MATCH (m:Model {key: $modelKey})
    CALL (m) {
      MATCH (m)<-[:INTRODUCES]-(q:Paper)
      WITH q ORDER BY q.id LIMIT 3
      RETURN collect(coalesce(q.title, '') + ' ' + coalesce(q.abstract, '')) AS texts, collect(q.id) AS ids
    }
    RETURN coalesce(p.name, m.name) AS name,
           CASE WHEN p IS NULL THEN texts ELSE [coalesce(p.title, '') + ' ' + coalesce(p.abstract, '')] END AS texts,
           CASE WHEN p IS NULL THEN ids ELSE [p.id] END AS paperIds`,
  params: z.object({ paperId: z.string(), modelKey: z.string() }),
  row: z.object({ name: z.string().nullable(), texts: z.array(z.string()), paperIds: z.array(z.string()) }),
});

/** Papers whose title and abstract resemble the query text (BM25 over the full-text index). */
export const relatedTextPapersQuery = defineQuery({
  name: "relatedTextPapers",
  mode: "READ",
  cypher: /* cypher */ `
    CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX.name}', $lucene, {limit: $candidates}) YIELD node, score
    WHERE node:Paper
    CALL (node) { MATCH (node)-[:INTRODUCES]->(m:Model) RETURN collect(${nodeProjection("m")})[..5] AS models }
    RETURN ${nodeProjection("node")} AS paper, score, models`,
  params: z.object({ lucene: z.string().min(1), candidates: z.number().int().min(1).max(500) }),
  row: z.object({ paper: NodeRowSchema, score: z.number(), models: z.array(NodeRowSchema) }),
});

const STOP_WORDS = new Set(
  (
    "the and for with that this from are was were been have has had not but its our their which into over " +
    "such than then them these those also can may more most other some only both each very using use used " +
    "based via new propose proposed present presents introduce introduces show shows model models approach " +
    "method methods paper results result task tasks data while where when what how across between"
  ).split(" "),
);

/** A Lucene query of the text's most frequent distinctive words over titles and abstracts, each escaped. */
export function similarityQuery(text: string, maxTerms = 25): string | null {
  const words = text
    .slice(0, 20_000)
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const terms = [...counts.entries()]
    // Repeated words first, then longer ones: rarer in the corpus, cheaper for the index.
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
    .slice(0, maxTerms)
    .map(([w]) => escapeLucene(w));
  if (terms.length === 0) return null;
  const list = terms.join(" ");
  return `title:(${list}) abstract:(${list})`;
}

/** The weight of each kind, as the query's parameter. */
export const RELATED_WEIGHTS: Record<string, number> = Object.fromEntries(
  Object.entries(RELATED_KINDS).map(([name, kind]) => [name, kind.weight]),
);

interface Scored {
  node: WireNode;
  score: number;
  reasons: Map<string, { weight: number; reason: string }>;
}

export interface RelatedOptions {
  limit?: number;
  fanout?: number;
  timeoutMs?: number | undefined;
}

/** The ranked related items of a paper or a model, with reasons and a small graph. */
export async function readRelated(
  db: Database,
  id: string,
  options: RelatedOptions = {},
): Promise<RelatedResponse> {
  const ref = parseNodeRef(id);
  if (ref.label !== "Paper" && ref.label !== "Model") {
    throw new QueryInputError(`queries/related: related work is for papers and models, not ${ref.label}`);
  }
  const limit = options.limit ?? 20;
  const run = { timeoutMs: options.timeoutMs };
  const params = {
    key: ref.key,
    fanout: options.fanout ?? DEFAULT_RELATED_FANOUT,
    // Room for text matches to lift a candidate past the structural top `limit`.
    top: limit * 3 + 20,
    weights: RELATED_WEIGHTS,
  };
  const [shared, textOf] = await Promise.all([
    db.run(ref.label === "Model" ? relatedModelQuery : relatedPaperQuery, params, run),
    db.run(
      relatedTextOfQuery,
      { paperId: ref.label === "Paper" ? ref.key : "", modelKey: ref.label === "Model" ? ref.key : "" },
      run,
    ),
  ]);
  const rootName = textOf[0]?.name;
  if (!rootName) throw new NotFoundError(`queries/related: no node ${id}`);
  const texts = textOf[0]?.texts ?? [];
  const rootPaperIds = new Set(textOf[0]?.paperIds ?? []);

  const candidates = new Map<string, Scored>();
  const featureNodes = new Map<string, WireNode>();
  const edges = new Map<string, WireEdge>();
  const rootId = id;

  const credit = (node: WireNode, featureId: string, weight: number, reason: string) => {
    if (node.id === rootId) return;
    let entry = candidates.get(node.id);
    if (!entry) {
      entry = { node, score: 0, reasons: new Map() };
      candidates.set(node.id, entry);
    }
    // One shared node counts once per candidate, by its strongest reason.
    const known = entry.reasons.get(featureId);
    if (!known || known.weight < weight) entry.reasons.set(featureId, { weight, reason });
  };

  for (const row of shared) {
    const candidate = toWireNode(row.candidate);
    for (const { kind: kindName, weight, feature: featureRow } of row.shared) {
      const kind = RELATED_KINDS[kindName];
      if (!kind) continue;
      const feature = toWireNode(featureRow);
      const direct = kindName === "parent" || kindName === "child";
      credit(
        candidate,
        direct ? `direct:${candidate.id}` : feature.id,
        weight,
        kind.reason(feature.name, rootName),
      );
      if (kind.edge) {
        featureNodes.set(feature.id, feature);
        const { type, rootOut, candidateOut } = kind.edge;
        for (const [end, out] of [
          [rootId, rootOut],
          [candidate.id, candidateOut],
        ] as const) {
          const edge = out ? toWireEdge(type, end, feature.id) : toWireEdge(type, feature.id, end);
          edges.set(edge.id, edge);
        }
      } else if (direct) {
        const [source, target] = kindName === "parent" ? [rootId, candidate.id] : [candidate.id, rootId];
        const edge = toWireEdge("BASED_ON", source, target);
        edges.set(edge.id, edge);
      }
    }
  }

  const lucene = similarityQuery(texts.join(" "));
  if (lucene) {
    const hits = await db.run(
      relatedTextPapersQuery,
      { lucene, candidates: Math.min(500, limit * 3 + 10) },
      run,
    );
    // The root's own papers score highest against their own words: the natural reference.
    const own = hits.filter((h) => rootPaperIds.has(h.paper.key)).map((h) => h.score);
    const reference = Math.max(...(own.length > 0 ? own : hits.map((h) => h.score)), 1e-9);
    for (const hit of hits) {
      if (rootPaperIds.has(hit.paper.key)) continue;
      const similarity = Math.min(1, hit.score / reference);
      if (similarity < 0.1) continue;
      const targets = ref.label === "Paper" ? [hit.paper] : hit.models;
      for (const target of targets) {
        credit(toWireNode(target), "text", TEXT_WEIGHT * similarity, "similar abstract");
      }
    }
  }

  const ranked = [...candidates.values()]
    .map((c) => {
      const reasons = [...c.reasons.values()].sort((a, b) => b.weight - a.weight);
      return { node: c.node, score: reasons.reduce((sum, r) => sum + r.weight, 0), reasons };
    })
    .sort((a, b) => b.score - a.score || a.node.name.localeCompare(b.node.name))
    .slice(0, limit);

  const kept = new Set(ranked.map((r) => r.node.id));
  const graphNodes = new Map<string, WireNode>();
  graphNodes.set(rootId, { id: rootId, label: ref.label, name: rootName, properties: { key: ref.key } });
  for (const r of ranked) graphNodes.set(r.node.id, r.node);
  const graphEdges = [...edges.values()].filter((e) => {
    const ends = [e.source, e.target];
    return (
      ends.every((end) => end === rootId || kept.has(end) || featureNodes.has(end)) &&
      ends.some((end) => end === rootId || kept.has(end))
    );
  });
  for (const e of graphEdges) {
    for (const end of [e.source, e.target]) {
      const feature = featureNodes.get(end);
      if (feature && !graphNodes.has(end)) graphNodes.set(end, feature);
    }
  }
  // Edges to shared nodes that no kept candidate uses would dangle; drop them.
  const usedFeatures = new Set<string>();
  for (const e of graphEdges) {
    if (kept.has(e.source) || kept.has(e.target)) {
      usedFeatures.add(e.source);
      usedFeatures.add(e.target);
    }
  }
  const finalEdges = graphEdges.filter((e) => usedFeatures.has(e.source) && usedFeatures.has(e.target));
  const finalNodes = [...graphNodes.values()].filter(
    (n) => n.id === rootId || kept.has(n.id) || usedFeatures.has(n.id),
  );

  return {
    root: rootId,
    items: ranked.map((r) => ({
      node: r.node,
      score: Math.round(r.score * 1000) / 1000,
      reasons: [...new Set(r.reasons.map((x) => x.reason))],
    })),
    graph: { nodes: finalNodes, edges: finalEdges, truncated: candidates.size > ranked.length },
  };
}
