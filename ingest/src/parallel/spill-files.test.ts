import { describe, expect, it } from "vitest";
import type { LocalEntity } from "../extract/extract.ts";
import { spilledEntity } from "./spill-files.ts";

describe("spilledEntity", () => {
  it("keeps what resolution reads (kind and scope only when set), not the id nor `introduced`", () => {
    const plain: LocalEntity = {
      id: 3,
      label: "Model",
      surfaces: [["Foo-7B", 2]],
      keys: ["foo-7b"],
      weight: 2.5,
      introduced: true,
    };
    expect(JSON.stringify(spilledEntity(plain))).toBe(
      '{"label":"Model","surfaces":[["Foo-7B",2]],"keys":["foo-7b"],"weight":2.5}',
    );
    const data: LocalEntity = { ...plain, label: "Dataset", kind: "benchmark", scope: "paper" };
    expect(spilledEntity(data)).toEqual({
      label: "Dataset",
      surfaces: [["Foo-7B", 2]],
      keys: ["foo-7b"],
      weight: 2.5,
      kind: "benchmark",
      scope: "paper",
    });
  });
});
