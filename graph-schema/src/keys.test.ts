import { describe, expect, it } from "vitest";
import { normaliseArxivId, normaliseKey, parseNodeId } from "./keys.ts";

describe("normaliseKey", () => {
  it("follows the graph-model examples", () => {
    expect(normaliseKey("Qwen2.5-7B-Instruct")).toBe("qwen2-5-7b-instruct");
    expect(normaliseKey("Med-PaLM M")).toBe("med-palm-m");
  });
  it("keeps variants apart", () => {
    expect(normaliseKey("Qwen2.5-7B")).not.toBe(normaliseKey("Qwen2.5-7B-Instruct"));
  });
  it("keeps a + as part of the name", () => {
    expect(normaliseKey("RefCOCO+")).toBe("refcoco-plus");
    expect(normaliseKey("RefCOCO+")).not.toBe(normaliseKey("RefCOCO"));
    expect(normaliseKey("SWE-Bench++")).toBe("swe-bench-plus-plus");
    expect(normaliseKey("C/C++")).toBe("c-c-plus-plus");
  });
  it("applies NFKC and trims separators", () => {
    expect(normaliseKey("  ＧＰＴ－４ ")).toBe("gpt-4");
    expect(normaliseKey("AI Lab, Netease")).toBe("ai-lab-netease");
  });
});

describe("normaliseArxivId", () => {
  it("strips prefix and version", () => {
    expect(normaliseArxivId("arXiv:2510.15710v3")).toBe("2510.15710");
    expect(normaliseArxivId("hep-th/9901001")).toBe("hep-th/9901001");
    expect(normaliseArxivId("not an id")).toBeNull();
  });
});

describe("parseNodeId", () => {
  it("keeps colons inside the key", () => {
    expect(parseNodeId("Paper:arxiv:2510.15710")).toEqual({ label: "Paper", key: "arxiv:2510.15710" });
  });
});
