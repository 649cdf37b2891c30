import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentFiles } from "../read/read.ts";
import { inputBytes, ONE_THREAD_BYTES, threadCount } from "./thread-count.ts";

const source = { id: "s", path: "s.txt", name: "s.txt", kind: "text", bytes: 0 } as never;

describe("threadCount", () => {
  it("extracts a small input on one thread and a large one on every core", () => {
    expect(threadCount([{ source, text: "a short abstract" }])).toBe(1);
    const large = [{ source, text: "x".repeat(ONE_THREAD_BYTES + 1) }];
    expect(threadCount(large)).toBe(availableParallelism());
  });

  it("keeps the number of threads asked for", () => {
    expect(threadCount([{ source, text: "a short abstract" }], 2)).toBe(2);
    expect(threadCount([{ source, text: "a short abstract" }], 0)).toBe(1);
  });

  it("counts files by their size on disk, stopping once past the limit", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-thread-count-"));
    try {
      const a = path.join(dir, "a.jsonl");
      const b = path.join(dir, "b.jsonl");
      writeFileSync(a, "x".repeat(1000));
      writeFileSync(b, "y".repeat(500));
      const files = new DocumentFiles([a, b, path.join(dir, "missing.jsonl")], []);
      expect(inputBytes(files, 10_000)).toBe(1500);
      expect(inputBytes(files, 999)).toBe(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
