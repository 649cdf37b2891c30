import type { LineageResponse } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { familyGrowth } from "./family-growth.ts";

const model = (key: string, properties: Record<string, unknown> = {}) => ({
  id: `Model:${key}`,
  label: "Model" as const,
  name: key,
  properties,
});

const lineage: LineageResponse = {
  folds: [],
  root: "Model:base",
  graph: {
    nodes: [
      model("parent", { level: -1 }),
      model("base", { level: 0 }),
      model("ft-a", { level: 1 }),
      model("ft-b", { level: 1 }),
      model("ft-c", { level: 2 }),
      model("ft-undated", { level: 1 }),
    ],
    edges: [],
    truncated: false,
  },
  datasets: {},
  family: {
    nodes: [model("base"), model("base-7b"), model("ft-a")],
    edges: [],
    truncated: false,
  },
  evidence: {},
  dates: {
    "Model:parent": { date: "2023-01-01", by: "introduced" },
    "Model:base": { date: "2024-01-10", by: "introduced" },
    "Model:ft-a": { date: "2024-01-20", by: "introduced" },
    "Model:ft-b": { date: "2024-04-02", by: "named" },
    "Model:ft-c": { date: "2024-04-01", by: "introduced" },
    "Model:base-7b": { date: "2024-02-05", by: "introduced" },
  },
};

describe("familyGrowth", () => {
  it("counts descendants and variants by month, empty months included, the root and ancestors left out", () => {
    const g = familyGrowth(lineage);
    expect(g.total).toBe(5);
    expect(g.undated).toBe(1);
    expect(g.months.map((m) => m.month)).toEqual([2024 * 12, 2024 * 12 + 1, 2024 * 12 + 2, 2024 * 12 + 3]);
    expect(g.months.map((m) => m.cumulative)).toEqual([1, 2, 2, 4]);
    expect(g.months[0]?.derived.map((m) => m.name)).toEqual(["ft-a"]);
    // ft-a is both derived and a variant: it counts once, as derived.
    expect(g.months.flatMap((m) => m.variants).map((m) => m.name)).toEqual(["base-7b"]);
    expect(g.months[3]?.derived.map((m) => [m.name, m.named])).toEqual([
      ["ft-c", false],
      ["ft-b", true],
    ]);
  });

  it("is empty when nothing is dated", () => {
    const g = familyGrowth({ ...lineage, dates: {} });
    expect(g.months).toEqual([]);
    expect(g.undated).toBe(5);
  });
});
