import { describe, expect, it } from "vitest";
import { isStopName } from "./lexicon.ts";
import {
  cleanSentence,
  expandSizes,
  findAbbreviations,
  findMentions,
  isStrongToken,
  tokenize,
} from "./mentions.ts";

function names(sentence: string): string[] {
  const clean = cleanSentence(sentence);
  return findMentions(clean, tokenize(clean), new Set()).map((m) => m.surface);
}

describe("findMentions", () => {
  it("reads multi-word names whole", () => {
    expect(names("We introduce Kimi K2.5, an open-source model.")).toEqual(["Kimi K2.5"]);
    expect(names("Clinicians prefer Med-PaLM M reports.")).toEqual(["Med-PaLM M"]);
    expect(names("It outperforms Med-PaLM 2 by a margin.")).toEqual(["Med-PaLM 2"]);
    expect(names("gains on AlpacaEval~2 length-controlled win rate")).toEqual(["AlpacaEval 2"]);
    expect(names("The multi-center FeTA Challenge 2022 focuses on MRI.")).toEqual(["FeTA Challenge 2022"]);
    // A family's version with its size after a space: "Foo 3.1-8B" is one name, not the family alone.
    expect(names("It is built on Foobar 3.1-8B and scaled.")).toEqual(["Foobar 3.1-8B"]);
  });
  it("a hyphen typed for a dash before an article ends the name: 'Foo-the largest …', 'Foo-a benchmark …'", () => {
    expect(names("We introduce QuarkMillion-the largest motion dataset to date.")).toEqual(["QuarkMillion"]);
    expect(names("We propose ZelBench-a lightweight visual benchmark.")).toEqual(["ZelBench"]);
    // Inside a compound the article is part of it.
    expect(names("ZelNet is a state-of-the-art detector.")).toEqual(["ZelNet"]);
  });
  it("reads the name inside a '-based' compound before a common noun, not in a Title Case name", () => {
    expect(names("We present Baz, a Qwen3.5-based agent.")).toEqual(["Baz", "Qwen3.5"]);
    expect(names("It uses a FooBERT-based classifier.")).toEqual(["FooBERT"]);
    expect(names("We propose Region-based Dragging for edits.")).toEqual(["Region-based Dragging"]);
  });
  it("keeps variants apart", () => {
    expect(names("Models Qwen2.5-7B and Qwen2.5-7B-Instruct differ.")).toEqual([
      "Qwen2.5-7B",
      "Qwen2.5-7B-Instruct",
    ]);
  });
  it("drops generic words at the edge of a name and splits metric scores", () => {
    expect(names("It beats the SOTA UnSAM model with AP+6.9 on COCO.")).toEqual(["UnSAM", "COCO"]);
  });
  it("takes no score after a name for its version", () => {
    expect(names("It reaches 4.71 (vs. Foo-3-Pro 4.706, Bar-4.1 0.903).")).toEqual(["Foo-3-Pro", "Bar-4.1"]);
  });
  it("keeps a parameter size before 'models' in the name, and a count before other nouns out", () => {
    expect(names("Our method on Foobar 3.1 8B models improves.")).toEqual(["Foobar 3.1 8B"]);
    expect(names("We test Foobar 3 tasks.")).toEqual(["Foobar"]);
  });
  it("reads lower-case model ids with a version, without their provider route", () => {
    expect(
      names("scores: zork-lite-4.5 36%, zork-5-2025-08-07 34%, acme/zork-2.5-pro 24%, and zork-4o 16%."),
    ).toEqual(["zork-lite-4.5", "zork-5-2025-08-07", "zork-2.5-pro", "zork-4o"]);
    expect(names("the covid-19 cases, top-5 accuracy and covid-19-related data")).toEqual([]);
    // A bare "word-number" only in a known family.
    expect(names("We test gpt-4 and covid-19 data.")).toEqual(["gpt-4"]);
  });
  it("keeps a Title Case track after a name when a data noun closes the list", () => {
    expect(names("Results on FooQA Long-Form and BarQA Multi-Hop benchmarks improve.")).toEqual([
      "FooQA Long-Form",
      "BarQA Multi-Hop",
    ]);
    expect(names("We apply FooNet Self-Reflection to tasks.")).toEqual(["FooNet", "Self-Reflection"]);
  });
  it("keeps one capitalised word after a one-token name in running text as its edition", () => {
    expect(names("We test FooQA Diamond, BarNet Mobility and Baz-7 Kontext.")).toEqual([
      "FooQA Diamond",
      "BarNet Mobility",
      "Baz-7 Kontext",
    ]);
    // Not after a company or a generic term, not a cited author, not in Title Case text.
    expect(names("It runs on NVIDIA Zorp at 30 ms.")).toEqual(["NVIDIA", "Zorp"]);
    expect(names("On FooBench Smith et al. (2014) it helps.")).toEqual(["FooBench", "Smith"]);
    expect(names("Improving FooNet Robustness With Data")).toEqual(["FooNet", "Data"]);
  });
  it("takes no Title Case describing compound for a name", () => {
    expect(names("Toward Foo1-Like Reasoning in Small Models")).toEqual([]);
    expect(names("we train Foo1-Like Reasoning models")).toEqual([]);
  });
  it("ends a name at a capitalised 'Bench'", () => {
    expect(names("Results on FooResearch Bench improve.")).toEqual(["FooResearch Bench"]);
  });
  it("keeps the star of a one-letter name, not markdown's emphasis", () => {
    expect(names("Experiments on Q*, FooBench and **BarQA** improve.")).toEqual(["Q*", "FooBench", "BarQA"]);
    expect(names("Results on Q* Bench improve.")).toEqual(["Q*"]);
  });
  it("ignores LaTeX markup and a plural's glued apostrophe", () => {
    expect(names("a quasi-Newton optimizer, \\textbf{SOAP}, helps")).toEqual(["SOAP"]);
    expect(names("without a unified evaluation of MLLMs'general intelligence")).toEqual([]);
  });
});

