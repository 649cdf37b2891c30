/**
 * Words for generated names, titles and abstracts: a research vocabulary for
 * readable text, and pronounceable pseudo-words for the long tail, so the full-text
 * index sees a realistic Zipf-shaped dictionary.
 */
import type { Random } from "./random.ts";

export const RESEARCH_WORDS = (
  "model models language large vision multimodal reasoning medical clinical benchmark dataset training " +
  "fine-tuning instruction tuning alignment preference reinforcement learning reward policy agent agents " +
  "tool retrieval augmented generation evaluation accuracy robustness efficiency scaling parameter efficient " +
  "adapter low-rank distillation quantization pruning sparse mixture experts transformer attention decoder " +
  "encoder diffusion image video audio speech text code mathematical math chemistry biology protein molecule " +
  "genomics radiology pathology segmentation detection classification report generation question answering " +
  "summarization translation dialogue safety hallucination factuality calibration uncertainty interpretability " +
  "knowledge graph structured data synthetic corpus curated annotated expert human feedback zero-shot few-shot " +
  "in-context chain-of-thought planning embodied robotics navigation manipulation simulation physics scientific " +
  "discovery materials weather climate finance legal education multilingual low-resource long-context memory " +
  "compression inference latency throughput hardware training recipe pretraining continued upcycling merging " +
  "state-of-the-art outperforms baseline baselines significant improvement gains results experiments ablation " +
  "novel framework approach method pipeline architecture module objective loss contrastive self-supervised " +
  "supervised semi-supervised weakly labels noise domain adaptation transfer generalization out-of-distribution"
).split(" ");

const ONSETS = [
  "b",
  "br",
  "c",
  "ch",
  "d",
  "dr",
  "f",
  "g",
  "gr",
  "k",
  "l",
  "m",
  "n",
  "p",
  "pr",
  "qu",
  "r",
  "s",
  "st",
  "t",
  "tr",
  "v",
  "z",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const CODAS = ["", "n", "r", "s", "x", "l", "m", "th", "nd", "rk"];

/** A pronounceable word of 2–3 syllables. */
export function pseudoWord(random: Random): string {
  const syllables = 2 + random.int(2);
  let word = "";
  for (let i = 0; i < syllables; i++) {
    word += random.pick(ONSETS) + random.pick(VOWELS) + (i === syllables - 1 ? random.pick(CODAS) : "");
  }
  return word;
}

/** A vocabulary of `size` distinct words: the research words first, then pseudo-words. */
export function vocabulary(random: Random, size: number): string[] {
  const words = new Set(RESEARCH_WORDS);
  while (words.size < size) words.add(pseudoWord(random));
  return [...words];
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
