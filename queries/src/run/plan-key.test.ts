import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { planCacheKey, sizeBucket } from "./plan-key.ts";

describe("sizeBucket", () => {
  it("is exact for 0 and 1 and the next power of ten above", () => {
    expect([0, 1, 2, 10, 11, 100, 101, 1000, 1001].map(sizeBucket)).toEqual([
      0, 1, 10, 10, 100, 100, 1000, 1000, 10000,
    ]);
  });
});

describe("planCacheKey", () => {
  const q = "MATCH (m:Model {key: $key}) RETURN m";
  it("tells apart strings of different size buckets and keeps one bucket together", () => {
    // "\u0000warm-up" (8) and a typical model key (11–100) are two plans in Neo4j.
    expect(planCacheKey(q, { key: "\u0000warm-up" })).not.toBe(
      planCacheKey(q, { key: "qwen2-5-7b-instruct" }),
    );
    expect(planCacheKey(q, { key: "qwen2-5-7b-instruct" })).toBe(planCacheKey(q, { key: "llama-3-8b-base" }));
    expect(planCacheKey(q, { key: "" })).not.toBe(planCacheKey(q, { key: "a" }));
  });

  it("tells apart lists by size bucket and element type, types and texts", () => {
    expect(planCacheKey(q, { keys: ["a"] })).not.toBe(planCacheKey(q, { keys: ["a", "b"] }));
    expect(planCacheKey(q, { keys: ["a", "b"] })).toBe(planCacheKey(q, { keys: ["c", "d", "e"] }));
    expect(planCacheKey(q, { keys: [1, 2] })).not.toBe(planCacheKey(q, { keys: ["c", "d"] }));
    expect(planCacheKey(q, { label: null })).not.toBe(planCacheKey(q, { label: "Model" }));
    expect(planCacheKey(q, { n: neo4j.int(5) })).toBe(planCacheKey(q, { n: neo4j.int(500) }));
    expect(planCacheKey(q, { n: neo4j.int(5) })).not.toBe(planCacheKey(q, { n: 5.5 }));
    expect(planCacheKey(q, { a: "x", b: "y" })).toBe(planCacheKey(q, { b: "y", a: "x" }));
    expect(planCacheKey(q, {})).not.toBe(planCacheKey(`${q} LIMIT 1`, {}));
  });
});
