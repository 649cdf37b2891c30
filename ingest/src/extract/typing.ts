/**
 * Typing: the evidence for each candidate's type — its own letters (vocabulary), abbreviation
 * long forms, head nouns around it ("the X dataset", "X, a benchmark"), the roles relation
 * patterns give it — and one label per alias group decided from that evidence.
 */
import type { EntityLabel } from "@kg/graph-schema";
import { keyOf } from "./key.ts";
import { datasetVocabulary, isStopName, methodVocabulary, modelFamily } from "./lexicon.ts";
import type { Mention, Token } from "./mentions.ts";
import {
  addScore,
  addTo,
  emptyScore,
  find,
  giveAll,
  noneStrong,
  type PaperState,
  type Score,
  type SentenceInfo,
} from "./state.ts";
import {
  APPOSITIVE_AFTER,
  COORDINATION,
  LINKING_WORD,
  LOWER_WORD,
  OPENING_PHRASE,
  SUCH_AS_BEFORE,
} from "./vocabulary/clause-cues.ts";
import {
  APPOSITIVE_STOP,
  COLLECTIVE_NOUN,
  DATA_CONTENT_AFTER,
  HEAD_NOUNS,
  type HeadLabel,
  MODEL_BASE_AFTER,
  NAMED_PLACE_AFTER,
  NAMED_PLACE_HEAD,
  NOTHING_TRAINED,
  OBJECT_AFTER_VERB,
  SELF_DESCRIBED_METHOD,
} from "./vocabulary/head-nouns.ts";
import { INTRODUCED_DESCRIPTION_BEFORE } from "./vocabulary/introduction-cues.ts";
import {
  DATASET_TAILS_WORDS,
  GENERIC_MODEL_LONG_FORM,
  METHOD_TAILS_WORDS,
  MODEL_TAILS_WORDS,
  PLURAL_TYPE_PHRASE,
  TASK_TAILS,
  TYPE_PHRASE,
} from "./vocabulary/long-form-tails.ts";
import {
  DATA_NAME_PART,
  DATASET_SIZE_SUFFIX,
  LOSS_SUFFIX,
  MODEL_SIZE_SUFFIX,
  MODEL_VARIANT_SUFFIX,
  NET_AFTER_LETTER,
  NET_SUFFIX,
} from "./vocabulary/name-shapes.ts";
import { KNOWN_ORGANIZATIONS } from "./vocabulary/organisations.ts";

function headOf(word: string | undefined): { label: HeadLabel; weight: number } | undefined {
  if (word === undefined) return undefined;
  return HEAD_NOUNS.get(word.toLowerCase());
}

/** What a surface form says about its own type, whatever the paper around it. */
interface SurfaceEvidence {
  score: Score;
  /** A metric, modality or generic term. */
  stop: boolean;
  /** A known company's name (and no model family). */
  company: boolean;
  /** "Large Language Models": a descriptive plural phrase. */
  pluralPhrase: boolean;
  /** "Retrieval Model": a descriptive phrase ending in a type word. */
  typePhrase: boolean;
}

const SURFACE_CACHE_LIMIT = 100_000;
let surfaceCache = new Map<string, SurfaceEvidence>();

/**
 * The type evidence of a surface form, cached (the same names recur across papers). Every
 * weight is a small multiple of 0.25, so adding the per-surface sum gives exactly the score
 * that adding the weights one by one gives.
 */
function surfaceEvidence(surface: string): SurfaceEvidence {
  let ev = surfaceCache.get(surface);
  if (ev === undefined) {
    ev = computeSurfaceEvidence(surface);
    if (surfaceCache.size >= SURFACE_CACHE_LIMIT) surfaceCache = new Map();
    surfaceCache.set(surface, ev);
  }
  return ev;
}

