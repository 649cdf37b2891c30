import { describe, expect, it } from "vitest";
import { createReadCache } from "./read-cache.ts";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("read cache", () => {
  it("computes an answer once for concurrent callers and keeps it", async () => {
    const cache = createReadCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    let computed = 0;
    const gate = deferred<string>();
    const compute = () => {
      computed++;
      return gate.promise;
    };
    const answers = Promise.all([
      cache.get("/a", compute),
      cache.get("/a", compute),
      cache.get("/a", compute),
    ]);
    gate.resolve('{"a":1}');
    expect(await answers).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(await cache.get("/a", compute)).toBe('{"a":1}');
    expect(computed).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 3, entries: 1 });
  });

  it("keeps no failure", async () => {
    const cache = createReadCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    await expect(cache.get("/x", () => Promise.reject(new Error("no node")))).rejects.toThrow("no node");
    expect(await cache.get("/x", async () => "ok")).toBe("ok");
  });

  it("forgets everything on invalidate, and does not keep an answer computed across it", async () => {
    const cache = createReadCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    await cache.get("/a", async () => "old");
    cache.invalidate();
    expect(await cache.get("/a", async () => "new")).toBe("new");

    const gate = deferred<string>();
    let started = false;
    const during = cache.get("/b", () => {
      started = true;
      return gate.promise;
    });
    await expect.poll(() => started).toBe(true);
    cache.invalidate();
    gate.resolve("read before the write ended");
    expect(await during).toBe("read before the write ended");
    expect(await cache.get("/b", async () => "after")).toBe("after");
  });

  it("drops the least recently used answers past its size, and answers older than the TTL", async () => {
    let clock = 0;
    // Each 100-character answer counts 200 bytes: room for three.
    const cache = createReadCache({ maxBytes: 600, ttlMs: 1_000, now: () => clock });
    const body = (c: string) => c.repeat(100);
    for (const key of ["a", "b", "c"]) await cache.get(key, async () => body(key));
    await cache.get("a", async () => "recomputed"); // a is now the most recent
    await cache.get("d", async () => body("d")); // b goes
    expect(await cache.get("b", async () => "b again")).toBe("b again");
    expect(await cache.get("a", async () => "recomputed")).toBe(body("a"));
    expect(cache.stats().bytes).toBeLessThanOrEqual(600);

    clock = 5_000;
    expect(await cache.get("a", async () => "fresh")).toBe("fresh");
  });

  it("lets go of expired answers nobody asks for again as new ones come in", async () => {
    let clock = 0;
    const cache = createReadCache({ maxBytes: 1024 * 1024, ttlMs: 1_000, now: () => clock });
    // A crowd asking about different nodes: each answer asked for once.
    for (let i = 0; i < 100; i++) {
      clock = i * 100;
      await cache.get(`/n/${i}`, async () => "x".repeat(1_000));
    }
    // Only the last second's answers (11 of them) are kept, far below the byte cap.
    expect(cache.stats().entries).toBe(11);
    expect(cache.stats().bytes).toBe(11 * 2_000);
  });

  it("empties itself when the data version changes, asking at most once per interval", async () => {
    let clock = 0;
    let version = "10/20";
    let asked = 0;
    const cache = createReadCache({
      maxBytes: 1024 * 1024,
      ttlMs: 60_000,
      checkEveryMs: 1_000,
      now: () => clock,
      version: async () => {
        asked++;
        return version;
      },
    });
    expect(await cache.get("/s", async () => "before")).toBe("before");
    version = "11/22";
    clock = 500;
    expect(await cache.get("/s", async () => "after")).toBe("before");
    clock = 1_600;
    expect(await cache.get("/s", async () => "after")).toBe("after");
    expect(asked).toBe(2);
  });

  it("is a pass-through with no size", async () => {
    const cache = createReadCache({ maxBytes: 0, ttlMs: 60_000 });
    let computed = 0;
    await cache.get("/a", async () => String(++computed));
    expect(await cache.get("/a", async () => String(++computed))).toBe("2");
    expect(cache.enabled).toBe(false);
  });
});
