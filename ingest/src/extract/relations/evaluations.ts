/**
 * EVALUATED_ON: the roles result sentences give names (read before typing: subjects of
 * "achieves", objects of "on"), and the edges read once types are known.
 */
import { governedName, groupOf } from "../clauses.ts";
import { previousDatasetOf } from "../coreference.ts";
import type { Mention } from "../mentions.ts";
import { find, type PaperState, type SentenceInfo, typeOfCand } from "../state.ts";
import { LIST_END } from "../vocabulary/clause-cues.ts";
import { MAIN_COREF, OWN_DATA, THIS_DATASET, TRAINS } from "../vocabulary/coreference-cues.ts";
import {
  BASE_PHRASE_BEFORE,
  COMPARED_OR_BASE_EARLIER,
  COMPARISON_BEFORE,
  COMPARISON_DATA_BEFORE,
  COMPARISON_STUDY,
  DATA_HEAD_AFTER,
  DATA_PREPOSITION_BEFORE,
  EVAL_CUE,
  EVAL_HEAD_LIST_BEFORE,
  EVAL_HEAD_OBJECT_BEFORE,
  EVAL_HEAD_WINDOW,
  EVAL_LIST_BEFORE,
  EVAL_OBJECT_BEFORE,
  EVAL_OPENING,
  EVAL_SUBSET_BEFORE,
  EVAL_VERB_BEFORE,
  EVALUATION_WORD,
  EXPERIMENTS_SHOW_BEFORE,
  FROM_BY_BEFORE,
  IT_RESULT,
  JUDGE_OR_TOOL_BEFORE,
  LIST_SEPARATORS,
  NOT_LIST_ITEM_WORD,
  OVER_BASELINE_BEFORE,
  SCORE_ON_BEFORE,
  SCORED_ITEM_GAP,
  SETTING_BEFORE,
  SUBJECT_VERB,
  TRAINED_ON_BEFORE,
  TRAINED_OR_PART_BEFORE,
  WE_EVALUATE_CLAUSE,
} from "../vocabulary/evaluation-cues.ts";

/** How far after a name SUBJECT_VERB reads (an aside between commas fits: "X, trained with …, achieves"). */
const SUBJECT_WINDOW = 100;

/** The head nouns EVAL_HEAD_OBJECT_BEFORE and EVAL_HEAD_LIST_BEFORE end with: a quick test before them. */
const HEAD_NOUN = /benchmark|dataset|test\s+set|leaderboard|suite/;

/** The text EVAL_HEAD_OBJECT_BEFORE and EVAL_HEAD_LIST_BEFORE read before `start`, or null when it holds no head noun. */
function headWindow(lower: string, start: number): string | null {
  const window = lower.slice(Math.max(0, start - EVAL_HEAD_WINDOW), start);
  return HEAD_NOUN.test(window) ? window : null;
}

/** Is the data named at `start` announced by its head noun after "on" ("on the benchmark Foo")? */
function headObjectAt(lower: string, start: number): boolean {
  const window = headWindow(lower, start);
  return window !== null && EVAL_HEAD_OBJECT_BEFORE.test(window);
}

/** Does a list announced by its head noun open at `start` ("on benchmarks such as Foo")? */
function headListAt(lower: string, start: number): boolean {
  const window = headWindow(lower, start);
  return window !== null && EVAL_HEAD_LIST_BEFORE.test(window);
}

