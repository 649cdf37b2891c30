/**
 * resolve: merges what was read paper by paper into one graph in the contract's form.
 *
 * - Papers: occurrences of one paper in several documents (same arXiv id, same
 *   normalised title or same normalised abstract) become one Paper; its id is
 *   `arxiv:<id>` when known, else `sha:` + 16 hex of SHA-256 of the normalised title (or
 *   abstract).
 * - Entities: every surface form of an entity (aliases from "Long Form (LF)", a short
 *   form ending a longer name) is linked; linked forms are one node whose label is the
 *   one most evidence voted for, whose `name` is the most frequent surface form and whose
 *   `aliases` are all surface forms. Variants never merge: identity is the normalised key
 *   of a surface form, and Qwen2.5-7B and Qwen2.5-7B-Instruct have different keys.
 * - Edges: the same fact read twice is one edge whose evidence list grows.
 * - Output is sorted everywhere, so the same input gives byte-identical JSON.
 */
import { createHash } from "node:crypto";
import {
  type BasedOnMethod,
  type DatasetKind,
  type EndpointRef,
  type EntityLabel,
  type ExtractedEdge,
  type ExtractedNode,
  type ExtractedPaper,
  type ExtractedRelType,
  type ExtractionResult,
  type ExtractionWarning,
  REL_ENDPOINTS,
  type Source,
} from "@kg/graph-schema";
import type { PaperExtraction } from "../extract/extract.ts";
import { keyOf } from "../extract/key.ts";
import type { RawPaper } from "../segment/segment.ts";

/** One occurrence of a paper in one document, with what was extracted from it. */
export interface PaperOccurrence {
  source: Source;
  raw: RawPaper;
  /** Index of the merged paper this occurrence belongs to (see groupPapers). */
  group: number;
  extraction: PaperExtraction;
}

