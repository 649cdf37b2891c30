import type { LineageResponse } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { pruneLineage } from "./lineage-layout.ts";

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
