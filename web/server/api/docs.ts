/**
 * The API's own description, generated from the routes' zod schemas with zod 4's
 * z.toJSONSchema: OpenAPI 3.1 JSON at /api/docs/openapi.json and a plain HTML page
 * at /api/docs listing every endpoint. Nothing is fetched from a CDN.
 */
import { ApiErrorSchema } from "@kg/graph-schema";
import { z } from "zod";
import { type ApiRoute, defineRoute } from "./route.ts";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** `/api/nodes/:id/card` → `/api/nodes/{id}/card`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_]+)/g, "{$1}");
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

/** The OpenAPI 3.1 document of the given routes. */
export function buildOpenApi(routes: readonly ApiRoute[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = jsonSchema(ApiErrorSchema, "output");
  for (const route of routes) {
    if (route.hidden) continue;
    const path = openApiPath(route.url);
    const responses: Record<string, unknown> = {
      200: {
        description: "OK",
        content: { "application/json": { schema: jsonSchema(route.response, "output") } },
      },
    };
    for (const [status, why] of Object.entries({ ...(route.errors ?? {}), 500: "unexpected failure" })) {
      responses[status] = { description: why, content: { "application/json": { schema: error } } };
    }
    responses[503] = {
      description: "Neo4j cannot be reached",
      content: { "application/json": { schema: error } },
    };
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
      parameters: [...parameters(route.params, "path"), ...parameters(route.querystring, "query")],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "AI lineage graph API",
      version: "0.1.0",
      description:
        "Models, data sets, papers, labs and authors read from paper text into Neo4j. Node ids are `Label:key`, " +
        "e.g. `Model:qwen2-5-7b-instruct` or `Paper:arxiv:2510.15710` (URL-encode them in paths).",
    },
    paths,
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** A self-contained page listing every endpoint with its parameters. */
export function renderDocsPage(routes: readonly ApiRoute[]): string {
  const items = routes
    .filter((r) => !r.hidden)
    .map((route) => {
      const params = [...parameters(route.params, "path"), ...parameters(route.querystring, "query")]
        .map((p) => {
          const schema = p.schema as { type?: string; default?: unknown; enum?: unknown[] };
          const type = schema.enum ? schema.enum.join(" | ") : (schema.type ?? "");
          const def = schema.default !== undefined ? ` = ${JSON.stringify(schema.default)}` : "";
          return `<li><code>${escapeHtml(String(p.name))}</code> <small>(${p.in}${p.required ? ", required" : ""})</small> ${escapeHtml(type + def)}${p.description ? ` — ${escapeHtml(String(p.description))}` : ""}</li>`;
        })
        .join("");
      const body = route.body ? "<li>JSON body — see <code>requestBody</code> in openapi.json</li>" : "";
      return `<section><h2><span class="m">${route.method}</span> <code>${escapeHtml(route.url)}</code></h2>
<p>${escapeHtml(route.summary)}</p>${route.description ? `<p class="d">${escapeHtml(route.description)}</p>` : ""}
${params || body ? `<ul>${params}${body}</ul>` : ""}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API — AI lineage graph</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}h2{font-size:1.05rem;margin:1.6rem 0 .3rem}code{font:13px ui-monospace,monospace}
.m{display:inline-block;min-width:3.2rem;font:600 12px ui-monospace,monospace;color:#fff;background:#3557a8;border-radius:3px;padding:1px 5px;text-align:center}
.d{color:#4b5467}section{border-top:1px solid #e3e6ec}ul{margin:.3rem 0}
</style></head><body>
<h1>AI lineage graph — HTTP API</h1>
<p>Machine-readable description: <a href="/api/docs/openapi.json"><code>/api/docs/openapi.json</code></a> (OpenAPI 3.1).
Errors come back as <code>{ "error", "code"?, "position"? }</code>.</p>
${items}
</body></html>
`;
}

/** GET /api/docs and /api/docs/openapi.json, describing `routes`. */
export function docsRoutes(routes: readonly ApiRoute[]): ApiRoute[] {
  const document = buildOpenApi(routes);
  const page = renderDocsPage(routes);
  return [
    defineRoute({
      method: "GET",
      url: "/api/docs/openapi.json",
      summary: "This API's OpenAPI 3.1 description",
      response: z.record(z.string(), z.unknown()),
      hidden: true,
      handler: async () => document,
    }),
    defineRoute({
      method: "GET",
      url: "/api/docs",
      summary: "This API's endpoints as an HTML page",
      response: z.string(),
      contentType: "text/html; charset=utf-8",
      hidden: true,
      handler: async () => page,
    }),
  ];
}
