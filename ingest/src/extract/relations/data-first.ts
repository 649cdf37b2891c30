/**
 * Data named first: "Based on this dataset, we present Baz", "After scaling up to … D, Baz …":
 * the model after the comma TRAINED_ON the data before it (or the data "this dataset" refers to).
 * And its mirror, a model named in a purpose opening before data the main clause makes.
 */
import type { Mention } from "../mentions.ts";
import {
  AMBIGUOUS_OPENING,
  DATA_FIRST_OPENING,
  DATA_MADE_AFTER_PURPOSE,
  TRAINING_PURPOSE_OPENING,
  TRAINING_VERB_AFTER_COMMA,
} from "../rules/pairs.ts";
import type { PaperState, SentenceInfo } from "../state.ts";
import { OWN_DATA, THIS_DATASET } from "../vocabulary/coreference-cues.ts";

export function dataFirstOf(st: PaperState, s: SentenceInfo, si: number): void {
  const { protos, roles, corefData } = st;
  const ms = s.mentions;
  const cs = s.cands;
  // Data first: "Based on this dataset, we present SegAnyPET"; "After scaling up to ... SA-1B, S2-UniSeg ...".
  const opening = DATA_FIRST_OPENING.exec(s.lower);
  if (opening) {
    const comma = s.lower.indexOf(",", opening[0].length);
    if (comma > 0) {
      const dataK = ms.findIndex((m) => m.end <= comma);
      const afterComma = TRAINING_VERB_AFTER_COMMA.exec(s.lower.slice(comma, comma + 80));
      const clause = afterComma ? comma + afterComma[0].length : -1;
      const modelK = ms.findIndex((m) => m.start > comma && m.start <= clause + 40);
      const subjectFirst =
        modelK >= 0 &&
        clause >= 0 &&
        s.lower.slice(clause, (ms[modelK] as Mention).start).trim().length === 0;
      const verbFirst = afterComma !== null && /\bwe\b/.test(afterComma[0]);
      const ambiguous = AMBIGUOUS_OPENING.test(opening[0]);
      if (modelK >= 0 && (verbFirst || (subjectFirst && !ambiguous))) {
        const head = s.lower.slice(0, comma);
        const to: number | "coref" | "just-introduced" | null =
          dataK >= 0
            ? (cs[dataK] as number)
            : referredData(opening[0], head)
              ? "coref"
              : FOUNDATION_REF.test(head)
                ? "just-introduced"
                : null;
        if (to !== null) {
          const mc = cs[modelK] as number;
          if (to === "coref") {
            corefData.push({ sentence: si, model: mc, own: OWN_DATA.test(head) });
          } else if (to === "just-introduced") {
            corefData.push({ sentence: si, model: mc, own: false, justIntroduced: true });
          } else {
            protos.push({
              type: "TRAINED_ON",
              from: mc,
              to,
              sentence: si,
              confidence: 0.75,
              extractor: "pattern:based-on-data",
              need: [["Model"], ["Dataset"]],
            });
            roles.push({ cand: to, label: "Dataset", weight: 1 });
          }
        }
      }
    }
  }
}

/** Model first, in a purpose opening: "To train Baz, we curate Foo-1M": Baz TRAINED_ON Foo-1M. */
export function purposeDataOf(st: PaperState, s: SentenceInfo, si: number): void {
  const ms = s.mentions;
  const model = ms[0];
  const data = ms[1];
  if (model === undefined || data === undefined) return;
  if (!TRAINING_PURPOSE_OPENING.test(s.lower.slice(0, model.start))) return;
  if (!DATA_MADE_AFTER_PURPOSE.test(s.lower.slice(model.end, data.start))) return;
  st.protos.push({
    type: "TRAINED_ON",
    from: s.cands[0] as number,
    to: s.cands[1] as number,
    sentence: si,
    confidence: 0.75,
    extractor: "pattern:trained-for-purpose",
    need: [["Model"], ["Dataset"]],
  });
}

/**
 * Does the opening refer to data the model was trained on ("Based on this dataset", "Trained on these
 * data")? Not "Building on this benchmark, we develop Baz": a benchmark built on is evaluated on, unless
 * the opening says training.
 */
function referredData(opening: string, before: string): boolean {
  const ref = THIS_DATASET.exec(before);
  if (ref === null) return false;
  return ref[1] !== "benchmark" || TRAINING_OPENING.test(opening);
}
/**
 * "Built upon this foundation", "Building on these foundations", "Building on this": what they refer to
 * may be anything, a data set only when the sentence before introduced one (coreference.ts checks).
 */
const FOUNDATION_REF =
  /\b(?:this|these)\s+(?:[\w-]+\s+){0,2}?(?:foundations?|groundwork)\b|\b(?:this|these)\s*$/;
/** An opening of DATA_FIRST_OPENING that says training. */
const TRAINING_OPENING = /train|tun/;
