/**
 * Mentions: the candidate names in a sentence, found by their shape (internal capitals,
 * letters mixed with digits, all-capital acronyms, capitalised words inside a sentence)
 * and grown into multi-word names ("Kimi K2.5", "Med-PaLM M", "AlpacaEval 2",
 * "FeTA Challenge 2022"), plus the abbreviation pairs of "Long Form (LF)" and
 * "NAME (Long Form)". Typing happens later (typing.ts); this module only finds spans.
 *
 * The sentence is first turned into a same-length "clean" copy (LaTeX commands, `~`,
 * `$`, braces and non-breaking spaces blanked) so offsets stay valid for the verbatim text.
 */
import { isStopName, modelFamily } from "./lexicon.ts";
import { COINED_BEFORE } from "./vocabulary/introduction-cues.ts";
import {
  CONNECTORS,
  COUNT_NOUNS,
  DATA_NOUNS,
  NAME_HEAD_WORDS,
  NAME_SUFFIXES,
  NAME_TAIL_WORDS,
  NOT_NAMES,
  STEM_SUFFIX,
  VARIANT_WORDS,
} from "./vocabulary/name-parts.ts";
import {
  ABSTRACT_NOUN,
  DESCRIBING_COMPOUND,
  LOWER_CASE_MODEL_ID,
  MODEL_ID_TAIL_PART,
} from "./vocabulary/name-shapes.ts";
import { KNOWN_ORGANIZATIONS } from "./vocabulary/organisations.ts";

export interface Token {
  /** The token without surrounding brackets, quotes and trailing punctuation. */
  text: string;
  start: number;
  end: number;
  /** Punctuation stripped after the token (",", ").", ":" ...); "" when none. */
  after: string;
  /** Punctuation stripped before the token ("(", "\"" ...). */
  before: string;
  /**
   * Could it be (part of) a name: has it a capital, a digit or a non-ASCII character? A
   * token without any (most words) is neither name-shaped nor capitalised.
   */
  named: boolean;
}

export interface Mention {
  /** The name as written (verbatim slice of the sentence). */
  surface: string;
  start: number;
  end: number;
  /** Index of the first and last token of the name. */
  first: number;
  last: number;
  /** Shaped like a name by itself (capitals inside, digits, acronym), not just a capital. */
  strong: boolean;
  /** For one of the names of "Qwen-2.5-7B/14B-Instruct": its size ("7B"); else undefined. */
  size: string | undefined;
  /**
   * The stem of a describing compound ("Foo" of "a Foo-based model"): it names Foo, but Foo is not
   * what the clause is about, so it is no subject, object or evaluated model of the pair rules.
   */
  adjective: boolean;
}

/** A Mention (every one built here, so that all have one shape). */
export function mention(
  surface: string,
  start: number,
  end: number,
  first: number,
  last: number,
  strong: boolean,
  size: string | undefined,
  adjective = false,
): Mention {
  return { surface, start, end, first, last, strong, size, adjective };
}

/**
 * "Qwen-2.5-7B/14B-Instruct" names two models ("Foo-2B/4B/8B" three): one mention per size over
 * the same span. "FooRef/+/g" names three data sets (FooRef, FooRef+, FooRefg): papers write a
 * family of benchmarks as its name and the suffixes of its members.
 */
export function expandSizes(mentions: Mention[]): Mention[] {
  // A list of sizes has a "/": most sentences have none, and keep their array.
  let any = false;
  for (const m of mentions) if (m.surface.indexOf("/") >= 0) any = true;
  if (!any) return mentions;
  const out: Mention[] = [];
  for (const m of mentions) {
    const x = SIZE_LIST.exec(m.surface);
    if (!x) {
      const list = SUFFIX_LIST.exec(m.surface);
      if (!list) {
        const pair = namePair(m.surface);
        if (pair === null) out.push(m);
        else
          for (const name of pair)
            out.push(mention(name, m.start, m.end, m.first, m.last, m.strong, undefined, m.adjective));
        continue;
      }
      const [, base, suffixes] = list as unknown as [string, string, string];
      out.push(mention(base, m.start, m.end, m.first, m.last, m.strong, undefined, m.adjective));
      for (const suffix of suffixes.slice(1).split("/"))
        out.push(
          mention(`${base}${suffix}`, m.start, m.end, m.first, m.last, m.strong, undefined, m.adjective),
        );
      continue;
    }
    const [, prefix, sizes, suffix] = x as unknown as [string, string, string, string];
    for (const size of sizes.split("/"))
      out.push(
        mention(`${prefix}${size}${suffix}`, m.start, m.end, m.first, m.last, m.strong, size, m.adjective),
      );
  }
  return out;
}

/**
 * "SAM/MedSAM", "CLIP/SigLIP", "MATH/GSM8K": two names written as one token; "Llama-2/3.1",
 * "AIME24/25", "GPT-4/4o": a name and another version of it. Not a patch size ("ViT-L/14",
 * "DiT-XL/2": the part after the slash is a bare number and the name before ends in no version).
 */