/** The roles a result sentence gives its names: subjects of "achieves/outperforms", objects of "on/across". */
export function evaluationRolesOf(st: PaperState, s: SentenceInfo): void {
  const { roles } = st;
  const ms = s.mentions;
  const cs = s.cands;
  // EVALUATED_ON roles: subjects of "achieves/outperforms", objects of "on/across".
  s.evalCue = EVAL_CUE.test(s.lower) || COMPARISON_STUDY.test(s.lower);
  if (s.evalCue) {
    for (let k = 0; k < ms.length; k++) {
      // "CLIP-based scoring models": the stem of a describing compound is not what is evaluated.
      if ((ms[k] as Mention).adjective) continue;
      const m = ms[k] as Mention;
      const after = s.lower.slice(m.end, m.end + SUBJECT_WINDOW);
      const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
      if (inOpeningList(s, m)) {
        // "Experiments on A, B, and C show …": C ends the data list; it is no subject of "show".
        roles.push({ cand: cs[k] as number, label: "Dataset", weight: 1.5 });
        continue;
      }
      const subjectOfVerb =
        SUBJECT_VERB.test(after) && !COMPARISON_BEFORE.test(before) && !governedName(s, k);
      if (BASE_PHRASE_BEFORE.test(before)) continue;
      if (
        subjectOfVerb ||
        EVAL_VERB_BEFORE.test(before.slice(-30)) ||
        (EVAL_LIST_BEFORE.test(s.lower.slice(Math.max(0, m.start - 200), m.start)) &&
          !FROM_BY_BEFORE.test(before))
      )
        // A capitalised word after "evaluate" is as often a task ("evaluate Online Spatio-Temporal understanding").
        roles.push({
          cand: cs[k] as number,
          label: "Model",
          weight: m.strong ? 2 : subjectOfVerb ? 1.5 : 0.75,
        });
      else if (
        (EVAL_OBJECT_BEFORE.test(before.slice(-32)) ||
          headObjectAt(s.lower, m.start) ||
          headListAt(s.lower, m.start)) &&
        !TRAINED_ON_BEFORE.test(before)
      ) {
        const strong = SCORE_ON_BEFORE.test(before) || headObjectAt(s.lower, m.start);
        roles.push({ cand: cs[k] as number, label: "Dataset", weight: strong ? 3 : 1.5 });
        // "On A, B, and C, X achieves": the rest of the list the preposition governs is evaluated on too.
        for (const g of evaluationList(s, k))
          roles.push({ cand: cs[g] as number, label: "Dataset", weight: 1.5 });
        for (const g of scoredList(s, k))
          roles.push({ cand: cs[g] as number, label: "Dataset", weight: 1.5 });
      }
    }
  }
}

/** A list item's end: compiled once, not once per mention of every sentence with an evaluation cue. */
const ENDS_WITH_SEPARATOR = new RegExp(`(?:${LIST_SEPARATORS.source})$`);

/**
 * Is mention m in the list that opens the sentence after "Experiments on" ("Experiments on A,
 * B/C, and D show …")? Every item before it must be a short name, not a clause.
 */
function inOpeningList(s: SentenceInfo, m: Mention): boolean {
  const opening = EVAL_OPENING.exec(s.lower);
  if (opening === null || m.start < opening[0].length || NOT_LIST_ITEM_WORD.test(opening[0])) return false;
  const items = s.lower.slice(opening[0].length, m.start);
  if (items.length > 200) return false;
  // What is before m: items, each ended by a separator (the text right before m is one).
  if (items.length > 0 && !ENDS_WITH_SEPARATOR.test(items)) return false;
  for (const item of items.split(LIST_SEPARATORS)) {
    if (item.split(/\s+/).length > 4 || NOT_LIST_ITEM_WORD.test(item)) return false;
  }
  return true;
}

/**
 * The names listed after mention k up to the list's "and"/"or" ("on A, B, and C" → B, C), when
 * none of them is followed by a verb of result (then it is the subject: "On A, X achieves").
 */
function evaluationList(s: SentenceInfo, k: number): number[] {
  const group = groupOf(s, k);
  if (group[0] !== k) return [];
  const out: number[] = [];
  for (let i = 1; i < group.length; i++) {
    const prev = s.mentions[group[i - 1] as number] as Mention;
    const m = s.mentions[group[i] as number] as Mention;
    if (m.start === prev.start) continue;
    // The list's last name ("on A and B show …") is never a subject: "On A and X achieves" is no English.
    const last = LIST_END.test(s.lower.slice(prev.end, m.start));
    if (!last && SUBJECT_VERB.test(s.lower.slice(m.end, m.end + SUBJECT_WINDOW))) return [];
    out.push(group[i] as number);
    if (last) return out;
  }
  return [];
}

/**
 * The names after mention k in a list whose items each carry their score in parentheses ("on A
 * (57% to 90%) and B (67% to 83%)"): the parentheses end the plain coordination.
 */
function scoredList(s: SentenceInfo, k: number): number[] {
  const out: number[] = [];
  for (let i = k; i + 1 < s.mentions.length; i++) {
    const gap = s.lower.slice((s.mentions[i] as Mention).end, (s.mentions[i + 1] as Mention).start);
    if (!SCORED_ITEM_GAP.test(gap)) break;
    out.push(i + 1);
    if (LIST_END.test(gap.replace(/^\s*\([^()]*\)/, ""))) break;
  }
  return out;
}

/** Is mention k a baseline or a base ("compared with models based on Foo, Bar achieves")? */
function comparedName(s: SentenceInfo, k: number): boolean {
  const m = s.mentions[k] as Mention;
  return (
    COMPARISON_BEFORE.test(s.lower.slice(Math.max(0, m.start - 40), m.start)) ||
    COMPARED_OR_BASE_EARLIER.test(s.lower.slice(Math.max(0, m.start - 100), m.start))
  );
}

