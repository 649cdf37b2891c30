/**
 * extract: one paper's text → typed entities and relationships with their evidence.
 *
 * Per paper, sentence by sentence: candidate names (candidates.ts, mentions.ts) → evidence for
 * each name's type (typing.ts: vocabulary, head nouns such as "X, a benchmark" or "the X
 * dataset", abbreviation long forms, and the roles the relation readings give it) → one label
 * per name → relations (relations/: introductions, pair rules, derivation frames, data named
 * first, evaluations), with coreference (coreference.ts) for "our model" and "this dataset" →
 * entities and edges (materialise.ts), each edge keeping its sentence verbatim, a confidence
 * and the name of the rule that produced it. The words and rules are data (vocabulary/,
 * rules/). Pure and deterministic: no I/O, no clocks, and every collection is iterated in
 * text order.
 */
import { abbreviationMentions, makeCandidates, readSentences, titleSubjectCandidate } from "./candidates.ts";
import { resolveIntroductions } from "./coreference.ts";
import { materialise } from "./materialise.ts";
import { dataCorefOf } from "./relations/data-coref.ts";
import { dataFirstOf, purposeDataOf } from "./relations/data-first.ts";
import { framesOf } from "./relations/derivation.ts";
import { evaluationRolesOf, readEvaluations } from "./relations/evaluations.ts";
import { introductionsOf } from "./relations/introductions.ts";
import { pairsOf } from "./relations/pairs.ts";
import type { PaperExtraction, PaperInput, PaperState, SentenceInfo } from "./state.ts";
import { decideLabels, typeFromHeads, typeFromNames } from "./typing.ts";

export { inferBasedOnMethod } from "./relations/based-on-method.ts";
export type { LocalEdge, LocalEnd, LocalEntity, PaperExtraction, PaperInput } from "./state.ts";

/** Relation readings before typing: proto-edges (typed after voting) and the roles they give names. */
function readPatterns(st: PaperState): void {
  const sentences = st.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si] as SentenceInfo;
    // Every reading here reads names: a sentence without any has none (nor an evaluation cue).
    if (s.mentions.length === 0) continue;
    introductionsOf(st, s, si);
    pairsOf(st, s, si);
    framesOf(st, s, si);
    dataFirstOf(st, s, si);
    purposeDataOf(st, s, si);
    dataCorefOf(st, s, si);
    evaluationRolesOf(st, s);
  }
}

/** Extracts typed entities and relationships from one paper. Pure and deterministic. */
export function extractPaper(input: PaperInput, debug?: (line: string) => void): PaperExtraction {
  const coined = new Set<string>();
  const st: PaperState = {
    input,
    debug,
    cands: [],
    byKey: new Map(),
    sentences: readSentences(input, coined),
    coined,
    datasetHead: new Set(),
    titleCand: null,
    protos: [],
    roles: [],
    corefData: [],
    abstractLower: null,
    introducedAt: new Map(),
    introCandidates: [],
    introducedHere: new Set(),
    labelOf: new Map(),
    main: null,
    notModels: new Set(),
    unnamedData: new Map(),
    introducedBenchmarks: new Set(),
    introducedNames: new Set(),
    calledMethod: new Set(),
    calledModel: new Set(),
    calledFramework: new Set(),
  };
  abbreviationMentions(st.sentences);
  makeCandidates(st);
  typeFromNames(st);
  typeFromHeads(st);
  titleSubjectCandidate(st);
  readPatterns(st);
  decideLabels(st);
  resolveIntroductions(st);
  readEvaluations(st);
  return materialise(st);
}
