/**
 * The engine of the derivation frames (rules/derivation.ts): finds, in one sentence, every
 * mention that a frame reads as its object, and who the frame says its subject is. Pure
 * text work on the lower-cased sentence and its mention spans; typing, coreference ("main")
 * and coordination are left to the caller.
 */
import { cueScanner } from "./cue-scan.ts";
import { DERIVATION_FRAMES, type DerivationFrame } from "./rules/derivation.ts";
import {
  ADJECTIVE_SUFFIX_AFTER,
  CLASS_OF_WAYS_BEFORE_VERB,
  DATA_NOUN_BEFORE_VERB,
  FAMILY_AFTER,
  GENERIC_MAKER_BEFORE,
  NAME_AS_ADJECTIVE_AFTER,
  NOT_MADE_BEFORE,
  NOT_MODEL_CLAUSE_SUBJECT,
  NOT_MODEL_HEAD_AFTER,
  NOT_MODEL_NOUN_BEFORE_VERB,
  nameQualifiesKind,
  OWNED_PRODUCT_AFTER,
} from "./vocabulary/clause-cues.ts";

export interface Span {
  start: number;
  end: number;
}

export interface FrameMatch {
  frame: DerivationFrame;
  /** Index of the object mention. */
  object: number;
  /** Index of the subject mention, or "main" (the paper's main model, resolved later). */
  subject: number | "main";
  /** The text the frame matched (its verb words: the method is read from them). */
  words: string;
}

interface CompiledFrame {
  frame: DerivationFrame;
  before: RegExp | null;
  after: RegExp | null;
  notBefore: RegExp | null;
  /** The after-pattern ends at the subject ("…, yielding Baz"), rather than reading the text after the object. */
  afterToSubject: boolean;
  /** The before-pattern is anchored at the sentence's start: it reads an opening phrase. */
  opening: boolean;
  /** The frame's cues, as indices into CUE_WORDS (a sentence must hold one of them). */
  cues: readonly number[];
  /** The same for `alsoCues` (empty: none required). */
  alsoCues: readonly number[];
}

/**
 * Every distinct cue of every frame. A cue is a plain substring of the lower-cased sentence;
 * all of them are found in one pass over the sentence (cue-scan.ts).
 */
const CUE_WORDS: readonly string[] = [
  ...new Set(DERIVATION_FRAMES.flatMap((f) => [...f.cues, ...(f.alsoCues ?? [])])),
].sort();
const cueIndex = (cue: string): number => CUE_WORDS.indexOf(cue);

const COMPILED: readonly CompiledFrame[] = DERIVATION_FRAMES.map((frame) => ({
  frame,
  before: frame.before ? new RegExp(frame.before) : null,
  after: frame.after ? new RegExp(frame.after) : null,
  notBefore: frame.notBefore ? new RegExp(frame.notBefore) : null,
  afterToSubject: frame.after?.endsWith("$") ?? false,
  opening: frame.before?.startsWith("^") ?? false,
  cues: [...new Set(frame.cues)].map(cueIndex),
  alsoCues: [...new Set(frame.alsoCues ?? [])].map(cueIndex),
}));

const CUE_SCANNER = cueScanner(CUE_WORDS);

/** Per sentence: 1 when the cue is in it, else 0. */
const cueSeen = new Uint8Array(CUE_WORDS.length);

/** Marks in cueSeen every cue the sentence holds (one pass over it, cue-scan.ts). */
function findCues(lower: string): void {
  cueSeen.fill(0);
  CUE_SCANNER.scan(lower, cueSeen);
}

/**
 * For each cue, the frames that list it among their cues (and among their also-cues): one bit
 * per frame, in words of 32 bits. A sentence's frames are then the bits of its cues' words,
 * rather than every frame's list of cues looked through (most sentences hold none of them).
 */
const FRAME_WORDS = Math.max(1, Math.ceil(COMPILED.length / 32));
function framesOfCues(cuesOf: (c: CompiledFrame) => readonly number[]): Int32Array {
  const bits = new Int32Array(CUE_WORDS.length * FRAME_WORDS);
  COMPILED.forEach((c, f) => {
    for (const i of cuesOf(c)) {
      const k = i * FRAME_WORDS + (f >> 5);
      bits[k] = (bits[k] as number) | (1 << (f & 31));
    }
  });
  return bits;
}
const FRAMES_OF_CUE = framesOfCues((c) => c.cues);
const FRAMES_OF_ALSO_CUE = framesOfCues((c) => c.alsoCues);
/** Per sentence: the frames one of whose cues (also-cues) it holds. */
const withCue = new Int32Array(FRAME_WORDS);
const withAlsoCue = new Int32Array(FRAME_WORDS);

/**
 * The pre-filter, derived from the rules: the frames whose cues (and, when set, also-cues) the
 * sentence holds. A frame keyed on a common word ("on", "as", "from", "we") also needs its
 * verb, so a sentence without any verb of derivation or training has none.
 */
