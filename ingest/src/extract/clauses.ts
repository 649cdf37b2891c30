/**
 * How the mentions of one sentence stand to each other: coordination ("A, B and C"), the
 * names before one in its clause, a governing preposition, and model sizes that pair names
 * in lists on both sides.
 */
import type { Mention } from "./mentions.ts";
import type { SentenceInfo } from "./state.ts";
import { CLAUSE_BREAK, COORDINATION, GOVERNED_BEFORE, LIST_LINK_BEFORE } from "./vocabulary/clause-cues.ts";

/** A model size in a name: "7B", "1.5B", "300M". */
export const SIZE = /(\d{1,4}(?:\.\d{1,2})?[BMK])(?![A-Za-z0-9])/;

export function sizeOf(m: Mention): string | undefined {
  return SIZE.exec(m.surface)?.[1];
}

export function sizesFit(src: Mention, dst: Mention): boolean {
  return dst.size === undefined || sizeOf(src) === undefined || sizeOf(src) === dst.size;
}

/**
 * In lists on both sides ("A-7B and A-32B are fine-tuned from B-7B and B-32B") names pair by
 * size: two sizes that differ do not pair.
 */
export function listSizesFit(s: SentenceInfo, src: number, dst: number): boolean {
  const a = s.mentions[src] as Mention;
  const b = s.mentions[dst] as Mention;
  if (!sizesFit(a, b)) return false;
  if (groupOf(s, src).length < 2 && groupOf(s, dst).length < 2) return true;
  const sa = a.size ?? sizeOf(a);
  const sb = b.size ?? sizeOf(b);
  return sa === undefined || sb === undefined || sa === sb;
}

/** Are mentions x and x + 1 coordinated ("A, B", "A and B", "A/B") or two readings of one span? */
export function coordinated(s: SentenceInfo, x: number): boolean {
  const a = s.mentions[x] as Mention;
  const b = s.mentions[x + 1] as Mention;
  return a.start === b.start || COORDINATION.test(s.clean.slice(a.end, b.start));
}

/** The mentions coordinated with mention k ("A, B and C"), in order, k included. */
export function groupOf(s: SentenceInfo, k: number): number[] {
  const ms = s.mentions;
  let lo = k;
  while (lo > 0 && coordinated(s, lo - 1)) lo--;
  let hi = k;
  while (hi + 1 < ms.length && coordinated(s, hi)) hi++;
  const out: number[] = [];
  for (let x = lo; x <= hi; x++) out.push(x);
  return out;
}

export function governedName(s: SentenceInfo, k: number): boolean {
  // The list a name ends ("on A, B and C") shares the preposition before its first name; a bare
  // comma before the name ("… of SA-1B, X achieves") ends an opening phrase instead.
  let first = k;
  const m = s.mentions[k] as Mention;
  if (k > 0 && LIST_LINK_BEFORE.test(s.lower.slice((s.mentions[k - 1] as Mention).end, m.start)))
    first = groupOf(s, k)[0] as number;
  const f = s.mentions[first] as Mention;
  return GOVERNED_BEFORE.test(s.lower.slice(Math.max(0, f.start - 24), f.start));
}

/** The mentions before mention k in its clause (not coordinated with it), nearest first, at most three. */
export function previousMentions(s: SentenceInfo, k: number): number[] {
  const group = groupOf(s, k);
  const obj = s.mentions[group[0] as number] as Mention;
  const out: number[] = [];
  for (let j = (group[0] as number) - 1; j >= 0 && out.length < 3; j--) {
    const m = s.mentions[j] as Mention;
    if (CLAUSE_BREAK.test(s.lower.slice(m.end, obj.start)) || obj.start - m.end > 120) break;
    if (out.length > 0 && (s.mentions[out[out.length - 1] as number] as Mention).start === m.start) continue;
    // "Baz, a Foo-based model trained on D": Foo describes Baz; it was not trained.
    if (m.adjective) continue;
    out.push(j);
  }
  return out;
}
