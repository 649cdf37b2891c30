/**
 * The normalised key of a name: graph-schema's normaliseKey, with a fast path for ASCII
 * (where NFKC changes nothing and the letter/digit classes are [a-z0-9]) and a cache for
 * names (extraction and resolution ask for the keys of the same surface forms many times:
 * once per mention, per vocabulary test, per alias link and per edge end).
 */
import { normaliseKey } from "@kg/graph-schema";

const NOT_ALNUM = /[^a-z0-9]+/g;
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
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 127) return normaliseKey(name);
  return name.toLowerCase().replace(NOT_ALNUM, "-").replace(EDGE_DASHES, "");
}
