/**
 * Shapes of names that tell their type or that they are no entity: size and variant suffixes
 * of models ("-7B", "-Instruct"), size suffixes of data sets ("-32K"), plural acronyms of kinds
 * of models ("LLMs"), compounds that describe ("LLM-based"), hardware ("A100"). Used by typing
 * and by the stop-name test (lexicon.ts). Source: the field's naming conventions.
 */

/** "MedAction-32K": a data set's size. */
export const DATASET_SIZE_SUFFIX = /-\d+(?:\.\d+)?[KM]$/;
/**
 * "SwanData-Speech", "FooCorpus", "Foo-Data": a name built on a word for data, after another part
 * ("DataMind", a name starting with it, says nothing; nor "Update-to-Data", a phrase). Not "Set":
 * "VecSet", "Coreset" name representations and methods as often as data.
 */
export const DATA_NAME_PART = /(?<!-[Tt]o-)(?<=[a-z0-9]-?)(?:Data|Corpus)(?:-|$)/;
/** "Foo-7B": a model's size. */
export const MODEL_SIZE_SUFFIX = /-\d+(?:\.\d+)?B$/;
/** "Foo-R1", "Foo-VL", "Foo-Instruct": a model's variant. */
export const MODEL_VARIANT_SUFFIX = /-R1$|-VL$|-V\d$|-Instruct$|-Chat$|-Coder$|-Base$/;
/** "FocalLoss", "Dice-Loss": a training objective. */
export const LOSS_SUFFIX = /(?:^|[a-z0-9-])Loss$/;
/** "UNet", "Res-Net-50": a network, when the "Net" follows a letter ("[a-z-]Net", "[A-Z]Net"). */
export const NET_SUFFIX = /(?:Net|NET)(?:-?v?\d+)?$/;
export const NET_AFTER_LETTER = /[a-z-]Net|[A-Z]Net/;

/** "CNNs", "LLMs": an acronym's plural (a generic term when the singular is one). */
export const ACRONYM_PLURAL = /^[A-Z]{2,6}s$/;
/** Plurals of the kinds of models and parts, whatever precedes them ("MLLMs", "GNNs"). */
export const GENERIC_KIND_PLURAL = /(?:LLM|LM|VLM|GNN|CNN|RNN|GAN|VAE|MLP|API|GPU|GUI)s$/;
export const CAPITALS_PLURAL = /[A-Z]{2,}s$/;
/** "LLM-based", "task-specific", "Pareto-optimal", "Foo-ready": a describing compound, no name. */
export const DESCRIBING_COMPOUND =
  /-(?:based|like|style|level|wise|free|aware|guided|driven|only|scale|specific|optimal|ready|centric|friendly|oriented|agnostic|compatible|conditioned|invariant|efficient|intensive|dependent|independent|constrained|sensitive)$/i;
/** "Top1Acc", "mAcc": an accuracy metric's short name. */
export const ACCURACY_SHORT = /acc$/i;
/** Hardware: "A100", "H100", "RTX 4090", "MI210", "TPU v4". */
export const HARDWARE =
  /^(?:[AHBLVT]\d{2,3}|RTX ?\d{4}|MI\d{3}X?|TPU ?v?\d|[A-Z]{2,5} (?:[AHBLVT]\d{2,3}|MI\d{3}X?|RTX ?\d{4}))$/;
/**
 * "single-image-to-3D", "state-of-the-art": a lower-case hyphenated phrase with a function word in
 * it describes, it names nothing ("fineweb-edu", "s1K" have none).
 */
export const HYPHENATED_PHRASE =
  /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:to|of|and|the|for|in|with|by|on|from|vs|or|a)-[a-z0-9-]*[a-z0-9]$/i;
/**
 * "Reconstruction", "Generation", "Alignment": one capitalised abstract noun (the name of a stage,
 * a step or a section), never a model or a data set.
 */
export const ABSTRACT_NOUN = /^[A-Z][a-z]{3,}(?:tion|sion|ment|ness|ance|ence|ing)$/;
/**
 * "gpt-4o", "claude-sonnet-4.5", "gemini-2.5-pro", "foo-5-2025-08-07": a model written in lower
 * case as its API names it: words, then a version with a dot or a letter, or parts after it.
 * A bare "word-number" ("covid-19", "top-5") is no model name; MODEL_ID_TAIL checks the parts after.
 */
export const LOWER_CASE_MODEL_ID =
  /^[a-z]{2,12}(?:-[a-z]{2,12}){0,2}-(\d{1,2}(?:\.\d{1,2})?[a-z]?)((?:-[a-z0-9]{1,12}){0,4})$/;
/** A part after a lower-case model's version: a number ("-2025", "-8b") or a variant word ("-pro"). */
export const MODEL_ID_TAIL_PART = /^\d/;
