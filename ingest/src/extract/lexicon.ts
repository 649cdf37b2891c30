/**
 * Lookups over the vocabularies (vocabulary/): what a name's own letters say it is, whatever
 * the sentence around it — a stop name (metric, modality, generic term, hardware), a name of a
 * well-known model family, a known data set or benchmark, a known technique.
 */
import { keyOf } from "./key.ts";
import { benchmarkShape, KNOWN_BENCHMARKS } from "./vocabulary/benchmarks.ts";
import { KNOWN_DATASETS } from "./vocabulary/datasets.ts";
import { GENERIC_TERMS } from "./vocabulary/generic-terms.ts";
import { METHOD_NAMES } from "./vocabulary/method-names.ts";
import { METRICS } from "./vocabulary/metrics.ts";
import { MODALITIES } from "./vocabulary/modalities.ts";
import { MODEL_FAMILIES, MODEL_TAILS } from "./vocabulary/model-families.ts";
import {
  ABSTRACT_NOUN,
  ACCURACY_SHORT,
  ACRONYM_PLURAL,
  CAPITALS_PLURAL,
  DESCRIBING_COMPOUND,
  GENERIC_KIND_PLURAL,
  HARDWARE,
  HYPHENATED_PHRASE,
} from "./vocabulary/name-shapes.ts";
import { LANGUAGES, PLURAL_ACRONYM, TASK_QA } from "./vocabulary/not-entities.ts";

const stopCache = new Map<string, boolean>();

/** Is this key a metric, a modality or a generic term (never an entity)? Memoised. */
export function isStopName(name: string): boolean {
  const hit = stopCache.get(name);
  if (hit !== undefined) return hit;
  if (stopCache.size > 200_000) stopCache.clear();
  const v = stopName(name);
  stopCache.set(name, v);
  return v;
}

function stopName(name: string): boolean {
  const lower = name.toLowerCase();
  // "Dice Similarity Coefficient", "BLEU score": a metric's name followed by more words.
  const space = lower.indexOf(" ");
  if (space > 0 && METRICS.has(lower.slice(0, space))) return true;
  const key = keyOf(name);
  if (METRICS.has(lower) || MODALITIES.has(lower) || GENERIC_TERMS.has(lower)) return true;
  if (METRICS.has(key) || MODALITIES.has(key) || GENERIC_TERMS.has(key)) return true;
  // Plurals of generic acronyms (LLMs, CNNs, VLMs) and "-based" compounds.
  if (ACRONYM_PLURAL.test(name) && GENERIC_TERMS.has(lower.slice(0, -1))) return true;
  if (PLURAL_ACRONYM.test(name) || LANGUAGES.has(lower) || TASK_QA.test(name)) return true;
  if (CAPITALS_PLURAL.test(name) && GENERIC_KIND_PLURAL.test(name)) return true;
  if (DESCRIBING_COMPOUND.test(name)) return true;
  // "single-image-to-3D" (a phrase), "Reconstruction" (a stage): no name.
  if ((HYPHENATED_PHRASE.test(name) && /^[a-z]/.test(name)) || ABSTRACT_NOUN.test(name)) return true;
  // "LLaMA- and Gemma-based models": a suspended hyphen, half of a describing compound.
  if (name.endsWith("-")) return true;
  // Metric with a number or suffix: BLEU-4, ROUGE-L, F1@5, Recall@10, mAP@0.5.
  const head = lower.split(/[-@:]/)[0] ?? lower;
  if (
    METRICS.has(head) &&
    /^[a-z]+(?:[-@][a-z0-9.]{1,4})?$/i.test(lower) &&
    !/[a-z]{5,}$/.test(lower.slice(head.length))
  )
    return true;
  if (ACCURACY_SHORT.test(name) && name.length <= 10) return true;
  // Hardware: "A100", "H100", "RTX 4090", "MI210", "TPU v4".
  if (HARDWARE.test(name)) return true;
  return false;
}

/** Does this name belong to a well-known model family (GPT-4o, Qwen2.5-7B, Med-PaLM, BioGPT)? */
export function modelFamily(name: string): boolean {
  const lower = name.toLowerCase();
  const parts = lower.split(/[\s/_]+/);
  // A family written in two words: "Stable Diffusion 3.5" (the list writes it "stable-diffusion").
  if (parts.length > 1 && MODEL_FAMILIES.has(`${parts[0]}-${parts[1]}`)) return true;
  for (const part of parts) {
    const pieces = part.split("-");
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k] as string;
      if (MODEL_FAMILIES.has(piece)) return k === 0 || piece.length >= 3;
      // Family followed by a version: qwen2.5, llama3, gpt4o, internvl2.
      const m = /^([a-z]+)[0-9]/.exec(piece);
      if (m?.[1] && MODEL_FAMILIES.has(m[1]) && m[1].length >= 2) return true;
      if (k === 0 && pieces.length > 1 && MODEL_FAMILIES.has(`${piece}-${pieces[1]}`)) return true;
    }
  }
  // "IndicBERTv2", "BioGPT-2": a family tail with a version.
  const bare = name.replace(/-?v?\d+(?:\.\d+)?$/, "");
  for (const tail of MODEL_TAILS) {
    if (
      bare.length > tail.length + 1 &&
      bare.endsWith(tail) &&
      /[A-Za-z]/.test(bare.charAt(bare.length - tail.length - 1))
    ) {
      if (tail === "Net" && !/[a-z]Net$|-Net$|[A-Z]Net$/.test(bare)) continue;
      return true;
    }
  }
  return false;
}

/** Is this name a well-known benchmark or data set, or does it follow a benchmark naming pattern? */
export function datasetVocabulary(name: string): "benchmark" | "dataset" | null {
  const key = keyOf(name);
  const base = key.replace(/-\d+(?:-\d+)*$/, "");
  // "AIME24", "AlpacaEval2", "CIFAR10": a year or version glued to a known name.
  const glued = base.replace(/(?<=[a-z]{3})\d{1,4}$/, "");
  if (KNOWN_BENCHMARKS.has(key) || KNOWN_BENCHMARKS.has(base) || KNOWN_BENCHMARKS.has(glued))
    return "benchmark";
  if (KNOWN_DATASETS.has(key) || KNOWN_DATASETS.has(base) || KNOWN_DATASETS.has(glued)) return "dataset";
  if (benchmarkShape(name)) return "benchmark";
  return null;
}

/** Is this a known technique name (LoRA, DPO, GRPO, Adam)? Preference-optimisation names end in PO. */
export function methodVocabulary(name: string): boolean {
  const key = keyOf(name);
  if (METHOD_NAMES.has(key)) return true;
  return /^[A-Z][A-Za-z-]{0,12}PO$/.test(name) && name.length <= 12;
}
