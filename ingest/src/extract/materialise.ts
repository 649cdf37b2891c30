/**
 * Materialise: one entity per typed alias group, the proto-edges whose ends got the labels
 * they need, DEVELOPED from "X from ORG" and from repository URLs, INTRODUCES / MENTIONS,
 * and the page's PUBLISHED / AUTHORED; repeats removed.
 */
import type { DatasetKind, EntityLabel } from "@kg/graph-schema";
import { groupOf } from "./clauses.ts";
import { computeKey, keyOf } from "./key.ts";
import { datasetVocabulary, isStopName, modelFamily } from "./lexicon.ts";
import type { Mention } from "./mentions.ts";
import { FROM_BY_BETWEEN, MADE_FROM_BEFORE } from "./rules/pairs.ts";
import {
  type Candidate,
  find,
  type LocalEdge,
  type LocalEnd,
  type LocalEntity,
  PAPER_END,
  type PaperExtraction,
  type PaperState,
  sentenceText,
} from "./state.ts";
import { findUrls, repositoryOf } from "./urls.ts";
import { KNOWN_ORGANIZATIONS, ORGANIZATION_WORDS } from "./vocabulary/organisations.ts";

/** A paper's entities once typed, with the edges read so far. */
interface Materialised {
  entities: LocalEntity[];
  edges: LocalEdge[];
  /** Entity id of each alias group's root candidate, and the reverse. */
  entityOfRoot: Map<number, number>;
  rootOfEntity: number[];
  /** The first sentence that introduces each root. */
  introducedSentence: Map<number, number>;
  /** The end object of each entity, made once and shared by its edges. */
  ends: LocalEnd[];
}

function entityEnd(m: Materialised, id: number): LocalEnd {
  let end = m.ends[id];
  if (end === undefined) {
    end = { entity: id };
    m.ends[id] = end;
  }
  return end;
}

/** Entities (roots with a label), their edges, links from URLs and the page's people. */
export function materialise(st: PaperState): PaperExtraction {
  const m = materialiseEntities(st);
  edgesFromPatterns(st, m);
  edgesFromOrganisations(st, m);
  paperEdges(st, m);
  const orgEntities = new Map<string, number>();
  const links = urlEdges(st, m, orgEntities);
  pageEdges(st, m, orgEntities);
  // The same fact read from one sentence twice (by two rules, a coordination, a repeated pair) is one edge.
  const entities = m.entities;
  return { entities, edges: uniqueEdges(m.edges, entities.length), ...links };
}

/** One entity per alias group with a label, in order of first mention. */
function materialiseEntities(st: PaperState): Materialised {
  const { cands, introducedAt, labelOf } = st;
  const entities: LocalEntity[] = [];
  const entityOfRoot = new Map<number, number>();
  const roots = [...labelOf.keys()].sort(
    (a, b) => (cands[a] as Candidate).position - (cands[b] as Candidate).position || a - b,
  );
  const membersOf = new Map<number, Candidate[]>();
  for (const c of cands) {
    const r = find(cands, c.index);
    const list = membersOf.get(r);
    if (list) list.push(c);
    else membersOf.set(r, [c]);
  }
  const introducedSentence = new Map<number, number>();
  for (const [c, si] of introducedAt) {
    const r = find(cands, c);
    const prev = introducedSentence.get(r);
    if (prev === undefined || si < prev) introducedSentence.set(r, si);
  }
  const rootOfEntity: number[] = [];
  for (const root of roots) {
    const l = labelOf.get(root) as { label: EntityLabel; kind?: DatasetKind; weight: number };
    // A surface form belongs to one candidate (the one of its key): the members' lists join.
    const surfaces: Array<[string, number]> = [];
    const keys: string[] = [];
    for (const c of membersOf.get(root) ?? []) {
      for (const entry of c.surfaces) {
        surfaces.push(entry);
        keys.push(c.key);
      }
    }
    rootOfEntity.push(root);
    const id = entities.length;
    entityOfRoot.set(root, id);
    const e: LocalEntity = {
      id,
      label: l.label,
      surfaces,
      keys,
      weight: l.weight,
      introduced: (cands[root] as Candidate).introduced,
    };
    if (l.kind) e.kind = l.kind;
    if ((cands[root] as Candidate).unnamed) e.scope = "paper";
    entities.push(e);
  }

  return { entities, edges: [], entityOfRoot, rootOfEntity, introducedSentence, ends: [] };
}