function namePair(surface: string): [string, string] | null {
  const x = NAME_PAIR.exec(surface);
  if (x === null) return null;
  const [, a, b] = x as unknown as [string, string, string];
  // "CNN/DailyMail" is one data set's name; "CPU/GPU", "LLM/VLM" and "Mobile/PC" name no two things.
  if (isStopName(a) || isStopName(b) || !/[A-Z0-9]/.test(a.slice(1))) return null;
  if (NAME_AFTER_SLASH.test(b)) return [a, b];
  const version = TRAILING_VERSION.exec(a);
  if (version === null || !VERSION_AFTER_SLASH.test(b)) return null;
  return [a, `${a.slice(0, version.index)}${b}`];
}

export interface AbbreviationPair {
  /** The long form as written ("Med-PaLM Multimodal", "robust brain-inspired audio feature extractor"). */
  long: string;
  short: string;
  /** The long form is itself a name (Title Case), not a lower-case description. */
  longIsName: boolean;
  /** Offsets of the long form and of the short form in the sentence. */
  longStart: number;
  longEnd: number;
  shortStart: number;
  shortEnd: number;
}

/** Blank LaTeX commands, `~`, `$`, braces and NBSP, keeping offsets. */
export function cleanSentence(text: string): string {
  if (!MARKUP_CHARS.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\") {
      let j = i + 1;
      while (j < text.length && j - i < 20 && /[A-Za-z]/.test(text.charAt(j))) j++;
      out += " ".repeat(j - i);
      i = j - 1;
      continue;
    }
    if (c === "*" && isStarredLetter(text, i)) {
      out += c;
      continue;
    }
    out += c === "~" || c === "$" || c === "{" || c === "}" || c === "\u00a0" || c === "*" ? " " : c;
  }
  return out;
}

/**
 * Is the "*" at i the star of a one-letter name ("V*", "A*"): one capital alone before it, and
 * no letter, digit or second star after it (markdown's "*emphasis*" and "**bold**" have one).
 */
function isStarredLetter(text: string, i: number): boolean {
  if (i < 1 || kind(text.charCodeAt(i - 1)) !== 1) return false;
  if (i >= 2 && /[\p{L}\p{N}*]/u.test(text.charAt(i - 2))) return false;
  return i + 1 >= text.length || !/[\p{L}\p{N}*]/u.test(text.charAt(i + 1));
}

/**
 * Splits a clean sentence into tokens with offsets: runs of non-space characters, split
 * further at "--", en and em dashes and "+<digit>". One pass over the characters.
 */
export function tokenize(clean: string): Token[] {
  const tokens: Token[] = [];
  const n = clean.length;
  let i = 0;
  while (i < n) {
    while (i < n && clean.charCodeAt(i) <= 32) i++;
    if (i >= n) break;
    let s = i;
    let k = i;
    // Of the piece being read: its first apostrophe, and whether it has a capital, digit or non-ASCII.
    let apostrophe = -1;
    let named = false;
    for (; k < n; k++) {
      const code = clean.charCodeAt(k);
      if (code <= 32) break;
      if (code >= 97 && code <= 122) continue;
      if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57)) {
        named = true;
        continue;
      }
      if (code === 39 || code === 0x2019) {
        if (apostrophe < 0) apostrophe = k;
        if (code > 127) named = true;
        continue;
      }
      // Only "-", "+", en and em dashes can split a run.
      if (code !== 45 && code !== 43 && code !== 8211 && code !== 8212) {
        if (code > 127) named = true;
        continue;
      }
      const next = clean.charCodeAt(k + 1);
      const dashes = code === 45 && next === 45;
      if (
        dashes ||
        code === 8211 ||
        code === 8212 ||
        (code === 43 && next >= 48 && next <= 57) ||
        (code === 45 && dashedArticle(clean, k + 1))
      ) {
        pushToken(clean, s, k, tokens, apostrophe, named);
        s = dashes ? k + 2 : k + 1;
        if (dashes) k++;
        apostrophe = -1;
        named = false;
      }
    }
    pushToken(clean, s, k, tokens, apostrophe, named);
    i = k;
  }
  return tokens;
}

/**
 * "Foo-the largest corpus", "Foo-a benchmark for …": a hyphen typed for a dash before an article
 * that opens an appositive, not a part of the name (which "state-of-the-art" is: no space follows).
 */
function dashedArticle(clean: string, at: number): boolean {
  const c0 = clean.charCodeAt(at);
  if (c0 !== 97 && c0 !== 116) return false;
  const end = c0 === 97 ? (clean.charCodeAt(at + 1) === 110 ? at + 2 : at + 1) : at + 3;
  if (c0 === 116 && clean.slice(at, end) !== "the") return false;
  const after = clean.charCodeAt(end);
  return after === 32 && at >= 2 && clean.charCodeAt(at - 2) > 32;
}

/** `([\"'“‘<«\``: stripped before a token. */
function isLeading(c: number): boolean {
  return (
    c === 40 ||
    c === 91 ||
    c === 34 ||
    c === 39 ||
    c === 0x201c ||
    c === 0x2018 ||
    c === 60 ||
    c === 0xab ||
    c === 96
  );
}

