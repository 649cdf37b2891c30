/**
 * The console's size check, run before anything reaches Neo4j. Neo4j's parser is
 * recursive: `RETURN ((((…1…))))` nested 1,500 deep overflows its stack and the server
 * never answers. Real queries nest a few levels and run to a few hundred tokens, so
 * limits far above that refuse only what could hurt the server.
 */
import type { Token } from "./tokenize.ts";

/** Deepest nesting of (), [] and {} the console accepts. */
export const MAX_NESTING_DEPTH = 64;
/** Most tokens (words, symbols, literals; comments excluded) in one console query. */
export const MAX_TOKENS = 5_000;
/** Longest run of prefix operators (`NOT NOT …`, `- - …`), which nest like brackets. */
export const MAX_PREFIX_RUN = 32;

export type ComplexityVerdict = { ok: true } | { ok: false; reason: string; offset: number };

const OPEN = new Set(["(", "[", "{"]);
const CLOSE = new Set([")", "]", "}"]);

function isPrefixOperator(token: Token): boolean {
  if (token.kind === "symbol") return token.text === "-" || token.text === "+";
  return token.kind === "word" && token.text.toUpperCase() === "NOT";
}

/** Whether the tokens (comments already removed) are within the console's limits. */
export function checkComplexity(code: readonly Token[]): ComplexityVerdict {
  if (code.length > MAX_TOKENS) {
    return {
      ok: false,
      offset: code[MAX_TOKENS]?.offset ?? 0,
      reason: `console: the query has ${code.length} tokens; the console accepts at most ${MAX_TOKENS}. Pass long lists as parameters.`,
    };
  }
  let depth = 0;
  let prefixRun = 0;
  for (const token of code) {
    if (token.kind === "symbol" && OPEN.has(token.text)) {
      depth++;
      if (depth > MAX_NESTING_DEPTH) {
        return {
          ok: false,
          offset: token.offset,
          reason: `console: the query nests brackets more than ${MAX_NESTING_DEPTH} deep; the console refuses it before it reaches Neo4j (its parser would overflow).`,
        };
      }
    } else if (token.kind === "symbol" && CLOSE.has(token.text)) {
      depth = Math.max(0, depth - 1);
    }
    prefixRun = isPrefixOperator(token) ? prefixRun + 1 : 0;
    if (prefixRun > MAX_PREFIX_RUN) {
      return {
        ok: false,
        offset: token.offset,
        reason: `console: more than ${MAX_PREFIX_RUN} operators in a row (NOT, -, +); the console refuses it before it reaches Neo4j.`,
      };
    }
  }
  return { ok: true };
}