function activeFrames(lower: string): CompiledFrame[] {
  const active: CompiledFrame[] = [];
  findCues(lower);
  withCue.fill(0);
  withAlsoCue.fill(0);
  for (let i = 0; i < cueSeen.length; i++) {
    if (cueSeen[i] === 0) continue;
    for (let w = 0; w < FRAME_WORDS; w++) {
      withCue[w] = (withCue[w] as number) | (FRAMES_OF_CUE[i * FRAME_WORDS + w] as number);
      withAlsoCue[w] = (withAlsoCue[w] as number) | (FRAMES_OF_ALSO_CUE[i * FRAME_WORDS + w] as number);
    }
  }
  for (let f = 0; f < COMPILED.length; f++) {
    const c = COMPILED[f] as CompiledFrame;
    const bit = 1 << (f & 31);
    if (c.alsoCues.length > 0 && ((withAlsoCue[f >> 5] as number) & bit) === 0) continue;
    if (((withCue[f >> 5] as number) & bit) !== 0) active.push(c);
  }
  return active;
}

/** Can any frame match the sentence (the pre-filter of matchFrames)? */
export function frameGate(lower: string): boolean {
  return activeFrames(lower).length > 0;
}

/** How far before or after a mention a frame reads (characters). */
const WINDOW = 100;

const COLON_APPOSITIVE = /^\s*:\s*(?:an?|the)\s[^;:]*$/;
/** "LLMs", "RLMs", "MLLMs" (lower-cased). */
const PLURAL_ACRONYM = /^[a-z]{1,4}ms$/;
const LIST_SEPARATOR = /^\s*(?:,|and|or|\/|,\s*and|,\s*or)\s*$/;
/** A clause break: the subject of a frame is never found across it ("A and B, but no models based on C"). */
const CLAUSE_BREAK = /[;:]|\.\s|,\s*(?:but|while|whereas|although|yet)\b/;

/** The nearest mention before mention k in the same clause, or -1. */
function previousInClause(lower: string, mentions: readonly Span[], k: number): number {
  const obj = mentions[k] as Span;
  for (let j = k - 1; j >= 0; j--) {
    const m = mentions[j] as Span;
    if (m.start === obj.start) continue;
    const between = lower.slice(m.end, obj.start);
    // "Baz: an ultra-lightweight module based on Foo": the name before the colon is what the clause describes.
    if (COLON_APPOSITIVE.test(between)) return j;
    if (CLAUSE_BREAK.test(between)) return -1;
    // A name listed with the object ("builds upon A and B as …") is no subject of it.
    if (LIST_SEPARATOR.test(between)) continue;
    if (obj.start - m.end > 160) return -1;
    if (FAMILY_AFTER.test(between)) continue;
    // "extends the BarDiT architecture of Foo": a name that qualifies the base's part is no model made from it.
    if (PART_OF_BETWEEN.test(between)) continue;
    // "Baz 2 is an upgrade of the Baz model based on Foo 2": the new version is what is made, not the old one.
    if (j > 0 && VERSION_OF_BETWEEN.test(lower.slice((mentions[j - 1] as Span).end, m.start))) return j - 1;
    // "Baz-4B, a Foo model trained from Bar": a name used as a modifier of "model" is not what is made;
    // nor is "Foo" of "a Foo-based model initialised with Bar".
    if (nameQualifiesKind(lower, m.start, between) || ADJECTIVE_SUFFIX_AFTER.test(between)) continue;
    // "a set of open RLMs built on Foo": a plural class acronym names no model.
    if (PLURAL_ACRONYM.test(lower.slice(m.start, m.end))) return -1;
    return j;
  }
  return -1;
}

/** Between a name and the base (MODS's part words): "the BarDiT architecture of Foo", "the Bar backbone of Foo". */
const PART_OF_BETWEEN = /^\s+(?:backbone|architecture|checkpoints?|weights)\s+of\s+(?:the\s+)?$/;

/** Between two names: "Baz 2 is an upgrade of the …", "Baz-2, a new version of …". */
const VERSION_OF_BETWEEN =
  /^\s*(?:,\s*|\s+(?:is|was)\s+)(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:upgrade|version|successor|extension)\s+of\s+(?:the\s+)?$/;

const OPENS_CLAUSE =
  /^,\s*(?:(?:the|our|a|an|this)\s+)?(?:[\w-]+\s+)?$|^,\s*(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?:model|llm|mllm|vlm|agent|policy),\s*$|^,\s*we\s+(?:\w+\s+){0,2}?(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+\s+){0,2}?$/;

/** The first mention after the first comma that follows mention k, when it opens the clause there, or -1. */
function nextAfterComma(lower: string, mentions: readonly Span[], k: number): number {
  const obj = mentions[k] as Span;
  const comma = lower.indexOf(",", obj.end);
  if (comma < 0 || comma - obj.end > 80) return -1;
  for (let j = k + 1; j < mentions.length; j++) {
    const m = mentions[j] as Span;
    if (m.start < comma) continue;
    // The subject opens the clause after the phrase: "Built on Foo, Baz …", "Based on Foo, we develop Baz".
    if (!OPENS_CLAUSE.test(lower.slice(comma, m.start))) return -1;
    return NOT_MODEL_HEAD_AFTER.test(lower.slice(m.end, m.end + 24)) ? -1 : j;
  }
  return -1;
}