describe("isStopName: metrics, modalities and generic terms are never entities", () => {
  it.each([
    "BLEU-4",
    "ROUGE-L",
    "AUROC",
    "Dice",
    "BERTScore",
    "F1",
    "mIoU",
    "CT",
    "MRI",
    "PET",
    "PET/CT",
    "LLM",
    "LLMs",
    "MLLMs",
    "MoE",
    "SFT",
    "RL",
    "CoT",
    "Dice Similarity Coefficient",
    "LLM-based",
    // Languages, question-answering tasks and plural acronyms (vocabulary/not-entities.ts).
    "Polish",
    "Korean",
    "VideoQA",
    "image-QA",
    "KB-VQA",
    "VFMs",
    "ZQMs",
  ])("%s", (name) => {
    expect(isStopName(name)).toBe(true);
  });
  it.each([
    "GPT-4",
    "COCO",
    "Qwen2.5-7B",
    "MedQA",
    "SegAnyPET",
    "LoRA",
    "TextVQA",
    "Polish-Foo-7B",
  ])("keeps %s", (name) => {
    expect(isStopName(name)).toBe(false);
  });
  it("does not take compound adjectives for names", () => {
    expect(isStrongToken("LLM-powered")).toBe(false);
    expect(isStrongToken("quasi-Newton")).toBe(false);
    expect(isStrongToken("Self-Supervised")).toBe(false);
    expect(isStrongToken("nnU-Net")).toBe(true);
  });
});

describe("findAbbreviations", () => {
  it("pairs a Title Case long form with its short form", () => {
    const clean = "We then introduce Med-PaLM Multimodal (Med-PaLM M), our proof of concept.";
    const pairs = findAbbreviations(clean, tokenize(clean));
    expect(pairs.map((p) => [p.long, p.short, p.longIsName])).toEqual([
      ["Med-PaLM Multimodal", "Med-PaLM M", true],
    ]);
  });
  it("pairs a name with the long form that follows it", () => {
    const clean = "We introduce PET-F2I-41K (PET Findings-to-Impression Benchmark), a benchmark.";
    const pairs = findAbbreviations(clean, tokenize(clean));
    expect(pairs.map((p) => [p.long, p.short])).toEqual([
      ["PET Findings-to-Impression Benchmark", "PET-F2I-41K"],
    ]);
  });
  it("pairs an acronym with the long form that follows it without brackets, only when it spells the acronym", () => {
    const clean = "We propose BAZ-GPT Bounded Alpha's Zeta GPT, a tabular model.";
    const pairs = findAbbreviations(clean, tokenize(clean));
    expect(pairs.map((p) => [p.long, p.short, p.longIsName])).toEqual([
      ["Bounded Alpha's Zeta GPT", "BAZ-GPT", true],
    ]);
    const other = "We compare BAZ-GPT Bounded Quux Zeta GPT and others.";
    expect(findAbbreviations(other, tokenize(other))).toEqual([]);
  });
  it("finds lower-case long forms by their initials", () => {
    const clean = "Training learned image compression (LIC) models is hard.";
    const pairs = findAbbreviations(clean, tokenize(clean));
    expect(pairs.map((p) => [p.long, p.short, p.longIsName])).toEqual([
      ["learned image compression", "LIC", false],
    ]);
  });
});

describe("tokenize", () => {
  it("strips quotes, brackets and possessives, splits at dashes, and marks tokens that could be names", () => {
    const tokens = tokenize("'GLEAN's' (MLLMs'general) GPT-4's quasi-Newton a--b x—y AP+6.9 the o1 ’s");
    expect(tokens.map((t) => [t.before, t.text, t.after, t.named])).toEqual([
      ["'", "GLEAN", "'s'", true],
      ["(", "MLLMs", "'general)", true],
      ["", "GPT-4", "'s", true],
      ["", "quasi-Newton", "", true],
      ["", "a", "", false],
      ["", "b", "", false],
      ["", "x", "", false],
      ["", "y", "", false],
      ["", "AP", "", true],
      ["", "6.9", "", true],
      ["", "the", "", false],
      ["", "o1", "’s", true],
    ]);
  });
});

describe("expandSizes", () => {
  const expanded = (sentence: string): string[] => {
    const clean = cleanSentence(sentence);
    return expandSizes(findMentions(clean, tokenize(clean), new Set())).map((m) => m.surface);
  };
  it("reads 'A/B' written as one token as two names or two versions, not a patch size or one data set's name", () => {
    expect(expanded("It beats QuarSAM/MedQuar and Brelt-2/3.1 on QuarQA.")).toEqual([
      "QuarSAM",
      "MedQuar",
      "Brelt-2",
      "Brelt-3.1",
      "QuarQA",
    ]);
    expect(expanded("It uses a Vexa-L/14 encoder on the CNN/DailyMail corpus.")).toEqual([
      "Vexa-L/14",
      "CNN/DailyMail",
    ]);
  });
});
