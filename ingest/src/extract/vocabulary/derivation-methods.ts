/**
 * How a model was made from its base (the `method` of BASED_ON), read from the words of the
 * derivation's verb, of its sentence and of the paper. Used by relations/based-on-method.ts,
 * which tries the entries in order. Source: graph-model.md's BasedOnMethod values and the
 * words papers use for each.
 */
import type { BasedOnMethod } from "@kg/graph-schema";

export interface MethodCue {
  method: BasedOnMethod;
  /** Tested on the verb of the derivation (lower case). */
  verb?: RegExp;
  /** Tested on the sentence (lower case). */
  sentence?: RegExp;
}

/** Tried in order: the first that matches the verb or the sentence gives the method. */
export const METHOD_BY_WORDS: readonly MethodCue[] = [
  { method: "adapter", sentence: /\b(?:q?lora|adapters?|peft|prefix-tuning|prompt-tuning|dora)\b/ },
  { method: "distillation", verb: /distill/, sentence: /\bdistill/ },
  { method: "upcycling", verb: /upcycl/, sentence: /\bupcycl/ },
  { method: "merge", verb: /merg/, sentence: /\bmodel merging\b|\bmerged\b/ },
  { method: "quantization", verb: /quantiz/, sentence: /\bquantiz/ },
  {
    method: "post-training",
    verb: /post-?train/,
    sentence: /\bpost-?train|\brlhf\b|reinforcement learning|\bgrpo\b|\bdpo\b|\bppo\b/,
  },
  {
    method: "continued-pretraining",
    verb: /continu\w*[- ]pre-?train/,
    sentence: /\bcontinu\w*[- ]pre-?train/,
  },
  {
    method: "fine-tune",
    verb: /fine-?tun|finetun|instruction-tun|tuned|adapted/,
    sentence: /\bfine-?tun|\bsft\b|instruction[- ]tun/,
  },
];

/** "initialized with pretrained Foo", "starting from Foo": where the weights came from, not how. */
export const INITIALISATION_VERB = /initiali[sz]/;
/** "a pre-trained", "the pretrained": the participle as an adjective of the base model, after its determiner. */
export const PRETRAINED_ADJECTIVE = /\b(?:a|an|the|its|our|their)\s+pre-?trained\b/g;
/** Verbs of pretraining: "pre-trained from Foo". */
export const PRETRAINING_VERB = /pre-?train|trained from scratch/;
/**
 * Words that say nothing of how ("X extends Y", "Starting from Y, X …", "compared with the base model Y", "we
 * apply our method to Y, creating X"): the paper's subject does. Not "built upon" or "based on": what is built
 * on a model is as often a new architecture ("other") as a tuned one.
 */
export const VAGUE_DERIVATION_VERB =
  /extend|initiali|on top of|\bstart|\bbase\s+model|\bappl(?:y|ies|ied|ying)\b|\bcreating\b/;
/** What the whole paper says of its making, tried in order after a vague verb. */
export const METHOD_BY_PAPER: ReadonlyArray<[RegExp, BasedOnMethod]> = [
  [/\bupcycl/, "upcycling"],
  [/\bdistill/, "distillation"],
  [/\bcontinu\w*[- ]pre-?train/, "continued-pretraining"],
  [/\bmodel merging\b/, "merge"],
  [/\bquantiz/, "quantization"],
  // A paper about reinforcement learning or preference optimisation post-trains its base (after the rarer
  // methods above, which such papers also use). Not "fine-tuning": papers that extend an architecture say it too.
  [/\bpost-?train|\brlhf\b|reinforcement learning|\bgrpo\b|\bdpo\b|\bppo\b|\brlvr\b/, "post-training"],
];
