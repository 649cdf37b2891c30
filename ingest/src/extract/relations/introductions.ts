/**
 * INTRODUCES, read per sentence: the names after an introduction cue ("we present X"), after
 * "called", or before "is proposed". Which of them a cue introduces is decided once types are
 * known (coreference.ts).
 */
import { groupOf } from "../clauses.ts";
import type { Mention, Token } from "../mentions.ts";
import type { PaperState, SentenceInfo } from "../state.ts";
import { ADJECTIVE_SUFFIX_AFTER, LOWER_WORD } from "../vocabulary/clause-cues.ts";
import { APPOSITIVE_STOP, HEAD_NOUNS } from "../vocabulary/head-nouns.ts";
import {
  AND_BEFORE,
  CALLED_BEFORE,
  EG_BEFORE,
  INTRO_CUE,
  IS_PROPOSED,
  NOT_INTRODUCED_BEFORE,
  OPEN_BRACKET_BETWEEN,
  OUR_MODEL_NAMED_BEFORE,
  TO_CREATE_BEFORE,
  USED_NEARBY,
} from "../vocabulary/introduction-cues.ts";

/** The introduction cues of one sentence (which has mentions). */
export function introductionsOf(st: PaperState, s: SentenceInfo, si: number): void {
  const { introducedAt, introCandidates } = st;
  const ms = s.mentions;
  const cs = s.cands;
  // INTRODUCES: names after an introduction cue, not preceded by "from", "than", "with"...
  INTRO_CUE.lastIndex = 0;
  const cueEnds: number[] = [];
  let cueStart = -1;
  for (let m = INTRO_CUE.exec(s.lower); m !== null; m = INTRO_CUE.exec(s.lower)) {
    if (cueStart < 0) cueStart = m.index;
    cueEnds.push(m.index + m[0].length);
    if (m[0].length === 0) INTRO_CUE.lastIndex++;
  }
  if (cueStart >= 0) {
    // The name a cue introduces is the first one after it (with its coordination and its
    // abbreviation); later names are new only when joined by "and" ("X, a model ..., and Y").
    const cited = new Set<number>();
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k] as Mention;
      if (m.start < cueStart) continue;
      // The last cue that ends before the name.
      let cue = -1;
      for (const e of cueEnds) if (e <= m.start) cue = e;
      const before = s.lower.slice(Math.max(cueStart, m.start - 40), m.start);
      // Right after a cue ("the development of the X dataset") X is introduced whatever the cue ends with.
      const rightAfterCue = cue >= 0 && s.lower.slice(cue, m.start).trim().length === 0;
      const joinedTo = AND_BEFORE.test(before.slice(-12)) || groupOf(s, k)[0] !== k;
      const prev = ms[k - 1];
      const partner =
        prev !== undefined &&
        (prev.start === m.start || OPEN_BRACKET_BETWEEN.test(s.clean.slice(prev.end, m.start)));
      if (
        (!rightAfterCue && (NOT_INTRODUCED_BEFORE.test(before) || USED_NEARBY.test(before.slice(-28)))) ||
        EG_BEFORE.test(before) ||
        ADJECTIVE_SUFFIX_AFTER.test(s.lower.slice(m.end, m.end + 8)) ||
        // "(including Foo models and Bar)": a name joined to a cited one is cited too.
        // "such as Group Relative Policy Optimization (GRPO)": the abbreviation of a cited name is cited too.
        ((joinedTo || partner) && cited.has(k - 1))
      ) {
        cited.add(k);
        continue;
      }
      if (rightAfterCue && m.strong) st.introducedNames.add(cs[k] as number);
      introCandidates.push({ si, k, c: cs[k] as number, cue, follows: partner || joinedTo });
    }
  }
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k] as Mention;
    // "to create the Bar benchmark": a name-shaped name right after the purpose of making it, not
    // one describing what is made ("to build a Foo synthesis pipeline").
    if (
      m.strong &&
      TO_CREATE_BEFORE.test(s.lower.slice(Math.max(0, m.start - 30), m.start)) &&
      !describesNoun(s, m)
    ) {
      // Not an introducedName: what is made is a model as often as data, so its type comes
      // from other evidence ("to create Foo-45K, a dataset") or it is not introduced.
      introCandidates.push({ si, k, c: cs[k] as number, cue: m.start, follows: false });
    }
    // "our resulting model, Baz-7B": the paper's own model, named at once (a name typing must still call a model).
    if (m.strong && OUR_MODEL_NAMED_BEFORE.test(s.lower.slice(Math.max(0, m.start - 40), m.start))) {
      st.introducedNames.add(cs[k] as number);
      introCandidates.push({ si, k, c: cs[k] as number, cue: m.start, follows: false });
    }
    if (CALLED_BEFORE.test(s.lower.slice(Math.max(0, m.start - 80), m.start))) {
      const c = cs[k] as number;
      if (!introducedAt.has(c)) introducedAt.set(c, si);
    }
  }
  if (IS_PROPOSED.test(s.lower)) {
    const c = cs[0] as number;
    if (!introducedAt.has(c)) introducedAt.set(c, si);
  }
}

/**
 * Is the name followed at once by a lower-case word that is neither a head noun nor a function
 * word ("Foo synthesis pipeline", not "Foo benchmark" or "Foo for experiments")?
 */
function describesNoun(s: SentenceInfo, m: Mention): boolean {
  const last = s.tokens[m.last] as Token;
  const next = s.tokens[m.last + 1];
  if (next === undefined || last.after !== "" || next.before !== "") return false;
  const w = next.text.toLowerCase();
  return LOWER_WORD.test(next.text) && !HEAD_NOUNS.has(w) && !APPOSITIVE_STOP.has(w);
}
