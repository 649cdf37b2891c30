/**
 * The pair rules (rules/pairs.ts) of one sentence as proto-edges: BASED_ON, TRAINED_ON and
 * USES_METHOD read from the words between two names, with the roles they give the names.
 */
import { groupOf, listSizesFit, sizesFit } from "../clauses.ts";
import type { Mention } from "../mentions.ts";
import {
  BASED_EXTENDS,
  BASED_FORWARD,
  BASED_REVERSE,
  ON_BEFORE,
  PAIR_GATE,
  TRAIN_VERB_BEFORE,
  TRAINED_BY_DATA,
  TRAINED_FORWARD,
  TUNED_X_ON,
  USES_METHOD,
} from "../rules/pairs.ts";
import { type PaperState, type ProtoEdge, paperLower, type SentenceInfo } from "../state.ts";
import { architectureClass } from "../vocabulary/architectures.ts";
import {
  BASE_GOVERNED_BEFORE,
  CLASS_OF_WAYS_BEFORE_VERB,
  DATA_NOUN_BEFORE_VERB,
  FAMILY_AFTER,
  nameQualifiesKind,
  OBJECT_BEFORE,
  OWNED_PRODUCT_AFTER,
  PRODUCT_NOUN_BEFORE_VERB,
} from "../vocabulary/clause-cues.ts";
import { APPOSITIVE_GAP, GENERIC_PLURAL_SUBJECT, HARDWARE_AFTER } from "../vocabulary/evaluation-cues.ts";
import { inferBasedOnMethod } from "./based-on-method.ts";
import { DATA_TRAIN_WORDS } from "./derivation.ts";

/** "X trained on D" read from a pair of names, by the verb between them. */
function trainedOn(from: number, to: number, sentence: number): ProtoEdge {
  return {
    type: "TRAINED_ON",
    from,
    to,
    sentence,
    confidence: 0.8,
    extractor: "pattern:trained-on",
    need: [["Model"], ["Dataset"]],
  };
}

/**
 * Records a pattern read between mentions a and b. It also holds for the names coordinated
 * with the first ("X-7B and X-14B, built on Y-7B/14B"), pairing sizes when the second names several.
 */
export function pushPair(protos: ProtoEdge[], s: SentenceInfo, a: number, b: number, p: ProtoEdge): void {
  const ms = s.mentions;
  const cs = s.cands;
  const A = ms[a] as Mention;
  const B = ms[b] as Mention;
  const forward = p.from === cs[a];
  // "based on Diffusion Transformer (DiT)": a class of networks is no base model.
  if (p.type === "BASED_ON" && architectureClass((forward ? B : A).surface)) return;
  if (forward ? listSizesFit(s, a, b) : listSizesFit(s, b, a)) protos.push(p);
  if (!forward || !(p.type === "BASED_ON" || p.type === "TRAINED_ON")) return;
  const group = groupOf(s, a);
  if (group[group.length - 1] !== a) return;
  for (const g of group) {
    if (g === a || (ms[g] as Mention).start === A.start) continue;
    // A name that is itself an object ("based on BarBERT, and Baz-L, built on …") is no coordinated subject.
    const G = ms[g] as Mention;
    if (OBJECT_BEFORE.test(s.lower.slice(Math.max(0, G.start - 12), G.start))) continue;
    if (sizesFit(ms[g] as Mention, B))
      protos.push({ ...p, from: cs[g] as number, confidence: p.confidence - 0.05 });
  }
}

