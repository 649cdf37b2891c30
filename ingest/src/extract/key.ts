/**
 * The normalised key of a name: graph-schema's normaliseKey, with a fast path for ASCII
 * (where NFKC changes nothing and the letter/digit classes are [a-z0-9]); extraction and
 * resolution ask for keys of many thousands of surface forms.
 */
import { normaliseKey } from "@kg/graph-schema";

const ASCII = /^[\x00-\x7f]*$/;
const NOT_ALNUM = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-+|-+$/g;

export function keyOf(name: string): string {
  if (!ASCII.test(name)) return normaliseKey(name);
  return name.toLowerCase().replace(NOT_ALNUM, "-").replace(EDGE_DASHES, "");
}
