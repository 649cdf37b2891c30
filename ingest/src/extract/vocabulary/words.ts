/**
 * Helpers that turn the vocabularies of this folder (plain text lists) into lookups. Every
 * lookup is on lower-cased strings or normalised keys, through Sets, in O(1).
 */

/** A set of lower-cased words from a list written one or more to a line ("|" also separates). */
export const wordSet = (words: string): ReadonlySet<string> =>
  new Set(
    words
      .split(/[\s|]+/)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w.length > 0),
  );
