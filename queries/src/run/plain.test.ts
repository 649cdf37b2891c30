import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "./plain.ts";

describe("toPlain", () => {
  it("converts Neo4j integers wherever they are nested, without changing the driver's values", () => {
    const inner = { count: neo4j.int(7), name: "a" };
    const list = ["x", inner, [neo4j.int("9007199254740993")]];
    const row = { list, plain: { a: 1, b: ["c"] } };
    expect(toPlain(row)).toEqual({
      list: ["x", { count: 7, name: "a" }, ["9007199254740993"]],
      plain: { a: 1, b: ["c"] },
    });
    // The input still holds its Integer objects: a converted map or list is a copy.
    expect(neo4j.isInt(inner.count)).toBe(true);
    expect(neo4j.isInt((list[2] as unknown[])[0])).toBe(true);
  });

  it("hands plain maps and lists on as they are (no copy per row)", () => {
    const row = { node: { label: "Model", key: "k", name: "K" }, aliases: ["a", "b"], score: 1.5 };
    expect(toPlain(row)).toBe(row);
    expect(toPlain(row.aliases)).toBe(row.aliases);
  });

  it("turns undefined and null into null, and other objects into plain maps", () => {
    class Thing {
      a = neo4j.int(2);
    }
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain([undefined])).toEqual([null]);
    const thing = toPlain(new Thing());
    expect(thing).toEqual({ a: 2 });
    expect(Object.getPrototypeOf(thing)).toBe(Object.prototype);
  });
});
