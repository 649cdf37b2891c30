/**
 * Sentence splitting for scientific abstracts: a single linear scan (no regular
 * expressions over the whole text) that does not break inside version numbers
 * ("Qwen2.5-7B", "K2.5"), decimals, URLs or abbreviations ("e.g.", "et al."), and that
 * does break where a period is glued to the next sentence ("training.On comprehensive").
 */
import { ABBREVIATIONS } from "./vocabulary.ts";

export interface Sentence {
  /** The sentence, verbatim (trimmed). */
  text: string;
  /** Offset of the sentence in the abstract. */
  start: number;
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}
function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}
function isSpace(c: string): boolean {
  return c === " " || c === "\n" || c === "\t" || c === "\r" || c === "\u00a0";
}

/** The word that ends at `end` (exclusive), without leading brackets or quotes. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && !isSpace(text.charAt(i - 1)) && end - i < 40) i--;
  let w = text.slice(i, end);
  while (w.length > 0 && "([{\"'“‘".includes(w.charAt(0))) w = w.slice(1);
  return w;
}

/** Does a sentence-ending punctuation mark at `i` end the sentence? */
function endsAt(text: string, i: number): number {
  const c = text.charAt(i);
  // Absorb closing quotes and brackets after the mark: `...end.")`.
  let j = i + 1;
  while (j < text.length && "\"'”’)]".includes(text.charAt(j)) && j - i < 4) j++;
  if (j >= text.length) return j;
  const next = text.charAt(j);
  if (isSpace(next)) {
    let k = j;
    while (k < text.length && isSpace(text.charAt(k))) k++;
    if (k >= text.length) return j;
    const first = text.charAt(k);
    if (c !== ".") return isLower(first) ? -1 : j;
    const word = wordBefore(text, i).toLowerCase();
    if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ""))) return -1;
    // "e.g." written as "e.g" + "." handled above; single initials ("J. Smith") keep going.
    if (/^\p{Lu}$/u.test(word) && isUpper(first)) return -1;
    if (isUpper(first) || isDigit(first) || "(\"'“‘[$\\".includes(first)) return j;
    return -1;
  }
  // Glued sentences: "RL training.On comprehensive": lower-case word, period, capital, lower.
  if (c === "." && isUpper(next) && isLower(text.charAt(j + 1))) {
    const word = wordBefore(text, i);
    if (word.length >= 3 && /^[a-z]+$/.test(word) && !ABBREVIATIONS.has(word)) return j;
  }
  return -1;
}

/** Splits an abstract into sentences (see the module header). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    while (s < end && isSpace(text.charAt(s))) s++;
    let e = end;
    while (e > s && isSpace(text.charAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\n" && text.charAt(i + 1) === "\n") {
      push(i);
      continue;
    }
    if (c !== "." && c !== "?" && c !== "!") continue;
    // Inside a number or a version: "2.5", "K2.5", "v1.2".
    if (c === "." && isDigit(text.charAt(i + 1))) continue;
    // Runs of dots ("...") end a sentence only at their last dot.
    if (c === "." && text.charAt(i + 1) === ".") continue;
    const end = endsAt(text, i);
    if (end > 0) {
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return out;
}