function computeSurfaceEvidence(surface: string): SurfaceEvidence {
  const score = emptyScore();
  const add = (label: HeadLabel, weight: number): void => {
    score[label] += weight;
  };
  const ds = datasetVocabulary(surface);
  if (modelFamily(surface) && ds === null) add("Model", 3);
  if (ds === "benchmark") add("Benchmark", 3);
  else if (ds === "dataset") add("Dataset", 3);
  if (methodVocabulary(surface)) add("Method", 3);
  if (DATASET_SIZE_SUFFIX.test(surface)) add("Dataset", 2);
  if (DATA_NAME_PART.test(surface) && !MODEL_SIZE_SUFFIX.test(surface)) add("Dataset", 2);
  if (MODEL_SIZE_SUFFIX.test(surface)) add("Model", 2);
  if (MODEL_VARIANT_SUFFIX.test(surface)) add("Model", 2);
  if (LOSS_SUFFIX.test(surface)) add("Method", 2);
  if (NET_SUFFIX.test(surface) && NET_AFTER_LETTER.test(surface)) add("Model", 2);
  const words = surface.split(" ");
  // "FeTA Challenge 2022": the type word stands before the number.
  while (words.length > 2 && /^v?\d[\d.]*$/.test(words[words.length - 1] as string)) words.pop();
  if (words.length >= 2) {
    const lastWord = (words[words.length - 1] as string).toLowerCase();
    const head = headOf(lastWord);
    if (head) add(head.label, head.weight);
    if (MODEL_TAILS_WORDS.has(lastWord)) add("Model", 2);
    if (METHOD_TAILS_WORDS.has(lastWord)) add("Method", 2);
    if (DATASET_TAILS_WORDS.has(lastWord)) add("Benchmark", 1);
    if (TASK_TAILS.has(lastWord)) add("Task", 2);
  }
  return {
    score,
    stop: isStopName(surface),
    company: KNOWN_ORGANIZATIONS.has(keyOf(surface)) && !modelFamily(surface),
    pluralPhrase: PLURAL_TYPE_PHRASE.test(surface),
    typePhrase: TYPE_PHRASE.test(surface),
  };
}

/** Does a mention end at token `last`? */
function endsAtToken(mentions: Mention[], last: number): boolean {
  for (const m of mentions) if (m.last === last) return true;
  return false;
}

/** The evidence of one candidate's surfaces, in their order (reused: typeFromNames is not re-entered). */
const EVIDENCE_SCRATCH: SurfaceEvidence[] = [];

/** Type evidence from the names themselves and from abbreviation long forms. */
export function typeFromNames(st: PaperState): void {
  const { cands, sentences, input } = st;
  /** The abstract without URLs: "github.com/x/corvid" does not make "Corvid" an ordinary word. */
  const proseOnly =
    input.abstract.indexOf("http") < 0 ? input.abstract : input.abstract.replace(/https?:\/\/\S+/g, " ");
  const groupSize = new Map<number, number>();
  for (const c of cands) groupSize.set(find(cands, c.index), (groupSize.get(find(cands, c.index)) ?? 0) + 1);
  // 4. Type evidence from the names themselves (a pure function of each surface, cached).
  for (const c of cands) {
    let stop = false;
    let companies = 0;
    // Each surface's evidence looked up once (a lookup in a large cache is not free).
    const evidence = EVIDENCE_SCRATCH;
    evidence.length = 0;
    for (const surface of c.surfaces.keys()) {
      const ev = surfaceEvidence(surface);
      evidence.push(ev);
      // A one-word name the paper coins ("we propose Loopholing, a …") is no abstract noun.
      if (ev.stop && !st.coined.has(surface)) stop = true;
      if (ev.company) companies++;
      addScore(c.score, ev.score);
    }
    if (stop) addTo(cands, c.index, "Reject", 100);
    // A company named alone is no model or data set ("OpenAI", "NVIDIA"); "Mistral" the family is.
    for (let n = 0; n < companies; n++) addTo(cands, c.index, "Reject", 100);
    // A capitalised word or phrase the same abstract also writes in lower case is an ordinary
    // word that opened a clause or a heading ("Reasoning", "Language Models"), not a name.
    if (!c.strong) {
      let n = 0;
      for (const surface of c.surfaces.keys()) {
        const ev = evidence[n++] as SurfaceEvidence;
        if (
          writtenInLowerCase(proseOnly, surface) ||
          ev.pluralPhrase ||
          (groupSize.get(find(cands, c.index)) === 1 && ev.typePhrase)
        ) {
          addTo(cands, c.index, "Reject", 100);
          break;
        }
      }
    }
  }

  // Abbreviation long forms type their short form: "... Memory Network (RSM-Net)".
  for (const s of sentences) {
    for (const p of s.pairs) {
      const idx = s.mentions.findIndex((m) => m.start === p.shortStart && m.end === p.shortEnd);
      if (idx < 0) continue;
      const c = s.cands[idx] as number;
      if (isStopName(p.long)) addTo(cands, c, "Reject", 100);
      const lastWord = (p.long.split(/\s+/).pop() ?? "").toLowerCase();
      // "Transformer-based 1-Dimensional Tokenizer (TiTok), an innovative approach": the long form calls it a model.
      const longHead = headOf(lastWord);
      if ((longHead?.label === "Model" && longHead.weight >= 3) || MODEL_TAILS_WORDS.has(lastWord))
        st.calledModel.add(c);
      // "Layered Gradient Optimization (LGO)", "Reward Shaping through Implicit Signals (RSIS)":
      // a long form that ends in a method's noun calls its short form a method, as "X, a method" does.
      if (METHOD_TAILS_WORDS.has(lastWord)) st.calledMethod.add(c);
      if (p.longIsName) continue;
      if (TASK_TAILS.has(lastWord)) addTo(cands, c, "Task", 2);
      if (MODEL_TAILS_WORDS.has(lastWord)) addTo(cands, c, "Model", 2);
      if (METHOD_TAILS_WORDS.has(lastWord)) addTo(cands, c, "Method", 2);
      if (DATASET_TAILS_WORDS.has(lastWord)) addTo(cands, c, "Benchmark", 1);
      const head = headOf(lastWord);
      if (head && head.label !== "Model") addTo(cands, c, head.label, head.weight);
      if (GENERIC_MODEL_LONG_FORM.test(p.long)) addTo(cands, c, "Reject", 100);
    }
  }
}