/** The relation patterns' edges whose ends got the labels they need. */
function edgesFromPatterns(st: PaperState, m: Materialised): void {
  const { cands, sentences, protos, main } = st;
  const { entities, entityOfRoot, edges } = m;
  const notModels = new Set<number | undefined>(
    [...st.notModels].map((r) => entityOfCand(cands, entityOfRoot, r)),
  );
  for (const p of protos) {
    const from = p.from === "paper" ? null : p.from === "main" ? main : p.from;
    let fromE = from === null ? undefined : entityOfCand(cands, entityOfRoot, from);
    const toE = p.to === "paper" ? undefined : entityOfCand(cands, entityOfRoot, p.to);
    if (p.orElse !== undefined) {
      for (const alt of p.orElse) {
        if (
          fromE !== undefined &&
          !(p.need[0] && !p.need[0].includes((entities[fromE] as LocalEntity).label))
        )
          break;
        const c = alt === "main" ? main : alt;
        fromE = c === null ? undefined : entityOfCand(cands, entityOfRoot, c);
      }
    }
    // "We previously introduced Foo. … we release Foo-Chat. Built on Foo, it …": the paper's first model is
    // the base here; the model it made is its variant introduced last before this sentence.
    if (p.type === "BASED_ON" && p.from === "main" && fromE !== undefined && fromE === toE)
      fromE = latestIntroducedModel(m, p.sentence, toE);
    // "We fine-tune Baz on …" where the paper introduces Baz itself: its own model is no base of its main one.
    else if (
      p.type === "BASED_ON" &&
      p.from === "main" &&
      toE !== undefined &&
      (entities[toE] as LocalEntity).introduced
    )
      continue;
    if (fromE === undefined || toE === undefined || fromE === toE) continue;
    // "Baz, a training-free method built upon Foo": a method, a framework or a module is made from nothing.
    if ((p.type === "BASED_ON" || p.type === "TRAINED_ON") && notModels.has(fromE)) continue;
    // "versions on top of Foo-54B and Foo-141B": the paper's model listed beside the base is no product of it.
    if (
      p.type === "BASED_ON" &&
      p.from === "main" &&
      main !== null &&
      p.to !== "paper" &&
      listedWith(st, p.sentence, main, p.to)
    )
      continue;
    // "We present Foo. We fine-tuned Foo-Instruct …": a variant of the paper's own model is no base of it.
    if (
      p.type === "BASED_ON" &&
      p.from === "main" &&
      variantOf(entities[toE] as LocalEntity, entities[fromE] as LocalEntity)
    )
      continue;
    const fl = (entities[fromE] as LocalEntity).label;
    const tl = (entities[toE] as LocalEntity).label;
    if (p.need[0] && !p.need[0].includes(fl)) continue;
    if (p.need[1] && !p.need[1].includes(tl)) continue;
    const edge: LocalEdge = {
      type: p.type,
      from: entityEnd(m, fromE),
      to: entityEnd(m, toE),
      sentence: sentenceText(sentences, p.sentence),
      confidence: p.confidence,
      extractor: p.extractor,
    };
    if (p.type === "BASED_ON") edge.method = p.method ?? "other";
    edges.push(edge);
  }
}

/** The variant of entity `not` (a Model) that the paper introduces last, in or before sentence `si`. */
function latestIntroducedModel(m: Materialised, si: number, not: number): number | undefined {
  let best: number | undefined;
  let bestAt = -1;
  for (const e of m.entities) {
    if (e.id === not || e.label !== "Model" || !e.introduced) continue;
    if (!variantOf(e, m.entities[not] as LocalEntity)) continue;
    const at = m.introducedSentence.get(m.rootOfEntity[e.id] as number);
    if (at === undefined || at > si || at <= bestAt) continue;
    best = e.id;
    bestAt = at;
  }
  return best;
}

/** Is candidate `a` named in the coordination of candidate `b` in sentence `si` ("on top of A and B")? */
function listedWith(st: PaperState, si: number, a: number, b: number): boolean {
  const s = st.sentences[si];
  if (s === undefined) return false;
  const ra = find(st.cands, a);
  const kb = s.cands.indexOf(b);
  if (kb < 0) return false;
  return groupOf(s, kb).some((k) => k !== kb && find(st.cands, s.cands[k] as number) === ra);
}

/** Does `a`'s name extend `b`'s ("Foo-Instruct" of "Foo")? */
function variantOf(a: LocalEntity, b: LocalEntity): boolean {
  const ka = a.keys[0] ?? "";
  const kb = b.keys[0] ?? "";
  return kb.length > 0 && ka.length > kb.length && ka.startsWith(kb);
}

