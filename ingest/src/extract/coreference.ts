/**
 * Coreference: what the paper introduces and its main model (what "our model", "the resulting
 * model", "we" refer to), and the data set "this dataset" / "our corpus" refers back to —
 * a named one before, or one the paper builds without naming it. One step, used by every
 * relation reading that needs it.
 */
import { titleSubject } from "./candidates.ts";
import { keyOf } from "./key.ts";
import type { Mention } from "./mentions.ts";
import {
  addScore,
  type Candidate,
  emptyScore,
  find,
  type PaperInput,
  type PaperState,
  paperLower,
  type SentenceInfo,
  typeOfCand,
} from "./state.ts";
import {
  MODEL_APPOSITIVE_AFTER,
  NOT_MODEL_APPOSITIVE_AFTER,
  TITLE_NOT_MODEL,
} from "./vocabulary/clause-cues.ts";
import {
  BUILDS_DATA,
  BUILDS_DATA_PHRASE,
  GENERIC_MODIFIERS,
  METHOD_APPOSITIVE_AFTER,
  OWN_METHOD_REF,
} from "./vocabulary/coreference-cues.ts";
import { TITLE_DATA_WORDS } from "./vocabulary/introduction-cues.ts";

/** What the paper introduces, its main model, and "this dataset" coreference. */
export function resolveIntroductions(st: PaperState): void {
  const { cands, protos, introducedAt, introCandidates, introducedHere, titleCand, labelOf, corefData } = st;
  describedAsNotModel(st);
  // A cue introduces the first typed name after it, with its abbreviation and the names
  // joined to it by "and"; later names ("... compared with GPT-4") are only mentioned.
  let clause = "";
  let taken = false;
  for (const ic of introCandidates) {
    const id = `${ic.si}:${ic.cue}`;
    if (id !== clause) {
      clause = id;
      taken = false;
    }
    if (typeOfCand(st, ic.c) === null) continue;
    if (taken && !ic.follows) continue;
    taken = true;
    introducedHere.add(`${ic.si}:${ic.k}`);
    const prev = introducedAt.get(ic.c);
    if (prev === undefined || ic.si < prev) introducedAt.set(ic.c, ic.si);
  }

  for (const [c, si] of introducedAt) {
    const root = find(cands, c);
    const cand = cands[root] as Candidate;
    if (!cand.introduced) {
      cand.introduced = true;
      cand.position = Math.min(cand.position, si * 1e6);
    }
  }
  if (titleCand !== null) (cands[find(cands, titleCand)] as Candidate).introduced = true;

  // A model made from a model this paper introduces is new too: "Innovator-Reason, post-trained from Innovator".
  const introducedRoots = new Set<number>();
  for (const c of introducedAt.keys()) introducedRoots.add(find(cands, c));
  if (titleCand !== null) introducedRoots.add(find(cands, titleCand));
  for (const p of protos) {
    if (p.type !== "BASED_ON" || typeof p.from !== "number" || typeof p.to !== "number") continue;
    const toRoot = find(cands, p.to);
    const fromRoot = find(cands, p.from);
    if (
      introducedRoots.has(toRoot) &&
      !introducedRoots.has(fromRoot) &&
      typeOfCand(st, p.from) === "Model" &&
      typeOfCand(st, p.to) === "Model"
    ) {
      introducedAt.set(p.from, p.sentence);
      introducedRoots.add(fromRoot);
      (cands[fromRoot] as Candidate).introduced = true;
    }
  }
  // "X fine-tuned from Y via LoRA": the technique belongs to X, the model being made.
  for (const p of protos) {
    if (p.type !== "USES_METHOD" || typeof p.from !== "number") continue;
    const made = protos.find((q) => q.type === "BASED_ON" && q.sentence === p.sentence && q.to === p.from);
    if (made && typeof made.from === "number") p.from = made.from;
  }

  // The paper's main model: the first Model it introduces, else its title subject.
  let main: number | null = null;
  let mainPos = Number.POSITIVE_INFINITY;
  // The paper's main contribution is the first thing it introduces; "our method" refers to it,
  // and it stands for a Model only when it is one.
  for (const [c, si] of introducedAt) {
    const root = find(cands, c);
    const t = typeOfCand(st, root);
    // "X, an ecosystem co-designed with …": "our model" is not X.
    const method = t === "Method" || st.notModels.has(root);
    if (
      t !== null &&
      !method &&
      (si < mainPos ||
        (si === mainPos && (cands[root] as Candidate).position < (cands[main ?? root] as Candidate).position))
    ) {
      main = root;
      mainPos = si;
    }
    if (method && si < mainPos) {
      main = null;
      mainPos = si;
    }
  }
  if (main !== null && typeOfCand(st, main) !== "Model") main = null;
  if (main === null && titleCand !== null && typeOfCand(st, titleCand) === "Model")
    main = find(cands, titleCand);
  if (main === null) main = titleSubjectMade(st);
  const introducedBenchmarks = st.introducedBenchmarks;
  for (const [c] of introducedAt) {
    const root = find(cands, c);
    const l = labelOf.get(root);
    if (l?.label === "Dataset" && l.kind === "benchmark") introducedBenchmarks.add(root);
  }
  if (titleCand !== null && labelOf.get(find(cands, titleCand))?.kind === "benchmark")
    introducedBenchmarks.add(find(cands, titleCand));

  // Coreference "this dataset": the last named data set of the one or two sentences before.
  st.main = main;
  for (const { sentence, model, own, before, referredOnly, justIntroduced } of corefData.splice(0)) {
    const target = justIntroduced
      ? datasetJustIntroduced(st, sentence)
      : ((before === undefined ? null : datasetBefore(st, sentence, before)) ??
        previousDatasetOf(st, sentence, own && typeOfCand(st, model) === "Model"));
    if (referredOnly && target !== null && !referredTarget(st, sentence, target)) continue;
    if (target !== null && find(cands, target) !== find(cands, model)) {
      protos.push({
        type: "TRAINED_ON",
        from: model,
        to: target,
        sentence,
        confidence: 0.7,
        extractor: before === undefined ? "pattern:based-on-this-dataset" : "pattern:trained-on-data-ref",
        need: [["Model"], ["Dataset"]],
      });
    }
  }
  st.main = main;
}

