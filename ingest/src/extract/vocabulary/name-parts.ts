/**
 * Words that decide where a name starts and ends in a sentence. Used by the mention finder
 * (mentions.ts). Source: the field's naming habits ("GPT-4 Turbo", "FeTA Challenge 2022",
 * "LOCA-bench") and the capitalised function words of English sentences.
 */
import { wordSet } from "./words.ts";

/** Words that may follow a model name as part of it: "GPT-4 Turbo", "Qwen2.5 Instruct". */
export const VARIANT_WORDS = wordSet(`
  turbo pro mini max plus ultra instruct chat base large small medium tiny nano micro flash lite
  vision coder code math omni preview thinking reasoning reasoner distill xl xxl light air edge
  sonnet opus haiku
`);

/** Capitalised words that end a name after a name-shaped token: "Evolving WKV Attention", "RSM Network", "FooQA Bench". */
export const NAME_TAIL_WORDS = wordSet(`
  attention module network net loss block layer encoder decoder adapter transformer aligner former
  model models agent bench
`);

/** Capitalised type words that belong to a name when a number follows: "FeTA Challenge 2022". */
export const NAME_HEAD_WORDS = wordSet(`challenge benchmark dataset corpus arena leaderboard`);

/** Nouns after a number that show the number counts things rather than names a version. */
export const COUNT_NOUNS: ReadonlySet<string> = new Set(
  "tasks datasets models images samples times points benchmarks languages categories classes subjects patients cases scans videos tokens steps layers epochs hours days domains scenes questions pairs hospitals centers teams algorithms papers modalities types".split(
    " ",
  ),
);

/** Lower-case endings that belong to names ("LOCA-bench", "Arena-hard"), unlike "-based" or "-powered". */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set([
  "bench",
  "eval",
  "gym",
  "world",
  "arena",
  "hard",
  "test",
  "instruct",
  "chat",
  "zero",
  "mini",
  "tiny",
]);

/** Words that never start a name even when capitalised inside a sentence. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  "The This That These Those Our We Its It In On For And But Or With Without From By To As At Of An A Then Thus Here There However Moreover Furthermore Finally First Second Third Such Each Both All Most Many Some When While Where Which Who Whose Also Besides Specifically Additionally Notably Importantly Overall Unlike Compared Despite Although Since Because Through Using Based Building Beyond Across Among Table Figure Section Appendix Code Experiments Results Extensive Experimental Recent Existing Current Large Small Deep Our Yes No Chinese English Bayesian Gaussian Markov Euclidean Fourier Newton Pareto Transformer Transformers Internet Python Github GitHub Abstract Introduction Conclusion Method Methods Dataset Datasets Model Models Benchmark Benchmarks Challenge Task Tasks Family Level".split(
    " ",
  ),
);

/** Small words a long form may hold without giving an initial: "Segment Anything in PET". */
export const CONNECTORS: ReadonlySet<string> = new Set([
  "of",
  "for",
  "and",
  "the",
  "in",
  "on",
  "to",
  "with",
  "via",
  "from",
  "&",
]);

/**
 * "CodeBERT-based classifier", "Qwen3.5-based agent": a describing suffix whose stem is a name of
 * its own (the mention is the stem; typing decides what it names).
 */
export const STEM_SUFFIX = /-based$/;

/**
 * Nouns that close a list of data sets: "Foo Instance-Image-Goal and Bar Image-Goal benchmarks"
 * (a Title Case compound after a name there names its track or split, and belongs to the name).
 */
export const DATA_NOUNS = wordSet(`
  benchmark benchmarks dataset datasets split splits track tracks subset subsets setting settings
  task tasks suite suites
`);