/** DEVELOPED by "X from NVIDIA": the organisation is only known through the pattern. */
function edgesFromOrganisations(st: PaperState, m: Materialised): void {
  const { cands, sentences } = st;
  const { entities, entityOfRoot, edges } = m;
  for (const s of sentences) {
    for (let k = 0; k + 1 < s.mentions.length; k++) {
      const A = s.mentions[k] as Mention;
      const B = s.mentions[k + 1] as Mention;
      if (!FROM_BY_BETWEEN.test(s.lower.slice(A.end, B.start))) continue;
      const xe = entityOfCand(cands, entityOfRoot, s.cands[k] as number);
      if (xe === undefined) continue;
      const xl = (entities[xe] as LocalEntity).label;
      if (xl !== "Model" && xl !== "Dataset") continue;
      if (entityOfCand(cands, entityOfRoot, s.cands[k + 1] as number) !== undefined) continue;
      const org = B.surface;
      if (!looksLikeOrganisation(org)) continue;
      const before = s.lower.slice(Math.max(0, A.start - 30), A.start);
      if (MADE_FROM_BEFORE.test(before)) continue;
      const oe = entities.length;
      entities.push({
        id: oe,
        label: "Organization",
        surfaces: [[org, 1]],
        keys: [keyOf(org)],
        weight: 1,
        introduced: false,
      });
      edges.push({
        type: "DEVELOPED",
        from: entityEnd(m, oe),
        to: entityEnd(m, xe),
        sentence: s.text,
        confidence: 0.7,
        extractor: "pattern:x-from-org",
      });
    }
  }
}

/** INTRODUCES and MENTIONS: every typed Model, Dataset and Method of the paper. */
function paperEdges(st: PaperState, m: Materialised): void {
  const { cands, sentences } = st;
  const { entities, edges, rootOfEntity, introducedSentence } = m;
  for (const e of entities) {
    if (e.label === "Organization" || e.label === "Author") continue;
    const root = rootOfEntity[e.id];
    if (root === undefined) continue;
    const cand = cands[root] as Candidate;
    const firstSentence = Math.floor(cand.position / 1e6);
    let evidenceSentence = sentenceText(sentences, Math.min(firstSentence, sentences.length - 1));
    if (e.introduced) {
      const si = introducedSentence.get(root) ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(si)) evidenceSentence = sentenceText(sentences, si);
      edges.push({
        type: "INTRODUCES",
        from: PAPER_END,
        to: entityEnd(m, e.id),
        sentence: evidenceSentence,
        confidence: 0.8,
        extractor: Number.isFinite(si) ? "pattern:introduce" : "pattern:title-subject",
      });
    } else {
      edges.push({
        type: "MENTIONS",
        from: PAPER_END,
        to: entityEnd(m, e.id),
        sentence: evidenceSentence,
        confidence: 0.6,
        extractor: "mention",
      });
    }
  }
}

