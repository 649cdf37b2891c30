import { describe, expect, it } from "vitest";
import {
  buildOverview,
  dropFragments,
  type OverviewEdge,
  type OverviewNode,
  packDiscs,
  selectOverview,
} from "./build.ts";

const node = (id: string, degree: number, label: OverviewNode["label"] = "Model"): OverviewNode => ({
  id: `${label}:${id}`,
  label,
  name: id,
  degree,
  first: 24_300,
});

describe("the lineage map's selection", () => {
  // A star of benchmarks round one hub, a lineage chain of weakly connected models,
  // a pair, and a data set that no relation of the map reaches.
  const nodes: OverviewNode[] = [
    node("hub", 500),
    ...Array.from({ length: 6 }, (_, i) => node(`bench-${i}`, 100 - i, "Dataset")),
    node("base", 2),
    node("child", 1),
    node("grandchild", 1),
    node("lab", 50, "Organization"),
    node("lonely-model", 40),
    node("only-in-papers", 900, "Dataset"),
  ];
  const edges: OverviewEdge[] = [
    ...Array.from({ length: 6 }, (_, i) => ({
      type: "EVALUATED_ON" as const,
      source: "Model:hub",
      target: `Dataset:bench-${i}`,
    })),
    { type: "BASED_ON", source: "Model:child", target: "Model:base" },
    { type: "BASED_ON", source: "Model:grandchild", target: "Model:child" },
    { type: "DEVELOPED", source: "Organization:lab", target: "Model:lonely-model" },
  ];

  it("keeps lineage paths first, then the best connected, within the budget", () => {
    const s = selectOverview(nodes, edges, 5);
    const ids = s.nodes.map((n) => n.id);
    // The whole chain, though its models are barely mentioned: a chain is not cut in half.
    expect(ids).toEqual(expect.arrayContaining(["Model:base", "Model:child", "Model:grandchild"]));
    expect(ids).toContain("Model:hub");
    expect(ids).toHaveLength(5);
    expect(ids).not.toContain("Dataset:only-in-papers");
    for (const e of s.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    const left = Object.fromEntries(s.aggregated.map((a) => [a.label, a.count]));
    expect(left.Dataset).toBe(1 + 5);
  });

  it("draws an organisation only as a hub of several models", () => {
    const developer = (i: number): OverviewEdge => ({
      type: "DEVELOPED",
      source: "Organization:lab",
      target: `Model:m-${i}`,
    });
    // The fixture's lab developed one model; with one more it is still no hub.
    const few = selectOverview([...nodes, node("m-0", 3), node("m-1", 3)], [...edges, developer(0)], 100);
    expect(few.nodes.map((n) => n.id)).not.toContain("Organization:lab");
    const many = selectOverview(
      [...nodes, node("m-0", 3), node("m-1", 3)],
      [...edges, developer(0), developer(1)],
      100,
    );
    expect(many.nodes.map((n) => n.id)).toContain("Organization:lab");
  });

  it("counts fragments of two instead of drawing them, but never a lineage pair", () => {
    const s = dropFragments(selectOverview(nodes, edges, 100));
    const ids = s.nodes.map((n) => n.id);
    expect(ids).not.toContain("Organization:lab");
    expect(ids).toContain("Model:base");
    expect(s.aggregated.find((a) => a.label === "Organization")?.count).toBe(1);
  });

  it("lays out every node once, with finite positions and communities", () => {
    const o = buildOverview(nodes, edges, { budget: 100, total: { nodes: 99, relationships: 99 } });
    const n = o.graph.ids.length;
    expect(n).toBeGreaterThan(5);
    expect(o.xs).toHaveLength(n);
    expect(o.ys).toHaveLength(n);
    expect(o.communities).toHaveLength(n);
    expect(o.firsts.every((f) => f === 24_300)).toBe(true);
    expect([...o.xs, ...o.ys].every(Number.isFinite)).toBe(true);
    // The hub's star is one community, apart from the lineage chain's.
    const at = (id: string) => o.communities[o.graph.ids.indexOf(id)];
    expect(at("Dataset:bench-0")).toBe(at("Model:hub"));
    expect(at("Model:base")).not.toBe(at("Model:hub"));
    // The same data gives the same map.
    const again = buildOverview(nodes, edges, { budget: 100, total: { nodes: 99, relationships: 99 } });
    expect(again.xs).toEqual(o.xs);
  });
});

describe("the packing of components", () => {
  it("packs discs without overlap into a shape wider than tall, the largest in the middle", () => {
    const discs = [{ r: 100 }, ...Array.from({ length: 300 }, (_, i) => ({ r: 3 + ((i * 7) % 11) }))];
    const at = packDiscs(discs, 1.6);
    expect(at[0]).toEqual({ x: 0, y: 0 });
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < discs.length; i++)
      for (let j = i + 1; j < discs.length; j++) {
        const a = at[i] as { x: number; y: number };
        const b = at[j] as { x: number; y: number };
        closest = Math.min(
          closest,
          Math.hypot(a.x - b.x, a.y - b.y) - (discs[i]?.r ?? 0) - (discs[j]?.r ?? 0),
        );
      }
    expect(closest).toBeGreaterThan(-1e-3);
    let minX = 0;
    let maxX = 0;
    let minY = 0;
    let maxY = 0;
    at.forEach((p, i) => {
      const r = discs[i]?.r ?? 0;
      minX = Math.min(minX, p.x - r);
      maxX = Math.max(maxX, p.x + r);
      minY = Math.min(minY, p.y - r);
      maxY = Math.max(maxY, p.y + r);
    });
    expect((maxX - minX) / (maxY - minY)).toBeGreaterThan(1.2);
    // Tight: the discs cover a good part of their bounding box (a grid shelf wastes most of it).
    const area = discs.reduce((s, d) => s + Math.PI * d.r * d.r, 0);
    expect(area / ((maxX - minX) * (maxY - minY))).toBeGreaterThan(0.45);
  });
});
