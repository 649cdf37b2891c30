/**
 * How abstracts refer back to what they named or built: "this dataset", "our model", "the
 * resulting model", "it achieves", "Experiments show". Used by coreference (coreference.ts)
 * and the patterns that read a model or a data set through it. Source: the anaphora of
 * abstracts; tuned on the dev gold.
 */

import { CLOSED_BEFORE_COMMA } from "./clause-cues.ts";

/** "this dataset", "these benchmarks", "such data": a data set named before. */
export const THIS_DATASET =
  /\b(?:this|these|the|our|that|such)\s+(?:[\w-]+\s+){0,2}?(dataset|datasets|data set|corpus|benchmark)\b|\b(?:this|these)\s+(?:[\w-]+\s+){0,2}?(?:data|resource|collection)\b/;
/**
 * "our model", "the proposed framework", "it outperforms", "On Foo, the system achieves" (the
 * subject of a result), "Experiments show": the paper's main model.
 */
export const MAIN_COREF =
  /\b(?:our|the proposed|this|the resulting)\s+(?:[\w-]+\s+){0,2}?(?:model|method|approach|framework|system|network|agent|architecture|pipeline|llm|mllm)\b|(?:^|^[^,;]{0,80},\s*)(?:it|they|the\s+(?:model|system|framework|architecture|agent))\s+(?:\w+ly\s+)?(?:achiev|outperform|surpass|reach|obtain|set|improv|perform|scor|exceed|attain)|^(?:experiments?|extensive experiments?|experimental results?|results?|evaluations?|extensive evaluations?|comprehensive experiments?)\b/;
/** Head nouns of a method the paper made ("our approach", "Foo, a simple method"). */
const OWN_METHOD_NOUN =
  "(?:method|approach|framework|pipeline|technique|strategy|recipe|paradigm|algorithm|process|procedure)s?";
/** "this method", "our approach", "the proposed framework": the paper's contribution is a method, not a model. */
export const OWN_METHOD_REF = new RegExp(
  `\\b(?:our|the proposed|this)\\s+(?:[\\w-]+\\s+){0,2}?${OWN_METHOD_NOUN}\\b`,
);
/** After a name: "Foo, an iterative flywheel process", "Foo is a simple method": the name is a method's. */
export const METHOD_APPOSITIVE_AFTER = new RegExp(
  `^\\s*(?:\\([^)]{0,80}\\)\\s*)?${CLOSED_BEFORE_COMMA}(?:,\\s*|\\s+(?:is|was)\\s+)(?:a|an)\\s+(?:[\\w-]+,?\\s+){0,4}?${OWN_METHOD_NOUN}\\b`,
);
/** "our model", "the resulting models": a subject that is the paper's own model, not any model. */
export const MAIN_SUBJECT_REF =
  /^(?:our|the resulting|the proposed|the final)\s+(?:[\w-]+\s+){0,2}?(?:model|models|llm|mllm|vlm)\b/;
/** A sentence that builds a data set, corpus or benchmark ("We first build the largest PET dataset"). */
export const BUILDS_DATA =
  /\b(?:build|built|construct|collect|curat|creat|introduc|present|releas|assembl|compil)\w*\s+(?:[\w-]+\s+){0,8}?(?:dataset|data set|corpus|benchmark)\b/;
/** "this dataset", "these benchmarks", "our corpus": the paper's own data, referred back to. */
export const OWN_DATA =
  /\b(?:this|these|our)\s+(?:[\w-]+\s+){0,2}?(?:dataset|datasets|data set|corpus|benchmark|data|resource|collection)\b/;
/** Words of training: "fine-tuned on this dataset" is no evaluation on it. */
export const TRAINS = /\b(?:train|fine-?tun|finetun|pre-?train|post-?train)\w*|\bsft\b|\bcft\b/;
/** BUILDS_DATA on the sentence as written, capturing the words before the head noun and the head noun. */
export const BUILDS_DATA_PHRASE =
  /\b(?:build|built|construct|collect|curat|creat|introduc|present|releas|assembl|compil)\w*\s+((?:[\w-]+\s+){0,8}?)(dataset|data set|corpus|benchmark)\b/i;

/**
 * Words before a data set's head noun that describe no content ("the largest and most
 * comprehensive"): the name of an unnamed data set is made of the other words.
 */
export const GENERIC_MODIFIERS: ReadonlySet<string> = new Set(
  "a an the this that these those our its their his her new novel first ever existing large larger largest big bigger biggest huge massive most more comprehensive extensive high-quality large-scale small-scale diverse rich unique challenging rigorous standardized standardised systematic holistic unified realistic robust reliable principled dedicated specialized specialised public publicly available open open-source real-world carefully manually annotated curated resulting additional several multiple various dataset data set corpus benchmark and or of to with for from in on by as".split(
    " ",
  ),
);

/** A verb of training a model (lower case): what is trained follows ("train Baz", "LoRA fine-tune Baz"). */
const TRAIN_VERB =
  "(?:(?:re|pre-?|post-?|mid-?)?train(?:s|ed|ing)?|(?:fine-?|instruction-?)tun(?:e|es|ed|ing)|finetun(?:e|es|ed|ing))";
