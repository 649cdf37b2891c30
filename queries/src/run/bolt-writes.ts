/**
 * One socket write per query instead of one per 1,400 bytes.
 *
 * The driver packs a message into 1,400-byte chunks and hands each full chunk to the
 * socket at once (neo4j-driver-bolt-connection's Chunker): the text of a lineage query
 * (4.3 KB) and its PULL went out as four write(2) calls, a card or a search as two or
 * three. Under bench:load those writes were the largest single cost of the API server
 * (writeBuffer: 10% of its CPU profile, 15% of its busy time, more than answering the
 * HTTP requests). Corking the socket on the first write of a tick and uncorking it on
 * the next tick sends everything the driver wrote in that tick in one writev: the same
 * bytes in the same order, sent as soon as the driver has finished writing them.
 *
 * The driver offers no setting for this, so its channel's `write` is wrapped. A driver
 * whose channel no longer looks as expected is left as it is (batchBoltWrites returns
 * false, and a test says so).
 */
import { createRequire } from "node:module";
import type { Socket } from "node:net";

const WRAPPED = Symbol.for("kg.batchedBoltWrites");

interface ChannelLike {
  _conn?: Socket;
  _pending: unknown;
  write(buffer: unknown): unknown;
}

/** Wraps the driver's socket channel so a tick's writes go out together; true when in place. */
export function batchBoltWrites(): boolean {
  let channel: { prototype?: ChannelLike & { [WRAPPED]?: boolean } } | undefined;
  try {
    // Resolved from the driver itself: the connection package is its dependency, not ours.
    const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
    channel = fromDriver("neo4j-driver-bolt-connection/lib/channel/node/node-channel.js").default;
  } catch {
    return false;
  }
  const proto = channel?.prototype;
  if (!proto || typeof proto.write !== "function") return false;
  if (proto[WRAPPED]) return true;
  const write = proto.write;
  proto.write = function (this: ChannelLike, buffer: unknown) {
    const socket = this._conn;
    // `_pending` is the driver's queue while the socket is still connecting.
    if (this._pending === null && socket && socket.writableCorked === 0 && !socket.destroyed) {
      socket.cork();
      process.nextTick(() => socket.uncork());
    }
    return write.call(this, buffer);
  };
  proto[WRAPPED] = true;
  return true;
}
