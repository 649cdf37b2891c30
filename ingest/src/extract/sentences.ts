/**
 * Sentence splitting for scientific abstracts: a single linear scan (no regular
 * expressions over the whole text) that does not break inside version numbers
 * ("Qwen2.5-7B", "K2.5"), decimals, URLs or abbreviations ("e.g.", "et al."), and that
 * does break where a period is glued to the next sentence ("training.On comprehensive").
 */
import { ABBREVIATIONS } from "./vocabulary/abbreviations.ts";

export interface Sentence {
  /** The sentence, verbatim (trimmed). */
  text: string;
  /** Offset of the sentence in the abstract. */
  start: number;
}

/** Is the UTF-16 unit an upper-case letter (it has a lower-case form and is its own upper case)? */
function isUpper(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  const c = String.fromCharCode(code);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLower(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  const c = String.fromCharCode(code);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
/** " ", "\n", "\t", "\r" or a no-break space. */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
}
/** `([{"'“‘`: stripped before a word. */
function isOpening(code: number): boolean {
  return (
    code === 40 ||
    code === 91 ||
    code === 123 ||
    code === 34 ||
    code === 39 ||
    code === 0x201c ||
    code === 0x2018
  );
}
/** `"'”’)]`: absorbed after a sentence's final mark. */
function isClosing(code: number): boolean {
  return code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93;
}
/** `("'“‘[$\`: may open a sentence. */
function opensSentence(code: number): boolean {
  return (
    code === 40 ||
    code === 34 ||
    code === 39 ||
    code === 0x201c ||
    code === 0x2018 ||
    code === 91 ||
    code === 36 ||
    code === 92
  );
}

/** The word that ends at `end` (exclusive), without leading brackets or quotes. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1)) && end - i < 40) i--;
  while (i < end && isOpening(text.charCodeAt(i))) i++;
  return text.slice(i, end);
}

/** Does a sentence-ending punctuation mark at `i` end the sentence? */
function endsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  // Absorb closing quotes and brackets after the mark: `...end.")`.
  let j = i + 1;
  while (j < text.length && isClosing(text.charCodeAt(j)) && j - i < 4) j++;
  if (j >= text.length) return j;
  const next = text.charCodeAt(j);
  if (isSpace(next)) {
    let k = j;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    if (k >= text.length) return j;
    const first = text.charCodeAt(k);
    if (c !== 46) return isLower(first) ? -1 : j;
    const word = wordBefore(text, i).toLowerCase();
    if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ""))) return -1;
    // "e.g." written as "e.g" + "." handled above; single initials ("J. Smith") keep going.
    if (/^\p{Lu}$/u.test(word) && isUpper(first)) return -1;
    if (isUpper(first) || isDigit(first) || opensSentence(first)) return j;
    return -1;
  }
  // Glued sentences: "RL training.On comprehensive": lower-case word, period, capital, lower.
  if (c === 46 && isUpper(next) && isLower(text.charCodeAt(j + 1))) {
    const word = wordBefore(text, i);
    if (word.length >= 3 && /^[a-z]+$/.test(word) && !ABBREVIATIONS.has(word)) return j;
  }
  return -1;
}

/** Adds text[start, end) trimmed, unless it is empty. */
function pushSentence(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s });
}

/**
 * Where a sentence may end: a paragraph break or a sentence-ending mark. Found by the regular
 * expression engine (`test`, which builds no match) rather than by reading every character here.
 */
const BREAK_OR_MARK = /\n\n|[.?!]/g;

/** Splits an abstract into sentences (see the module header). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const marks = BREAK_OR_MARK;
  marks.lastIndex = 0;
  while (marks.test(text)) {
    const c = text.charCodeAt(marks.lastIndex - 1);
    // A paragraph break matched two characters; a mark one.
    const i = c === 10 ? marks.lastIndex - 2 : marks.lastIndex - 1;
    // The next candidate is the next character, unless a sentence ends here (below).
    marks.lastIndex = i + 1;
    if (c === 10) {
      pushSentence(out, text, start, i);
      start = i;
      continue;
    }
    // Inside a number or a version: "2.5", "K2.5", "v1.2".
    if (c === 46 && isDigit(text.charCodeAt(i + 1))) continue;
    // Runs of dots ("...") end a sentence only at their last dot.
    if (c === 46 && text.charCodeAt(i + 1) === 46) continue;
    const end = endsAt(text, i);
    if (end > 0) {
      pushSentence(out, text, start, end);
      start = end;
      marks.lastIndex = end;
    }
  }
  pushSentence(out, text, start, text.length);
  return out;
}
