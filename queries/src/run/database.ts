/**
 * The runner: the only module that opens a Neo4j driver. Runs named queries with
 * validated parameters and rows, in read or write transactions with a server-side
 * time limit, and raw Cypher for the console.
 */
import neo4j, { type Driver } from "neo4j-driver";
import type { z } from "zod";
import type { QueryDef } from "../define.ts";
import { batchBoltWrites } from "./bolt-writes.ts";
import {
  ClientDeadlineError,
  CONSOLE_DEADLINE_GRACE_MS,
  type ConsoleConnections,
  createConsoleConnections,
} from "./console-connections.ts";
import { capStrings, toDriverParams, toPlain } from "./plain.ts";
import { createPlanGate } from "./plan-gate.ts";
import { planCacheKey } from "./plan-key.ts";

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Console queries (runRaw, explain) running at once; more are answered 503 (default 4). */
  consoleConcurrency?: number;
}

export interface RawResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  /** Which cap cut the result, when one did. */
  truncatedBy?: "rows" | "bytes";
}

export interface RawOptions {
  mode: "READ" | "WRITE";
  timeoutMs: number;
  maxRows: number;
  /** Cap on the rows' JSON size; the stream stops there (default 8 MB). */
  maxBytes?: number;
  /** Strings longer than this come back cut, ending in a note (default 100 000 characters). */
  maxStringChars?: number;
  /** Transaction metadata (SHOW TRANSACTIONS finds the console's own transaction by it). */
  metadata?: Record<string, string>;
}

export interface PlanSummary {
  planned: number;
  failed: { name: string; message: string }[];
  ms: number;
}

/** How many times its time limit the first run of a named query may take (it plans it too). */
export const FIRST_RUN_TIME_FACTOR = 3;

export const DEFAULT_RAW_MAX_BYTES = 8 * 1024 * 1024;
export const DEFAULT_RAW_MAX_STRING_CHARS = 100_000;

export interface RunOptions {
  /** Server-side transaction timeout; the database cancels the query when it runs out. */
  timeoutMs?: number;
}

export interface Database {
  readonly options: DatabaseOptions;
  run<P extends z.ZodType, R extends z.ZodType>(
    query: QueryDef<P, R>,
    params: z.input<P>,
    options?: RunOptions,
  ): Promise<z.infer<R>[]>;
  /**
   * Raw Cypher (the console), on the console's own connections: plain values, the stream
   * cancelled at maxRows or maxBytes, the connection closed at a client-side deadline.
   */
  runRaw(cypher: string, params: Record<string, unknown>, options: RawOptions): Promise<RawResult>;
  /**
   * Plans the query without running it and returns the kind Neo4j gives it:
   * `r` read, `rw` read-write, `w` write, `s` schema. Same connections and deadline as runRaw.
   */
  explain(cypher: string, params: Record<string, unknown>, timeoutMs?: number): Promise<string>;
  /** The console's connections (concurrency and what runs now). */
  readonly console: ConsoleConnections;
  /**
   * Has the server plan these queries now (EXPLAIN, one at a time by default), so the
   * first callers after a start do not each wait for a compile. Callers of a query that
   * is being planned wait for that plan rather than compiling it again.
   */
  plan(queries: readonly QueryDef[], options?: { concurrency?: number }): Promise<PlanSummary>;
  /**
   * Runs a named query in a transaction that is then rolled back: nothing changes, and the
   * server has planned and cached the statement for parameters of these types (Neo4j
   * keys its plan cache by statement, parameter types and the size bucket of each string
   * and list parameter: see plan-key.ts; rehearse with values of the lengths the real
   * runs will have).
   */
  rehearse<P extends z.ZodType, R extends z.ZodType>(
    query: QueryDef<P, R>,
    params: z.input<P>,
  ): Promise<void>;
  /**
   * Runs named write queries one after another in one transaction that is then rolled
   * back. Neo4j's plan cache also keys a plan by whether the transaction already holds
   * changes, so a statement that runs after another write in a transaction has a plan
   * of its own: rehearse it after a write to have that one planned.
   */
  rehearseWrites(steps: readonly WriteStep[]): Promise<void>;
  /**
   * Runs named write queries one after another in one write transaction: all of them
   * or, when one fails, none. `onDone(i)` is called as the i-th has run (before the commit).
   */
  writeAll(steps: readonly WriteStep[], onDone?: (index: number) => void): Promise<void>;
  /** Runs statements one by one in auto-commit transactions (schema changes). */
  runStatements(statements: readonly string[]): Promise<void>;
  verify(): Promise<void>;
  close(): Promise<void>;
}

/** One write of `Database.writeAll`: a named query and its parameters (see writeStep). */
export interface WriteStep {
  query: QueryDef;
  params: unknown;
}

/** A WriteStep whose parameters are checked against the query's type. */
export function writeStep<P extends z.ZodType, R extends z.ZodType>(
  query: QueryDef<P, R>,
  params: z.input<P>,
): WriteStep {
  return { query, params };
}