/** `)]\"'”’,;:.!?>»\``: stripped after a token. */
function isTrailing(c: number): boolean {
  switch (c) {
    case 41: // )
    case 93: // ]
    case 34: // "
    case 39: // '
    case 0x201d: // ”
    case 0x2019: // ’
    case 44: // ,
    case 59: // ;
    case 58: // :
    case 46: // .
    case 33: // !
    case 63: // ?
    case 62: // >
    case 0xbb: // »
    case 96: // `
      return true;
    default:
      return false;
  }
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Adds the token of clean[start, end) (`apostrophe`: the first one there, or -1). */
function pushToken(
  clean: string,
  start: number,
  end: number,
  tokens: Token[],
  apostrophe: number,
  named: boolean,
): void {
  let s = start;
  let e = end;
  while (s < e && isLeading(clean.charCodeAt(s))) s++;
  // Keep a closing bracket that belongs to the token: "R(2+1)D" is rare; keep it simple.
  while (e > s && isTrailing(clean.charCodeAt(e - 1))) e--;
  // Possessive: "GLEAN's", "GPT-4's"; "MLLMs'general" (a missing space after a plural's
  // apostrophe: two or more characters ending in "s", the first apostrophe, a lower-case letter).
  let q = apostrophe < 0 || apostrophe >= e ? e : apostrophe;
  if (apostrophe >= 0 && apostrophe < s) {
    // The first apostrophe was stripped as an opening quote: look again after it.
    q = s;
    while (q < e && !isApostrophe(clean.charCodeAt(q))) q++;
  }
  if (q < e && q - s >= 3 && clean.charCodeAt(q - 1) === 115) {
    const next = clean.charCodeAt(q + 1);
    if (q + 1 < e && next >= 97 && next <= 122) e = q;
  }
  if (e - s >= 2 && clean.charCodeAt(e - 1) === 115 && isApostrophe(clean.charCodeAt(e - 2))) e -= 2;
  if (e === s) {
    // A lone punctuation mark ("SOAP }," after LaTeX is blanked) belongs to the token before.
    const prev = tokens[tokens.length - 1];
    if (prev && clean.slice(prev.end, start).trim().length === 0)
      prev.after += clean.slice(start, end).trim();
    return;
  }
  tokens.push({
    text: clean.slice(s, e),
    start: s,
    end: e,
    before: s === start ? "" : clean.slice(start, s),
    after: e === end ? "" : clean.slice(e, end),
    named,
  });
}

/** One token "A/B" of two names (namePair), neither with a space. */
const NAME_PAIR =
  /^([A-Za-z][A-Za-z0-9.+-]{0,40}[A-Za-z0-9+])\/([A-Za-z0-9][A-Za-z0-9.+-]{0,40}[A-Za-z0-9+])$/;
/** After the slash, a name by itself: a letter, then a capital or digit somewhere ("MedSAM", "R1"). */
const ARTICLE = /^(?:a|an|the)$/i;
const NAME_AFTER_SLASH = /^[A-Za-z](?=.*[A-Z0-9])[A-Za-z0-9.+-]+$/;
/** The version a name ends in ("Llama-2", "AIME24", "GPT-4"), and another one after the slash ("3.1", "4o"). */
const TRAILING_VERSION = /(?<=[A-Za-z-])\d{1,2}(?:\.\d{1,2})?$/;
const VERSION_AFTER_SLASH = /^\d{1,2}(?:\.\d{1,2})?[a-z]?$/;
/** "Qwen-2.5-7B/14B-Instruct", "Foo-2B/4B/8B": a name with two sizes or more. */
/** A name and the suffixes of its family's members: "+", "++" or one lower-case letter ("FooRef/+/g"). */
const SUFFIX_LIST = /^([A-Za-z][A-Za-z0-9.-]{1,40})((?:\/(?:\+\+?|[a-z]))+)$/;
const SIZE_LIST = /^(.{1,60}?)(\d{1,4}(?:\.\d{1,2})?[BMK](?:\/\d{1,4}(?:\.\d{1,2})?[BMK]){1,4})(.{0,40})$/;
/** Characters that cleanSentence blanks (or that start a LaTeX command). */
const MARKUP_CHARS = /[\\~${}*\u00a0]/;
/** "Self-Supervised", "Shadow-Track". */
const TITLE_COMPOUND = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)+$/u;
/** OpenAI's lower-case reasoning models: o1, o3-mini, o4-mini. */
const O_SERIES = /^o\d(?:-(?:mini|pro|preview|high|low))?$/;
/** "quasi-Newton", "non-Markovian". */
const LOWER_PREFIX_WORD = /^[a-z]+-\p{Lu}\p{Ll}+$/u;
/** "A-B". */
const LETTER_DASH_LETTER = /^[A-Z]-[A-Z]$/;
/** A lower-case word of four letters or more. */
const LOWER_TAIL = /^[a-z]{4,}$/;
/** A version written after an acronym's bracket: "(FBM) 3", "(Foo) v2", "(Foo) 2.5"; not a year or a count. */
const BRACKET_VERSION = /^(?:v?\d(?:\.\d)?|v\d{1,2})$/;
/**
 * A version: "2", "v1.5", "3.1", "4o". A part of three decimals is a score, not a version
 * ("vs. Foo-3 4.706", "BERT-F1 0.903"): releases number their parts with one or two digits.
 */
