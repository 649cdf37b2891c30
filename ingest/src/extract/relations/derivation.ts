/**
 * The derivation frames (rules/derivation.ts, run by frames.ts) of one sentence as proto-edges,
 * with coordination on both sides and the fall-backs of their subjects.
 */
import { groupOf, listSizesFit, previousMentions } from "../clauses.ts";
import { matchFrames } from "../frames.ts";
import type { Mention } from "../mentions.ts";
import { namedAfter } from "../name-stem.ts";
import { DATA_KIND_LAST, TOOL_AFTER } from "../rules/derivation.ts";
import { type Candidate, type PaperState, type ProtoEdge, paperLower, type SentenceInfo } from "../state.ts";
import { architectureClass } from "../vocabulary/architectures.ts";
import { METHOD_HEAD_AFTER, OBJECT_BEFORE } from "../vocabulary/clause-cues.ts";
import { MAIN_SUBJECT_REF } from "../vocabulary/coreference-cues.ts";
import {
  APPOSITIVE_GAP,
  BENCHMARK_AFTER,
  GENERIC_PLURAL_SUBJECT,
  HARDWARE_AFTER,
} from "../vocabulary/evaluation-cues.ts";
import { inferBasedOnMethod } from "./based-on-method.ts";

/**
 * The derivation frames (rules/derivation.ts) of one sentence as proto-edges. A base made
 * into the paper's model gives that model its training data too ("we fine-tune Foo on D":
 * D trained the model made, and Foo only when the paper names no model of its own).
 */
