/**
 * The normalised key of a name: graph-schema's normaliseKey, with a fast path for ASCII
 * (where NFKC changes nothing and the letter/digit classes are [a-z0-9]) and a cache for
 * names (extraction and resolution ask for the keys of the same surface forms many times:
 * once per mention, per vocabulary test, per alias link and per edge end).
 */
import { normaliseKey } from "@kg/graph-schema";

const NOT_ALNUM = /[^a-z0-9]+/g;
const PLUS = /\+/g;
const EDGE_DASHES = /^-+|-+$/g;

/** Names at most this long are cached; longer text (titles, abstracts) is keyed uncached. */
const CACHED_LENGTH = 80;
/** The cache is dropped when it holds this many keys (memory stays bounded on any input). */
const CACHE_LIMIT = 100_000;
let cache = new Map<string, string>();

export function keyOf(name: string): string {
  if (name.length > CACHED_LENGTH) return computeKey(name);
  let key = cache.get(name);
  if (key === undefined) {
    key = computeKey(name);
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(name, key);
  }
  return key;
}

/** keyOf without the cache: for text keyed once (titles, person names, abstracts). */
export function computeKey(name: string): string {
  // Names with a "+" (RefCOCO+, GRPO++) are rare: the definition's own regular expressions key them.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 127 || c === 43 /* + */) return normaliseKey(name);
  }
  // ASCII: the runs of [a-z0-9] of the lower-cased name, joined by "-" (what replacing every
  // run of other characters by "-" and trimming "-" gives), in one scan.
  const lower = name.toLowerCase();
  const n = lower.length;
  let key = "";
  let pieces = 0;
  let run = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      if (run === 0 && i === n) return lower;
      key = pieces === 0 ? lower.slice(run, i) : `${key}-${lower.slice(run, i)}`;
      pieces++;
      run = -1;
    }
  }
  return key;
}

/** computeKey's ASCII result by regular expressions (the definition; tests compare the two). */
export function regexKey(name: string): string {
  return name.toLowerCase().replace(PLUS, "-plus-").replace(NOT_ALNUM, "-").replace(EDGE_DASHES, "");
}