/** URLs: code and model repositories, their owners, and what they developed. */
function urlEdges(
  st: PaperState,
  m: Materialised,
  orgEntities: Map<string, number>,
): { codeUrls: string[]; modelUrls: string[]; urls: string[] } {
  const { sentences, input } = st;
  const { entities, edges } = m;
  const codeUrls: string[] = [];
  const modelUrls: string[] = [];
  const urls: string[] = [];
  const urlSentences: Array<{ url: string; sentence: string }> = [];
  for (const s of sentences) for (const url of findUrls(s.text)) urlSentences.push({ url, sentence: s.text });
  for (const url of input.urls) urlSentences.push({ url, sentence: url });
  const keyToEntity = new Map<string, number>();
  for (const e of entities) {
    if (e.label !== "Model" && e.label !== "Dataset") continue;
    for (const key of e.keys) if (!keyToEntity.has(key)) keyToEntity.set(key, e.id);
  }
  for (const { url, sentence } of urlSentences) {
    const repo = repositoryOf(url);
    if (repo?.host === "github") pushUnique(codeUrls, url);
    else if (repo?.host === "huggingface") pushUnique(modelUrls, url);
    else if (/^https?:\/\/(?:www\.)?(?:gitlab\.com|bitbucket\.org|codeberg\.org)\//i.test(url))
      pushUnique(codeUrls, url);
    else pushUnique(urls, url);
    if (!repo) continue;
    // The owner becomes an Organization only with the DEVELOPED edge the repository justifies.
    if (repo.name) {
      const target = keyToEntity.get(keyOf(repo.name));
      // Only what the paper introduces, or a name written exactly as the repository: "CoCo" is not COCO.
      const exact =
        target !== undefined && (entities[target] as LocalEntity).surfaces.some(([s]) => s === repo.name);
      if (target !== undefined && ((entities[target] as LocalEntity).introduced || exact)) {
        const owner = organisationEntity(entities, orgEntities, repo.owner);
        edges.push({
          type: "DEVELOPED",
          from: entityEnd(m, owner),
          to: entityEnd(m, target),
          sentence,
          confidence: 0.9,
          extractor: repo.host === "github" ? "url:github-owner" : "url:huggingface-owner",
        });
      }
    }
  }

  return { codeUrls, modelUrls, urls };
}

/** Page context and bulk-import fields: PUBLISHED and AUTHORED. */
function pageEdges(st: PaperState, m: Materialised, orgEntities: Map<string, number>): void {
  const { input } = st;
  const { entities, edges } = m;
  for (const org of input.organizations) {
    const id = organisationEntity(entities, orgEntities, org);
    edges.push({
      type: "PUBLISHED",
      from: entityEnd(m, id),
      to: PAPER_END,
      sentence: input.pageEvidence ?? org,
      confidence: 0.95,
      extractor: input.pageEvidence ? "page:lab-header" : "record:organization",
    });
  }
  const authorIds = new Map<string, number>();
  for (const author of input.authors) {
    const key = computeKey(author);
    if (key.length === 0 || authorIds.has(key)) continue;
    const id = entities.length;
    entities.push({
      id,
      label: "Author",
      surfaces: [[author, 1]],
      keys: [key],
      weight: 1,
      introduced: false,
    });
    authorIds.set(key, id);
    edges.push({
      type: "AUTHORED",
      from: entityEnd(m, id),
      to: PAPER_END,
      sentence: input.pageEvidence ?? author,
      confidence: 0.95,
      extractor: input.pageEvidence ? "page:author-header" : "record:authors",
    });
  }
}

/** The edges without repeats (same type, ends and sentence: the first rule that read it), in order. */
function uniqueEdges(edges: LocalEdge[], entityCount: number): LocalEdge[] {
  const unique: LocalEdge[] = [];
  // Ends are entity ids or the paper (-1): (from + 1) * (entityCount + 1) + (to + 1) is one number per pair.
  const byEnds = new Map<number, LocalEdge[]>();
  for (const e of edges) {
    const from = "paper" in e.from ? -1 : e.from.entity;
    const to = "paper" in e.to ? -1 : e.to.entity;
    const k = (from + 1) * (entityCount + 1) + (to + 1);
    let list = byEnds.get(k);
    if (list === undefined) {
      list = [];
      byEnds.set(k, list);
    }
    let repeat = false;
    for (const x of list) {
      if (x.type === e.type && x.sentence === e.sentence) {
        repeat = true;
        break;
      }
    }
    if (repeat) continue;
    list.push(e);
    unique.push(e);
  }
  // "Fine-tuning Foo on the Bar training corpus improves accuracy": one sentence that trains a
  // model on data also reads as a result on it; the verb of training decides.
  return unique.filter((e) => {
    if (e.type !== "EVALUATED_ON" || "paper" in e.from || "paper" in e.to) return true;
    const list = byEnds.get((e.from.entity + 1) * (entityCount + 1) + (e.to.entity + 1)) ?? [];
    return !list.some((x) => x.type === "TRAINED_ON" && x.sentence === e.sentence);
  });
}

/** The local entity of a candidate (of its alias group's root), if it has one. */
function entityOfCand(cands: Candidate[], entityOfRoot: Map<number, number>, c: number): number | undefined {
  return entityOfRoot.get(find(cands, c));
}

/** The Organization entity of a name (one per key), created when first named. */
function organisationEntity(entities: LocalEntity[], orgEntities: Map<string, number>, name: string): number {
  const key = keyOf(name);
  let id = orgEntities.get(key);
  if (id === undefined) {
    id = entities.length;
    entities.push({
      id,
      label: "Organization",
      surfaces: [[name, 1]],
      keys: [key],
      weight: 1,
      introduced: false,
    });
    orgEntities.set(key, id);
  }
  return id;
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** Does a name read like an organisation (NVIDIA, DKFZ, "Stanford University")? */
function looksLikeOrganisation(name: string): boolean {
  const key = keyOf(name);
  if (KNOWN_ORGANIZATIONS.has(key)) return true;
  if (isStopName(name) || modelFamily(name) || datasetVocabulary(name)) return false;
  if (/^[A-Z]{3,8}$/.test(name)) return true;
  return name.split(/\s+/).some((w) => ORGANIZATION_WORDS.has(w.toLowerCase()));
}