export function framesOf(st: PaperState, s: SentenceInfo, si: number): void {
  const matches = matchFrames(s.lower, s.mentions);
  if (matches.length === 0) return;
  const cs = s.cands;
  const madeFrom = new Map<number, Array<number | "main">>();
  // A product the sentence names ("…, yielding Baz") is the model made, not the paper's model.
  const named = new Set<number>();
  const subjects = new Set<number>();
  for (const fm of matches) {
    if (fm.subject === "main") continue;
    subjects.add(fm.subject);
    if (fm.frame.type === "BASED_ON") named.add(fm.object);
  }
  for (const fm of matches) {
    const f = fm.frame;
    // The object with the names coordinated after it, up to a name that is a subject itself
    // ("Baz-S, based on Foo, and Baz-L, built on Bar": Baz-L is no second base of Baz-S).
    const objects: number[] = [];
    // A frame read only after its object ("Foo and Bar as the backbones") reads the whole coordination before it.
    const wholeGroup = f.before === undefined;
    for (const k of groupOf(s, fm.object)) {
      if (k < fm.object && !wholeGroup) continue;
      if (k > fm.object && subjects.has(k)) break;
      objects.push(k);
    }
    if (f.type === "BASED_ON" && fm.subject === "main" && named.has(fm.object)) continue;
    if (f.type === "BASED_ON") {
      // The subject with the names coordinated with it ("Baz-7B and Baz-14B, fine-tuned from Foo-7B/14B"),
      // sizes paired when both sides name several.
      const makers: Array<number | "main"> = fm.subject === "main" ? ["main"] : groupOf(s, fm.subject);
      for (const maker of makers) {
        const from = maker === "main" ? "main" : (cs[maker] as number);
        for (const k of objects) {
          if (maker !== "main") {
            const M = s.mentions[maker] as Mention;
            const O = s.mentions[k] as Mention;
            if (M.start === O.start || !listSizesFit(s, maker, k)) continue;
            if (maker !== fm.subject && OBJECT_BEFORE.test(s.lower.slice(Math.max(0, M.start - 12), M.start)))
              continue;
          }
          madeFrom.set(k, [...(madeFrom.get(k) ?? []), from]);
          // What is made is a model (or a system, a Model too); what it is made from is one only when a
          // verb of derivation says so: "built on X" alone is also said of engines and methods.
          if (from !== "main") st.roles.push({ cand: from, label: "Model", weight: 1.5 });
          // "Baz, a framework built upon the DiT architecture": Baz is still a system made (a Model), but a
          // class of networks is no base model.
          if (architectureClass((s.mentions[k] as Mention).surface)) continue;
          // "Building upon Foo 2.0, we introduce Foo 3.0": a base the made model is named after is a model.
          // So is one that "a … model based on" or "Built upon Foo, our model …" says a model was made from.
          // A base the made model is named after ("Foo-Edit" from "Foo") is one as surely as a head noun says so.
          if (madeNamedAfter(st, s, si, from, k))
            st.roles.push({ cand: cs[k] as number, label: "Model", weight: f.typesObject ? 2 : 1 });
          else if (f.typesObject) st.roles.push({ cand: cs[k] as number, label: "Model", weight: 1 });
          // …and this, as much as a head noun gives (alone it types the name).
          else if (modelMadeFrom(s, k, fm.words))
            st.roles.push({ cand: cs[k] as number, label: "Model", weight: 2 });
          st.protos.push({
            type: "BASED_ON",
            from,
            to: cs[k] as number,
            method:
              f.method === "by-verb" || f.method === undefined
                ? inferBasedOnMethod(fm.words, s.text, paperLower(st))
                : f.method,
            sentence: si,
            confidence: maker === fm.subject || maker === "main" ? f.confidence : f.confidence - 0.05,
            extractor: `frame:${f.id}`,
            need: [["Model"], ["Model"]],
          });
        }
      }
      continue;
    }
    // TRAINED_ON: the model before the data, or the model made from it, or the paper's model.
    if (fm.subject !== "main" && f.subject === "next") {
      for (const g of groupOf(s, fm.subject)) {
        st.roles.push({ cand: cs[g] as number, label: "Model", weight: 1 });
        for (const k of objects) {
          st.roles.push({ cand: cs[k] as number, label: "Dataset", weight: 1.5 });
          st.protos.push({
            type: "TRAINED_ON",
            from: cs[g] as number,
            to: cs[k] as number,
            sentence: si,
            confidence: f.confidence,
            extractor: `frame:${f.id}`,
            need: [["Model"], ["Dataset"]],
          });
        }
      }
      continue;
    }
    // "FIRE-1M is generated via models trained on FIRE-100K": an unnamed subject trains nothing named.
    if (fm.subject === "main" && unnamedPluralSubject(s, fm.object, fm.words)) continue;
    // The names before the data in its clause, nearest first, each tried until one is a model.
    let from: number | "main" = "main";
    const orElse: Array<number | "main"> = [];
    let also: Array<number | "main"> = [];
    if (fm.subject !== "main") from = cs[fm.subject] as number;
    else {
      // "in the DiT backbone … trained on D": a class of networks is not the model trained.
      const before = previousMentions(s, fm.object).filter(
        (p) => !architectureClass((s.mentions[p] as Mention).surface),
      );
      let made: Array<number | "main"> | undefined;
      for (const p of before) made ??= madeFrom.get(p);
      if (made !== undefined) {
        // "… to develop Baz-2B and Baz-8B": every model made is trained on the data.
        from = made[0] as number | "main";
        also = made.slice(1);
        for (const p of before) orElse.push(cs[p] as number);
      } else if (before.length > 0) {
        from = cs[before[0] as number] as number;
        for (const p of before.slice(1)) orElse.push(cs[p] as number);
        orElse.push("main");
        // "mCoder, trained on D", "fine-tuning Foo-7B on D": a name right at the verb is what was trained, a model.
        // As much as a head noun ("the Baz model") gives: alone it types the name.
        if (trainedRightThere(s, before[0] as number, fm.object, fm.words))
          st.roles.push({ cand: from, label: "Model", weight: 2 });
      }
    }
    for (const k of objects) {
      // "… on the LIBERO benchmark": data named as a benchmark is evaluated on, not trained on; "on Foo NPUs" is
      // hardware; "using the Foo library" a tool.
      const O = s.mentions[k] as Mention;
      const afterO = s.lower.slice(O.end, O.end + 16);
      // Not when the verb says so: "fine-tuning Foo on the Bar benchmark" trains on it.
      if (
        (BENCHMARK_AFTER.test(afterO) && !FINE_TUNED_ON.test(fm.words)) ||
        HARDWARE_AFTER.test(afterO) ||
        TOOL_AFTER.test(afterO)
      )
        continue;
      const proto: ProtoEdge = {
        type: "TRAINED_ON",
        from,
        to: cs[k] as number,
        sentence: si,
        confidence: f.confidence,
        extractor: `frame:${f.id}`,
        need: [["Model"], ["Dataset"]],
      };
      if (orElse.length > 0) proto.orElse = orElse;
      st.protos.push(proto);
      for (const other of also) st.protos.push({ ...proto, from: other });
      // "we conduct continual pre-training on the Foo models": what the paper's model is continually pre-trained
      // on is its base when typing makes it a model (the TRAINED_ON then falls, as this falls for data).
      if (from === "main" && orElse.length === 0 && CONTINUED_PRETRAINING.test(fm.words))
        st.protos.push({
          type: "BASED_ON",
          from,
          to: cs[k] as number,
          method: "continued-pretraining",
          sentence: si,
          confidence: f.confidence - 0.05,
          extractor: `frame:${f.id}-base`,
          need: [["Model"], ["Model"]],
        });
      // What a model is pre-trained on, or counted in tokens ("on 100B Foo tokens"), is data whatever its name's shape.
      // So is a mixture ("on the union of A and B"), a list ("fine-tuned on A, B and C": a base is one model), and
      // data whose kind is named before it ("on our training set Foo").
      const weight =
        (DATA_TRAIN_WORDS.test(fm.words) && ON_LAST.test(fm.words)) ||
        DATA_KIND_LAST.test(fm.words) ||
        TOKENS_AFTER.test(afterO) ||
        MIXTURE_OF.test(fm.words) ||
        objects.length > 1
          ? 1.5
          : 1;
      st.roles.push({ cand: cs[k] as number, label: "Dataset", weight });
    }
  }
}

