/**
 * The driver hands a query to its socket in 1,400-byte chunks; queries/run/bolt-writes.ts
 * makes a tick's chunks one socket write. A long query must go out in one write (it took
 * one per chunk: eight for this one), and still be answered.
 */
import net from "node:net";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchBoltWrites } from "../../queries/src/run/bolt-writes.ts";
import { openTestDatabase, testDatabaseOptions } from "../support/db.ts";

let db: Database;

beforeAll(async () => {
  db = openTestDatabase();
  await db.runStatements(["RETURN 1"]);
});
afterAll(async () => {
  await db?.close();
});

type WriteFn = (this: net.Socket, ...args: unknown[]) => unknown;

describe("bolt writes", () => {
  it("are wrapped in the driver in use", () => {
    expect(batchBoltWrites()).toBe(true);
  });

  it("send a 10 KB query in one socket write, and it is answered", async () => {
    const port = Number(new URL(testDatabaseOptions().uri).port);
    const proto = net.Socket.prototype as unknown as { _write: WriteFn; _writev: WriteFn };
    const { _write: write, _writev: writev } = proto;
    let writes = 0;
    proto._write = function (...args) {
      if (this.remotePort === port) writes++;
      return write.apply(this, args);
    };
    proto._writev = function (...args) {
      if (this.remotePort === port) writes++;
      return writev.apply(this, args);
    };
    try {
      // A comment makes the text long without changing what it does.
      await db.runStatements([`RETURN 1 AS one // ${"x".repeat(10_000)}`]);
    } finally {
      proto._write = write;
      proto._writev = writev;
    }
    expect(writes).toBe(1);
  });
});
