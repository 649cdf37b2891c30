/**
 * Training data referred back to: "We construct BarSet … and train Baz on it", "We fine-tune
 * Baz on this dataset", "… and use it to fine-tune Baz". The model is named in the clause; the
 * data is the data set named before it in the sentence, else the one of the sentences before
 * (resolved once types are known, coreference.ts).
 */
import { groupOf } from "../clauses.ts";
import type { Mention } from "../mentions.ts";
import type { PaperState, SentenceInfo } from "../state.ts";
import {
  PRODUCT_NAMED_AFTER,
  TRAIN_X_ON_DATA_REF,
  USE_DATA_REF_TO_MAKE,
  USE_DATA_REF_TO_TRAIN,
  X_TRAINED_ON_DATA_REF,
} from "../vocabulary/coreference-cues.ts";

/** A quick test before the two patterns: no sentence without "on it/this/these" or "use(d) it/this/these" has one. */
const GATE =
  /\b(?:on|to)\s+(?:it|them|this|these)\b|\b(?:use|uses|used|using|leverage\w*|utili[sz]\w*|employ\w*)\s+(?:it|them|this|these|the|our)\b|\b(?:on|with|using)\s+(?:our|this|these)\s/;

/** "Baz (3B)": a size in parentheses after the name is still the name. */
const SIZE_IN_PARENS = /^\(\S{1,30}\)$/;

export function dataCorefOf(st: PaperState, s: SentenceInfo, si: number): void {
  if (!GATE.test(s.lower)) return;
  for (const re of [TRAIN_X_ON_DATA_REF, USE_DATA_REF_TO_TRAIN, USE_DATA_REF_TO_MAKE]) {
    re.lastIndex = 0;
    for (let m = re.exec(s.lower); m !== null; m = re.exec(s.lower)) {
      const [start, end] = m.indices?.[1] ?? [-1, -1];
      // The model trained is the one name the capture starts with, and for "train X on it" all of it
      // but a size in parentheses ("train Baz (3B) on it"); "train a small model on it" names none.
      const k = s.mentions.findIndex((x) => x.start === start);
      if (k < 0) continue;
      // "use the Foo dataset to train Baz": the data is named here, not referred to (the pair rules read it).
      if (re === USE_DATA_REF_TO_MAKE && s.mentions.some((x) => x.start >= m.index && x.start < start))
        continue;
      const rest = s.lower.slice((s.mentions[k] as Mention).end, end).trim();
      if (re === TRAIN_X_ON_DATA_REF && rest.length > 0 && !SIZE_IN_PARENS.test(rest)) continue;
      // "We fine-tune Foo on this dataset and develop Baz": the data trained Baz (made from Foo), not Foo.
      const product = PRODUCT_NAMED_AFTER.exec(s.lower.slice(m.index + m[0].length));
      const at = product === null ? -1 : m.index + m[0].length + product[0].length;
      const p = s.mentions.findIndex((x) => x.start === at);
      const model = s.cands[p >= 0 ? p : k] as number;
      // What is trained on data is a model (the weight of a frame's subject).
      st.roles.push({ cand: model, label: "Model", weight: 1 });
      st.corefData.push({ sentence: si, model, own: true, before: m.index });
    }
  }
  X_TRAINED_ON_DATA_REF.lastIndex = 0;
  for (let m = X_TRAINED_ON_DATA_REF.exec(s.lower); m !== null; m = X_TRAINED_ON_DATA_REF.exec(s.lower)) {
    const end = m.indices?.[1]?.[1] ?? -1;
    const k = s.mentions.findIndex((x) => x.end === end);
    if (k < 0) continue;
    // "Baz-7B and Baz-32B, fine-tuned on our dataset": every model of the coordination; only named data
    // ("our dataset" built without a name gives no edge to a phrase). The data is named in a sentence before
    // (offset 0: none of this sentence's names, "Unlike BarBench, Baz, trained on our data, …").
    for (const g of groupOf(s, k)) {
      const model = s.cands[g] as number;
      st.roles.push({ cand: model, label: "Model", weight: 1 });
      st.corefData.push({ sentence: si, model, own: false, before: 0, referredOnly: true });
    }
  }
}