/** Type evidence from head nouns around each mention and coordinated group. */
/** A name right after a preposition is inside a longer phrase, not its head. */
const PREPOSITION_BEFORE = /\b(?:of|for|with|in|on|to|from|by)\s+$/;
const THE_BEFORE = /\bthe\s+$/;

export function typeFromHeads(st: PaperState): void {
  for (const s of st.sentences) headNounsOf(st, s);
}

/** Head nouns around the mentions of one sentence and its coordinated groups ("X, Y and Z datasets"). */
function headNounsOf(st: PaperState, s: SentenceInfo): void {
  const { cands, datasetHead } = st;
  const ms = s.mentions;
  // "X, which contains 40K videos": what is counted in data items is data ("Based on X, we develop Y" then trains Y on it).
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k] as Mention;
    // "a Foo-based detector": the head nouns around a describing compound are not Foo's.
    if (m.adjective) continue;
    // "a benchmark for problems with Visual Reasoning, comprising 178K samples": the count is the head phrase's.
    if (PREPOSITION_BEFORE.test(s.lower.slice(Math.max(0, m.start - 8), m.start))) continue;
    if (DATA_CONTENT_AFTER.test(s.lower.slice(m.end, m.end + 160)))
      addTo(cands, s.cands[k] as number, "Dataset", 2);
  }
  const groups: number[][] = [];
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k] as Mention;
    const prevGroup = groups[groups.length - 1];
    const prevM = k > 0 ? (ms[k - 1] as Mention) : undefined;
    const between = prevM ? s.clean.slice(prevM.end, m.start) : "";
    if (prevGroup && prevM && COORDINATION.test(between)) prevGroup.push(k);
    else groups.push([k]);
  }
  for (const g of groups) {
    const firstM = ms[g[0] as number] as Mention;
    const lastM = ms[g[g.length - 1] as number] as Mention;
    if (lastM.adjective) continue;
    const plural = g.length > 1;
    const members: number[] = [];
    for (const k of g) members.push(s.cands[k] as number);
    // After: "the MODMA dataset", "(Serp-Mamba) network", "AVEC2014 and DAIC-WOZ datasets".
    let t = lastM.last + 1;
    const lastTok = s.tokens[lastM.last] as Token;
    if (lastTok.after === "" || lastTok.after === ")") {
      let next = s.tokens[t];
      if (next?.before.startsWith("(") && lastTok.after === "") {
        let close = t;
        while (close < s.tokens.length && close - t < 4 && !(s.tokens[close] as Token).after.startsWith(")"))
          close++;
        if ((s.tokens[close] as Token | undefined)?.after === ")") {
          t = close + 1;
          next = s.tokens[t];
        }
      }
      if (next && next.before === "") {
        const w = next.text.toLowerCase();
        const two = s.tokens[t + 1] ? `${w} ${(s.tokens[t + 1] as Token).text.toLowerCase()}` : "";
        // "in the FooWorld environment" (a name right after "the"; "a high-fidelity Foo-Bar environment" describes).
        const place =
          NAMED_PLACE_AFTER.has(w) &&
          THE_BEFORE.test(s.lower.slice(Math.max(0, firstM.start - 4), firstM.start));
        let head = headOf(two) ?? (place ? NAMED_PLACE_HEAD : headOf(w));
        let weight = head?.weight ?? 0;
        const second = s.tokens[t + 1];
        if (!head && second && LOWER_WORD.test(w) && next.after === "" && second.before === "") {
          // "(SIA) scan mechanism": one modifier before the head noun.
          head = headOf(second.text);
          weight = (head?.weight ?? 0) * 0.8;
        }
        // "A, B and C measure both accuracy and …": a metric's noun after a list, before an object, is a verb.
        const verb =
          head?.label === "Reject" &&
          plural &&
          next.after === "" &&
          OBJECT_AFTER_VERB.test(second?.text ?? "");
        if (head && !verb && (plural || !/s$/.test(w) || w === "series" || head.label === "Reject")) {
          giveAll(cands, members, head.label, weight);
          if (head.label === "Dataset" || head.label === "Benchmark")
            for (const c of members) datasetHead.add(c);
        }
      }
    }
    // Appositive or copula: "X, an open-source multimodal agentic model", "X is a ... model".
    const tail = s.lower.slice(lastM.end, lastM.end + 24);
    const appo = APPOSITIVE_AFTER.exec(tail);
    if (appo && !subjectAfterOpening(s, firstM, appo[0])) {
      let k = lastM.last + 1;
      const startOffset = lastM.end + appo[0].length;
      while (k < s.tokens.length && (s.tokens[k] as Token).start < startOffset) k++;
      let found: { label: HeadLabel; weight: number } | undefined;
      let foundWord = "";
      // "X, a suite of open translation models": the head of a collective is the noun after its "of".
      let collective: { label: HeadLabel; weight: number } | undefined;
      // "a diffusion Transformer (DiT) framework", "a Transformer-based approach": a model word among the modifiers.
      let modelModifier = false;
      let sawModelWord = false;
      let nothingTrained = false;
      for (let n = 0; n < 10 && k < s.tokens.length; n++, k++) {
        const tok = s.tokens[k] as Token;
        const w = tok.text.toLowerCase();
        if (tok.before.startsWith("(")) continue;
        if (w === "of" && found !== undefined && COLLECTIVE_NOUN.test(foundWord)) {
          collective = found;
          found = undefined;
          continue;
        }
        if (NOTHING_TRAINED.test(w)) nothingTrained = true;
        if (APPOSITIVE_STOP.has(w)) {
          if (
            found?.label === "Method" &&
            !nothingTrained &&
            MODEL_BASE_AFTER.test(s.lower.slice(tok.start, tok.start + 100))
          )
            modelModifier = true;
          break;
        }
        const head = headOf(w);
        if (head) {
          found = head;
          foundWord = w;
          modelModifier = sawModelWord;
        }
        if (w.split("-").some(isModelWord)) sawModelWord = true;
        // "a user-centric, multi-dimensional benchmark": a comma between adjectives goes on.
        if (tok.after !== "" && !tok.after.startsWith(")") && !(tok.after === "," && !found)) break;
      }
      found ??= collective;
      if (found) {
        giveAll(cands, members, found.label, found.weight);
        if (!(modelModifier && found.label === "Method"))
          selfDescribed(st, describedBy(s, lastM, members), found, foundWord);
      }
    }
    // Before: "a representative model, STU-Net", "datasets MS-CXR, ...", "models such as GPT-4".
    const firstTok = s.tokens[firstM.first] as Token;
    const prevTok = s.tokens[firstM.first - 1];
    const lastOfGroup = s.tokens[lastM.last] as Token;
    const followed = s.tokens[lastM.last + 1];
    const appositiveX =
      lastOfGroup.after !== "" ||
      followed === undefined ||
      followed.before !== "" ||
      LINKING_WORD.test(followed.text);
    const opening = OPENING_PHRASE.test(s.lower.slice(0, Math.max(0, firstM.start - 2)));
    const attached = prevTok !== undefined && endsAtToken(s.mentions, firstM.first - 2);
    if (
      prevTok &&
      (prevTok.after === "" || (prevTok.after === "," && appositiveX && !opening && !attached)) &&
      (firstTok.before === "" || firstTok.before === "(")
    ) {
      const head = headOf(prevTok.text);
      if (
        head &&
        (plural ||
          prevTok.after === "," ||
          firstTok.before === "(" ||
          !/s$/.test(prevTok.text) ||
          head.label !== "Method")
      ) {
        const weakName = noneStrong(cands, members);
        // "our approach, X": the paper names what X is, as an appositive before it.
        if (prevTok.after === ",") selfDescribed(st, members, head, prevTok.text.toLowerCase());
        giveAll(
          cands,
          members,
          head.label,
          weakName && firstTok.before === "(" && !plural ? Math.min(head.weight, 1.5) : head.weight,
        );
      }
    }
    if (prevTok && prevTok.after === ":" && firstTok.before === "") {
      for (let k = firstM.first - 1; k >= Math.max(0, firstM.first - 9); k--) {
        const head = headOf((s.tokens[k] as Token).text);
        if (head) {
          giveAll(cands, members, head.label, head.weight);
          break;
        }
        if (k < firstM.first - 1 && (s.tokens[k] as Token).after !== "") break;
      }
    }
    const before = s.lower.slice(Math.max(0, firstM.start - 40), firstM.start);
    const such = SUCH_AS_BEFORE.exec(before);
    if (such?.[1]) {
      const head = headOf(such[1]);
      if (head) giveAll(cands, members, head.label, head.weight * 0.8);
    }
  }
}