const VERSION = /^v?\d{1,4}(?:\.\d{1,2}){0,2}[a-z]?$/;
/** A size: "7B", "1.5B", "300M". */
const SIZE_TOKEN = /^\d{1,4}(?:\.\d{1,2})?[BMK]$/;
/** A version with its size: "3.1-8B", "2.5-72B" (the family's name is the word before: "Foo 3.1-8B"). */
const VERSION_SIZE = /^v?\d{1,4}(?:\.\d{1,3}){0,2}-\d{1,4}(?:\.\d{1,2})?[BMK]$/;
/** A parameter count: "8B", "1.5B" (not "300K", which may count samples). */
const PARAMETER_SIZE = /^\d{1,4}(?:\.\d{1,2})?B$/;
/** Nouns a parameter count may stand before without counting them. */
const MODEL_NOUNS: ReadonlySet<string> = new Set(["model", "models"]);
/** A single capital letter. */
const ONE_CAPITAL = /^\p{Lu}$/u;
/** Two capitals or a hyphen. */
const TWO_CAPITALS_OR_DASH = /[A-Z].*[A-Z]|-/;
/** Capitals, digits and hyphens (a plural "s" allowed): "SOTA", "LLMs". */
const ACRONYM_LIKE = /^[A-Z0-9-]+s?$/;
/** Capitals and digits only. */
const ACRONYM = /^[A-Z0-9]+$/;
/** Two or more capitals (a plural "s" allowed). */
const CAPITALS = /^\p{Lu}{2,}s?$/u;

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** A hyphenated Title Case compound ("Self-Supervised", "Shadow-Track"): a weak word, not a name. */
export function isTitleCompound(t: string): boolean {
  const c0 = t.charCodeAt(0);
  if (c0 < 128 && !(c0 >= 65 && c0 <= 90)) return false;
  if (t.indexOf("-") < 0) return false;
  return TITLE_COMPOUND.test(t);
}

/** Character classes by code: ASCII fast, the rest through Unicode properties. */
function kind(code: number): 0 | 1 | 2 | 3 {
  // 0 other, 1 upper, 2 lower, 3 digit
  if (code < 128) {
    if (code >= 65 && code <= 90) return 1;
    if (code >= 97 && code <= 122) return 2;
    if (code >= 48 && code <= 57) return 3;
    return 0;
  }
  const c = String.fromCharCode(code);
  if (UPPER.test(c)) return 1;
  if (LOWER.test(c)) return 2;
  return 0;
}

/** `-._/&@+'’`: the punctuation a name-shaped token may contain. */
function isNamePunctuation(code: number): boolean {
  return (
    code === 45 ||
    code === 46 ||
    code === 95 ||
    code === 47 ||
    code === 38 ||
    code === 64 ||
    code === 43 ||
    code === 39 ||
    code === 0x2019
  );
}

/**
 * Memoises a pure string predicate: tokens repeat a great deal across abstracts, and these
 * tests dominate extraction time. The cache is dropped when it grows large.
 */
export function memo<T>(fn: (s: string) => T, limit = 200_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    if (cache.size >= limit) cache = new Map();
    const v = fn(s);
    cache.set(s, v);
    return v;
  };
}

/** Is the token shaped like a name by itself (SegAnyPET, GPT-4o, K2.5, COCO, Med-PaLM)? */
export const isStrongToken: (t: string) => boolean = strongToken;

function strongToken(t: string): boolean {
  if (t.length < 2 || t.length > 60) return false;
  // "V*": a capital with its star (see isStarredLetter).
  if (t.length === 2 && t.charCodeAt(1) === 42) return kind(t.charCodeAt(0)) === 1;
  // OpenAI's lower-case reasoning models: o1, o3-mini, o4-mini.
  if (t.charCodeAt(0) === 111 && O_SERIES.test(t)) return true;
  const k0 = kind(t.charCodeAt(0));
  if (k0 !== 1 && k0 !== 2) return false;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let internalUpper = false;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    const k = kind(code);
    if (k === 3) digit++;
    else if (k === 1) {
      upper++;
      if (i > 0) internalUpper = true;
    } else if (k === 2) lower++;
    else if (!isNamePunctuation(code)) return false;
  }
  if (upper === 0) return digit > 0 && isLowerCaseModelId(t);
  if (!internalUpper && digit === 0) return false;
  if (isTitleCompound(t)) return false;
  // "quasi-Newton", "non-Markovian": a lower-case prefix on an ordinary word.
  if (k0 === 2 && LOWER_PREFIX_WORD.test(t)) return false;
  if (t.length === 3 && LETTER_DASH_LETTER.test(t)) return false;
  // "R1-Like", "GPT-Level" in Title Case text: a describing compound, whatever its case.
  if (DESCRIBING_COMPOUND.test(t)) return false;
  // Compound adjectives: "LLM-powered", "PET-based" (a lower-case last part that is no variant).
  const dash = t.lastIndexOf("-");
  if (dash > 0) {
    const tail = t.slice(dash + 1);
    if (LOWER_TAIL.test(tail) && !VARIANT_WORDS.has(tail) && !NAME_SUFFIXES.has(tail)) return false;
  }
  if (internalUpper) return upper + lower >= 2;
  return digit > 0 && upper + lower >= 1;
}

/** "gpt-4o", "gemini-2.5-pro", "foo-5-2025-08-07"; not "covid-19" or "top-5" (see LOWER_CASE_MODEL_ID). */
function isLowerCaseModelId(t: string): boolean {
  const x = LOWER_CASE_MODEL_ID.exec(t);
  if (x === null) return false;
  const version = x[1] as string;
  const tail = x[2] as string;
  // A bare "word-number" is a model only in a known family ("gpt-4", not "covid-19").
  if (tail === "") return !/^\d+$/.test(version) || modelFamily(t);
  for (const part of tail.slice(1).split("-"))
    if (!MODEL_ID_TAIL_PART.test(part) && !VARIANT_WORDS.has(part)) return false;
  return true;
}

