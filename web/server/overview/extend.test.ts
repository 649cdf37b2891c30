import { describe, expect, it } from "vitest";
import { buildOverview, keepOverview, type OverviewEdge, type OverviewNode } from "./build.ts";
import { extendLayout } from "./extend.ts";

const model = (id: string, degree = 5): OverviewNode => ({
  id: `Model:${id}`,
  label: "Model",
  name: id,
  degree,
  first: -1,
});
const based = (child: string, base: string): OverviewEdge => ({
  type: "BASED_ON",
  source: `Model:${child}`,
  target: `Model:${base}`,
});

// Two families of twelve models each: a chain and a star.
const nodes = [
  ...Array.from({ length: 12 }, (_, i) => model(`chain-${i}`)),
  ...Array.from({ length: 12 }, (_, i) => model(`star-${i}`)),
];
const edges = [
  ...Array.from({ length: 11 }, (_, i) => based(`chain-${i + 1}`, `chain-${i}`)),
  ...Array.from({ length: 11 }, (_, i) => based(`star-${i + 1}`, "star-0")),
];
const total = { nodes: 24, relationships: 22 };
const before = buildOverview(nodes, edges, { budget: 100, total });
const pos = (o: { graph: { ids: string[] }; xs: number[]; ys: number[] }, id: string) => {
  const i = o.graph.ids.indexOf(id);
  return { x: o.xs[i] as number, y: o.ys[i] as number };
};
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("the lineage map after an import", () => {
  it("keeps every old node where it was and puts a new one beside what it names", () => {
    // An imported abstract: a fine-tune of star-5, and a fine-tune of that fine-tune.
    const after = buildOverview(
      [...nodes, model("imported"), model("imported-2")],
      [...edges, based("imported", "star-5"), based("imported-2", "imported")],
      { budget: 100, total: { nodes: 26, relationships: 24 }, previous: before },
    );
    for (const id of before.graph.ids) expect(pos(after, id), id).toEqual(pos(before, id));
    // A typical edge of the map is the yardstick: the new node is about one away.
    const lengths = edges
      .map((e) => dist(pos(before, e.source), pos(before, e.target)))
      .sort((a, b) => a - b);
    const typical = lengths[Math.floor(lengths.length / 2)] as number;
    const gap = dist(pos(after, "Model:imported"), pos(after, "Model:star-5"));
    expect(gap).toBeLessThan(1.5 * typical);
    expect(dist(pos(after, "Model:imported-2"), pos(after, "Model:imported"))).toBeLessThan(1.5 * typical);
    // And nearer its base than to the other family.
    expect(gap).toBeLessThan(dist(pos(after, "Model:imported"), pos(after, "Model:chain-6")));
    // It joins its neighbour's community.
    const community = (o: typeof after, id: string) => o.communities[o.graph.ids.indexOf(id)];
    expect(community(after, "Model:imported")).toBe(community(before, "Model:star-5"));
  });

  it("lays the map out afresh when most of it is new", () => {
    const many = Array.from({ length: 60 }, (_, i) => model(`new-${i}`));
    const layout = extendLayout(
      before,
      [...nodes, ...many],
      [...edges, ...many.map((n) => based(n.name, "star-0"))],
    );
    expect(layout).toBeNull();
  });

  it("keeps the map it had and adds the imported nodes and what they name, whatever the budget", () => {
    // The budget kept only part of the graph; the import names a model left out of it.
    const small = buildOverview(nodes, edges, { budget: 12, total });
    expect(small.graph.ids).not.toContain("Model:star-5");
    const kept = keepOverview(
      [...nodes, model("imported", 1)],
      [...edges, based("imported", "star-5")],
      small.graph.ids,
      new Set(["Model:imported"]),
    );
    const ids = kept.nodes.map((n) => n.id);
    expect(ids.slice(0, small.graph.ids.length)).toEqual(small.graph.ids);
    expect(ids).toContain("Model:imported");
    expect(ids).toContain("Model:star-5");
    expect(kept.edges).toContainEqual(based("imported", "star-5"));
    expect(kept.aggregated.reduce((s, a) => s + a.count, 0)).toBe(nodes.length + 1 - ids.length);
  });
});