/**
 * Is mention k data the sentence evaluates on: written after "on", "across" or "over" (or in a
 * list whose first name is), in the list opening "Experiments on …", or named as data sets after
 * a preposition ("for the A and B datasets")?
 */
function isEvaluationObject(s: SentenceInfo, k: number): boolean {
  const m = s.mentions[k] as Mention;
  if (inOpeningList(s, m)) return true;
  const group = groupOf(s, k);
  const first = s.mentions[group[0] as number] as Mention;
  const last = s.mentions[group[group.length - 1] as number] as Mention;
  const before = s.lower.slice(Math.max(0, first.start - 40), first.start);
  if (
    EVAL_OBJECT_BEFORE.test(before.slice(-32)) ||
    headObjectAt(s.lower, first.start) ||
    headListAt(s.lower, first.start)
  )
    return true;
  return DATA_PREPOSITION_BEFORE.test(before) && DATA_HEAD_AFTER.test(s.lower.slice(last.end, last.end + 24));
}

/** Is one of the objects (candidates) written after "on", "across" or "over" (an evaluation object)? */
function someEvaluationObject(s: SentenceInfo, objects: number[]): boolean {
  for (const o of objects) {
    const m = s.mentions[s.cands.indexOf(o)] as Mention;
    const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
    if (
      EVAL_OBJECT_BEFORE.test(before.slice(-32)) ||
      headObjectAt(s.lower, m.start) ||
      headListAt(s.lower, m.start) ||
      // "… achieving a 34% improvement in the Foo benchmark": data named by its head noun after "in".
      (IN_THE_BEFORE.test(before) && DATA_HEAD_AFTER.test(s.lower.slice(m.end, m.end + 24)))
    )
      return true;
  }
  return false;
}

/** "in the" right before a name (with DATA_HEAD_AFTER: "in the Foo benchmark"). */
const IN_THE_BEFORE = /\bin\s+the\s+(?:[\w-]+\s+){0,2}?$/;

/** Does the paper introduce candidate c (under any of its names)? */
function paperIntroduces(st: PaperState, c: number): boolean {
  const root = find(st.cands, c);
  for (const i of st.introducedAt.keys()) if (find(st.cands, i) === root) return true;
  return false;
}

/**
 * A comparison study that names no model of its own ("the first comparison of A, B against C
 * on the D dataset"): every model named between the comparison and "on" is evaluated on the data
 * sets that follow "on" (none of them a judge or a tool: "… using Foo").
 */
function comparedModels(
  st: PaperState,
  s: SentenceInfo,
): { length: number; models: number[]; data: number[] } {
  const cue = COMPARISON_STUDY.exec(s.lower);
  const none = { length: 0, models: [], data: [] };
  if (cue === null) return none;
  const models: number[] = [];
  const data: number[] = [];
  for (let k = 0; k < s.mentions.length; k++) {
    if ((s.mentions[k] as Mention).adjective) continue;
    const m = s.mentions[k] as Mention;
    if (m.start < cue.index) continue;
    const c = s.cands[k] as number;
    const t = typeOfCand(st, c);
    const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
    if (t === "Model" && data.length === 0) {
      if (JUDGE_OR_TOOL_BEFORE.test(before.slice(-16))) return none;
      models.push(c);
    } else if (t === "Dataset" && models.length > 0) {
      const first = s.mentions[groupOf(s, k)[0] as number] as Mention;
      if (!COMPARISON_DATA_BEFORE.test(s.lower.slice(Math.max(0, first.start - 40), first.start)))
        return none;
      data.push(c);
    }
  }
  return data.length > 0 && models.length > 1 ? { length: models.length, models, data } : none;
}

