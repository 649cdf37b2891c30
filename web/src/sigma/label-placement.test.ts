import { describe, expect, it } from "vitest";
import { type LabelCandidate, labelBox, placeLabels } from "./label-placement.ts";

const options = { width: 800, height: 600, lineHeight: 14, max: 100, margin: 2 };
const at = (id: string, x: number, y: number, rank: number, width = 60): LabelCandidate => ({
  id,
  x,
  y,
  size: 4,
  width,
  rank,
});

describe("label placement", () => {
  it("keeps the better ranked of two labels that would overlap, and both when apart", () => {
    const chosen = placeLabels([at("a", 100, 100, 1), at("b", 120, 104, 5), at("c", 400, 300, 0)], options);
    expect(chosen).toEqual(["b", "c"]);
  });

  it("never draws two labels whose boxes overlap, and stops at the cap", () => {
    const many = Array.from({ length: 2_000 }, (_, i) =>
      at(`n${i}`, (i * 37) % 800, (i * 53) % 600, i % 17, 30 + (i % 50)),
    );
    const chosen = new Set(placeLabels(many, options));
    const boxes = many.filter((c) => chosen.has(c.id)).map((c) => labelBox(c, options.lineHeight));
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as ReturnType<typeof labelBox>;
        const b = boxes[j] as ReturnType<typeof labelBox>;
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) overlapping++;
      }
    expect(overlapping).toBe(0);
    expect(chosen.size).toBeGreaterThan(20);
    expect(placeLabels(many, { ...options, max: 10 })).toHaveLength(10);
  });

  it("skips nodes off screen", () => {
    expect(placeLabels([at("out", -200, 100, 9), at("in", 10, 10, 1)], options)).toEqual(["in"]);
  });
});
