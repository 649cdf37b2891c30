/**
 * The state of one paper's extraction, shared by its phases (candidates, typing, relations,
 * coreference, materialise), and the types of what the extractor returns. Small helpers on
 * the candidates' alias groups (union-find) live here because every phase uses them.
 */
import type { BasedOnMethod, DatasetKind, EntityLabel, ExtractedRelType } from "@kg/graph-schema";
import type { AbbreviationPair, Mention, Token } from "./mentions.ts";
import type { HeadLabel } from "./vocabulary/head-nouns.ts";

/** What the extractor needs to know about one paper. */
export interface PaperInput {
  title: string | null;
  abstract: string;
  /** Lab-page header or JSONL `organization`. */
  organizations: string[];
  /** Author-page header or JSONL `authors`. */
  authors: string[];
  /** The page header line the organisation/author was read from (evidence of PUBLISHED/AUTHORED). */
  pageEvidence: string | null;
  /** URLs given beside the text (JSONL `url`). */
  urls: string[];
}

/** One entity of a paper, with every surface form seen and the weight of its typing. */
export interface LocalEntity {
  id: number;
  label: EntityLabel;
  kind?: DatasetKind;
  /** Surface forms with their counts, in order of first appearance. */
  surfaces: Array<[string, number]>;
  /** The normalised key of each surface form (keyOf), in the same order. */
  keys: string[];
  /** Sum of the evidence for the chosen label (used to vote across papers). */
  weight: number;
  introduced: boolean;
  /**
   * "paper": a thing of this paper alone (a data set it builds without naming it); its key
   * is made unique to the paper when papers are merged, so that it never merges with another.
   */
  scope?: "paper";
}

export type LocalEnd = { paper: true } | { entity: number };

/** The paper end of every edge that touches the paper (one object, shared: ends are never changed). */
export const PAPER_END: LocalEnd = { paper: true };

export interface LocalEdge {
  type: ExtractedRelType;
  from: LocalEnd;
  to: LocalEnd;
  method?: BasedOnMethod;
  sentence: string;
  confidence: number;
  extractor: string;
}

export interface PaperExtraction {
  entities: LocalEntity[];
  edges: LocalEdge[];
  codeUrls: string[];
  modelUrls: string[];
  urls: string[];
}
export type Score = Record<HeadLabel, number>;

export interface Candidate {
  index: number;
  parent: number;
  /** The normalised key shared by all its surfaces. */
  key: string;
  surfaces: Map<string, number>;
  score: Score;
  strong: boolean;
  introduced: boolean;
  /** Position of the first mention (sentence * 1e6 + offset) for "first introduced". */
  position: number;
  /** A data set the paper builds without naming it: its key is the paper's own (see LocalEntity.scope). */
  unnamed: boolean;
}

export interface SentenceInfo {
  text: string;
  clean: string;
  lower: string;
  tokens: Token[];
  mentions: Mention[];
  /** Candidate index of each mention. */
  cands: number[];
  pairs: AbbreviationPair[];
  isTitle: boolean;
  /** Does the sentence read like a result (EVAL_CUE)? Set by the relation patterns. */
  evalCue: boolean;
}

export const emptyScore = (): Score => ({
  Model: 0,
  Dataset: 0,
  Benchmark: 0,
  Method: 0,
  Reject: 0,
  Task: 0,
});

/** What a relation pattern says about the type of the names at its ends. */
export interface Role {
  cand: number;
  label: HeadLabel;
  weight: number;
}

export interface ProtoEdge {
  type: ExtractedRelType;
  from: number | "paper" | "main";
  to: number | "paper";
  method?: BasedOnMethod;
  sentence: number;
  confidence: number;
  extractor: string;
  /** Labels the ends must have after typing ("any" for papers). */
  need: [EntityLabel[] | null, EntityLabel[] | null];
  /** Subjects tried in order when `from` is no entity of the needed label ("main": the paper's main model). */
  orElse?: Array<number | "main">;
}

export function find(cands: Candidate[], i: number): number {
  let r = i;
  while ((cands[r] as Candidate).parent !== r) r = (cands[r] as Candidate).parent;
  let k = i;
  while ((cands[k] as Candidate).parent !== r) {
    const next = (cands[k] as Candidate).parent;
    (cands[k] as Candidate).parent = r;
    k = next;
  }
  return r;
}

export function addScore(to: Score, from: Score): void {
  to.Model += from.Model;
  to.Dataset += from.Dataset;
  to.Benchmark += from.Benchmark;
  to.Method += from.Method;
  to.Reject += from.Reject;
  to.Task += from.Task;
}

