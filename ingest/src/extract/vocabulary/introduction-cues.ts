/**
 * How abstracts say that they introduce something ("we present", "this paper proposes", "the
 * release of"), and the words before a name that show it is used or cited instead ("via",
 * "compared with"). Used by the INTRODUCES reading (relations/introductions.ts). Source: the
 * verbs of contribution statements in abstracts; tuned on the dev gold.
 */

/**
 * An introduction cue: the names after it are candidates for what the paper introduces. A verb
 * joined by "and" to a clause of "we" is one too ("we study Foo's limits and propose Baz").
 */
export const INTRO_CUE =
  /\b(?:we|this (?:paper|work|article|study|report|survey)|our (?:work|paper|team)|it)\s+(?:\w+\s+){0,2}?(?:introduce|present|propose|construct|curate|develop|build|release|establish|create|design|collect|contribute|devise|formulate|open-source|term|call|name|dub|unveil|report)(?:s|d|ed)?\b|\b(?:introduc|propos|present|develop|releas|construct|curat)(?:es|s|ing) (?:a |an |the )?(?:new |novel |first )?|\b(?:newly|our) (?:introduced|proposed|presented|developed|constructed|curated) |\b(?:introduction|development|release|construction) of (?:the |a |an |our )?|\band(?<=\bwe\b[^.;:]{0,120}and) (?:then |further |also |thus |finally )?(?:introduce|present|propose|release)\b/g;
/**
 * Right before a name: "… to a video corpus to create the Bar benchmark", "… pipeline to construct
 * Foo-45K, a dataset": what a sentence does something "to create" is new, when named at once.
 */
export const TO_CREATE_BEFORE = /\bto (?:create|construct|build|curate|assemble) (?:the |a |an |our )?$/;
/**
 * Right before a name: "our model, Baz", "our resulting model Baz-7B", "our fine-tuned model, named Baz": the paper names its own model
 * (not "our model outperforms Foo": the name must follow at once).
 */
export const OUR_MODEL_NAMED_BEFORE =
  /\bour\s+(?:resulting\s+|final\s+|proposed\s+|trained\s+|fine-?tuned\s+|best\s+)?(?:model|llm|mllm|vlm|agent)s?\s*,?\s*(?:(?:named|called|dubbed)\s+)?$/;
/** A name a little after "via", "with", "e.g." is something used or cited, not introduced. */
export const USED_NEARBY =
  /\b(?:from|via|using|with|than|against|such as|including|like|e\.g\.|i\.e\.|based on|built on|trained on)\b[^.;,:()]{0,25}$/;
/** "called X", "dubbed X": the name is introduced wherever the cue stands. */
export const CALLED_BEFORE = /\b(?:called|dubbed|named|termed|coined)\s+(?:[\w-]+\s+){0,6}\(?$/;
/** A preposition or comparison just before a name: it is cited, not introduced. */
export const NOT_INTRODUCED_BEFORE =
  /\b(?:from|on|than|over|such as|including|like|via|using|with|of|by|to|upon|against|beyond|versus|vs|outperforms?|surpass(?:es)?|extends?|extending|leveraging|revisiting|through)\s+(?:the\s+|a\s+|an\s+|existing\s+|strong\s+|prior\s+)?[\w-]{0,30}\s*$/;
/**
 * "we build a ", "we propose a simple but effective ": the introduction right before a lower-case
 * description of the paper's own system ("… a flow-based language model (FLM)").
 */
export const INTRODUCED_DESCRIPTION_BEFORE =
  /\b(?:we|this (?:paper|work|article|study|report))\s+(?:\w+\s+){0,2}?(?:introduce|present|propose|build|develop|design|devise|create|construct|release|train|obtain|term|call|name|dub)(?:s|d|ed)?\s+(?:(?:a|an|the|our)\s+)?(?:[\w-]+,?\s+){0,4}$/;
/** "e.g." or "i.e." just before. */
export const EG_BEFORE = /\be\.g\.,?\s*$|\bi\.e\.,?\s*$/;
/** Only an opening bracket between two names: "Long Form (LF)". */
export const OPEN_BRACKET_BETWEEN = /^\s*\(\s*$/;
/** "and" just before. */
export const AND_BEFORE = /\band\s+(?:the\s+|a\s+|an\s+)?$/;
/**
 * Right before a one-word name the sentence coins: "we propose ", "this paper introduces ",
 * "we present a method called ". Names that read as abstract nouns ("Loopholing") count then.
 */
export const COINED_BEFORE =
  /\b(?:we|this (?:paper|work|article|study|report))\s+(?:\w+\s+){0,2}?(?:introduce|present|propose|unveil)(?:s|d)?\s+$|\b(?:called|dubbed|named|termed)\s+$/i;
/** "X is proposed". */
export const IS_PROPOSED = /\b(?:is|are) (?:proposed|introduced|presented)\b/;

/** The rest of a title after "Name:" that says the name is a model ("…: A Foundation Model for …"). */
export const TITLE_MODEL_WORDS =
  /\b(?:model|models|llms?|mllms?|vlms?|agents?|assistant|network|transformer|foundation|generalist|detector|segmenter)\b/;
/** The same for a benchmark or data set ("…: A Benchmark for …"). */
export const TITLE_BENCHMARK_WORDS = /\b(?:benchmark|benchmarking|dataset|corpus|arena|leaderboard)\b/;
/** The same, in the test of whether a paper names its own data set. */
export const TITLE_DATA_WORDS = /\b(?:datasets?|data sets?|corpus|corpora|benchmarks?|benchmarking)\b/i;
