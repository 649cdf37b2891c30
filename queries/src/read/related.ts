/**
 * Related work for a paper or a model: a ranked list with the reasons for each item.
 *
 * Signals, strongest first:
 * - Shared things: each model, data set or method the root and a candidate share adds
 *   `weight(kind) / ln(2 + degree)` — a rare neighbour counts more than a hub (GPT-4,
 *   ImageNet), a shared base model or benchmark more than a generic method.
 * - Text: the root's title and abstract as a Lucene query over the full-text index (BM25,
 *   i.e. TF-IDF, which the index keeps up to date at any size), scored relative to the
 *   root's own score, so "similar abstract 0.42" means similar to this text.
 * - Shared authors, weighed down by how many authors each paper has: together they add
 *   `AUTHOR_WEIGHT · |A ∩ B| / √(|A|·|B|)` (the cosine of the two author sets), so the
 *   whole author signal is at most one strong shared entity, and two papers with 500
 *   authors each that share a few names hardly count.
 *
 * For papers, every reason is read off the two papers' own edges: the entities each
 * paper introduces or mentions, and a shared base model only when each paper's own text
 * states the BASED_ON (its evidence lists that paper). A fact another paper stated about
 * a model this one (perhaps wrongly) introduces is not a reason.
 *
 * Hubs are capped: at most `fanout` candidates are taken per shared neighbour.
 */
