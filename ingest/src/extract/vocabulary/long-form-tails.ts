/**
 * Last words of a long form ("… Memory Network (RSM-Net)") or of a multi-word name that say
 * what kind of thing it names. Used by typing. Source: the type nouns of task, model, method
 * and data set names as the field writes them.
 */
import { wordSet } from "./words.ts";

/** A task, not a thing: "... Segmentation (RVOS)". */
export const TASK_TAILS = wordSet(`
  segmentation detection assessment grounding recognition compression answering captioning retrieval
  classification estimation tracking prediction forecasting translation summarization localization
  registration reconstruction synthesis diagnosis analysis understanding generation editing parsing
  comprehension matching completion inpainting super-resolution denoising restoration planning navigation manipulation
  tomography imaging resonance ophthalmoscopy
`);
/** A Model: "... Memory Network (RSM-Net)". */
export const MODEL_TAILS_WORDS = wordSet(`
  model network net transformer encoder decoder agent assistant llm gpt bert former machine
`);
/** A Method: "... Policy Optimization (GRPO)". */
export const METHOD_TAILS_WORDS = wordSet(`
  optimization learning tuning fine-tuning training attention pooling adapter adaptation distillation
  alignment prompting regularization normalization sampling decoding search reward rewards loss
  mechanism module strategy algorithm paradigm aligner scheme embedding encoding augmentation
  parametrization parameterization preconditioning routing merging quantization pruning
`);
/** A Dataset or Benchmark. */
export const DATASET_TAILS_WORDS = wordSet(
  `dataset corpus benchmark bench collection database challenge suite set`,
);

/** "Large Language Models", "Retrieval Agents": a descriptive plural phrase, no name. */
export const PLURAL_TYPE_PHRASE = /^(?:[\p{L}-]+ )+(?:Models|Networks|Agents|Transformers|LLMs|Systems)$/u;
/** "Retrieval Model": a descriptive phrase of one or two words before a type word. */
export const TYPE_PHRASE = /^(?:[\p{L}-]+ ){1,2}(?:Model|Network|Dataset|Benchmark|Framework|Method|Agent)$/u;
/** "Large Vision-Language Models (LVLMs)": a long form that names a kind of model, not one. */
export const GENERIC_MODEL_LONG_FORM =
  /^(?:large |multimodal |vision[- ]|visual |small |pre-?trained )*(?:language|vision-language|foundation|diffusion) models?$/i;
/** "FeTA Challenge 2022" and "FeTA 2022": the type word a name may hold before its number. */
export const TYPE_WORD_BEFORE_NUMBER = / (?:Challenge|Benchmark|Dataset|Corpus) \S+$/;
export const TYPE_WORD_BEFORE_NUMBER_ONLY = / (?:Challenge|Benchmark|Dataset|Corpus)(?= \S+$)/;
