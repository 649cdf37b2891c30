import { describe, expect, it } from "vitest";
import { GraphColumnsSchema, toGraphColumns } from "./wire-columns.ts";

const nodes = [
  { id: "Model:qwen", label: "Model", name: "Qwen", degree: 2 },
  { id: "Paper:p1", label: "Paper", name: "A paper", degree: 1 },
  { id: "Dataset:d1", label: "Dataset", name: "A data set", degree: 1 },
] as const;

describe("toGraphColumns", () => {
  it("encodes nodes as parallel lists and edges as index triples", () => {
    const columns = toGraphColumns(
      nodes,
      [
        { source: "Paper:p1", target: "Model:qwen", type: "INTRODUCES" },
        { source: "Model:qwen", target: "Dataset:d1", type: "TRAINED_ON" },
      ],
      false,
    );
    expect(columns).toEqual({
      format: "columns",
      labels: ["Model", "Paper", "Dataset"],
      types: ["INTRODUCES", "TRAINED_ON"],
      ids: ["Model:qwen", "Paper:p1", "Dataset:d1"],
      nodeLabels: [0, 1, 2],
      names: ["Qwen", "A paper", "A data set"],
      degrees: [2, 1, 1],
      edges: [1, 0, 0, 0, 2, 1],
      truncated: false,
    });
    expect(GraphColumnsSchema.parse(columns)).toEqual(columns);
  });

  it("leaves out edges with an end that is not among the nodes", () => {
    const columns = toGraphColumns(
      nodes,
      [{ source: "Paper:p1", target: "Model:gone", type: "MENTIONS" }],
      true,
    );
    expect(columns.edges).toEqual([]);
    expect(columns.types).toEqual([]);
    expect(columns.truncated).toBe(true);
  });
});

describe("GraphColumnsSchema", () => {
  const valid = toGraphColumns(
    nodes,
    [{ source: "Paper:p1", target: "Model:qwen", type: "MENTIONS" }],
    false,
  );

  it("rejects an edge that points past the nodes", () => {
    expect(GraphColumnsSchema.safeParse({ ...valid, edges: [1, 3, 0] }).success).toBe(false);
  });

  it("rejects a type index past the types, a fraction, and an unfinished triple", () => {
    expect(GraphColumnsSchema.safeParse({ ...valid, edges: [1, 0, 1] }).success).toBe(false);
    expect(GraphColumnsSchema.safeParse({ ...valid, edges: [1, 0.5, 0] }).success).toBe(false);
    expect(GraphColumnsSchema.safeParse({ ...valid, edges: [1, 0] }).success).toBe(false);
  });

  it("rejects lists of different lengths, unknown labels and entries of the wrong kind", () => {
    expect(GraphColumnsSchema.safeParse({ ...valid, names: ["Qwen"] }).success).toBe(false);
    expect(GraphColumnsSchema.safeParse({ ...valid, nodeLabels: [0, 1, 7] }).success).toBe(false);
    expect(GraphColumnsSchema.safeParse({ ...valid, labels: ["Model", "Paper", "Planet"] }).success).toBe(
      false,
    );
  });
});
