/**
 * The HTTP server: the JSON API under /api and the built front end for everything
 * else. Thin by design: validation, routing, and mapping errors to statuses.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { countAllQuery } from "@kg/queries";
import Fastify, { type FastifyInstance } from "fastify";
import { registerApi } from "./api/index.ts";
import { noteImported } from "./api/overview.ts";
import type { ApiDeps } from "./api/route.ts";
import { createIngestJobs } from "./ingest-jobs.ts";
import { bodyLimitFor, registerResponseCap } from "./limits.ts";
import { createReadCache } from "./read-cache.ts";
import { createReadGate } from "./read-gate.ts";
import { registerSecurity } from "./security.ts";

export interface AppOptions extends ApiDeps {
  /** The built front end (web/dist); absent in API-only tests. */
  distDir?: string;
  logger?: boolean;
}

/**
 * Reads let into the database at once per core of this machine (READ_CONCURRENCY=0): enough
 * to keep the cores busy while some reads are on the wire, few enough that a dear read is
 * not slowed by dozens of others sharing the cores (see read-gate.ts).
 */
const READS_PER_CORE = 4;

export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: bodyLimitFor(options.config) });
  registerSecurity(app, options.config);
  registerResponseCap(app);

  app.setErrorHandler(
    (error: Error & { statusCode?: number; code?: string; retryAfterSeconds?: number }, _request, reply) => {
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
        return reply.code(413).send({
          error: `request: the body is over ${bodyLimitFor(options.config)} bytes; imports are limited to ${options.config.IMPORT_MAX_REQUEST_BYTES} bytes of text per request (IMPORT_MAX_REQUEST_BYTES)`,
        });
      }
      // Refusals that say "not now" (busy console, full import queue, Neo4j down) keep their status.
      if (error.statusCode === 503 || error.statusCode === 429) {
        if (error.retryAfterSeconds) reply.header("Retry-After", String(error.retryAfterSeconds));
        return reply
          .code(error.statusCode)
          .send({ error: error.message, ...(error.code ? { code: error.code } : {}) });
      }
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      const unreachable =
        /ServiceUnavailable|ECONNREFUSED|Could not perform discovery|Failed to connect/i.test(
          `${error.name} ${error.message}`,
        );
      if (unreachable) {
        return reply.code(503).send({ error: `Neo4j cannot be reached: ${error.message}` });
      }
      return reply.code(status).send({ error: error.message });
    },
  );

  const readCache =
    options.readCache ??
    createReadCache({
      maxBytes: options.config.READ_CACHE_MB * 1024 * 1024,
      ttlMs: options.config.READ_CACHE_TTL_MS,
      version: async () => {
        const [counts] = await options.db.run(countAllQuery, {});
        return `${counts?.nodes ?? 0}/${counts?.relationships ?? 0}`;
      },
    });
  const ingestJobs =
    options.ingestJobs ??
    createIngestJobs(options.db, options.config, {
      onGraphWritten: (newNodeIds) => {
        readCache.invalidate();
        noteImported(newNodeIds);
      },
    });
  app.addHook("onClose", async () => {
    await ingestJobs.close();
  });
  const readGate =
    options.readGate ??
    createReadGate(
      options.config.READ_CONCURRENCY || READS_PER_CORE * availableParallelism(),
      options.config.READ_QUEUE,
    );
  registerApi(app, { db: options.db, config: options.config, ingestJobs, readCache, readGate });

  if (options.distDir && existsSync(path.join(options.distDir, "index.html"))) {
    await app.register(fastifyStatic, { root: path.resolve(options.distDir), wildcard: false });
    // Deep links (/model/…, /?q=…) all load the single-page app.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith("/api/"))
        return reply.code(404).send({ error: `no route ${request.method} ${request.url}` });
      return reply.sendFile("index.html");
    });
  }
  return app;
}