/** A capitalised word: a weak name candidate inside a sentence (Cityscapes, Innovator). */
export const isCapitalisedWord: (t: string) => boolean = capitalisedWord;

function capitalisedWord(t: string): boolean {
  if (t.length < 3 || t.length > 40) return false;
  if (kind(t.charCodeAt(0)) !== 1) return false;
  if (isTitleCompound(t)) return true;
  for (let i = 1; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (code !== 45 && kind(code) !== 2) return false;
  }
  return t.charCodeAt(t.length - 1) !== 45;
}

/**
 * Does the number `nt` count the things named by the word after it ("3 tasks", "300K images")?
 * A parameter size ("8B") counts no models: "Foo 3.1 8B models" names Foo 3.1 8B.
 */
function countsThings(nt: string, after: Token): boolean {
  const noun = after.text.toLowerCase();
  if (!COUNT_NOUNS.has(noun)) return false;
  return !(MODEL_NOUNS.has(noun) && PARAMETER_SIZE.test(nt));
}

function isVersion(t: string): boolean {
  return VERSION.test(t) || SIZE_TOKEN.test(t) || VERSION_SIZE.test(t);
}

/** Is token i the first of a sentence or clause (after ".", ":", "!" or "?")? */
function opensSentence(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const after = (tokens[i - 1] as Token).after;
  const c = after.charCodeAt(after.length - 1);
  return c === 46 || c === 58 || c === 33 || c === 63;
}

/**
 * Finds the candidate names of a sentence. `known` holds names already found in the
 * paper: a capitalised word that opens a sentence is a candidate only when known.
 */
export function findMentions(
  clean: string,
  tokens: Token[],
  known: ReadonlySet<string>,
  allowWeak = true,
  coined: Set<string> = new Set(),
): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as Token;
    if (!tok.named) {
      // No capital, digit or non-ASCII character: neither name-shaped nor capitalised.
      i++;
      continue;
    }
    const stem = basedStem(tok, i, tokens, known, allowWeak);
    if (stem !== null) {
      mentions.push(stem);
      i++;
      continue;
    }
    const routed = routedModelId(tok, i);
    if (routed !== null) {
      mentions.push(routed);
      i++;
      continue;
    }
    const strong = isStrongToken(tok.text);
    const weak =
      !strong &&
      isCapitalisedWord(tok.text) &&
      !NOT_NAMES.has(tok.text) &&
      ((allowWeak && !opensSentence(tokens, i)) || known.has(tok.text));
    if (!strong && !weak) {
      i++;
      continue;
    }
    let last = i;
    let anyStrong = strong;
    let surfaceOverride: string | null = null;
    let longStart: Mention | null = null;
    // "V* Bench" is named "V*" over the whole span: a key drops the star, and "V Bench" would be
    // another name ("VBench"); the tail word stays in the span so that it starts no name itself.
    if (tok.text.endsWith("*")) {
      const next = tokens[i + 1];
      surfaceOverride = tok.text;
      if (next && tok.after === "" && next.before === "" && NAME_TAIL_WORDS.has(next.text.toLowerCase()))
        last++;
    }
    while (last + 1 < tokens.length && last - i < 5 && surfaceOverride === null) {
      const cur = tokens[last] as Token;
      // "Fetal Brain Tissue Annotation (FeTA) Challenge 2021": the acronym names the challenge.
      if (cur.after === ")" && cur.before === "(" && last === i) {
        const next = tokens[last + 1] as Token;
        const after = tokens[last + 2];
        if (
          NAME_HEAD_WORDS.has(next.text.toLowerCase()) &&
          UPPER.test(next.text.charAt(0)) &&
          after &&
          isVersion(after.text)
        ) {
          surfaceOverride = `${cur.text} ${next.text} ${after.text}`;
          last += 2;
          // The spelled-out long form before the bracket is no separate name.
          const previous = mentions[mentions.length - 1];
          if (previous && previous.last === i - 1) mentions.pop();
          break;
        }
      }
      // "Foo Bar Model (FBM) 3": the version after the bracket belongs to the acronym's name.
      if (cur.after === ")" && cur.before === "(" && last === i) {
        const next = tokens[last + 1] as Token;
        const after = tokens[last + 2];
        if (
          BRACKET_VERSION.test(next.text) &&
          next.before === "" &&
          (after === undefined || !COUNT_NOUNS.has(after.text.toLowerCase()))
        ) {
          surfaceOverride = `${cur.text} ${next.text}`;
          last += 1;
          // The spelled-out long form is part of this mention (a verb before it reads the whole).
          const previous = mentions[mentions.length - 1];
          if (previous && previous.last === i - 1) {
            mentions.pop();
            longStart = previous;
          }
          break;
        }
      }
      if (cur.after !== "") break;
      const next = tokens[last + 1] as Token;
      if (next.before !== "") break;
      const nt = next.text;
      const after = tokens[last + 2];
      if (isStrongToken(nt) && !isStopName(nt)) {
        last++;
        anyStrong = true;
        continue;
      }
      if (isVersion(nt) && (after === undefined || !countsThings(nt, after))) {
        last++;
        continue;
      }
      if (anyStrong && isTitleCompound(nt)) {
        const track = trackBeforeDataNoun(tokens, last + 1);
        if (track >= 0) {
          last = track;
          continue;
        }
      }
      if (ONE_CAPITAL.test(nt) && anyStrong && TWO_CAPITALS_OR_DASH.test(tok.text)) {
        last++;
        continue;
      }
      if (
        (VARIANT_WORDS.has(nt.toLowerCase()) || NAME_TAIL_WORDS.has(nt.toLowerCase())) &&
        UPPER.test(nt.charAt(0))
      ) {
        last++;
        continue;
      }
      if (
        NAME_HEAD_WORDS.has(nt.toLowerCase()) &&
        UPPER.test(nt.charAt(0)) &&
        after &&
        isVersion(after.text) &&
        next.after === ""
      ) {
        last += 2;
        continue;
      }
      if (last === i && strong && qualifierAfter(tokens, i)) {
        last++;
        continue;
      }
      if (!anyStrong && isCapitalisedWord(nt) && !NOT_NAMES.has(nt)) {
        last++;
        continue;
      }
      break;
    }
    // Generic words at the edges are no part of the name: "SOTA UnSAM" → "UnSAM", "Sanskrit NER" → "Sanskrit".
    let from = i;
    while (
      from < last &&
      ACRONYM_LIKE.test((tokens[from] as Token).text) &&
      isStopName((tokens[from] as Token).text)
    )
      from++;
    while (
      last > from &&
      ACRONYM_LIKE.test((tokens[last] as Token).text) &&
      isStopName((tokens[last] as Token).text)
    )
      last--;
    const first = tokens[from] as Token;
    const end = tokens[last] as Token;
    const surface = surfaceOverride ?? clean.slice(first.start, end.end);
    const lone =
      from === last &&
      !ACRONYM.test(first.text) &&
      (VARIANT_WORDS.has(first.text.toLowerCase()) || NAME_TAIL_WORDS.has(first.text.toLowerCase()));
    const nameLike = !lone && (isStrongToken(first.text) || isCapitalisedWord(first.text));
    // "we propose Progtuning, a framework": a coined word of an abstract noun's shape is a name.
    const coinedWord =
      from === last &&
      surfaceOverride === null &&
      ABSTRACT_NOUN.test(surface) &&
      (coined.has(surface) || coinedHere(clean, tokens, from));
    if (coinedWord && !coined.has(surface)) coined.add(surface);
    if (
      nameLike &&
      (coinedWord || !isStopName(surface)) &&
      !(last === from && !strong && first.text.length < 3)
    ) {
      mentions.push(
        longStart
          ? mention(surface, longStart.start, end.end, longStart.first, last, true, undefined)
          : mention(surface, first.start, end.end, from, last, anyStrong, undefined),
      );
    }
    i = last + 1;
  }
  return mentions;
}