import {
  FULLTEXT_INDEX,
  type RelatedReason,
  type RelatedReasonKind,
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
/** Weight of a text match as strong as the root's own text: as much as a rare shared entity. */
export const TEXT_WEIGHT = 2;
/** The most all shared authors together can add (two papers by exactly the same people). */
export const AUTHOR_WEIGHT = 1.5;

interface Kind {
  weight: number;
  /** What the reason rests on, for the page to group and link. */
  group: RelatedReasonKind;
  reason: (feature: string, root: string) => string;
  /** For drawing: the relationship from root and from candidate to the shared node, when direct. */
  edge?: { type: RelType; rootOut: boolean; candidateOut: boolean };
}

/** Every way two nodes can be related, with its weight and its reason in words. */
export const RELATED_KINDS: Record<string, Kind> = {
  // a model and another model
  base: {
    weight: 3,
    group: "lineage",
    reason: (f) => `shares base model ${f}`,
    edge: { type: "BASED_ON", rootOut: true, candidateOut: true },
  },
  parent: { weight: 2.5, group: "lineage", reason: (_f, root) => `base model of ${root}` },
  child: { weight: 2, group: "lineage", reason: (_f, root) => `built on ${root}` },
  evaluated: {
    weight: 2,
    group: "dataset",
    reason: (f) => `both evaluated on ${f}`,
    edge: { type: "EVALUATED_ON", rootOut: true, candidateOut: true },
  },
  trained: {
    weight: 2,
    group: "dataset",
    reason: (f) => `both trained on ${f}`,
    edge: { type: "TRAINED_ON", rootOut: true, candidateOut: true },
  },
  method: {
    weight: 1,
    group: "method",
    reason: (f) => `both use ${f}`,
    edge: { type: "USES_METHOD", rootOut: true, candidateOut: true },
  },
  developer: {
    weight: 1,
    group: "developer",
    reason: (f) => `both developed by ${f}`,
    edge: { type: "DEVELOPED", rootOut: false, candidateOut: false },
  },
  paper: { weight: 0.8, group: "paper", reason: (f) => `named together in "${f}"` },
  // a paper and another paper
  mentionsModel: {
    weight: 2,
    group: "model",
    reason: (f) => `both name model ${f}`,
  },
  mentionsBenchmark: {
    weight: 2,
    group: "dataset",
    reason: (f) => `both evaluate on ${f}`,
  },
  mentionsDataset: {
    weight: 2,
    group: "dataset",
    reason: (f) => `both use data set ${f}`,
  },
  mentionsMethod: {
    weight: 1,
    group: "method",
    reason: (f) => `both use ${f}`,
  },
  paperBase: { weight: 3, group: "lineage", reason: (f) => `both build on ${f}` },
  introducesBase: {
    weight: 2.5,
    group: "lineage",
    reason: (f) => `introduces ${f}, which this paper builds on`,
  },
  buildsOnRoot: { weight: 2.5, group: "lineage", reason: (f) => `builds on ${f}, introduced here` },
  author: {
    weight: AUTHOR_WEIGHT,
    group: "author",
    reason: (f) => `shares author ${f}`,
    edge: { type: "AUTHORED", rootOut: false, candidateOut: false },
  },
  lab: {
    weight: 1,
    group: "lab",
    reason: (f) => `same lab: ${f}`,
    edge: { type: "PUBLISHED", rootOut: false, candidateOut: false },
  },
};

/**
 * The scoring, in the database so only the best candidates travel: each shared node
 * counts once per candidate, by its strongest kind, with weight(kind) / ln(2 + degree);
 * direct lineage (a base model and the model built on it, or a paper introducing one and
 * a paper building on it) is not discounted by how popular the model is; a shared author adds
 * weight / √(authors of the root · authors of the candidate), so all shared authors
 * together add at most `AUTHOR_WEIGHT` times the cosine of the two author lists.
 */
const SCORE_CANDIDATES = /* cypher */ `
    WITH kind, f, c,
         CASE
           WHEN kind IN ['parent', 'child', 'introducesBase', 'buildsOnRoot'] THEN $weights[kind] / log(3)
           WHEN kind = 'author' THEN $weights[kind] /
             sqrt(toFloat(rootAuthors) * COUNT { (c)<-[:AUTHORED]-(:Author) })
           ELSE $weights[kind] / log(2 + COUNT { (f)--() })
         END AS weight
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
    WITH root, 1 AS rootAuthors
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

/**
 * Papers sharing something with a paper, each side through its own edges: the entities
 * both introduce or mention, a base model both state they build on (the BASED_ON's
 * evidence lists each paper), authors and labs.
 */
export const relatedPaperQuery = defineQuery({
  name: "relatedPaper",
  mode: "READ",
  cypher: /* cypher */ `
    MATCH (root:Paper {id: $key})
    WITH root, COUNT { (root)<-[:AUTHORED]-(:Author) } AS rootAuthors
    CALL (root) {
      MATCH (root)-[:INTRODUCES|MENTIONS]->(f)
      WITH DISTINCT root, f
      CALL (root, f) { MATCH (f)<-[:INTRODUCES|MENTIONS]-(c:Paper) WHERE c <> root RETURN DISTINCT c LIMIT $fanout }
      RETURN CASE WHEN f:Model THEN 'mentionsModel'
                  WHEN f:Method THEN 'mentionsMethod'
                  WHEN f.kind = 'benchmark' THEN 'mentionsBenchmark'
                  ELSE 'mentionsDataset' END AS kind, f, c
      UNION ALL
      MATCH (root)-[:INTRODUCES]->(:Model)-[b:BASED_ON]->(f:Model)
      WHERE root.id IN b.evidencePaperIds
      WITH DISTINCT root, f
      CALL (root, f) {
        MATCH (f)<-[b:BASED_ON]-(:Model)<-[:INTRODUCES]-(c:Paper)
        WHERE c <> root AND c.id IN b.evidencePaperIds
        RETURN DISTINCT c LIMIT $fanout
      }
      RETURN 'paperBase' AS kind, f, c
      UNION ALL
      MATCH (root)-[:INTRODUCES]->(:Model)-[b:BASED_ON]->(f:Model)<-[:INTRODUCES]-(c:Paper)
      WHERE c <> root AND root.id IN b.evidencePaperIds
      WITH DISTINCT f, c LIMIT $fanout
      RETURN 'introducesBase' AS kind, f, c
      UNION ALL
      MATCH (root)-[:INTRODUCES]->(f:Model)<-[b:BASED_ON]-(:Model)<-[:INTRODUCES]-(c:Paper)
      WHERE c <> root AND c.id IN b.evidencePaperIds
      WITH DISTINCT f, c LIMIT $fanout
      RETURN 'buildsOnRoot' AS kind, f, c
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
    RETURN ${nodeProjection("node")} AS paper, score, models,
           left(coalesce(node.title, '') + ' ' + coalesce(node.abstract, ''), 20000) AS text`,
  params: z.object({ lucene: z.string().min(1), candidates: z.number().int().min(1).max(500) }),
  row: z.object({
    paper: NodeRowSchema,
    score: z.number(),
    models: z.array(NodeRowSchema),
    text: z.string(),
  }),
});

const STOP_WORDS = new Set(
  (
    "the and for with that this from are was were been have has had not but its our their which into over " +
    "such than then them these those also can may more most other some only both each very using use used " +
    "based via new propose proposed present presents introduce introduces show shows model models approach " +
    "method methods paper results result task tasks data while where when what how across between"
  ).split(" "),
);

/** Words of a text, lower case, without stop words and bare numbers. */
function contentWords(text: string): string[] {
  return text
    .slice(0, 20_000)
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/** The text's most frequent distinctive words, most telling first. */
export function distinctiveTerms(text: string, maxTerms = 25): string[] {
  const counts = new Map<string, number>();
  for (const w of contentWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return (
    [...counts.entries()]
      // Repeated words first, then longer ones: rarer in the corpus, cheaper for the index.
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
      .slice(0, maxTerms)
      .map(([w]) => w)
  );
}

/** A Lucene query of the text's most frequent distinctive words over titles and abstracts, each escaped. */
export function similarityQuery(text: string, maxTerms = 25): string | null {
  const terms = distinctiveTerms(text, maxTerms).map(escapeLucene);
  if (terms.length === 0) return null;
  const list = terms.join(" ");
  return `title:(${list}) abstract:(${list})`;
}

/** The weight of each kind, as the query's parameter. */
export const RELATED_WEIGHTS: Record<string, number> = Object.fromEntries(
  Object.entries(RELATED_KINDS).map(([name, kind]) => [name, kind.weight]),
);

type ReasonNode = RelatedReason["nodes"][number];

interface Scored {
  node: WireNode;
  /** By the shared node (or "text", or the direct link): one reason each, the strongest. */
  reasons: Map<string, RelatedReason>;
}

export interface RelatedOptions {
  limit?: number;
  fanout?: number;
  timeoutMs?: number | undefined;
}

/** Names listed in one reason before "and N more". */
const NAMES_IN_REASON = 4;

/** Shared authors as one reason: their weights summed, their names listed. */
function mergeAuthors(reasons: RelatedReason[]): RelatedReason[] {
  const authors = reasons.filter((r) => r.kind === "author");
  if (authors.length <= 1) return reasons;
  const nodes = authors.flatMap((r) => r.nodes).sort((a, b) => a.name.localeCompare(b.name));
  const names = nodes.slice(0, NAMES_IN_REASON).map((n) => n.name);
  const more = nodes.length > NAMES_IN_REASON ? ` and ${nodes.length - NAMES_IN_REASON} more` : "";
  const merged: RelatedReason = {
    kind: "author",
    text: `shares ${nodes.length} authors: ${names.join(", ")}${more}`,
    weight: authors.reduce((sum, r) => sum + r.weight, 0),
    nodes,
  };
  return [...reasons.filter((r) => r.kind !== "author"), merged];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

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

  const credit = (node: WireNode, reasonKey: string, reason: RelatedReason) => {
    if (node.id === rootId) return;
    let entry = candidates.get(node.id);
    if (!entry) {
      entry = { node, reasons: new Map() };
      candidates.set(node.id, entry);
    }
    // One shared node counts once per candidate, by its strongest reason.
    const known = entry.reasons.get(reasonKey);
    if (!known || known.weight < reason.weight) entry.reasons.set(reasonKey, reason);
  };

  for (const row of shared) {
    const candidate = toWireNode(row.candidate);
    for (const { kind: kindName, weight, feature: featureRow } of row.shared) {
      const kind = RELATED_KINDS[kindName];
      if (!kind) continue;
      const feature = toWireNode(featureRow);
      const direct = kindName === "parent" || kindName === "child";
      const named: ReasonNode = direct
        ? { id: candidate.id, name: candidate.name, label: candidate.label }
        : { id: feature.id, name: feature.name, label: feature.label };
      credit(candidate, direct ? `direct:${candidate.id}` : feature.id, {
        kind: kind.group,
        text: kind.reason(feature.name, rootName),
        weight,
        nodes: [named],
      });
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

  const rootText = texts.join(" ");
  const lucene = similarityQuery(rootText);
  if (lucene) {
    const terms = distinctiveTerms(rootText);
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
      const theirs = new Set(contentWords(hit.text));
      const words = terms.filter((t) => theirs.has(t)).slice(0, 5);
      const targets = ref.label === "Paper" ? [hit.paper] : hit.models;
      for (const target of targets) {
        credit(toWireNode(target), "text", {
          kind: "text",
          text: `similar abstract (${similarity.toFixed(2)})`,
          weight: TEXT_WEIGHT * similarity,
          nodes:
            ref.label === "Paper"
              ? []
              : [{ id: toWireNode(hit.paper).id, name: hit.paper.name, label: "Paper" }],
          similarity: round(similarity),
          words,
        });
      }
    }
  }

  const ranked = [...candidates.values()]
    .map((c) => {
      const why = mergeAuthors([...c.reasons.values()])
        .map((r) => ({ ...r, weight: round(r.weight) }))
        .sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
      return { node: c.node, score: why.reduce((sum, r) => sum + r.weight, 0), why };
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
      score: round(r.score),
      reasons: [...new Set(r.why.map((x) => x.text))],
      why: r.why,
    })),
    graph: { nodes: finalNodes, edges: finalEdges, truncated: candidates.size > ranked.length },
  };
}
