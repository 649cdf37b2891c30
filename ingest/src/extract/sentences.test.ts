import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.ts";

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("does not split inside version numbers and model names", () => {
    expect(texts("We fine-tune Qwen2.5-7B-Instruct. K2.5 is strong. Llama 3.1 8B too.")).toEqual([
      "We fine-tune Qwen2.5-7B-Instruct.",
      "K2.5 is strong.",
      "Llama 3.1 8B too.",
    ]);
  });
  it("does not split after abbreviations", () => {
    expect(
      texts("Metrics (e.g., BLEU-4) and models, i.e. GPT-4, by Smith et al. are used. Next one."),
    ).toEqual(["Metrics (e.g., BLEU-4) and models, i.e. GPT-4, by Smith et al. are used.", "Next one."]);
  });
  it("splits a period glued to the next sentence", () => {
    expect(
      texts("It achieved top-tier performance in online RL training.On comprehensive benchmarks, it wins."),
    ).toEqual([
      "It achieved top-tier performance in online RL training.",
      "On comprehensive benchmarks, it wins.",
    ]);
  });
  it("keeps URLs and decimals whole and splits on ? and !", () => {
    expect(
      texts("See https://huggingface.co/internlm/Intern-S1. Accuracy is 0.708 here! Why? Because."),
    ).toEqual([
      "See https://huggingface.co/internlm/Intern-S1.",
      "Accuracy is 0.708 here!",
      "Why?",
      "Because.",
    ]);
  });
});