/**
 * Is the one-word name at token i coined by the sentence: right after "we propose / introduce /
 * present" and before its description (", a …", ", the …", ": …")? "Transfusion", "Loopholing":
 * names of the shape of an abstract noun, which the stop-name test drops elsewhere.
 */
function coinedHere(clean: string, tokens: Token[], i: number): boolean {
  const tok = tokens[i] as Token;
  if (tok.before !== "") return false;
  if (tok.after !== ":" && tok.after !== ",") return false;
  if (tok.after === ",") {
    const next = tokens[i + 1];
    if (next === undefined || !ARTICLE.test(next.text)) return false;
  }
  return COINED_BEFORE.test(clean.slice(Math.max(0, tok.start - 80), tok.start));
}

/**
 * "FooQA Diamond", "BarNet Mobility,", "the XYZ Treebank.": one capitalised word after a one-token
 * name inside running text is the name's edition or part. Not in Title Case text (a capitalised
 * word before the name or after the word), not a plural, an abstract noun or a function word.
 */
function qualifierAfter(tokens: Token[], i: number): boolean {
  // "LLMs Learn to …" (a generic term), "NVIDIA Thor" (a company's product line): no name's edition.
  const name = (tokens[i] as Token).text;
  if (isStopName(name) || KNOWN_ORGANIZATIONS.has(name.toLowerCase())) return false;
  const next = tokens[i + 1] as Token;
  const w = next.text;
  if (!isCapitalisedWord(w) || isTitleCompound(w) || NOT_NAMES.has(w)) return false;
  if (ABSTRACT_NOUN.test(w) || (w.endsWith("s") && !w.endsWith("ss"))) return false;
  const before = tokens[i - 1];
  if (before && before.after === "" && UPPER.test(before.text.charAt(0))) return false;
  const after = tokens[i + 2];
  // "on FooBench Smith et al. (2014)": the word is a cited author.
  if (after !== undefined && after.text === "et") return false;
  return after === undefined || next.after !== "" || !UPPER.test(after.text.charAt(0));
}

/**
 * "Foo Instance-Image-Goal and Bar Image-Goal benchmarks": the last index of the Title Case
 * compounds from k when a data noun closes the list they stand in (only names, "and", "or"
 * and commas before it, within a few words); else -1. "Foo Self-Reflection improves" is no track.
 */
