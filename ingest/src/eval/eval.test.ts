import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateGold, GOLD_DIR } from "./main.ts";

describe("extraction against the hand-written gold standards", () => {
  it("seed documents: every paper found and bounded; entity F1 ≥ 0.90; relationship F1 ≥ 0.85", async () => {
    const score = await evaluateGold(join(GOLD_DIR, "seeds.gold.json"));
    expect(score.papers.problems).toEqual([]);
    expect(score.papers.extracted).toBe(score.papers.expected);
    expect(score.entitiesOverall.f1).toBeGreaterThanOrEqual(0.9);
    expect(score.relationsOverall.f1).toBeGreaterThanOrEqual(0.85);
  });

  it("held-out documents (composed from unseen abstracts): papers bounded; no collapse", async () => {
    const score = await evaluateGold(join(GOLD_DIR, "heldout.gold.json"));
    expect(score.papers.problems).toEqual([]);
    // A guard against regressions on text nobody tuned on, below the seed bars on purpose.
    expect(score.entitiesOverall.f1).toBeGreaterThanOrEqual(0.8);
    expect(score.relationsOverall.f1).toBeGreaterThanOrEqual(0.7);
  });
});
