import { describe, expect, it } from "vitest";
import { createPlanGate } from "./plan-gate.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("createPlanGate", () => {
  it("runs the first caller of a text alone; the others start after it, together", async () => {
    const gate = createPlanGate();
    let running = 0;
    let most = 0;
    const log: string[] = [];
    const work = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      running--;
      return name;
    };
    const first = gate.run("q", work("a"));
    const rest = ["b", "c", "d"].map((n) => gate.run("q", work(n)));
    expect(await Promise.all([first, ...rest])).toEqual(["a", "b", "c", "d"]);
    expect(log[0]).toBe("start a");
    expect(log.indexOf("start b")).toBeGreaterThan(0);
    expect(most).toBe(3);
    expect(gate.planned("q")).toBe(true);
    // Other texts are not held back.
    expect(gate.planned("other")).toBe(false);
  });

  it("lets the waiters go on when the first run fails, and an EXPLAIN does not mark the text done", async () => {
    const gate = createPlanGate();
    const failing = gate.run("q", async () => {
      await tick();
      throw new Error("boom");
    });
    const waiter = gate.run("q", async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    expect(await waiter).toBe("ok");
    const explained = createPlanGate();
    await explained.run("x", async () => "plan", { marksDone: false });
    expect(explained.planned("x")).toBe(false);
  });
});

describe("createPlanGate after an EXPLAIN", () => {
  it("lets one real run go first and alone, then the others", async () => {
    const gate = createPlanGate();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const work = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(name);
      await tick();
      running--;
    };
    const explain = gate.run("q", work("explain"), { marksDone: false });
    const callers = ["a", "b", "c"].map((n) => gate.run("q", work(n)));
    await Promise.all([explain, ...callers]);
    expect(order).toEqual(["explain", "a", "b", "c"]);
    expect(most).toBe(2);
  });
});

describe("createPlanGate.settled", () => {
  it("waits for a first run in flight, and not at all when none is", async () => {
    const gate = createPlanGate();
    await gate.settled("q");
    let finished = false;
    const first = gate.run(
      "q",
      async () => {
        await tick();
        finished = true;
      },
      { marksDone: false },
    );
    await gate.settled("q");
    expect(finished).toBe(true);
    await first;
  });
});
