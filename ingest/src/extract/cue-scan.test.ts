import { describe, expect, it } from "vitest";
import { cueScanner } from "./cue-scan.ts";

/** What the scanner must agree with: each cue looked up with `includes`. */
function byIncludes(cues: readonly string[], text: string): number[] {
  return cues.flatMap((c, i) => (text.includes(c) ? [i] : []));
}

function scanned(cues: readonly string[], text: string): number[] {
  const seen = new Uint8Array(cues.length);
  cueScanner(cues).scan(text, seen);
  return [...seen].flatMap((v, i) => (v === 1 ? [i] : []));
}

describe("cueScanner", () => {
  it("finds overlapping cues, cues inside cues and cues that share a prefix", () => {
    const cues = ["train", "post-train", "rain", "ai", "trained", "on", "upon", "tun", "fine-tun"];
    const text = "we fine-tune it upon post-trained weights";
    expect(scanned(cues, text)).toEqual(byIncludes(cues, text));
    expect(scanned(cues, text)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("finds nothing across a character no cue has, nor in a text of none", () => {
    const cues = ["ab", "abc"];
    expect(scanned(cues, "a\u00e9bc a bc")).toEqual([]);
    expect(scanned(cues, "")).toEqual([]);
  });

  it("looks cues with non-ASCII characters up too", () => {
    const cues = ["caf\u00e9", "on"];
    expect(scanned(cues, "a caf\u00e9 on the corner")).toEqual([0, 1]);
  });

  it("agrees with includes on random texts over a small alphabet", () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = "abcd -\u00e9";
    const word = (max: number): string => {
      let w = "";
      for (let k = 0, n = 1 + random(max); k < n; k++) w += alphabet[random(alphabet.length)];
      return w;
    };
    for (let round = 0; round < 200; round++) {
      const cues = [...new Set(Array.from({ length: 1 + random(12) }, () => word(5)))];
      const text = word(80);
      expect(scanned(cues, text)).toEqual(byIncludes(cues, text));
    }
  });
});