function trackBeforeDataNoun(tokens: Token[], k: number): number {
  let end = k;
  while (
    end + 1 < tokens.length &&
    (tokens[end] as Token).after === "" &&
    isTitleCompound((tokens[end + 1] as Token).text)
  )
    end++;
  for (let j = end; j < tokens.length && j - end <= 6; j++) {
    const t = tokens[j] as Token;
    if (j > end) {
      if (DATA_NOUNS.has(t.text) && t.before === "") return end;
      if (!t.named && t.text !== "and" && t.text !== "or") return -1;
    }
    if (t.after !== "" && t.after !== ",") return -1;
  }
  return -1;
}

/**
 * "a Qwen3.5-based agent": the name before the describing suffix is a mention by itself (its
 * span is the stem's), strong when shaped like a name, weak when only capitalised ("Llama-based").
 * It stands alone: "8B Llama-based" is no name "8B Llama".
 */
function basedStem(
  tok: Token,
  i: number,
  tokens: Token[],
  known: ReadonlySet<string>,
  allowWeak: boolean,
): Mention | null {
  const x = STEM_SUFFIX.exec(tok.text);
  if (x === null) return null;
  // "a Foo-based model", not "Region-based Dragging" (a Title Case name that holds the compound).
  const next = tokens[i + 1];
  if (next === undefined || next.named || tok.after !== "" || next.before !== "") return null;
  const stem = tok.text.slice(0, x.index);
  if (isStopName(stem)) return null;
  const strong = isStrongToken(stem);
  const weak =
    !strong &&
    isCapitalisedWord(stem) &&
    !isTitleCompound(stem) &&
    !NOT_NAMES.has(stem) &&
    ((allowWeak && !opensSentence(tokens, i)) || known.has(stem));
  if (!strong && !weak) return null;
  return mention(stem, tok.start, tok.start + stem.length, i, i, strong, undefined, true);
}

/**
 * "gemini/gemini-2.5-pro": a lower-case model id after its provider's route (as API model lists
 * write them) names the model; the route is no part of the name.
 */
function routedModelId(tok: Token, i: number): Mention | null {
  const slash = tok.text.lastIndexOf("/");
  if (slash <= 0) return null;
  const id = tok.text.slice(slash + 1);
  if (!/^[a-z]+$/.test(tok.text.slice(0, slash)) || !isLowerCaseModelId(id)) return null;
  return mention(id, tok.start + slash + 1, tok.end, i, i, true, undefined);
}

/** Is the character at k an upper-case letter after a lower-case one ("SegAnyPET": A, P)? */
function isInternalCapital(w: string, k: number): boolean {
  const c = w.charCodeAt(k);
  const p = w.charCodeAt(k - 1);
  if (c < 128 && p < 128) return c >= 65 && c <= 90 && p >= 97 && p <= 122;
  return UPPER.test(w.charAt(k)) && LOWER.test(w.charAt(k - 1));
}

/** The initials of one word: of each part between "-" and "/", its first letter and internal capitals. */
function wordInitials(w: string): string {
  let s = "";
  let start = 0;
  for (let k = 0; k <= w.length; k++) {
    const c = k < w.length ? w.charCodeAt(k) : 45;
    if (c !== 45 && c !== 47) continue;
    if (k > start) {
      s += w.charAt(start).toLowerCase();
      for (let j = start + 1; j < k; j++) if (isInternalCapital(w, j)) s += w.charAt(j).toLowerCase();
    }
    start = k + 1;
  }
  return s;
}

function initials(words: string[]): string {
  let s = "";
  for (const w of words) s += wordInitials(w);
  return s;
}

function isSubsequence(needle: string, hay: string): boolean {
  let k = 0;
  for (let i = 0; i < hay.length && k < needle.length; i++) if (hay.charAt(i) === needle.charAt(k)) k++;
  return k === needle.length;
}

/** "'s" stripped after a token. */
const POSSESSIVE = /^['’]s$/;
/** "TAP-GPT": an acronym of two letters or more, with an optional name part after a hyphen. */
const ACRONYM_HEAD = /^([A-Z]{2,6})(?:-([A-Za-z0-9]+))?$/;

/**
 * "TAP-GPT Tabular Alzheimer's Prediction GPT": an acronym followed, with no bracket (lost in the
 * text), by Title Case words whose initials spell it, and the acronym's name part repeated. Only
 * that exact shape: the long form is the same name, not a second one.
 */
function unbracketedLongForms(clean: string, tokens: Token[]): AbbreviationPair[] {
  const pairs: AbbreviationPair[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (!tok.named || tok.after !== "") continue;
    const x = ACRONYM_HEAD.exec(tok.text);
    if (x === null) continue;
    const letters = (x[1] as string).toLowerCase();
    const part = x[2];
    const n = letters.length + (part ? 1 : 0);
    if (i + n >= tokens.length) continue;
    const words = tokens.slice(i + 1, i + 1 + n);
    if (part && (words[words.length - 1] as Token).text !== part) continue;
    const spelled = part ? words.slice(0, -1) : words;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const w = words[k] as Token;
      // A possessive inside is part of the name ("Alzheimer's").
      const inner = k < words.length - 1 && w.after !== "" && !POSSESSIVE.test(w.after);
      if (w.before !== "" || inner || !UPPER.test(w.text.charAt(0))) ok = false;
    }
    if (!ok || initials(spelled.map((w) => w.text)) !== letters) continue;
    const first = words[0] as Token;
    const last = words[words.length - 1] as Token;
    pairs.push({
      long: clean.slice(first.start, last.end),
      short: tok.text,
      longIsName: true,
      longStart: first.start,
      longEnd: last.end,
      shortStart: tok.start,
      shortEnd: tok.end,
    });
  }
  return pairs;
}

