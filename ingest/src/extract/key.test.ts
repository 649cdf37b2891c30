import { normaliseKey } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { keyOf } from "./key.ts";

describe("keyOf", () => {
  it("agrees with normaliseKey", () => {
    for (const s of [
      "Qwen2.5-7B-Instruct",
      "Med-PaLM M",
      "  ＧＰＴ－４ ",
      "AI Lab, Netease",
      "--x--",
      "RAM++",
      "Ünïcödé Net",
      "$μ$P",
      "",
    ]) {
      expect(keyOf(s)).toBe(normaliseKey(s));
    }
  });
});