/** A verb of making a model from data (lower case): "propose", "develop", "build". */
const MAKE_MODEL_VERB = "(?:propose|develop|build|present|introduce|create|obtain|derive)";
/** The head noun of a model's description before its name ("a novel vision-language model, Baz"). */
const MODEL_NOUN = "(?:model|llm|mllm|vlm|network|agent|encoder|detector|classifier|policy|system|assistant)";
/** "primarily", "then", "further": an adverb between the copula and the verb of training. */
const SEQUENCE_ADVERB = "(?:\\w+ly|then|further|also|first|subsequently|additionally|finally)";
/** Data referred back to after "on": "on it", "on this dataset", "on these data". */
const DATA_REF =
  "(?:it|them|this\\s+(?:[\\w-]+\\s+){0,2}?(?:dataset|data set|corpus|data|collection|resource)|these\\s+(?:[\\w-]+\\s+){0,2}?(?:datasets|data sets|corpora|data|collections))\\b";
/**
 * "… and train Baz on it", "we fine-tune Baz-3B on this dataset": the model trained (the
 * capture, a name of at most four words, or "our model") on data named before. Not "trained
 * on it" after a plural common noun ("models trained on it"): no name is captured then.
 */
export const TRAIN_X_ON_DATA_REF = new RegExp(
  `\\b${TRAIN_VERB}\\s+((?:[^\\s,;.]+\\s+){1,4}?)on\\s+${DATA_REF}`,
  "gd",
);
/**
 * "Baz, trained on our dataset", "Baz-7B and Baz-32B, fine-tuned on this data", "Baz is trained
 * primarily on this corpus", "Baz is then trained on this dataset": the model named right before the verb (the capture is the name's last
 * character, so the mention ending there is found) trained on data named before. Not "our data
 * engine" or "this data pipeline" (a tool that makes data).
 */
export const X_TRAINED_ON_DATA_REF = new RegExp(
  `(\\S)(?:\\s*\\([^)]{0,30}\\))?,?\\s+(?:(?:which|that)\\s+(?:is|are|was|were)\\s+|(?:is|are|was|were)\\s+)?(?:${SEQUENCE_ADVERB}\\s+)?${TRAIN_VERB}\\s+(?:\\w+ly\\s+)?(?:on|with|using)\\s+(?:our|this|these)\\s+(?:[\\w-]+\\s+){0,2}?(?:dataset|datasets|data set|data|corpus|corpora|collection)\\b(?!\\s+(?:engine|pipeline|generator|framework|synthesis|curation|recipe)\\b)`,
  "gd",
);
/** "use it to LoRA fine-tune Baz", "we use this dataset to train Baz": the model trained (capture) on the data referred to. */
export const USE_DATA_REF_TO_TRAIN = new RegExp(
  `\\b(?:use|uses|used|using|leverage|leverages|leveraged|employ|employs|employed)\\s+${DATA_REF}\\s+to\\s+(?:[\\w-]+\\s+)?${TRAIN_VERB}\\s+((?:[^\\s,;.]+\\s+){0,3}?[^\\s,;.]+)`,
  "gd",
);
/**
 * "we leverage the dataset to propose a novel vision-language model, Baz", "we then use these datasets to
 * develop Baz", "use the curated data to train Baz": the model made (capture: its first word) from data
 * named before. A model's description may come between ("a novel … model, Baz"); a name inside the data's
 * words ("use the Foo dataset to train Baz") is checked by the caller.
 */
export const USE_DATA_REF_TO_MAKE = new RegExp(
  `\\b(?:use|uses|used|using|leverage|leverages|leveraged|leveraging|utili[sz]e|utili[sz]es|utili[sz]ed|employ|employs|employed)\\s+(?:(?:the|our)\\s+(?:[\\w-]+\\s+){0,2}?(?:dataset|datasets|data set|corpus|corpora|data)\\s+to\\s+(?:[\\w-]+\\s+)?(?:${TRAIN_VERB}|${MAKE_MODEL_VERB})|(?:this|these)\\s+(?:[\\w-]+\\s+){0,2}?(?:dataset|datasets|data set|corpus|corpora|data)\\s+to\\s+${MAKE_MODEL_VERB})\\s+(?:(?:a|an|our|the)\\s+(?:[\\w-]+\\s+){0,4}?${MODEL_NOUN}\\s*,?\\s*(?:called\\s+|named\\s+|dubbed\\s+|termed\\s+)?)?([^\\s,;.]+)`,
  "gd",
);
/** "… on this dataset and develop Baz", "… on it to obtain Baz": the model made names itself after (anchored after the match). */
export const PRODUCT_NAMED_AFTER =
  /^[^.;]{0,40}?\b(?:and|to)\s+(?:develop|build|obtain|derive|create|produce|yield|get|present|introduce|release)\w*\s+(?:our\s+|the\s+|a\s+|an\s+)?/;
