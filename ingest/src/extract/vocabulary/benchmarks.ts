/**
 * Well-known benchmarks (by normalised key prefix) and the naming conventions of benchmarks.
 * Used by typing: such a name is a Dataset of kind "benchmark". Source: benchmarks whose name
 * means the same thing across the field's papers (leaderboards, evaluation suites); the shapes
 * are the field's habits of naming (MedQ-Bench, MMBench, MedQA, AlpacaEval, Arena-Hard).
 */
import { wordSet } from "./words.ts";

export const KNOWN_BENCHMARKS = wordSet(`
  mmlu mmlu-pro gsm8k math humaneval mbpp hellaswag winogrande arc truthfulqa bbh big-bench gpqa
  aime amc livecodebench swe-bench mt-bench alpacaeval alpaca-eval arena-hard chatbot-arena ifeval
  mmmu mathvista mmbench seed-bench pope mme textvqa docvqa chartqa vqav2 gqa okvqa scienceqa
  medqa pubmedqa medmcqa glue superglue squad drop race boolq piqa siqa openbookqa commonsenseqa
  triviaqa naturalquestions hotpotqa imagenet-a imagenet-r
`);

/** Benchmark naming conventions: MedQ-Bench, MMBench, MedQA, AlpacaEval, Arena-Hard. */
export function benchmarkShape(name: string): boolean {
  const n = name.replace(/[\s~]+\d+(?:\.\d+)?$/, "");
  return (
    /bench(?:mark)?(?:[-\s]?[A-Za-z0-9.]{1,12})?$/i.test(n) ||
    /[a-z0-9]QA(?:[-\s]?\d{0,4})?$/.test(n) ||
    /[a-z]Eval$|-Eval$|EVAL$/.test(n) ||
    /-(?:Hard|Test|Arena)$|Arena$/.test(n)
  );
}