function sha16(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The id of a paper: `arxiv:<id>`, else `sha:` of the normalised title, else of the abstract. */
export function paperId(arxivId: string | null, title: string | null, abstract: string): string {
  if (arxivId) return `arxiv:${arxivId}`;
  const t = title ? keyOf(title) : "";
  if (t.length > 0) return `sha:${sha16(t)}`;
  return `sha:${sha16(keyOf(abstract))}`;
}

/**
 * Groups paper occurrences that are one paper: same arXiv id, same normalised title, or
 * same normalised abstract (or the same first 300 characters of it). Two occurrences
 * with different arXiv ids are never merged. Returns the group of each occurrence, in
 * order of first appearance.
 */
export function groupPapers(raws: RawPaper[]): number[] {
  const parent = raws.map((_, i) => i);
  const arxiv = raws.map((r) => r.arxivId);
  const findRoot = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    let k = i;
    while (parent[k] !== r) {
      const next = parent[k] as number;
      parent[k] = r;
      k = next;
    }
    return r;
  };
  const unite = (a: number, b: number): void => {
    const ra = findRoot(a);
    const rb = findRoot(b);
    if (ra === rb) return;
    const ia = arxiv[ra];
    const ib = arxiv[rb];
    if (ia && ib && ia !== ib) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    arxiv[root] = arxiv[root] ?? arxiv[child] ?? null;
  };
  const firstByKey = new Map<string, number>();
  raws.forEach((r, i) => {
    const keys: string[] = [];
    if (r.arxivId) keys.push(`a:${r.arxivId}`);
    const t = r.title ? keyOf(r.title) : "";
    if (t.length >= 12) keys.push(`t:${t}`);
    const b = keyOf(r.abstract);
    if (b.length > 0) keys.push(`b:${b}`);
    if (b.length >= 300) keys.push(`p:${b.slice(0, 300)}`);
    for (const k of keys) {
      const j = firstByKey.get(k);
      if (j === undefined) firstByKey.set(k, i);
      else unite(j, i);
    }
  });
  const groupOfRoot = new Map<number, number>();
  return raws.map((_, i) => {
    const r = findRoot(i);
    let g = groupOfRoot.get(r);
    if (g === undefined) {
      g = groupOfRoot.size;
      groupOfRoot.set(r, g);
    }
    return g;
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function refString(ref: EndpointRef): string {
  return "id" in ref ? `Paper:${ref.id}` : `${ref.label}:${ref.key}`;
}

interface EntityGroup {
  surfaces: Map<string, number>;
  votes: Map<EntityLabel, number>;
  kinds: Map<DatasetKind, number>;
}

/** Merges paper occurrences into the contract's ExtractionResult (unvalidated). */
export function resolve(
  sources: Source[],
  occurrences: PaperOccurrence[],
  warnings: ExtractionWarning[],
): ExtractionResult {
  // Papers.
  const groups = new Map<number, PaperOccurrence[]>();
  for (const o of occurrences) {
    const list = groups.get(o.group);
    if (list) list.push(o);
    else groups.set(o.group, [o]);
  }
  const paperIds = new Map<number, string>();
  const papers: ExtractedPaper[] = [];
  for (const [g, list] of groups) {
    const first = list[0] as PaperOccurrence;
    const arxivId = list.find((o) => o.raw.arxivId)?.raw.arxivId ?? null;
    const title = list.find((o) => o.raw.title)?.raw.title ?? null;
    const id = paperId(arxivId, title, first.raw.abstract);
    paperIds.set(g, id);
    const sourceIds: string[] = [];
    const notes: string[] = [];
    const authors: string[] = [];
    const codeUrls: string[] = [];
    const modelUrls: string[] = [];
    const urls: string[] = [];
    const add = (list2: string[], v: string): void => {
      if (!list2.includes(v)) list2.push(v);
    };
    for (const o of list) {
      add(sourceIds, o.source.id);
      for (const n of o.raw.notes) add(notes, n);
      for (const a of o.raw.authors) add(authors, a);
      for (const u of o.extraction.codeUrls) add(codeUrls, u);
      for (const u of o.extraction.modelUrls) add(modelUrls, u);
      for (const u of o.extraction.urls) add(urls, u);
    }
    papers.push({
      id,
      title,
      arxivId,
      sourceId: first.source.id,
      sourceIds,
      abstract: first.raw.abstract,
      codeUrls,
      modelUrls,
      urls,
      notes,
      authors,
      date: list.find((o) => o.raw.date)?.raw.date ?? null,
    });
  }

  // Entities: link every surface key of one local entity; Organization and Author apart.
  const parent = new Map<string, string>();
  const findKey = (k: string): string => {
    let r = k;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    let c = k;
    while (c !== r) {
      const next = parent.get(c) as string;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const nsKey = (label: EntityLabel, surface: string): string => {
    const ns = label === "Organization" || label === "Author" ? label : "Thing";
    return `${ns}|${keyOf(surface)}`;
  };
  for (const o of occurrences) {
    for (const e of o.extraction.entities) {
      let root: string | null = null;
      for (const [surface] of e.surfaces) {
        const k = nsKey(e.label, surface);
        if (k.endsWith("|")) continue;
        if (!parent.has(k)) parent.set(k, k);
        if (root === null) root = findKey(k);
        else {
          const r2 = findKey(k);
          if (r2 !== root) {
            // The smaller key wins so the result does not depend on input order.
            const keep: string = cmp(root, r2) <= 0 ? root : r2;
            const drop: string = keep === root ? r2 : root;
            parent.set(drop, keep);
            root = keep;
          }
        }
      }
    }
  }
  const entityGroups = new Map<string, EntityGroup>();
  for (const o of occurrences) {
    for (const e of o.extraction.entities) {
      const first = e.surfaces.find(([s]) => keyOf(s).length > 0);
      if (!first) continue;
      const root = findKey(nsKey(e.label, first[0]));
      let g = entityGroups.get(root);
      if (!g) {
        g = { surfaces: new Map(), votes: new Map(), kinds: new Map() };
        entityGroups.set(root, g);
      }
      for (const [s, n] of e.surfaces) g.surfaces.set(s, (g.surfaces.get(s) ?? 0) + n);
      g.votes.set(e.label, (g.votes.get(e.label) ?? 0) + e.weight);
      if (e.kind) g.kinds.set(e.kind, (g.kinds.get(e.kind) ?? 0) + e.weight);
    }
  }
  const LABEL_ORDER: EntityLabel[] = ["Model", "Dataset", "Method", "Organization", "Author"];
  const nodeOfRoot = new Map<string, ExtractedNode>();
  for (const [root, g] of entityGroups) {
    let label: EntityLabel = "Model";
    let best = Number.NEGATIVE_INFINITY;
    for (const l of LABEL_ORDER) {
      const v = g.votes.get(l);
      if (v !== undefined && v > best) {
        best = v;
        label = l;
      }
    }
    const surfaces = [...g.surfaces].sort(
      (a, b) => b[1] - a[1] || b[0].length - a[0].length || cmp(a[0], b[0]),
    );
    const name = (surfaces[0] as [string, number])[0];
    const node: ExtractedNode = {
      label,
      key: keyOf(name),
      name,
      aliases: [...new Set(surfaces.map(([s]) => s))].sort(cmp),
    };
    if (label === "Dataset")
      node.kind = (g.kinds.get("benchmark") ?? 0) > (g.kinds.get("dataset") ?? 0) ? "benchmark" : "dataset";
    nodeOfRoot.set(root, node);
  }
  // Two groups could end with the same label and key; keep them one node.
  const nodes = new Map<string, ExtractedNode>();
  for (const node of nodeOfRoot.values()) {
    const id = `${node.label}:${node.key}`;
    const existing = nodes.get(id);
    if (existing) existing.aliases = [...new Set([...existing.aliases, ...node.aliases])].sort(cmp);
    else nodes.set(id, node);
  }

  // Edges.
  const edges = new Map<
    string,
    { id: string; edge: ExtractedEdge; methodConfidence: number; seen: Map<string, Set<string>> }
  >();
  const introduced = new Set<string>();
  for (const o of occurrences) {
    const pid = paperIds.get(o.group) as string;
    const paperRef = { ref: { label: "Paper", id: pid } as EndpointRef, str: `Paper:${pid}` };
    const entityRefs = o.extraction.entities.map((e): { ref: EndpointRef; str: string } | null => {
      const first = e.surfaces.find(([s]) => keyOf(s).length > 0);
      if (!first) return null;
      const node = nodeOfRoot.get(findKey(nsKey(e.label, first[0])));
      return node ? { ref: { label: node.label, key: node.key }, str: `${node.label}:${node.key}` } : null;
    });
    const refOf = (end: { paper: true } | { entity: number }) =>
      "paper" in end ? paperRef : (entityRefs[end.entity] ?? null);
    for (const le of o.extraction.edges) {
      const from = refOf(le.from);
      const to = refOf(le.to);
      if (!from || !to) continue;
      const ends = REL_ENDPOINTS[le.type];
      if (!ends.from.includes(from.ref.label) || !ends.to.includes(to.ref.label)) continue;
      if (from.str === to.str) continue;
      if (le.type === "INTRODUCES") introduced.add(`${from.str}\u0000${to.str}`);
      // NUL separates the parts so that sorting the id sorts by (type, from, to).
      const id = `${le.type}\u0000${from.str}\u0000${to.str}`;
      let entry = edges.get(id);
      if (!entry) {
        entry = {
          id,
          edge: { type: le.type, from: from.ref, to: to.ref, properties: {}, evidence: [] },
          methodConfidence: -1,
          seen: new Map(),
        };
        edges.set(id, entry);
      }
      const origin = `${pid}\u0000${o.source.id}\u0000${le.extractor}`;
      let sentences = entry.seen.get(origin);
      if (!sentences) {
        sentences = new Set();
        entry.seen.set(origin, sentences);
      }
      if (!sentences.has(le.sentence)) {
        sentences.add(le.sentence);
        entry.edge.evidence.push({
          paperId: pid,
          sourceId: o.source.id,
          sentence: le.sentence,
          confidence: le.confidence,
          extractor: le.extractor,
        });
      }
      if (le.type === "BASED_ON" && le.method) {
        const score = le.confidence + (le.method === "other" ? 0 : 1);
        const current = entry.edge.properties.method;
        if (
          score > entry.methodConfidence ||
          (score === entry.methodConfidence && current !== undefined && cmp(le.method, current) < 0)
        ) {
          entry.edge.properties.method = le.method as BasedOnMethod;
          entry.methodConfidence = score;
        }
      }
    }
  }
  const kept: Array<{ id: string; edge: ExtractedEdge }> = [];
  for (const entry of edges.values()) {
    const { edge } = entry;
    if (edge.type === "MENTIONS" && introduced.has(`${refString(edge.from)}\u0000${refString(edge.to)}`))
      continue;
    if (edge.evidence.length > 1) {
      edge.evidence.sort(
        (a, b) =>
          cmp(a.paperId, b.paperId) ||
          cmp(a.sourceId, b.sourceId) ||
          cmp(a.sentence, b.sentence) ||
          cmp(a.extractor, b.extractor),
      );
    }
    kept.push(entry);
  }
  kept.sort((a, b) => cmp(a.id, b.id));
  const edgeList = kept.map((k) => k.edge);
  papers.sort((a, b) => cmp(a.id, b.id));
  const nodeList = [...nodes.values()].sort((a, b) => cmp(a.label, b.label) || cmp(a.key, b.key));
  return { sources, papers, nodes: nodeList, edges: edgeList, warnings };
}

/** The relationship types whose evidence is scored and reported (all but MENTIONS/USES_METHOD). */
export const CORE_REL_TYPES: readonly ExtractedRelType[] = [
  "BASED_ON",
  "TRAINED_ON",
  "EVALUATED_ON",
  "PUBLISHED",
  "AUTHORED",
  "INTRODUCES",
  "DEVELOPED",
];
