/**
 * Size limits on what the server takes and gives: the request body (sized for the
 * largest import, with room for JSON escaping), and every answer, so no route can
 * build an answer that exhausts memory or the client.
 */
import type { Config } from "@kg/graph-schema";
import type { FastifyInstance } from "fastify";

/** No answer is larger than this; the overview of a 200k-node graph is far below it. */
export const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/** Body limit for Fastify: twice the import cap, since JSON escapes can double text. */
export function bodyLimitFor(config: Pick<Config, "IMPORT_MAX_REQUEST_BYTES">): number {
  return 2 * config.IMPORT_MAX_REQUEST_BYTES + 1024 * 1024;
}

export function registerResponseCap(app: FastifyInstance, maxBytes = MAX_RESPONSE_BYTES): void {
  app.addHook("onSend", async (request, reply, payload) => {
    const size =
      typeof payload === "string"
        ? Buffer.byteLength(payload)
        : Buffer.isBuffer(payload)
          ? payload.length
          : 0;
    if (size <= maxBytes) return payload;
    reply.code(500).type("application/json; charset=utf-8");
    return JSON.stringify({
      error: `api: the answer to ${request.method} ${request.url.split("?")[0]} would be ${size} bytes, over the limit of ${maxBytes}; ask for less (a lower limit).`,
    });
  });
}
