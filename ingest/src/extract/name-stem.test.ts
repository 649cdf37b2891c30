import { describe, expect, it } from "vitest";
import { namedAfter } from "./name-stem.ts";

describe("namedAfter", () => {
  it("reads a next version, a variant and a specialisation as named after their base", () => {
    expect(namedAfter("Quill-Game 3.0", "Quill-Game 2.0")).toBe(true);
    expect(namedAfter("Quillo-Flash-Omni", "Quillo-Flash")).toBe(true);
    expect(namedAfter("QuillAgent2", "QuillAgent")).toBe(true);
    expect(namedAfter("VideoQuillo", "Quillo")).toBe(true);
    expect(namedAfter("Quill Anything V2", "Quill Anything V1")).toBe(true);
  });
  it("does not read unrelated names, the same name or a two-letter stem", () => {
    expect(namedAfter("Quillo", "Bramble-7B")).toBe(false);
    expect(namedAfter("Quillo", "quillo")).toBe(false);
    expect(namedAfter("QX-Net", "QX-2")).toBe(false);
    expect(namedAfter("Quillo", "Quillo 2")).toBe(false);
  });
});