/** "using", "with": the model a method runs with ("Evaluated using Foo-4B, BazPO …"); not "by", a judge. */
const METHOD_BASE_BEFORE = /\b(?:using|with)\s+(?:the\s+)?$/;
/** "Foo as a judge", "Foo as the evaluator": a judge, whatever the preposition before. */
const JUDGE_AFTER =
  /^\s*(?:as\s+(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:judges?|evaluators?|graders?|annotators?|verifiers?)\b/;

/** Is a name typed Method the subject of the sentence's result verb ("BazPO improves …")? */
function methodSubject(st: PaperState, s: SentenceInfo): boolean {
  for (let k = 0; k < s.mentions.length; k++) {
    const m = s.mentions[k] as Mention;
    if (m.adjective || typeOfCand(st, s.cands[k] as number) !== "Method") continue;
    if (SUBJECT_VERB.test(s.lower.slice(m.end, m.end + SUBJECT_WINDOW)) && !governedName(s, k)) return true;
  }
  return false;
}

/** EVALUATED_ON, now that types are known. */
export function readEvaluations(st: PaperState): void {
  const sentences = st.sentences;
  const previous: PreviousSubject = { sentence: -1, cand: -1 };
  for (let si = 0; si < sentences.length; si++)
    evaluationsOf(st, sentences[si] as SentenceInfo, si, previous);
}

/** The model a result sentence named as its subject, for "it" in the next one. */
interface PreviousSubject {
  sentence: number;
  cand: number;
}

/** EVALUATED_ON in one sentence. */
function evaluationsOf(st: PaperState, s: SentenceInfo, si: number, previous: PreviousSubject): void {
  const { cands, protos, introducedAt, introducedHere, introducedBenchmarks, main } = st;
  if (s.isTitle || !s.evalCue) return;
  const ms = s.mentions;
  const subjects: number[] = [];
  const objects: number[] = [];
  /** Data sets this sentence introduces ("we present Foo, a dataset for testing models such as X"). */
  const presented: number[] = [];
  for (let k = 0; k < ms.length; k++) {
    if ((ms[k] as Mention).adjective) continue;
    const m = ms[k] as Mention;
    const c = s.cands[k] as number;
    const t = typeOfCand(st, c);
    const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
    if (t === "Model") {
      const after = s.lower.slice(m.end, m.end + SUBJECT_WINDOW);
      if (inOpeningList(s, m)) continue;
      if (
        ((SUBJECT_VERB.test(after) && !COMPARISON_BEFORE.test(before)) ||
          EVAL_VERB_BEFORE.test(before.slice(-30)) ||
          // "Experiments on A and B demonstrate that X …": the subject of the result, if typed a model
          // on other evidence (methods are shown effective the same way).
          EXPERIMENTS_SHOW_BEFORE.test(s.lower.slice(Math.max(0, m.start - 240), m.start))) &&
        !governedName(s, k)
      )
        subjects.push(c);
    } else if (t === "Dataset") {
      if (
        (TRAINED_OR_PART_BEFORE.test(before) && !EVAL_SUBSET_BEFORE.test(before)) ||
        BASE_PHRASE_BEFORE.test(before) ||
        OVER_BASELINE_BEFORE.test(s.lower.slice(Math.max(0, m.start - 120), m.start))
      )
        continue;
      if (introducedAt.get(c) === si || introducedHere.has(`${si}:${k}`)) {
        presented.push(c);
        continue;
      }
      objects.push(c);
    }
  }
  if (subjects.length > 0) {
    previous.sentence = si;
    previous.cand = subjects[0] as number;
  }
  if (objects.length === 0 && THIS_DATASET.test(s.lower) && EVALUATION_WORD.test(s.lower)) {
    // "We utilize this dataset to benchmark X and Y": the data set of the sentences before.
    // An unnamed data set only for models evaluated on it (not trained on it in the same sentence).
    let models = false;
    for (const c of s.cands) if (typeOfCand(st, c) === "Model") models = true;
    const target = previousDatasetOf(st, si, models && OWN_DATA.test(s.lower) && !TRAINS.test(s.lower));
    if (target !== null) {
      for (let k = 0; k < ms.length; k++) {
        if ((ms[k] as Mention).adjective) continue;
        const c = s.cands[k] as number;
        if (typeOfCand(st, c) === "Model") {
          protos.push({
            type: "EVALUATED_ON",
            from: c,
            to: target,
            sentence: si,
            confidence: 0.65,
            extractor: "pattern:eval-this-dataset",
            need: [["Model"], ["Dataset"]],
          });
        }
      }
    }
    return;
  }
  if (objects.length > 0) {
    let from: number[] = subjects.length > 0 ? [subjects[0] as number] : [];
    // "X and Y, built on ..., achieve": every name of the subject's coordination.
    if (from.length === 1) {
      const k0 = s.cands.indexOf(from[0] as number);
      for (const k of groupOf(s, k0))
        if (k !== k0 && typeOfCand(st, s.cands[k] as number) === "Model" && !comparedName(s, k))
          from.push(s.cands[k] as number);
    }
    let extractor = "pattern:eval-on";
    let confidence = 0.8;
    // "X achieves A. On B, it attains C": "it" is the model the sentence before named as its subject,
    // else (and for "our model", "Experiments show") the paper's main model.
    const pronoun = previous.sentence === si - 1 && IT_RESULT.test(s.lower);
    const referent = pronoun ? previous.cand : MAIN_COREF.test(s.lower) ? main : null;
    if (from.length === 0 && referent !== null) {
      // The paper's own data is evaluated on only where the sentence says so ("on our A"): named
      // alone ("our framework includes the dataset A", "the effectiveness of the proposed A") it
      // is being presented, not used.
      const used = objects.filter(
        (o) => !paperIntroduces(st, o) || isEvaluationObject(s, s.cands.indexOf(o)),
      );
      objects.splice(0, objects.length, ...used);
      if (used.length > 0) {
        from = [referent];
        extractor = pronoun ? "pattern:eval-on-pronoun" : "pattern:eval-on-coref";
        confidence = 0.65;
      }
    }
    if (from.length === 0) {
      // The paper's own model, if any, is one of those compared ("we compare our Baz with A and B on D").
      const compared = comparedModels(st, s);
      if (
        compared.length > 0 &&
        (main === null || compared.models.some((c) => find(cands, c) === find(cands, main)))
      ) {
        from = compared.models;
        objects.splice(0, objects.length, ...compared.data);
        extractor = "pattern:eval-comparison";
        confidence = 0.6;
      }
    }
    if (from.length === 0 && someEvaluationObject(s, objects)) {
      // "Steering GPT-4 with Medprompt achieves ... on the MedQA dataset": the first model named.
      for (let k = 0; k < ms.length; k++) {
        if ((ms[k] as Mention).adjective) continue;
        const c = s.cands[k] as number;
        const m = ms[k] as Mention;
        if (typeOfCand(st, c) !== "Model") continue;
        if (comparedName(s, k)) break;
        // "Evaluated on Foo benchmarks (A, B)": a name that qualifies the data is no model evaluated.
        if (DATA_HEAD_AFTER.test(s.lower.slice(m.end, m.end + 24))) continue;
        // "evaluated by Foo", "X with Foo": a judge or a tool is not the model evaluated; but when
        // a method is the subject ("Evaluated using Foo-4B, BazPO improves … on D"), the model it
        // runs with is.
        if (
          JUDGE_OR_TOOL_BEFORE.test(s.lower.slice(Math.max(0, m.start - 16), m.start)) &&
          !(
            METHOD_BASE_BEFORE.test(s.lower.slice(Math.max(0, m.start - 16), m.start)) &&
            !JUDGE_AFTER.test(s.lower.slice(m.end, m.end + 30)) &&
            methodSubject(st, s)
          )
        )
          continue;
        from = [c];
        for (const g of groupOf(s, k))
          if (g !== k && typeOfCand(st, s.cands[g] as number) === "Model") from.push(s.cands[g] as number);
        extractor = "pattern:eval-on-first-model";
        confidence = 0.6;
        break;
      }
    }
    for (const f of from) {
      for (const o of objects) {
        protos.push({
          type: "EVALUATED_ON",
          from: f,
          to: o,
          sentence: si,
          confidence,
          extractor,
          need: [["Model"], ["Dataset"]],
        });
      }
    }
  } else if (introducedBenchmarks.size === 1 || presented.length > 0) {
    // A benchmark paper: the models it reports results for were evaluated on its benchmark; the
    // models named where a data set is presented ("Foo, a dataset for testing models such as X"),
    // on that one.
    const benches = presented.length > 0 ? presented : [...introducedBenchmarks];
    const models = new Set<number>();
    for (let k = 0; k < ms.length; k++) {
      if ((ms[k] as Mention).adjective) continue;
      const c = s.cands[k] as number;
      if (typeOfCand(st, c) !== "Model") continue;
      const m = ms[k] as Mention;
      const after = s.lower.slice(m.end, m.end + SUBJECT_WINDOW);
      const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
      if (BASE_PHRASE_BEFORE.test(before)) continue;
      if (
        SUBJECT_VERB.test(after) ||
        EVAL_VERB_BEFORE.test(before) ||
        ((EVAL_LIST_BEFORE.test(s.lower.slice(Math.max(0, m.start - 200), m.start)) ||
          (WE_EVALUATE_CLAUSE.test(s.lower.slice(Math.max(0, m.start - 120), m.start)) &&
            !SETTING_BEFORE.test(s.lower.slice(Math.max(0, m.start - 80), m.start)))) &&
          !FROM_BY_BEFORE.test(before) &&
          !JUDGE_OR_TOOL_BEFORE.test(before.slice(-16)))
      )
        models.add(find(cands, c));
    }
    for (const c of models) {
      for (const bench of benches) {
        protos.push({
          type: "EVALUATED_ON",
          from: c,
          to: bench,
          sentence: si,
          confidence: 0.6,
          extractor: "pattern:benchmark-paper",
          need: [["Model"], ["Dataset"]],
        });
      }
    }
  }
}
