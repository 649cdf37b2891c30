import { describe, expect, it } from "vitest";
import { keyOf } from "../extract/key.ts";
import { matchKey } from "./match-key.ts";

const mk = (name: string) => matchKey(keyOf(name));

describe("matchKey", () => {
  it("ignores case, spaces, hyphens and dots between letters and digits", () => {
    expect(mk("Llama 3")).toBe(mk("Llama3"));
    expect(mk("LLaMA-3")).toBe(mk("Llama3"));
    expect(mk("GPT-4o")).toBe(mk("GPT4o"));
    expect(mk("MATH-500")).toBe(mk("MATH500"));
    expect(mk("Video-MME")).toBe(mk("VideoMME"));
    expect(mk("Qwen3")).toBe(mk("Qwen 3"));
    expect(mk("fineweb_edu")).toBe(mk("FineWeb-Edu"));
  });

  it("writes years short", () => {
    expect(mk("AIME 2024")).toBe(mk("AIME24"));
    expect(mk("AIME-2025")).toBe(mk("AIME25"));
    expect(mk("AIME 2024")).not.toBe(mk("AIME25"));
  });

  it("keeps sizes, versions and variants apart", () => {
    expect(mk("Qwen2.5-7B")).not.toBe(mk("Qwen2.5-7B-Instruct"));
    expect(mk("Qwen2.5-7B")).not.toBe(mk("Qwen2.5-72B"));
    expect(mk("Qwen2.5-7B")).not.toBe(mk("Qwen2-57B"));
    expect(mk("Qwen2.5 7B")).toBe(mk("Qwen2.5-7B"));
    expect(mk("Llama 3.1")).not.toBe(mk("Llama 31"));
  });
});
