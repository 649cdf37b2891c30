import {
  type ApiError,
  ApiErrorSchema,
  fillPath,
  queryString,
  ROUTES,
  type RouteContract,
  type Routes,
} from "@kg/graph-schema";
import type { z } from "zod";

/** Why a request failed, in words a researcher can act on. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  /** The server is down or Neo4j behind it is (503). */
  get unreachable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 502 || this.status === 504;
  }
}

async function request<T extends z.ZodType>(
  path: string,
  schema: T,
  init?: RequestInit,
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: "application/json" }, ...init });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiRequestError(
      "The server cannot be reached. Is it running? Start it with `npm start`.",
      0,
      null,
    );
  }
  const t0 = performance.now();
  const text = await response.text();
  const t1 = performance.now();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  const name = path.split("?")[0];
  performance.measure(`kg:download ${name}`, { start: t0, end: t1 });
  performance.measure(`kg:json ${name}`, { start: t1, end: performance.now() });
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    const body = parsed.success ? parsed.data : null;
    let message = body?.error ?? `${response.status} ${response.statusText}`;
    if (response.status === 404 && !body) message = `This server has no ${path.split("?")[0]} endpoint yet.`;
    throw new ApiRequestError(message, response.status, body);
  }
  const t2 = performance.now();
  const parsed = schema.safeParse(json);
  performance.measure(`kg:schema ${name}`, { start: t2, end: performance.now() });
  if (!parsed.success) {
    throw new ApiRequestError(
      `The server's answer to ${path.split("?")[0]} did not match the API contract.`,
      500,
      null,
    );
  }
  return parsed.data;
}

type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a call of a route takes: the parts its contract declares, by their input types. */
export type RouteInput<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? (P extends z.ZodType ? { params: In<P> } : { params?: undefined }) &
        (Q extends z.ZodType ? { query?: In<Q> } : { query?: undefined }) &
        (B extends z.ZodType ? { body: In<B> } : { body?: undefined })
    : never;

export type RouteOutput<C> =
  C extends RouteContract<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, infer R>
    ? z.output<R>
    : never;

/** Calls one declared route: URL, method and body from its contract, the answer parsed with its schema. */
export function call<C extends RouteContract>(
  contract: C,
  input: RouteInput<C>,
  signal?: AbortSignal,
): Promise<RouteOutput<C>> {
  const parts = input as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const url = `${fillPath(contract.path, parts.params)}${queryString(parts.query)}`;
  const init: RequestInit =
    contract.method === "POST"
      ? {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(parts.body ?? {}),
        }
      : {};
  if (signal) init.signal = signal;
  return request(url, contract.response, init) as Promise<RouteOutput<C>>;
}

type Client = {
  [K in keyof Routes]: (
    input: RouteInput<Routes[K]>,
    signal?: AbortSignal,
  ) => Promise<RouteOutput<Routes[K]>>;
};

/** Typed access to every endpoint, derived from the route contracts (graph-schema ROUTES). */
export const api = Object.fromEntries(
  Object.entries(ROUTES).map(([name, contract]) => [
    name,
    (input: unknown, signal?: AbortSignal) => call(contract as RouteContract, input as never, signal),
  ]),
) as Client;