/**
 * "Fino1: On the Transferability of …" … "we develop a reasoning model based on Foo": a paper that
 * names no model or method it introduces, yet makes or trains one with no name of its own, made
 * its title's subject — when nothing but that says what the subject is (only model evidence, too
 * weak for a label alone, and not called a method or framework). The subject becomes the Model
 * at the lowest weight, so that other papers' evidence outvotes it. Null when it cannot be read so.
 */
function titleSubjectMade(st: PaperState): number | null {
  const { titleCand, cands, labelOf, protos } = st;
  if (titleCand === null) return null;
  const root = find(cands, titleCand);
  if (labelOf.has(root) || st.notModels.has(root)) return null;
  for (const c of st.introducedAt.keys()) {
    const t = typeOfCand(st, c);
    if (t === "Model" || t === "Method") return null;
  }
  // The title's own words ("…: Speech Data for Model Training on …") are no making.
  const title = st.sentences[0]?.isTitle ? 0 : -1;
  if (
    !protos.some(
      (p) => p.from === "main" && p.sentence !== title && (p.type === "BASED_ON" || p.type === "TRAINED_ON"),
    )
  )
    return null;
  // "this method", "our approach", "Foo, an iterative flywheel process": what the paper made is a method.
  if (OWN_METHOD_REF.test(paperLower(st))) return null;
  for (const s of st.sentences)
    for (let k = 0; k < s.mentions.length; k++)
      if (
        find(cands, s.cands[k] as number) === root &&
        METHOD_APPOSITIVE_AFTER.test(
          s.lower.slice((s.mentions[k] as Mention).end, (s.mentions[k] as Mention).end + 120),
        )
      )
        return null;
  const score = emptyScore();
  for (const c of cands) if (find(cands, c.index) === root) addScore(score, c.score);
  if (score.Model <= 0 || score.Dataset + score.Benchmark + score.Method + score.Reject + score.Task > 0)
    return null;
  labelOf.set(root, { label: "Model", weight: 0.5 });
  return root;
}

/**
 * The data set that sentence `si` builds without a name ("We first build the largest and
 * most comprehensive PET dataset to date"), as a candidate of its own: a Dataset the paper
 * introduces, named from the phrase ("PET dataset (unnamed, from <title or first words>)").
 * Made once per sentence; null when the phrase cannot be read.
 */
function unnamedDataset(st: PaperState, si: number): number | null {
  const known = st.unnamedData.get(si);
  if (known !== undefined) return known;
  const s = st.sentences[si] as SentenceInfo;
  const m = namesItsData(st) ? null : BUILDS_DATA_PHRASE.exec(s.clean);
  if (m === null) {
    st.unnamedData.set(si, null);
    return null;
  }
  // The content words just before the head noun, at most three: "PET", "multimodal medical".
  const words = (m[1] as string).trim().split(/\s+/);
  const kept: string[] = [];
  for (let k = words.length - 1; k >= 0 && kept.length < 3; k--) {
    const w = words[k] as string;
    const lower = w.toLowerCase();
    if (w.length === 0 || GENERIC_MODIFIERS.has(lower) || /(?:est|ly)$/.test(lower) || /^\d/.test(w)) break;
    kept.unshift(w);
  }
  const head = (m[2] as string).toLowerCase();
  const phrase = kept.length > 0 ? `${kept.join(" ")} ${head}` : head;
  const name = `${phrase} (unnamed, from ${paperLabel(st.input)})`;
  const c = st.cands.length;
  st.cands.push({
    index: c,
    parent: c,
    key: keyOf(phrase),
    surfaces: new Map([[name, 1]]),
    score: emptyScore(),
    strong: false,
    introduced: true,
    position: si * 1e6 + m.index,
    unnamed: true,
  });
  st.labelOf.set(c, { label: "Dataset", kind: head === "benchmark" ? "benchmark" : "dataset", weight: 1 });
  st.introducedAt.set(c, si);
  st.unnamedData.set(si, c);
  return c;
}

