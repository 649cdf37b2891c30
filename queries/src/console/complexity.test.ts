import { describe, expect, it } from "vitest";
import { checkComplexity, MAX_NESTING_DEPTH, MAX_PREFIX_RUN, MAX_TOKENS } from "./complexity.ts";
import { tokenizeCypher } from "./tokenize.ts";

const verdict = (query: string) =>
  checkComplexity(tokenizeCypher(query).tokens.filter((t) => t.kind !== "comment"));

describe("console complexity limits", () => {
  it("refuses the nesting that overflowed Neo4j's parser (1,500 parentheses)", () => {
    const nested = `RETURN ${"(".repeat(1500)}1${")".repeat(1500)}`;
    const result = verdict(nested);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/nests brackets more than 64 deep/);
  });

  it("refuses deep lists and maps, and long runs of prefix operators", () => {
    expect(
      verdict(`RETURN ${"[".repeat(MAX_NESTING_DEPTH + 1)}${"]".repeat(MAX_NESTING_DEPTH + 1)}`).ok,
    ).toBe(false);
    expect(
      verdict(`RETURN ${"{a:".repeat(MAX_NESTING_DEPTH + 1)}1${"}".repeat(MAX_NESTING_DEPTH + 1)}`).ok,
    ).toBe(false);
    expect(verdict(`RETURN ${"NOT ".repeat(MAX_PREFIX_RUN + 1)}true`).ok).toBe(false);
    expect(verdict(`RETURN ${"- ".repeat(MAX_PREFIX_RUN + 1)}1`).ok).toBe(false);
  });

  it("refuses more tokens than the limit and accepts ordinary queries", () => {
    expect(verdict(`RETURN ${Array.from({ length: MAX_TOKENS }, () => "1").join("+")}`).ok).toBe(false);
    expect(verdict("MATCH (a:Model)-[:BASED_ON*1..3]->(b) WHERE NOT a.key IN ['x'] RETURN a, b").ok).toBe(
      true,
    );
    expect(verdict(`RETURN ${"(".repeat(MAX_NESTING_DEPTH)}1${")".repeat(MAX_NESTING_DEPTH)}`).ok).toBe(true);
    // Brackets inside strings and comments do not count.
    expect(verdict(`RETURN '${"(".repeat(500)}' // ${"[".repeat(500)}`).ok).toBe(true);
  });
});