/** Is the clause after the opening phrase that ends after `end` about a study or a method ("…, this study refines")? */
function studyAfterOpening(lower: string, end: number): boolean {
  const comma = lower.indexOf(",", end);
  return comma >= 0 && comma - end <= 80 && NOT_MODEL_CLAUSE_SUBJECT.test(lower.slice(comma, comma + 60));
}

/** Every frame match of one sentence, in order of object and frame. */
export function matchFrames(lower: string, mentions: readonly Span[]): FrameMatch[] {
  const out: FrameMatch[] = [];
  if (mentions.length === 0) return out;
  const active = activeFrames(lower);
  if (active.length === 0) return out;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k] as Span;
    if (k > 0 && (mentions[k - 1] as Span).start === m.start) continue;
    const before = lower.slice(Math.max(0, m.start - WINDOW), m.start);
    const after = lower.slice(m.end, m.end + WINDOW);
    // "trained on Foo's outputs", "extends Foo's tokenizer": a product of Foo's, neither its base nor data.
    if (OWNED_PRODUCT_AFTER.test(after)) continue;
    // "extends o1 style reasoning", "Foo-like models": the name is used as an adjective, which only
    // the frames that read one ("a Foo-based model") take.
    const adjective = NAME_AS_ADJECTIVE_AFTER.test(after);
    for (const c of active) {
      if (adjective !== (c.frame.adjective === true)) continue;
      let words = "";
      // The text before the frame's words (its trigger), in the window.
      let lead = before;
      if (c.before) {
        // A frame anchored at the sentence's start reads an opening phrase: at most WINDOW characters.
        const opening = c.opening;
        if (opening && m.start > WINDOW) continue;
        const b = c.before.exec(opening ? lower.slice(0, m.start) : before);
        if (b === null) continue;
        words = b[0];
        if (!opening) lead = before.slice(0, b.index);
        // "Foo, a benchmark built upon Bar": what the frame says was made is data.
        if (!opening && c.frame.type === "BASED_ON" && DATA_NOUN_BEFORE_VERB.test(lead)) continue;
        // "Baz, a training-free approach built upon Foo": what the frame says was made is a method or a part.
        if (!opening && c.frame.type === "BASED_ON" && NOT_MODEL_NOUN_BEFORE_VERB.test(lead)) continue;
        // "Existing Foo approaches, mostly built on Bar": a class of ways is built on Bar, not a model named before.
        if (!opening && c.frame.type === "BASED_ON" && CLASS_OF_WAYS_BEFORE_VERB.test(lead)) continue;
      }
      if (c.notBefore?.test(before)) continue;
      if (c.after && !c.afterToSubject) {
        const a = c.after.exec(after);
        if (a === null) continue;
        words += ` ${a[0]}`;
      }
      if (c.after && c.afterToSubject) {
        // The subject is the mention the pattern reaches: "Foo …, creating Baz".
        for (let j = k + 1; j < mentions.length; j++) {
          const n = mentions[j] as Span;
          if (n.start === m.start) continue;
          if (n.start - m.end > WINDOW) break;
          const a = c.after.exec(lower.slice(m.end, n.start));
          if (a !== null) {
            out.push({ frame: c.frame, object: k, subject: j, words: a[0] });
            break;
          }
        }
        continue;
      }
      let subject: number | "main" = "main";
      if (c.frame.subject === "previous") {
        const p = previousInClause(lower, mentions, k);
        if (p >= 0) {
          // A baseline ("improves over vanilla Foo based on Bar"), another base ("training from A …,
          // training from B") or a thing evaluated ("we evaluate Foo on top of Bar") is no model made.
          const ps = (mentions[p] as Span).start;
          if (NOT_MADE_BEFORE.test(lower.slice(Math.max(0, ps - 60), ps))) continue;
          subject = p;
        } else if (c.frame.orMain === false) continue;
        // "Building upon Foo, this study refines …": an opening phrase whose clause is about a study.
        else if (m.start <= WINDOW && lead.trim() === "" && studyAfterOpening(lower, m.end)) continue;
        // "Compared with the latest models built on Foo, our models …": unnamed models are made from Foo.
        else if (GENERIC_MAKER_BEFORE.test(lead)) continue;
      } else if (c.frame.subject === "next") {
        const n = nextAfterComma(lower, mentions, k);
        if (n >= 0) subject = n;
        // "Building upon Foo, this study refines …": the clause after the comma is about a study.
        else if (studyAfterOpening(lower, m.end)) continue;
      }
      out.push({ frame: c.frame, object: k, subject, words });
    }
  }
  return out;
}