/**
 * Who an appositive describes. After a parenthesis: in "BAZ (Better Answers from
 * Zero Signals), a closed-loop framework" it is BAZ, the name before the parenthesis,
 * not "Zero Signals", a piece of its spelled-out form; in "QUX (Query-Aware
 * Unit-Expanded), a framework" QUX (one word before a bracket of several), whether or not the
 * two were paired as aliases. A name that opens the bracket otherwise keeps the description ("Long
 * Form (LF), a method"); a piece of a bracket gets none.
 */
function describedBy(s: SentenceInfo, lastM: Mention, members: number[]): number[] {
  const open = s.clean.lastIndexOf("(", lastM.start);
  if (open >= 0 && s.clean.indexOf(")", open) >= lastM.start) {
    const opens = s.clean.slice(open + 1, lastM.start).trim() === "";
    for (let k = s.mentions.length - 1; k >= 0; k--) {
      const m = s.mentions[k] as Mention;
      if (m.end > open) continue;
      if (s.clean.slice(m.end, open).trim() !== "") break;
      // "Flow as Canvas (FaC), an approach": the short form in the bracket is the name.
      if (opens && (m.first !== m.last || lastM.first === lastM.last)) break;
      return [s.cands[k] as number];
    }
    return opens ? members : [];
  }
  // "BAR: Bounded-Area Region Enhancement, a framework", "we introduce Foo Forge,
  // a framework": a name right after a capitalised word is the tail of a longer phrase.
  const before = s.tokens[lastM.first - 1];
  if (
    before !== undefined &&
    before.after === "" &&
    (s.tokens[lastM.first] as Token).before === "" &&
    /^\p{Lu}/u.test(before.text)
  )
    return [];
  return members;
}