/**
 * Does the paper name a data set it introduces, in its text or as its title's subject
 * ("LiveBench: A Challenging, Contamination-Free LLM Benchmark")? Then "this benchmark" is
 * that one, however far back it was named, and no unnamed data set is made.
 */
function namesItsData(st: PaperState): boolean {
  for (const c of st.introducedAt.keys()) {
    if (!(st.cands[c] as Candidate).unnamed && typeOfCand(st, c) === "Dataset") return true;
  }
  const subject = st.input.title ? titleSubject(st.input.title) : null;
  return subject !== null && TITLE_DATA_WORDS.test(subject.rest);
}

/** A paper as a reader would point to it: its title, else the first words of its abstract. */
function paperLabel(input: PaperInput): string {
  if (input.title) return input.title;
  const words = input.abstract.split(/\s+/).filter((w) => w.length > 0);
  const first = words.slice(0, 6).join(" ");
  return words.length > 6 ? `${first}…` : first;
}

/** The last data set named in sentence `si` before offset `end` ("We build BarSet … and train Baz on it"), or null. */
function datasetBefore(st: PaperState, si: number, end: number): number | null {
  const s = st.sentences[si] as SentenceInfo;
  for (let k = s.mentions.length - 1; k >= 0; k--)
    if (
      (s.mentions[k] as SentenceInfo["mentions"][number]).end <= end &&
      typeOfCand(st, s.cands[k] as number) === "Dataset"
    )
      return s.cands[k] as number;
  return null;
}

/** The data set (not a benchmark) the sentence before sentence si introduced, or null. */
function datasetJustIntroduced(st: PaperState, si: number): number | null {
  for (const [c, at] of st.introducedAt) {
    if (at !== si - 1 || typeOfCand(st, c) !== "Dataset") continue;
    if (st.labelOf.get(find(st.cands, c))?.kind === "benchmark") continue;
    return c;
  }
  return null;
}

/**
 * "this dataset": the last named data set of the one or two sentences before, else (`own`:
 * "this", "these" or "our" dataset) the one the sentence before builds without a name, or null.
 */
export function previousDatasetOf(st: PaperState, sentence: number, own: boolean): number | null {
  const { introducedAt, sentences } = st;
  // A data set the paper has just introduced comes first ("we introduce Naamah, ... We utilize this dataset").
  let introduced: number | null = null;
  let at = -1;
  for (const [c, si] of introducedAt) {
    if (typeOfCand(st, c) === "Dataset" && si < sentence && si >= sentence - 3 && si > at) {
      introduced = c;
      at = si;
    }
  }
  if (introduced !== null) return introduced;
  for (let back = sentence - 1; back >= Math.max(0, sentence - 2); back--) {
    const prev = sentences[back] as SentenceInfo;
    for (let k = prev.cands.length - 1; k >= 0; k--)
      if (typeOfCand(st, prev.cands[k] as number) === "Dataset") return prev.cands[k] as number;
    if (BUILDS_DATA.test(prev.lower)) return own ? unnamedDataset(st, back) : null;
  }
  return null;
}

/** The names the paper itself calls a method, framework, module or ecosystem (st.notModels, by root). */
function describedAsNotModel(st: PaperState): void {
  // A method title ("Foo: Efficient Neural Architecture Search for …") names no model unless the
  // abstract calls Foo one ("Foo: A Post-Training Recipe …" / "We introduce Foo, a model that …").
  const title = st.sentences[0]?.isTitle ? titleSubject(st.sentences[0].text) : null;
  if (title !== null && st.titleCand !== null && TITLE_NOT_MODEL.test(title.rest.toLowerCase())) {
    const root = find(st.cands, st.titleCand);
    const calledModel = st.sentences.some((s) =>
      s.mentions.some(
        (m, k) =>
          find(st.cands, s.cands[k] as number) === root &&
          MODEL_APPOSITIVE_AFTER.test(s.lower.slice(m.end, m.end + 120)),
      ),
    );
    if (!calledModel) st.notModels.add(root);
  }
  for (const s of st.sentences) {
    for (let k = 0; k < s.mentions.length; k++) {
      const m = s.mentions[k] as SentenceInfo["mentions"][number];
      if (NOT_MODEL_APPOSITIVE_AFTER.test(s.lower.slice(m.end, m.end + 120)))
        st.notModels.add(find(st.cands, s.cands[k] as number));
    }
  }
}

/** Can data referred to and not named in sentence `si` be `target`: not named there, and no benchmark? */
function referredTarget(st: PaperState, si: number, target: number): boolean {
  const root = find(st.cands, target);
  if (st.labelOf.get(root)?.kind === "benchmark") return false;
  return !(st.sentences[si] as SentenceInfo).cands.some((c) => find(st.cands, c) === root);
}