/**
 * Calls `start` (which must start a query synchronously) with stack traces off. The driver
 * takes one for every query it starts, to put in its errors, and where source maps are on
 * (tsx) formatting it cost a tenth of the server's CPU under load. It would hold only
 * the runner's frames (its callers are behind an await); errors keep their message and code.
 */
function withoutStackTrace<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A query's parameters checked against its schema, in the driver's form; a bad one names the query and field. */
function checkedParams(query: QueryDef, params: unknown): Record<string, unknown> {
  const parsed = query.params.safeParse(params);
  if (!parsed.success) {
    throw new Error(
      `queries/${query.name}: invalid parameters: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  return toDriverParams(parsed.data) as Record<string, unknown>;
}

export function openDatabase(options: DatabaseOptions): Database {
  batchBoltWrites();
  // A server with auth disabled (the local launcher) accepts any basic credentials.
  const auth = neo4j.auth.basic(options.user, options.password);
  const driver: Driver = neo4j.driver(options.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    // Fail fast when Neo4j is down: the API answers 503 in seconds, not after 30 s of retries.
    maxTransactionRetryTime: 3_000,
    logging: { level: "error", logger: () => {} },
  });
  const consoleConnections = createConsoleConnections(options, options.consoleConcurrency ?? 4);
  const planGate = createPlanGate();

  async function run<P extends z.ZodType, R extends z.ZodType>(
    query: QueryDef<P, R>,
    params: z.input<P>,
    runOptions: RunOptions = {},
  ): Promise<z.infer<R>[]> {
    const driverParams = checkedParams(query, params);
    const session = driver.session({
      database: options.database,
      defaultAccessMode: query.mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const work = async (tx: {
        run: (
          c: string,
          p: Record<string, unknown>,
        ) => Promise<{ records: { keys: PropertyKey[]; get: (k: PropertyKey) => unknown }[] }>;
      }) => {
        const result = await tx.run(query.cypher, driverParams);
        return result.records;
      };
      // The deadline starts when this call reaches Neo4j, not while it waits for another
      // caller's first run of the same plan (which compiles it). That first run gets three
      // times the time limit: planning is paid once, and on a busy machine it alone can
      // take longer than the limit.
      const planKey = planCacheKey(query.cypher, driverParams);
      // An EXPLAIN of the text at start (plan) compiles most of it: wait for it rather than
      // compile the same text beside it.
      await planGate.settled(planCacheKey(query.cypher));
      const records = await planGate.run(planKey, () => {
        const timeoutMs = runOptions.timeoutMs
          ? runOptions.timeoutMs * (planGate.planned(planKey) ? 1 : FIRST_RUN_TIME_FACTOR)
          : undefined;
        const config = timeoutMs ? { timeout: timeoutMs } : undefined;
        // A read goes as one auto-commit query (RUN and PULL in one round trip, no
        // BEGIN/COMMIT): under load the extra round trips were a large share of a short
        // read's cost. Reads need no retry: nothing they do can conflict.
        const running =
          query.mode === "READ"
            ? withoutStackTrace(() => session.run(query.cypher, driverParams, config)).then(
                (result) => result.records,
              )
            : session.executeWrite(work, config);
        return timeoutMs
          ? withDeadline(running, timeoutMs + CONSOLE_DEADLINE_GRACE_MS, `queries/${query.name}`)
          : running;
      });
      return records.map((record, index) => {
        const plain: Record<string, unknown> = {};
        for (const key of record.keys) plain[String(key)] = toPlain(record.get(key));
        const row = query.row.safeParse(plain);
        if (!row.success) {
          throw new Error(
            `queries/${query.name}: row ${index} does not match its schema: ${row.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
          );
        }
        return row.data;
      });
    } finally {
      await session.close();
    }
  }

  async function runRaw(
    cypher: string,
    params: Record<string, unknown>,
    rawOptions: RawOptions,
  ): Promise<RawResult> {
    const maxBytes = rawOptions.maxBytes ?? DEFAULT_RAW_MAX_BYTES;
    const maxStringChars = rawOptions.maxStringChars ?? DEFAULT_RAW_MAX_STRING_CHARS;
    const deadlineMs = rawOptions.timeoutMs + CONSOLE_DEADLINE_GRACE_MS;
    return consoleConnections.withSession(rawOptions.mode, deadlineMs, "console", async (session) => {
      const tx = await session.beginTransaction({
        timeout: rawOptions.timeoutMs,
        ...(rawOptions.metadata ? { metadata: rawOptions.metadata } : {}),
      });
      try {
        const rows: unknown[][] = [];
        let bytes = 0;
        let truncatedBy: RawResult["truncatedBy"];
        const result = tx.run(cypher, toDriverParams(params) as Record<string, unknown>);
        const columns = (await result.keys()).map(String);
        // Leaving the loop early cancels the stream in the server (DISCARD), so a cap
        // ends the query instead of letting it run to its time limit.
        for await (const record of result) {
          if (rows.length >= rawOptions.maxRows) {
            truncatedBy = "rows";
            break;
          }
          const row = record.keys.map((key) => capStrings(toPlain(record.get(key)), maxStringChars));
          bytes += Buffer.byteLength(JSON.stringify(row));
          if (bytes > maxBytes) {
            truncatedBy = "bytes";
            break;
          }
          rows.push(row);
        }
        if (rawOptions.mode === "WRITE") await tx.commit();
        return {
          columns,
          rows,
          truncated: truncatedBy !== undefined,
          ...(truncatedBy ? { truncatedBy } : {}),
        };
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
      }
    });
  }

  async function planOne(query: QueryDef): Promise<void> {
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
    try {
      // Planning only: EXPLAIN needs no parameter values and runs nothing.
      await planGate.run(
        planCacheKey(query.cypher),
        () => withDeadline(session.run(`EXPLAIN ${query.cypher}`), 60_000, `queries/${query.name} (plan)`),
        { marksDone: false },
      );
    } finally {
      await session.close();
    }
  }

  async function plan(
    queries: readonly QueryDef[],
    planOptions: { concurrency?: number } = {},
  ): Promise<PlanSummary> {
    const started = performance.now();
    const queue = [...new Map(queries.map((q) => [q.cypher, q])).values()];
    const failed: PlanSummary["failed"] = [];
    let planned = 0;
    const worker = async () => {
      for (let query = queue.shift(); query; query = queue.shift()) {
        try {
          await planOne(query);
          planned++;
        } catch (error) {
          failed.push({ name: query.name, message: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: planOptions.concurrency ?? 1 }, worker));
    return { planned, failed, ms: performance.now() - started };
  }

  async function rehearse<P extends z.ZodType, R extends z.ZodType>(
    query: QueryDef<P, R>,
    params: z.input<P>,
  ): Promise<void> {
    const driverParams = checkedParams(query, params);
    const session = driver.session({
      database: options.database,
      defaultAccessMode: query.mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      await planGate.run(planCacheKey(query.cypher, driverParams), async () => {
        const tx = await session.beginTransaction();
        try {
          await tx.run(query.cypher, driverParams);
        } finally {
          await tx.rollback();
        }
      });
    } finally {
      await session.close();
    }
  }

  async function rehearseWrites(steps: readonly WriteStep[]): Promise<void> {
    const params = steps.map(({ query, params: raw }) => checkedParams(query, raw));
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const tx = await session.beginTransaction();
      try {
        for (let i = 0; i < steps.length; i++) await tx.run((steps[i] as WriteStep).query.cypher, params[i]);
      } finally {
        await tx.rollback();
      }
    } finally {
      await session.close();
    }
  }

  async function writeAll(steps: readonly WriteStep[], onDone?: (index: number) => void): Promise<void> {
    // Every parameter is checked before anything is sent: a bad one fails the whole write.
    const params = steps.map(({ query, params: raw }) => {
      if (query.mode !== "WRITE") throw new Error(`queries/${query.name}: writeAll runs WRITE queries only`);
      return checkedParams(query, raw);
    });
    if (steps.length === 0) return;
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      // A retried transaction (a transient error) runs every step again; they are MERGEs.
      await session.executeWrite(async (tx) => {
        // Sent at once (the driver pipelines a transaction's statements on its connection):
        // the server goes from one statement to the next without waiting for this process to
        // read a result and send the next (a 100-paper load's 19 statements: write median
        // 0.80 -> 0.69 s, 12 loads each, load average 8-11). Read in order; after a failure the
        // later ones fail too (the transaction is rolled back) and the first error is thrown.
        const results = steps.map((step, i) => tx.run(step.query.cypher, params[i]));
        for (const result of results) result.catch(() => {});
        for (let i = 0; i < results.length; i++) {
          await results[i];
          onDone?.(i);
        }
      });
    } finally {
      await session.close();
    }
  }

  async function runStatements(statements: readonly string[]): Promise<void> {
    const session = driver.session({ database: options.database });
    try {
      for (const statement of statements) await session.run(statement);
    } finally {
      await session.close();
    }
  }

  async function explain(
    cypher: string,
    params: Record<string, unknown>,
    timeoutMs = 10_000,
  ): Promise<string> {
    return consoleConnections.withSession(
      "READ",
      timeoutMs + CONSOLE_DEADLINE_GRACE_MS,
      "console (EXPLAIN)",
      async (session) => {
        const result = await session.run(
          `EXPLAIN ${cypher}`,
          toDriverParams(params) as Record<string, unknown>,
          {
            timeout: timeoutMs,
          },
        );
        return String(result.summary.queryType);
      },
    );
  }

  return {
    options,
    run,
    runRaw,
    explain,
    console: consoleConnections,
    plan,
    rehearse,
    rehearseWrites,
    writeAll,
    runStatements,
    verify: async () => {
      await driver.verifyConnectivity({ database: options.database });
    },
    close: () => driver.close(),
  };
}

/**
 * Rejects when `work` has not settled within deadlineMs. The named queries share the
 * pool, so their connection stays with the driver; the server-side timeout (shorter
 * than the deadline) normally ends the query first, and this only makes sure no
 * caller ever waits on a server that does not answer.
 */
function withDeadline<T>(work: Promise<T>, deadlineMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClientDeadlineError(what, deadlineMs)), deadlineMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
