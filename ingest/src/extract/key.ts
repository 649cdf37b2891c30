/**
 * The normalised key of a name: graph-schema's normaliseKey, with a fast path for ASCII
 * (where NFKC changes nothing and the letter/digit classes are [a-z0-9]); extraction and
 * resolution ask for keys of many thousands of surface forms.
 */
import { normaliseKey } from "@kg/graph-schema";

const NOT_ALNUM = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-+|-+$/g;

export function keyOf(name: string): string {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 127) return normaliseKey(name);
  return name.toLowerCase().replace(NOT_ALNUM, "-").replace(EDGE_DASHES, "");
}