/** The state of one paper's extraction, shared by its phases (each a function of its own). */
export interface PaperState {
  input: PaperInput;
  debug: ((line: string) => void) | undefined;
  cands: Candidate[];
  byKey: Map<string, number>;
  sentences: SentenceInfo[];
  /** Names written "X dataset" / "X benchmark": a data set even when X also names a task. */
  datasetHead: Set<number>;
  /** The candidate named by the title's subject ("Intern-S1: ..."). */
  titleCand: number | null;
  protos: ProtoEdge[];
  roles: Role[];
  /** "this dataset" references, resolved once types are known. */
  corefData: Array<{
    sentence: number;
    model: number;
    own: boolean;
    /** "… BarSet … and train Baz on it": a data set named in the sentence before this offset comes first. */
    before?: number;
    /**
     * "Baz, trained on our dataset, … on BarBench": the data is referred to, not named, in this sentence,
     * so a name of the sentence or a benchmark is not it.
     */
    referredOnly?: boolean;
    /**
     * "Built upon this foundation, we propose Baz": a word that refers to anything, so only a data set
     * (no benchmark) the sentence just before introduced is it.
     */
    justIntroduced?: boolean;
  }>;
  /** The abstract lower-cased, or null until paperLower is first asked for it. */
  abstractLower: string | null;
  introducedAt: Map<number, number>;
  /** Names after an introduction cue; which of them the cue introduces is decided once types are known. */
  introCandidates: Array<{ si: number; k: number; c: number; cue: number; follows: boolean }>;
  /** Mentions introduced by their own sentence ("sentence:mention"): never evaluation objects there. */
  introducedHere: Set<string>;
  labelOf: Map<number, { label: EntityLabel; kind?: DatasetKind; weight: number }>;
  /** The paper's main model. */
  main: number | null;
  /** Roots the paper calls a method, framework, module or ecosystem ("X, a training-free method"): never a model made. */
  notModels: Set<number>;
  /** The unnamed data set built in a sentence (by sentence index; null: none could be read). */
  unnamedData: Map<number, number | null>;
  introducedBenchmarks: Set<number>;
  /** Name-shaped names right after an introduction cue ("We present BazNet"). */
  introducedNames: Set<number>;
  /** One-word names of an abstract noun's shape that the paper coins ("we propose Loopholing, a …"). */
  coined: Set<string>;
  /**
   * Candidates the paper itself describes by an appositive or copula whose head is a method noun
   * ("X, a training-free strategy", "X is a new method") or a model noun ("X, a 7B model").
   */
  calledMethod: Set<number>;
  calledModel: Set<number>;
  /**
   * Candidates the paper calls "a … framework": a method unless what the text says the name does
   * (the subject of results, a base, a model head) makes it a model.
   */
  calledFramework: Set<number>;
}

export function unite(cands: Candidate[], a: number, b: number): void {
  const ra = find(cands, a);
  const rb = find(cands, b);
  if (ra === rb) return;
  // Keep the earlier candidate as the root so that order stays textual.
  if (ra < rb) (cands[rb] as Candidate).parent = ra;
  else (cands[ra] as Candidate).parent = rb;
}

/**
 * The abstract lower-cased, made on first use: only a paper that says what its model was made
 * from reads it (a BASED_ON's method, coreference.ts), and lower-casing every abstract was a
 * copy of it per paper for the GC.
 */
export function paperLower(st: PaperState): string {
  if (st.abstractLower === null) st.abstractLower = st.input.abstract.toLowerCase();
  return st.abstractLower;
}

export function addTo(cands: Candidate[], c: number, label: HeadLabel, weight: number): void {
  (cands[c] as Candidate).score[label] += weight;
}

/** Are none of the candidates name-shaped by themselves? */
export function noneStrong(cands: Candidate[], members: number[]): boolean {
  for (const c of members) if ((cands[c] as Candidate).strong) return false;
  return true;
}

export function giveAll(cands: Candidate[], members: number[], label: HeadLabel, weight: number): void {
  for (const c of members) addTo(cands, c, label, weight);
}

export function typeOfCand(st: PaperState, c: number): EntityLabel | null {
  return st.labelOf.get(find(st.cands, c))?.label ?? null;
}

export function sentenceText(sentences: SentenceInfo[], si: number): string {
  return (sentences[si] as SentenceInfo).text;
}
