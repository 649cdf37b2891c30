import { describe, expect, it } from "vitest";
import { createReadGate, ReadBusyError } from "./read-gate.ts";

/** A piece of work that ends when told to, recording when it started. */
function pending(started: string[], name: string) {
  let finish = () => {};
  const work = () =>
    new Promise<string>((resolve) => {
      started.push(name);
      finish = () => resolve(name);
    });
  return { work, finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createReadGate", () => {
  it("lets `concurrency` requests in at once and the rest in arrival order", async () => {
    const gate = createReadGate(2, 10);
    const started: string[] = [];
    const jobs = ["a", "b", "c", "d"].map((name) => pending(started, name));
    const answers = jobs.map((job) => gate.run(job.work));
    await tick();
    expect(started).toEqual(["a", "b"]);
    expect(gate.stats()).toEqual({ running: 2, queued: 2 });
    jobs[1]?.finish();
    await tick();
    expect(started).toEqual(["a", "b", "c"]);
    jobs[0]?.finish();
    await tick();
    expect(started).toEqual(["a", "b", "c", "d"]);
    jobs[2]?.finish();
    jobs[3]?.finish();
    expect(await Promise.all(answers)).toEqual(["a", "b", "c", "d"]);
    expect(gate.stats()).toEqual({ running: 0, queued: 0 });
  });

  it("frees the slot when the work fails", async () => {
    const gate = createReadGate(1, 10);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
    expect(gate.stats()).toEqual({ running: 0, queued: 0 });
  });

  it("answers busy at once when the queue is full", async () => {
    const gate = createReadGate(1, 1);
    const started: string[] = [];
    const first = pending(started, "first");
    const second = pending(started, "second");
    const running = gate.run(first.work);
    const queued = gate.run(second.work);
    await tick();
    const refused = gate.run(async () => "third");
    await expect(refused).rejects.toBeInstanceOf(ReadBusyError);
    await expect(refused).rejects.toMatchObject({ statusCode: 503 });
    first.finish();
    await tick();
    second.finish();
    expect(await Promise.all([running, queued])).toEqual(["first", "second"]);
  });
});
