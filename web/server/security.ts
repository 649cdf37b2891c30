/**
 * Who may talk to the server, and what the browser is told about its answers.
 *
 * - Host check: only names this server is meant to be reached by (loopback, HOST,
 *   KG_ALLOWED_HOSTS), so a web page whose DNS name was rebound to 127.0.0.1 gets
 *   nothing (DNS rebinding).
 * - Origin check: a request that changes something (POST) from another site's page is
 *   refused, whatever its Host.
 * - Token: with KG_TOKEN set, every page and API call but /api/health needs it, as
 *   `Authorization: Bearer <token>` or the cookie the page gets from opening
 *   `/?token=<token>` once.
 * - Headers: CSP `default-src 'self'` (no inline script, no framing), nosniff, no
 *   referrer.
 */
import { timingSafeEqual } from "node:crypto";
import type { Config } from "@kg/graph-schema";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "::1"];
const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", ""]);
const OPEN_PATHS = new Set(["/api/health"]);

const CSP = [
  "default-src 'self'",
  // sigma's layout worker and image export use blob: URLs; exported images are data: URLs.
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  // CodeMirror (the Cypher console) injects its theme as <style> elements; scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
};

type SecurityConfig = Pick<Config, "HOST" | "PORT" | "KG_TOKEN" | "KG_ALLOWED_HOSTS">;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Refuses to serve the console and import to the network without a token: a HOST
 * other than loopback needs KG_TOKEN.
 */
export function assertSafeBinding(config: SecurityConfig): void {
  if (isLoopbackHost(config.HOST) || config.KG_TOKEN) return;
  throw new Error(
    `config: HOST=${config.HOST} would serve the Cypher console and import to the network with no authentication. ` +
      "Set KG_TOKEN (e.g. KG_TOKEN=$(openssl rand -hex 24)) and open the printed link, or keep HOST=127.0.0.1.",
  );
}

/** Host names (lower case, no port, no brackets) the server answers to. */
export function allowedHosts(config: SecurityConfig): Set<string> {
  const hosts = new Set(LOOPBACK_HOSTS);
  const bound = config.HOST.toLowerCase().replace(/^\[|\]$/g, "");
  if (!WILDCARD_HOSTS.has(bound)) hosts.add(bound);
  for (const extra of (config.KG_ALLOWED_HOSTS ?? "").split(",")) {
    const name = extra.trim().toLowerCase();
    if (name) hosts.add(name);
  }
  return hosts;
}

/** The host name of a Host header or an Origin's authority, without port and brackets. */
export function hostName(authority: string): string {
  const value = authority.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]") > 0 ? value.indexOf("]") : undefined);
  const colon = value.lastIndexOf(":");
  return colon >= 0 && value.indexOf(":") === colon ? value.slice(0, colon) : value;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  if (request.url.startsWith("/api/")) return reply.code(status).send({ error: message });
  return reply.code(status).type("text/plain; charset=utf-8").send(message);
}

/** Registers the host, origin and token checks and the security headers on every answer. */
export function registerSecurity(app: FastifyInstance, config: SecurityConfig): void {
  const hosts = allowedHosts(config);
  const token = config.KG_TOKEN;
  // Cookies are per host, not per port: the port keeps two servers' tokens apart.
  const cookieName = `kg_token_${config.PORT}`;

  app.addHook("onRequest", async (request, reply) => {
    const host = request.headers.host;
    if (!host || !hosts.has(hostName(host))) {
      return refuse(
        request,
        reply,
        421,
        `host: this server does not answer to '${host ?? ""}'; add the name to KG_ALLOWED_HOSTS if it is yours.`,
      );
    }
    const origin = request.headers.origin;
    if (origin !== undefined && request.method !== "GET" && request.method !== "HEAD") {
      let originHost = "";
      try {
        originHost = hostName(new URL(origin).host);
      } catch {
        // `null` or garbage: no host, refused below.
      }
      if (!hosts.has(originHost)) {
        return refuse(request, reply, 403, `origin: requests from ${origin} are refused.`);
      }
    }
    if (!token) return;
    const path = request.url.split("?")[0] ?? "";
    if (OPEN_PATHS.has(path)) return;

    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = typeof query?.token === "string" ? query.token : undefined;
    if (fromQuery !== undefined && request.method === "GET" && !path.startsWith("/api/")) {
      if (!sameToken(fromQuery, token)) return refuse(request, reply, 401, "token: wrong token.");
      // Keep the token out of the address bar, history and logs from here on.
      const url = new URL(request.url, "http://localhost");
      url.searchParams.delete("token");
      reply.header(
        "Set-Cookie",
        `${cookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
      return reply.redirect(`${url.pathname}${url.search}`, 303);
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const given = bearer ?? cookieValue(request.headers.cookie, cookieName);
    if (given !== undefined && sameToken(given, token)) return;
    return refuse(
      request,
      reply,
      401,
      "token: this server needs its token (KG_TOKEN): open /?token=<KG_TOKEN> once in the browser, or send Authorization: Bearer <KG_TOKEN>.",
    );
  });

  app.addHook("onSend", async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    reply.header("Content-Security-Policy", CSP);
    return payload;
  });
}