/**
 * "On Foo-Set, the model achieves …", "With BarCo, the pretrained models show …": after a name
 * that ends an opening phrase, ", the …" begins the main clause (its subject), it does not
 * describe the name.
 */
function subjectAfterOpening(s: SentenceInfo, firstM: Mention, appositive: string): boolean {
  return (
    /,\s*the\s$/.test(appositive) && OPENING_PHRASE.test(s.lower.slice(0, Math.max(0, firstM.start - 1)))
  );
}

/** A strong model head noun ("model", "LLM", "transformer", "network"). */
function isModelWord(w: string): boolean {
  const head = headOf(w);
  return head !== undefined && head.label === "Model" && head.weight >= 3;
}

/**
 * Record what the paper calls these candidates in an appositive or copula: a strong method noun,
 * a strong model noun, or "framework" (SELF_DESCRIBED_METHOD, a weaker call). "Pipeline" and
 * "platform" are left out: the gold types the names called so as data, models and methods alike.
 */
function selfDescribed(
  st: PaperState,
  members: number[],
  head: { label: HeadLabel; weight: number },
  word: string,
): void {
  if (head.label === "Method" && SELF_DESCRIBED_METHOD.has(word)) {
    for (const c of members) st.calledFramework.add(c);
    return;
  }
  if (head.weight < 3 || (head.label !== "Method" && head.label !== "Model")) return;
  const into = head.label === "Method" ? st.calledMethod : st.calledModel;
  for (const c of members) into.add(c);
}

