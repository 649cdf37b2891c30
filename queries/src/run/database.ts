/**
 * The runner: the only module that opens a Neo4j driver. Runs named queries with
 * validated parameters and rows, in read or write transactions with a server-side
 * time limit, and raw Cypher for the console.
 */
import neo4j, { type Driver } from "neo4j-driver";
import type { z } from "zod";
import type { QueryDef } from "../define.ts";
import { toDriverParams, toPlain } from "./plain.ts";

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface RawResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}

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
  /** Raw Cypher (the console): plain values, capped at maxRows. */
  runRaw(
    cypher: string,
    params: Record<string, unknown>,
    options: { mode: "READ" | "WRITE"; timeoutMs: number; maxRows: number },
  ): Promise<RawResult>;
  /**
   * Plans the query without running it and returns the kind Neo4j gives it:
   * `r` read, `rw` read-write, `w` write, `s` schema.
   */
  explain(cypher: string, params: Record<string, unknown>): Promise<string>;
  /** Runs statements one by one in auto-commit transactions (schema changes). */
  runStatements(statements: readonly string[]): Promise<void>;
  verify(): Promise<void>;
  close(): Promise<void>;
}

export function openDatabase(options: DatabaseOptions): Database {
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

  async function run<P extends z.ZodType, R extends z.ZodType>(
    query: QueryDef<P, R>,
    params: z.input<P>,
    runOptions: RunOptions = {},
  ): Promise<z.infer<R>[]> {
    const parsed = query.params.safeParse(params);
    if (!parsed.success) {
      throw new Error(
        `queries/${query.name}: invalid parameters: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
    }
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
        const result = await tx.run(query.cypher, toDriverParams(parsed.data) as Record<string, unknown>);
        return result.records;
      };
      const config = runOptions.timeoutMs ? { timeout: runOptions.timeoutMs } : undefined;
      const records =
        query.mode === "READ"
          ? await session.executeRead(work, config)
          : await session.executeWrite(work, config);
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
    rawOptions: { mode: "READ" | "WRITE"; timeoutMs: number; maxRows: number },
  ): Promise<RawResult> {
    const session = driver.session({
      database: options.database,
      defaultAccessMode: rawOptions.mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const work = async (tx: import("neo4j-driver").ManagedTransaction) => {
        const rows: unknown[][] = [];
        let columns: string[] = [];
        let truncated = false;
        const result = tx.run(cypher, toDriverParams(params) as Record<string, unknown>);
        // Stream and stop at the cap, so a huge result never sits in memory whole.
        await new Promise<void>((resolve, reject) => {
          const subscription = result.subscribe({
            onKeys: (keys) => {
              columns = keys.map(String);
            },
            onNext: (record) => {
              if (rows.length >= rawOptions.maxRows) {
                truncated = true;
                return;
              }
              rows.push(record.keys.map((key) => toPlain(record.get(key))));
            },
            onCompleted: () => resolve(),
            onError: (error) => reject(error),
          });
          void subscription;
        });
        return { columns, rows, truncated };
      };
      const config = { timeout: rawOptions.timeoutMs };
      return rawOptions.mode === "READ"
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
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

  async function explain(cypher: string, params: Record<string, unknown>): Promise<string> {
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(
        `EXPLAIN ${cypher}`,
        toDriverParams(params) as Record<string, unknown>,
      );
      return String(result.summary.queryType);
    } finally {
      await session.close();
    }
  }

  return {
    options,
    run,
    runRaw,
    explain,
    runStatements,
    verify: async () => {
      await driver.verifyConnectivity({ database: options.database });
    },
    close: () => driver.close(),
  };
}
