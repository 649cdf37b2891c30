import { describe, expect, it } from "vitest";
import { baseNamesOf, modelNameParts } from "./name-grammar.ts";

describe("modelNameParts", () => {
  it("reads family, version, size and variant", () => {
    expect(modelNameParts("Foo2.5-7B-Instruct")).toEqual({
      family: "Foo2.5",
      version: "2.5",
      size: "7B",
      variant: "Instruct",
    });
    expect(modelNameParts("Bar 3.1 8B")).toEqual({ family: "Bar 3.1", version: "3.1", size: "8B" });
    expect(modelNameParts("Baz-4o-mini")).toEqual({ family: "Baz-4o", version: "4o", variant: "mini" });
    expect(modelNameParts("Qux3-30B-A3B-Thinking")).toEqual({
      family: "Qux3",
      version: "3",
      size: "30B-A3B",
      variant: "Thinking",
    });
    expect(modelNameParts("Mix-8x7B")).toEqual({ family: "Mix", size: "8x7B" });
  });

  it("reads nothing from a plain name", () => {
    expect(modelNameParts("FooNet")).toBeNull();
    expect(modelNameParts("7B")).toBeNull();
  });

  it("names the bases of a variant, nearest first", () => {
    expect(baseNamesOf(modelNameParts("Foo2.5-7B-Instruct") ?? {})).toEqual(["Foo2.5-7B", "Foo2.5"]);
    expect(baseNamesOf(modelNameParts("Foo2.5-7B") ?? {})).toEqual(["Foo2.5"]);
    expect(baseNamesOf(modelNameParts("Foo 3") ?? {})).toEqual([]);
  });
});