/**
 * Finds "Long Form (LF)" and "NAME (Long Form)" pairs. The long form of an acronym is
 * the run of capitalised words before the bracket or, failing that, the shortest run of
 * words whose initials contain the acronym's letters in order.
 */
export function findAbbreviations(clean: string, tokens: Token[]): AbbreviationPair[] {
  const pairs: AbbreviationPair[] = unbracketedLongForms(clean, tokens);
  if (clean.indexOf("(") < 0) return pairs;
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (!tok.before.endsWith("(")) continue;
    // The bracket holds one token: "(UniAP)", "(Med-PaLM M)" (two tokens ending in ")").
    let close = i;
    while (close < tokens.length && close - i < 3 && !(tokens[close] as Token).after.startsWith(")")) close++;
    if (close >= tokens.length || !(tokens[close] as Token).after.startsWith(")")) continue;
    const prev = tokens[i - 1] as Token;
    if (prev.after !== "") continue;
    const short = clean.slice(tok.start, (tokens[close] as Token).end);
    const following = tokens[close + 1];
    if (
      following &&
      NAME_HEAD_WORDS.has(following.text.toLowerCase()) &&
      tokens[close + 2] &&
      isVersion((tokens[close + 2] as Token).text)
    ) {
      continue;
    }
    // "Foo Bar Model (FBM) 3": the long form names the family, the acronym with its version the model.
    if (
      close === i &&
      following &&
      following.before === "" &&
      BRACKET_VERSION.test(following.text) &&
      !COUNT_NOUNS.has((tokens[close + 2] as Token | undefined)?.text.toLowerCase() ?? "")
    )
      continue;
    if (
      close - i <= 1 &&
      (isStrongToken(tok.text) || isCapitalisedWord(tok.text) || CAPITALS.test(tok.text))
    ) {
      // Long form before the bracket.
      let k = i - 1;
      const words: string[] = [];
      while (k >= 0 && i - k <= 9) {
        const t = tokens[k] as Token;
        if (k < i - 1 && t.after !== "") break;
        const w = t.text;
        if (UPPER.test(w.charAt(0)) || (CONNECTORS.has(w) && words.length > 0)) {
          words.unshift(w);
          k--;
          if (t.before !== "") break;
        } else break;
      }
      while (words.length > 0 && CONNECTORS.has(words[0] as string)) {
        words.shift();
        k++;
      }
      const letters = short.replace(/[^A-Za-z]/g, "").toLowerCase();
      if (words.length >= 2 || (words.length === 1 && (words[0] as string).length > short.length + 2)) {
        const startTok = tokens[k + 1] as Token;
        const sentenceInitial = k + 1 === 0;
        const long = clean.slice(startTok.start, prev.end);
        if (initials(words).charAt(0) === letters.charAt(0) || sentenceInitial || words.length >= 2) {
          pairs.push({
            long,
            short,
            longIsName: !sentenceInitial,
            longStart: startTok.start,
            longEnd: prev.end,
            shortStart: tok.start,
            shortEnd: (tokens[close] as Token).end,
          });
          continue;
        }
      }
      // Lower-case long form by initials: "learned image compression (LIC)".
      // The initials of the n words before the bracket, grown by one word at a time.
      let ini = "";
      for (let n = 1; n <= Math.min(8, i); n++) {
        // The n words before the bracket, with no punctuation between them.
        if (n > 1 && (tokens[i - n] as Token).after !== "") break;
        ini = wordInitials((tokens[i - n] as Token).text) + ini;
        if (ini.charAt(0) === letters.charAt(0) && isSubsequence(letters, ini) && n <= letters.length + 2) {
          const startTok = tokens[i - n] as Token;
          pairs.push({
            long: clean.slice(startTok.start, prev.end),
            short,
            longIsName: false,
            longStart: startTok.start,
            longEnd: prev.end,
            shortStart: tok.start,
            shortEnd: (tokens[close] as Token).end,
          });
          break;
        }
      }
      continue;
    }
    // NAME (Long Form): "PET-F2I-41K (PET Findings-to-Impression Benchmark)".
    if (isStrongToken(prev.text)) {
      let end = i;
      while (end < tokens.length && end - i < 8 && !(tokens[end] as Token).after.startsWith(")")) end++;
      if (end >= tokens.length || end === i) continue;
      const ws: string[] = [];
      let capitalised = 0;
      for (let x = i; x <= end; x++) {
        const w = (tokens[x] as Token).text;
        ws.push(w);
        if (UPPER.test(w.charAt(0))) capitalised++;
      }
      if (
        capitalised >= 2 &&
        capitalised * 2 > ws.length &&
        ws[0]?.charAt(0).toLowerCase() === prev.text.charAt(0).toLowerCase()
      ) {
        const last = tokens[end] as Token;
        if (/\d{4}$/.test(last.text) && ws.length <= 2) continue;
        pairs.push({
          long: clean.slice(tok.start, last.end),
          short: prev.text,
          longIsName: true,
          longStart: tok.start,
          longEnd: last.end,
          shortStart: prev.start,
          shortEnd: prev.end,
        });
      }
    }
  }
  return pairs;
}