/** Pairs of mentions in order: BASED_ON, TRAINED_ON, USES_METHOD. */
export function pairsOf(st: PaperState, s: SentenceInfo, si: number): void {
  const { protos, roles } = st;
  const ms = s.mentions;
  const cs = s.cands;
  for (let a = 0; a < ms.length; a++) {
    const A = ms[a] as Mention;
    // "Baz, a Foo-based model trained on D": the stem of a describing compound is neither end of a
    // pair, and the names around it are still adjacent.
    if (A.adjective) continue;
    let adjacent = true;
    for (let b = a + 1; b < ms.length && b <= a + 6; b++) {
      const B = ms[b] as Mention;
      if (b > a + 1 && !(ms[b - 1] as Mention).adjective) adjacent = false;
      if (B.adjective) continue;
      const between = s.lower.slice(A.end, B.start);
      if (between.length > 90) break;
      // Cheap gate, derived from the rules: every pair rule needs one of its cue words between the names.
      if (!PAIR_GATE.test(between) || FAMILY_AFTER.test(between)) continue;
      const ca = cs[a] as number;
      const cb = cs[b] as number;
      // The pair patterns of derivation read adjacent names of one clause only ("Swan-S, based on A, and
      // Swan-L, built on B": B is the base of Swan-L alone); farther pairs are the frames' (nearest subject).
      const fwd = adjacent && !/[;:]/.test(between) ? BASED_FORWARD.pattern.exec(between) : null;
      if (fwd && fwd[2] === "on" && unnamedSubjectBetween(between, fwd.index)) continue;
      // "Baz, a Foo model trained from Bar": Foo qualifies "model", it is not what was made; nor is a
      // class of networks ("the DiT backbone … trained on D").
      if (fwd && (nameQualifiesKind(s.lower, A.start, between) || architectureClass(A.surface))) continue;
      // "trained on Foo's behaviour": something of Foo's, neither Foo as a base nor as data.
      if (fwd && OWNED_PRODUCT_AFTER.test(s.lower.slice(B.end, B.end + 40))) continue;
      // "Baz, that generates dialogue distilled from Foo": what is distilled is the dialogue, not Baz.
      if (fwd && PRODUCT_NOUN_BEFORE_VERB.test(between.slice(0, fwd.index + 1))) continue;
      // "SWE-Foo, the first benchmark built upon Bar": data built on something, no model made from it.
      if (fwd && DATA_NOUN_BEFORE_VERB.test(between.slice(0, fwd.index + 1))) continue;
      // "Existing Foo approaches, mostly built on the Bar detector": a class of ways, not Foo, is built on Bar.
      if (fwd && CLASS_OF_WAYS_BEFORE_VERB.test(between.slice(0, fwd.index + 1))) continue;
      // "deployed on Foo processors": hardware after "on" is no data and no base.
      if (fwd && fwd[2] === "on" && HARDWARE_AFTER.test(s.lower.slice(B.end, B.end + 16))) continue;
      // "a model based on Foo, pretrained on D": the participle describes the model made, not its base Foo.
      if (
        fwd &&
        fwd[2] === "on" &&
        BASE_GOVERNED_BEFORE.test(s.lower.slice(Math.max(0, A.start - 40), A.start))
      )
        continue;
      if (fwd) {
        const verb = fwd[1] as string;
        const prep = fwd[2] as string;
        if (prep === "on" || (prep === "upon" && /trained/.test(verb))) {
          // "fine-tuned on X": a base model or a data set, decided by X's type; what a model is
          // pre-trained on is data ("pre-trained on Foo-627B"), whatever its name's shape says.
          const pretrained = /pre-?trained/.test(verb);
          if (pretrained) roles.push({ cand: cb, label: "Dataset", weight: 2.5 });
          else
            pushPair(protos, s, a, b, {
              type: "BASED_ON",
              from: ca,
              to: cb,
              method: inferBasedOnMethod(verb, s.text, paperLower(st)),
              sentence: si,
              confidence: 0.75,
              extractor: "pattern:tuned-on-model",
              need: [["Model"], ["Model"]],
            });
          // "a framework built on the Foo benchmark": building on data is no training on it.
          if (!/^(?:built|developed|obtained|created)$/.test(verb))
            pushPair(protos, s, a, b, trainedOn(ca, cb, si));
          roles.push({ cand: ca, label: "Model", weight: 1 });
        } else if (
          /trained|built|developed|obtained|created/.test(verb) &&
          prep === "from" &&
          !/pre-?trained|fine|post/.test(verb)
        ) {
          pushPair(protos, s, a, b, {
            type: "BASED_ON",
            from: ca,
            to: cb,
            method: inferBasedOnMethod(verb, s.text, paperLower(st)),
            sentence: si,
            confidence: 0.7,
            extractor: "pattern:built-from",
            need: [["Model"], ["Model"]],
          });
        } else {
          pushPair(protos, s, a, b, {
            type: "BASED_ON",
            from: ca,
            to: cb,
            method: inferBasedOnMethod(verb, s.text, paperLower(st)),
            sentence: si,
            confidence: 0.9,
            extractor: `pattern:${verb.replace(/\s+/g, "-")}-${prep.replace(/\s+/g, "-")}`,
            need: [["Model"], ["Model"]],
          });
          roles.push({ cand: ca, label: "Model", weight: 2 }, { cand: cb, label: "Model", weight: 2 });
        }
        continue;
      }
      const ext = BASED_EXTENDS.pattern.exec(between);
      if (ext) {
        // The edge is the frame "built-upon"'s (its subject is the nearest name, not any before).
        const strongVerb = /extend|version|variant|upcycl|distill|initiali/.test(ext[1] as string);
        if (strongVerb)
          roles.push({ cand: ca, label: "Model", weight: 1.5 }, { cand: cb, label: "Model", weight: 1.5 });
        continue;
      }
      const rev = BASED_REVERSE.pattern.exec(between);
      if (rev) {
        const verb = rev[1] as string;
        pushPair(protos, s, a, b, {
          type: "BASED_ON",
          from: cb,
          to: ca,
          method: inferBasedOnMethod(verb, s.text, paperLower(st)),
          sentence: si,
          confidence: 0.8,
          extractor: "pattern:tune-to-obtain",
          need: [["Model"], ["Model"]],
        });
        continue;
      }
      // "we fine-tune X on D": the frame "trained-on" (rules/derivation.ts), which gives D to the model made.
      if (
        TUNED_X_ON.pattern.test(between) &&
        TRAIN_VERB_BEFORE.test(s.lower.slice(Math.max(0, A.start - 30), A.start))
      ) {
        roles.push({ cand: cb, label: "Dataset", weight: 1 });
        continue;
      }
      const trained = TRAINED_FORWARD.pattern.exec(between);
      // The verb close after the first name: "X, trained on D", not "X (…) and the 17B Y trained with D".
      if (
        trained !== null &&
        trained.index <= 24 &&
        !/[()]/.test(between.slice(0, trained.index)) &&
        !architectureClass(A.surface)
      ) {
        pushPair(protos, s, a, b, trainedOn(ca, cb, si));
        if (ON_BEFORE.test(between))
          roles.push({ cand: cb, label: "Dataset", weight: DATA_TRAIN_WORDS.test(trained[0]) ? 1.5 : 1 });
        continue;
      }
      if (TRAINED_BY_DATA.pattern.test(between)) {
        pushPair(protos, s, a, b, {
          type: "TRAINED_ON",
          from: cb,
          to: ca,
          sentence: si,
          confidence: 0.75,
          extractor: "pattern:used-to-train",
          need: [["Model"], ["Dataset"]],
        });
        continue;
      }
      if (USES_METHOD.pattern.test(between)) {
        pushPair(protos, s, a, b, {
          type: "USES_METHOD",
          from: ca,
          to: cb,
          sentence: si,
          confidence: 0.7,
          extractor: "pattern:via-method",
          need: [["Model"], ["Method"]],
        });
      }
      // "X from NVIDIA" (DEVELOPED) is read once types are known: edgesFromOrganisations.
    }
  }
}

/**
 * "FLARE-1M is generated via models trained on FLARE-100K": a plural common noun just before the
 * verb, not right after the first name ("Foo models trained on …" names them), is the subject.
 * Only for training on data: "Foo, a series of models derived from Bar" is an appositive.
 */
function unnamedSubjectBetween(between: string, verbAt: number): boolean {
  const noun = GENERIC_PLURAL_SUBJECT.exec(between.slice(0, verbAt + 1));
  if (noun === null) return false;
  // "Baz, a family of … models trained on D": an appositive of the name before.
  const gap = between.slice(0, noun.index);
  return gap.trim().length > 0 && !APPOSITIVE_GAP.test(gap);
}
