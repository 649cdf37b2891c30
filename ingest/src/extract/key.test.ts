import { normaliseKey } from "@kg/graph-schema";
import { describe, expect, it } from "vitest";
import { computeKey, keyOf, regexKey } from "./key.ts";

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
  it("reads ASCII names in one scan exactly as the regular expressions do", () => {
    const alphabet = "aZ09 -_.+()/'\"\t~!@#xyzQ";
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let k = 0; k < 20000; k++) {
      let s = "";
      const length = next() % 14;
      for (let i = 0; i < length; i++) s += alphabet[next() % alphabet.length];
      expect(computeKey(s), JSON.stringify(s)).toBe(regexKey(s));
    }
    for (const s of ["", "-", "--a--", "abc", "Zizhe Wang", "RAM++", "x--y", " a ", "Qwen2.5-7B-Instruct"])
      expect(computeKey(s)).toBe(regexKey(s));
  });
});
