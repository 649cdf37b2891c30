import { describe, expect, it } from "vitest";
import { collectGarbage } from "./collect-garbage.ts";

describe("collectGarbage", () => {
  it("frees an object nothing holds any more", async () => {
    let held: object | null = { payload: new Array(1000).fill("x") };
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef keeps its target alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
