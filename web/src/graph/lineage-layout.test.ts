import type { LineageResponse } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { mergeChildren, pendingFolds, pruneLineage } from "./lineage-layout.ts";

const node = (key: string, level: number) => ({
  id: `Model:${key}`,
  label: "Model" as const,
  name: key,
  properties: { level },
});
const based = (child: string, base: string, method: string) => ({
  id: `Model:${child}-BASED_ON->Model:${base}`,
  type: "BASED_ON" as const,
  source: `Model:${child}`,
  target: `Model:${base}`,
  properties: { method },
});

// A base with eight fine-tunes, two adapters (one with its own fine-tune) and a parent.
const lineage: LineageResponse = {
  root: "Model:base",
  datasets: {},
  family: { nodes: [], edges: [], truncated: false },
  evidence: {},
  dates: {},
  folds: [],
  graph: {
    truncated: false,
    nodes: [
      node("parent", -1),
      node("base", 0),
      ...Array.from({ length: 8 }, (_, i) => node(`ft-${i}`, 1)),
      node("lora-a", 1),
      node("lora-b", 1),
      node("lora-a-ft", 2),
    ],
    edges: [
      based("base", "parent", "post-training"),
      ...Array.from({ length: 8 }, (_, i) => based(`ft-${i}`, "base", "fine-tune")),
      based("lora-a", "base", "adapter"),
      based("lora-b", "base", "adapter"),
      based("lora-a-ft", "lora-a", "fine-tune"),
    ],
  },
};

describe("the model tree", () => {
  it("counts descendants by method, not the chain up", () => {
    const { groups } = pruneLineage(lineage, { hiddenMethods: new Set(), unfolded: new Set() });
    expect(groups).toEqual([
      { method: "fine-tune", count: 9 },
      { method: "adapter", count: 2 },
    ]);
  });

  it("folds a large fan-out and unfolds it on demand", () => {
    const folded = pruneLineage(lineage, { hiddenMethods: new Set(), unfolded: new Set(), fanout: 6 });
    expect(folded.folded.get("Model:base")).toBe(4);
    expect(folded.lineage.graph.nodes.map((n) => n.id)).toContain("Model:parent");
    const open = pruneLineage(lineage, {
      hiddenMethods: new Set(),
      unfolded: new Set(["Model:base"]),
      fanout: 6,
    });
    expect(open.folded.size).toBe(0);
    expect(open.lineage.graph.nodes).toHaveLength(lineage.graph.nodes.length);
  });

  it("hides a method group with the subtrees below it", () => {
    const { lineage: pruned } = pruneLineage(lineage, {
      hiddenMethods: new Set(["adapter"]),
      unfolded: new Set(),
      fanout: 20,
    });
    const ids = pruned.graph.nodes.map((n) => n.id);
    expect(ids).not.toContain("Model:lora-a");
    expect(ids).not.toContain("Model:lora-a-ft");
    expect(ids).toContain("Model:ft-7");
  });
});

describe("groups the server folded", () => {
  // The server sent two of base's five quantisations and counted the other three.
  const served: LineageResponse = {
    ...lineage,
    graph: {
      ...lineage.graph,
      nodes: [...lineage.graph.nodes, node("q-0", 1), node("q-1", 1)],
      edges: [
        ...lineage.graph.edges,
        based("q-0", "base", "quantization"),
        based("q-1", "base", "quantization"),
      ],
    },
    folds: [{ parent: "Model:base", method: "quantization", total: 5, shown: 2 }],
  };

  it("counts the unsent children in their group and in their parent's fold", () => {
    const pruned = pruneLineage(served, { hiddenMethods: new Set(), unfolded: new Set(), fanout: 6 });
    expect(pruned.groups.find((g) => g.method === "quantization")?.count).toBe(5);
    // 12 drawn children of base, 6 drawn: 6 folded here and 3 still on the server.
    expect(pruned.folded.get("Model:base")).toBe(9);
    const hidden = pruneLineage(served, {
      hiddenMethods: new Set(["quantization"]),
      unfolded: new Set(),
      fanout: 6,
    });
    expect(hidden.folded.get("Model:base")).toBe(4);
  });

  it("merges a fetched page one level below its parent and moves the fold on", () => {
    expect(pendingFolds(served, "Model:base", new Set())).toHaveLength(1);
    expect(pendingFolds(served, "Model:base", new Set(["quantization"]))).toHaveLength(0);
    const merged = mergeChildren(served, {
      parent: "Model:base",
      method: "quantization",
      offset: 2,
      total: 5,
      graph: {
        nodes: [2, 3, 4].map((i) => ({ ...node(`q-${i}`, 0), properties: {} })),
        edges: [
          based("q-2", "base", "quantization"),
          based("q-3", "base", "quantization"),
          based("q-4", "base", "quantization"),
          based("q-4", "not-in-the-tree", "merge"),
        ],
        truncated: false,
      },
      datasets: { "Model:q-2": [{ id: "Dataset:mmlu", name: "MMLU", type: "EVALUATED_ON" }] },
      evidence: {},
      dates: {},
    });
    const levels = Object.fromEntries(merged.graph.nodes.map((n) => [n.id, n.properties.level]));
    expect(levels["Model:q-4"]).toBe(1);
    expect(merged.graph.edges.filter((e) => e.source === "Model:q-4")).toHaveLength(1);
    expect(merged.datasets["Model:q-2"]).toHaveLength(1);
    expect(merged.folds[0]).toMatchObject({ total: 5, shown: 5 });
    expect(pendingFolds(merged, "Model:base", new Set())).toHaveLength(0);
    const open = pruneLineage(merged, { hiddenMethods: new Set(), unfolded: new Set(["Model:base"]) });
    expect(open.folded.size).toBe(0);
    expect(open.lineage.graph.nodes.map((n) => n.id)).toContain("Model:q-4");
  });
});