/**
 * Verbs whose object is data, never a base model: "pre-trained on", "trained on" ("fine-tuned on
 * Foo" and "post-trained on Foo" may name the base). Shared with the pair rule "trained-on".
 */
export const DATA_TRAIN_WORDS =
  /(?<![\w-])(?:pre-?|re-?)?train(?:s|ed|ing)?\b|\bpretrain|\bmid-?train|\bcontinu\w* (?:pre-?)?train/;
/** "fine-tuning Foo on", "we fine-tune Foo-7B on": a verb that trains on whatever follows, a benchmark too. */
const FINE_TUNED_ON =
  /\b(?:fine-?tun(?:e|es|ed|ing)|finetun(?:e|es|ed|ing))\s+(?:\S+\s+){0,4}?on\s+(?:the\s+)?$/;
/** "continual pre-training on", "further pre-trained using": the object may be data or the model continued. */
const CONTINUED_PRETRAINING = /\bcontinu\w*[\s-]+pre-?train|\bfurther\s+pre-?train/;
/** "trained on (the) Foo", not "trained using Foo" (a loss, an optimiser). */
const ON_LAST = /\bon\s+(?:\S+\s+){0,3}$/;
/** "on the union of", "on a mixture of": the names that follow are the parts of a training mixture. */
const MIXTURE_OF = /\b(?:union|mixture|combination|concatenation|mix|blend)\s+of\s+(?:the\s+)?$/;
/** "on 100B Foo tokens": a name counted in tokens is a corpus. */
const TOKENS_AFTER = /^\s+tokens\b/;

/**
 * Does the sentence call what was made from object k a model: "a LLaVA-style model based on Foo", "our Baz
 * model built upon Foo", "Built upon Foo, our model …"? Not when a tool's noun follows ("the Foo platform").
 */
function modelMadeFrom(s: SentenceInfo, k: number, words: string): boolean {
  const O = s.mentions[k] as Mention;
  const after = s.lower.slice(O.end, O.end + 60);
  if (TOOL_AFTER.test(after) || NOT_A_MODEL_AFTER.test(after)) return false;
  const verbStart = O.start - words.length;
  return (
    MODEL_HEAD_BEFORE.test(s.lower.slice(Math.max(0, verbStart - 60), verbStart)) ||
    (verbStart <= 0 && OUR_MODEL_AFTER_OPENING.test(after))
  );
}
/** "the Foo framework", "Foo generated data", "Foo outputs": what follows says the name is no model. */
const NOT_A_MODEL_AFTER =
  /^\s*(?:[\w-]+\s+)?(?:frameworks?|data|datasets?|corpus|corpora|outputs?|samples|trajectories|annotations|features|benchmarks?)\b/;
/** A model's head noun right before a verb of derivation: "a LLaVA-style model based on", "a model that builds upon". */
const MODEL_HEAD_BEFORE =
  /\b(?:models?|llms?|mllms?|vlms?|lmms?|encoders?|decoders?|retrievers?|rerankers?|embedders?)\s+(?:(?:which|that)\s+)?(?:(?:is|are|was|were)\s+)?(?:\w+ly\s+)?$/;
