/**
 * The canonical matching key: which surface forms across the whole corpus name one thing.
 *
 * Built from the normalised key (keyOf), it ignores case, spaces, hyphens, underscores and
 * dots between letters and digits (Llama 3 = Llama3 = LLaMA-3, GPT-4o = GPT4o, MATH-500 =
 * MATH500), and writes a year as its short form (AIME 2024 = AIME24). A separator between two
 * digits is kept as one "." so that versions and sizes stay apart: Qwen2.5-7B (qwen2.5.7b)
 * is neither Qwen2-57B (qwen2.57b) nor Qwen2.5-72B, and a variant word (Instruct) is part of
 * the key, so Qwen2.5-7B-Instruct ≠ Qwen2.5-7B.
 */

const CACHE_LIMIT = 100_000;
let cache = new Map<string, string>();

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The matching key of a normalised key ("qwen2-5-7b-instruct" → "qwen2.5.7binstruct"). */
export function matchKey(key: string): string {
  let m = cache.get(key);
  if (m === undefined) {
    m = computeMatchKey(key);
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(key, m);
  }
  return m;
}

function computeMatchKey(key: string): string {
  let out = "";
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 45 /* - */) {
      if (isDigit(key.charCodeAt(i - 1)) && isDigit(key.charCodeAt(i + 1))) out += ".";
      continue;
    }
    out += key.charAt(i);
  }
  return shortYears(out);
}

/** A year after letters ("aime2024", "coco2017") written short ("aime24"): papers write both. */
const YEAR_AFTER_LETTERS = /(?<=[a-z])(?:19|20)(\d\d)(?![\d])/g;

function shortYears(s: string): string {
  return s.replace(YEAR_AFTER_LETTERS, "$1");
}