/** Roots of the candidates in `set`. */
function rootsOf(st: PaperState, set: Set<number>): Set<number> {
  const roots = new Set<number>();
  for (const c of set) roots.add(find(st.cands, c));
  return roots;
}

/** Is a member of the alias group of `root` a name-shaped name right after an introduction cue? */
function introducedName(st: PaperState, root: number): boolean {
  for (const c of st.introducedNames) if (find(st.cands, c) === root) return true;
  return false;
}

/** Does the paper introduce the alias group `root` (under any of its names)? */
function introducedRoot(st: PaperState, root: number): boolean {
  if (introducedName(st, root)) return true;
  for (const c of st.introducedAt.keys()) if (find(st.cands, c) === root) return true;
  return false;
}

/**
 * The alias groups whose short form stands for a lower-case description ("video super-resolution
 * (VSR)") and that are never written with a long form that is a name ("Video Super-Resolution (VSR)").
 */
function describedAcronyms(st: PaperState): Set<number> {
  const described = new Set<number>();
  const named = new Set<number>();
  for (const s of st.sentences) {
    for (const p of s.pairs) {
      const idx = s.mentions.findIndex((m) => m.start === p.shortStart && m.end === p.shortEnd);
      if (idx < 0) continue;
      const root = find(st.cands, s.cands[idx] as number);
      // "we build a flow-based language model (FLM)": a description the paper gives its own system.
      const own = INTRODUCED_DESCRIPTION_BEFORE.test(
        s.lower.slice(Math.max(0, p.longStart - 60), p.longStart),
      );
      if (p.longIsName || !LOWER_TAIL.test(p.long) || own) named.add(root);
      else described.add(root);
    }
  }
  for (const r of named) described.delete(r);
  return described;
}

/** A long form whose last word is written in lower case: a description ("… speech models"), no name. */
const LOWER_TAIL = /(?:^|\s)[a-z][a-z0-9-]*$/;