/** After the base of an opening phrase: ", our model …", ", the proposed LLM …". */
const OUR_MODEL_AFTER_OPENING =
  /^\s*(?:\([^)]{0,40}\)\s*)?,\s*(?:our|the proposed|the resulting)\s+(?:[\w-]+\s+){0,2}?(?:model|llm|mllm|vlm)s?\b/;

/**
 * Is mention p the name trained by the frame whose object is `object`: right before the verb ("Baz, trained on",
 * "Baz is then fine-tuned on") or right after it ("fine-tuning Baz on", "we train Baz on")?
 */
function trainedRightThere(s: SentenceInfo, p: number, object: number, words: string): boolean {
  const P = s.mentions[p] as Mention;
  // "retrievers using Foo trained on D": a tool used, whatever the verb says.
  if (TOOL_USED_BEFORE.test(s.lower.slice(Math.max(0, P.start - 20), P.start))) return false;
  const verbStart = (s.mentions[object] as Mention).start - words.length;
  if (P.end <= verbStart) return NAME_THEN_TRAINED.test(s.lower.slice(P.end, verbStart) + words);
  return TRAINING_THEN_NAME.test(s.lower.slice(Math.max(0, P.start - 40), P.start));
}
/** Between a name and the frame's words: "Baz (7B), which is then trained on". */
const NAME_THEN_TRAINED =
  /^\s*(?:\([^)]{0,30}\)\s*)?,?\s*(?:(?:which|that)\s+)?(?:(?:is|are|was|were)\s+)?(?:(?:\w+ly|then|further|also|first)\s+)?(?:pre-?|post-?|mid-?)?(?:trained|fine-?tuned|finetuned)\s/;
/** Before a name: "using Foo", "with the Foo". */
const TOOL_USED_BEFORE = /\b(?:using|with|via|through|by)\s+(?:the\s+)?$/;
/** Before a name: "fine-tuning Baz", "we train the Baz". */
const TRAINING_THEN_NAME =
  /\b(?:(?:pre-?|post-?|mid-?|re)?train(?:ing)?|fine-?tun(?:e|ing)|finetun(?:e|ing))\s+(?:the\s+)?$/;

/** Is the verb of a training frame right after a plural common noun that no name precedes ("models trained on D")? */
function unnamedPluralSubject(s: SentenceInfo, object: number, words: string): boolean {
  const O = s.mentions[object] as Mention;
  const verbStart = O.start - words.length;
  const before = s.lower.slice(Math.max(0, verbStart - 40), verbStart);
  const noun = GENERIC_PLURAL_SUBJECT.exec(before);
  if (noun === null) return false;
  const nounStart = verbStart - before.length + noun.index;
  // "Our model is trained on D", "The model is fine-tuned on D" (opening the sentence): the paper's own model.
  if (MAIN_SUBJECT_REF.test(noun[0]) || (nounStart === 0 && /^the\s+models?\b/.test(noun[0]))) return false;
  // "Foo models trained on D" names them, and so does an appositive ("Baz, a family of … models trained on D").
  let last = -1;
  for (const m of s.mentions) if (m.end <= nounStart) last = Math.max(last, m.end);
  if (last >= 0 && (nounStart - last <= 2 || APPOSITIVE_GAP.test(s.lower.slice(last, nounStart))))
    return false;
  return true;
}

/**
 * Is the model made (a candidate; for the paper's model, its title subject or a name introduced
 * so far) named after the object mention k ("Foo-Omni" built upon "Foo")?
 */
function madeNamedAfter(
  st: PaperState,
  s: SentenceInfo,
  si: number,
  from: number | "main",
  k: number,
): boolean {
  const O = s.mentions[k] as Mention;
  if (METHOD_HEAD_AFTER.test(s.lower.slice(O.end, O.end + 24))) return false;
  const made: number[] = [];
  if (from !== "main") made.push(from);
  else {
    if (st.titleCand !== null) made.push(st.titleCand);
    for (const ic of st.introCandidates) if (ic.si <= si) made.push(ic.c);
  }
  for (const c of made) {
    for (const surface of (st.cands[c] as Candidate).surfaces.keys())
      if (namedAfter(surface, O.surface)) return true;
  }
  return false;
}
