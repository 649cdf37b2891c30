/**
 * How a model was made from its base (BASED_ON's `method`), from the words of the derivation's
 * verb, of its sentence and of the paper (vocabulary/derivation-methods.ts).
 */
import type { BasedOnMethod } from "@kg/graph-schema";
import {
  INITIALISATION_VERB,
  METHOD_BY_PAPER,
  METHOD_BY_WORDS,
  PRETRAINED_ADJECTIVE,
  PRETRAINING_VERB,
  VAGUE_DERIVATION_VERB,
} from "../vocabulary/derivation-methods.ts";

/** Infers how a model was made from its base from the words of the sentence and of the paper. */
export function inferBasedOnMethod(verb: string, sentence: string, paper: string): BasedOnMethod {
  const s = sentence.toLowerCase();
  // "based on a pre-trained vision-language model Foo": "pre-trained" describes the base, no pretraining of the model made.
  const v = verb.toLowerCase().replace(PRETRAINED_ADJECTIVE, " ");
  for (const cue of METHOD_BY_WORDS) {
    if (cue.verb?.test(v) || cue.sentence?.test(s)) return cue.method;
  }
  // "initialized with pretrained Foo" says where the weights came from, not that pretraining went on.
  if (INITIALISATION_VERB.test(v)) return "other";
  if (PRETRAINING_VERB.test(v)) return "continued-pretraining";
  // "X extends Y" says nothing of how; the paper's subject does ("... MoE upcycling").
  if (!VAGUE_DERIVATION_VERB.test(v)) return "other";
  const p = paper.toLowerCase();
  for (const [words, method] of METHOD_BY_PAPER) if (words.test(p)) return method;
  return "other";
}
