import { type ColumnsEdge, type ColumnsNode, toGraphColumns } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { createDataStore, createKgGraph, loadGraphColumns, seedPositions } from "./model.ts";

const node = (id: string, name = id): ColumnsNode => ({
  id,
  label: id.slice(0, id.indexOf(":")) as ColumnsNode["label"],
  name,
  degree: 0,
});

const NODES = [node("Model:qwen", "Qwen"), node("Paper:p1"), node("Paper:p2"), node("Dataset:d1")];
const EDGES: ColumnsEdge[] = [
  { source: "Paper:p1", target: "Model:qwen", type: "INTRODUCES" },
  { source: "Paper:p1", target: "Model:qwen", type: "MENTIONS" },
  { source: "Paper:p2", target: "Model:qwen", type: "MENTIONS" },
  { source: "Model:qwen", target: "Dataset:d1", type: "TRAINED_ON" },
];

/** The graph's edges as `source|type|target`, sorted: what a reload must keep. */
function edgeList(graph: ReturnType<typeof createKgGraph>): string[] {
  return graph.mapEdges((_k, a, s, t) => `${s}|${a.relType}|${t}`).sort();
}

describe("loadGraphColumns", () => {
  it("puts papers before the entities, so a model is drawn (and picked) over a paper", () => {
    const graph = createKgGraph();
    loadGraphColumns(graph, createDataStore(), toGraphColumns(NODES, EDGES, false));
    expect(graph.nodes()).toEqual(["Paper:p1", "Paper:p2", "Model:qwen", "Dataset:d1"]);
  });

  it("fills an empty graph: every node placed and sized, every edge with its type, counts summarised", () => {
    const graph = createKgGraph();
    const store = createDataStore();
    loadGraphColumns(graph, store, toGraphColumns(NODES, EDGES, false));
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(edgeList(graph)).toEqual(EDGES.map((e) => `${e.source}|${e.type}|${e.target}`).sort());
    const qwen = graph.getNodeAttributes("Model:qwen");
    expect(qwen).toMatchObject({ label: "Qwen", kind: "Model", degree: 4 });
    graph.forEachNode((_id, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    });
    expect(store.nodes.get("Paper:p1")).toEqual({
      id: "Paper:p1",
      label: "Paper",
      name: "Paper:p1",
      properties: { key: "p1", degree: 0 },
    });
    expect(store.summary.byLabel.get("Paper")).toBe(2);
    expect(store.summary.byType.get("MENTIONS")).toBe(2);
    expect(store.summary.maxDegree).toBe(4);
  });

  it("applies a reload as a difference: positions kept, new nodes beside a neighbour, gone edges dropped", () => {
    const graph = createKgGraph();
    const store = createDataStore();
    loadGraphColumns(graph, store, toGraphColumns(NODES, EDGES, false));
    graph.setNodeAttribute("Model:qwen", "x", 1234);
    const keep = graph.edges();
    const next = toGraphColumns(
      [...NODES.filter((n) => n.id !== "Paper:p2"), node("Model:fork")],
      [
        ...EDGES.filter((e) => e.source !== "Paper:p2"),
        { source: "Model:fork", target: "Model:qwen", type: "BASED_ON" },
      ],
      false,
    );
    const { added } = loadGraphColumns(graph, store, next);
    expect(added).toEqual(["Model:fork"]);
    expect(graph.getNodeAttribute("Model:qwen", "x")).toBe(1234);
    expect(graph.hasNode("Paper:p2")).toBe(false);
    expect(edgeList(graph)).toEqual(
      [
        "Paper:p1|INTRODUCES|Model:qwen",
        "Paper:p1|MENTIONS|Model:qwen",
        "Model:qwen|TRAINED_ON|Dataset:d1",
        "Model:fork|BASED_ON|Model:qwen",
      ].sort(),
    );
    // The relationships that stayed kept their keys: sigma and the layout hear of no change.
    const kept = graph.edges().filter((k) => keep.includes(k));
    expect(kept).toHaveLength(3);
    const fork = graph.getNodeAttributes("Model:fork");
    expect(Math.hypot(fork.x - 1234, fork.y - graph.getNodeAttribute("Model:qwen", "y"))).toBeLessThan(9);
    expect(store.nodes.has("Paper:p2")).toBe(false);
    expect(store.nodes.get("Model:fork")?.label).toBe("Model");
  });
});

describe("seedPositions", () => {
  it("puts a node's neighbours near it and is deterministic", () => {
    const ids = ["Model:hub", "Paper:a", "Paper:b", "Author:lonely"];
    const edges = [1, 0, 0, 2, 0, 0];
    const degree = Int32Array.from([2, 1, 1, 0]);
    const first = seedPositions(ids, edges, degree);
    const again = seedPositions(ids, edges, degree);
    expect([...first.xs]).toEqual([...again.xs]);
    const distance = (i: number, j: number) =>
      Math.hypot((first.xs[i] ?? 0) - (first.xs[j] ?? 0), (first.ys[i] ?? 0) - (first.ys[j] ?? 0));
    expect(distance(0, 1)).toBeLessThan(10);
    expect(distance(0, 2)).toBeLessThan(10);
  });
});