/** One label per entity (root of each alias group), by the evidence gathered. */
export function decideLabels(st: PaperState): void {
  const { cands, roles, datasetHead, debug } = st;
  // 8. Decide one label per entity (root of each alias group).
  for (const r of roles) addTo(cands, r.cand, r.label, r.weight);
  const groupScore = new Map<number, Score>();
  const groupStrong = new Map<number, boolean>();
  for (const c of cands) {
    const root = find(cands, c.index);
    let g = groupScore.get(root);
    if (g === undefined) {
      g = emptyScore();
      groupScore.set(root, g);
    }
    addScore(g, c.score);
    groupStrong.set(root, (groupStrong.get(root) ?? false) || c.strong);
  }
  const labelOf = st.labelOf;
  const calledMethod = rootsOf(st, st.calledMethod);
  const calledModel = rootsOf(st, st.calledModel);
  const calledFramework = rootsOf(st, st.calledFramework);
  // A name that says it is a model ("… Memory Transformer (ARMT)", "FSG-Net", "Foo-7B") is called one.
  for (const c of cands)
    for (const surface of c.surfaces.keys())
      if (surfaceEvidence(surface).score.Model >= 2) calledModel.add(find(cands, c.index));
  const describedOnly = describedAcronyms(st);
  for (const [root, g] of groupScore) {
    if (debug) {
      const names = cands.filter((c) => find(cands, c.index) === root).flatMap((c) => [...c.surfaces.keys()]);
      const sc = Object.entries(g)
        .filter(([, v]) => v !== 0)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
      debug(`${names.join(" | ")}: ${sc}${groupStrong.get(root) ? "" : " (weak)"}`);
    }
    // The best of Model, Dataset (with benchmarks) and Method, the first of them on a tie.
    const dataset = g.Dataset + g.Benchmark;
    let label: EntityLabel = "Model";
    let best = g.Model;
    if (dataset > best) {
      label = "Dataset";
      best = dataset;
    }
    if (g.Method > best) {
      label = "Method";
      best = g.Method;
    }
    const tied = (g.Model === best ? 1 : 0) + (dataset === best ? 1 : 0) + (g.Method === best ? 1 : 0) > 1;
    const threshold = groupStrong.get(root) ? 1.5 : 2;
    // "We propose X, a training-free strategy … X outperforms …": what the paper calls X outvotes
    // the roles its results give it, unless it also calls X a model.
    if (
      calledMethod.has(root) &&
      !calledModel.has(root) &&
      g.Method > 0 &&
      g.Method >= dataset &&
      g.Reject < g.Method
    ) {
      labelOf.set(root, { label: "Method", weight: Math.max(best, threshold) });
      continue;
    }
    // "We propose X, a scalable framework that …": a method, when nothing the text says X does
    // calls it a model more (results and bases give model roles, which keep their lineage edges).
    if (
      calledFramework.has(root) &&
      !calledModel.has(root) &&
      g.Method > 0 &&
      g.Method >= g.Model &&
      g.Method >= dataset &&
      g.Reject < g.Method
    ) {
      labelOf.set(root, { label: "Method", weight: Math.max(best, threshold) });
      continue;
    }
    // A name-shaped name the paper introduces with nothing else to tell its type is the system it
    // builds: a Model (annotation.md), at the lowest weight so that other papers' evidence outvotes it.
    if (
      best === 0 &&
      g.Dataset === 0 &&
      g.Benchmark === 0 &&
      g.Method === 0 &&
      g.Reject === 0 &&
      g.Task === 0 &&
      introducedName(st, root)
    ) {
      labelOf.set(root, { label: "Model", weight: 0.5 });
      continue;
    }
    // "a multi-agent system (MAS)", "self-supervised speech models (S3Ms)": the acronym of a
    // lower-case description names a kind of model, not one (annotation.md: generic phrases are
    // no entities), unless the paper presents it as its own.
    if (label === "Model" && describedOnly.has(root) && !introducedRoot(st, root)) continue;
    if (
      best < threshold ||
      best <= g.Reject ||
      (best <= g.Task && !datasetHead.has(root) && ![...datasetHead].some((c) => find(cands, c) === root)) ||
      tied
    )
      continue;
    labelOf.set(
      root,
      label === "Dataset"
        ? { label, kind: g.Benchmark > g.Dataset ? "benchmark" : "dataset", weight: best }
        : { label, weight: best },
    );
  }
}

/** Is the character code (NaN: the text's edge) no letter or digit? */
function isWordBoundary(c: number): boolean {
  return Number.isNaN(c) || !/[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** Does `text` contain `word` written entirely in lower case, as a whole word? */
function writtenInLowerCase(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === word) return false;
  let from = 0;
  for (;;) {
    const i = text.indexOf(lower, from);
    if (i < 0) return false;
    from = i + 1;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + lower.length);
    if (isWordBoundary(before) && isWordBoundary(after)) return true;
  }
}
