/**
 * The console's own connections, apart from the pool the named queries share.
 *
 * Typed Cypher can hang Neo4j in ways a server-side transaction timeout never reaches
 * (a query that overflows the parser's stack is never answered at all). So each
 * console call gets a connection of its own, a client-side deadline, and at the
 * deadline that connection is closed: the caller is answered and the slot is free
 * again, whatever the server does. At most `concurrency` calls run at once; the next
 * one is refused at once (503) instead of queueing behind them, so hostile queries
 * can never take the connections the rest of the API needs.
 */
import neo4j, { type Driver, type Session } from "neo4j-driver";
import type { DatabaseOptions } from "./database.ts";

/** How long past its own time limit a console call may run before its connection is closed. */
export const CONSOLE_DEADLINE_GRACE_MS = 2_000;

/** All console connections are in use; the API answers 503. */
export class ConsoleBusyError extends Error {
  readonly statusCode = 503;
  readonly code = "Console.Busy";
  constructor(concurrency: number) {
    super(
      `console: ${concurrency} console queries are already running (CONSOLE_CONCURRENCY); try again when one has finished.`,
    );
    this.name = "ConsoleBusyError";
  }
}

/** Neo4j did not answer before the client-side deadline; the connection was closed. */
export class ClientDeadlineError extends Error {
  readonly statusCode = 408;
  readonly code = "Client.Deadline";
  constructor(what: string, deadlineMs: number) {
    super(
      `${what}: Neo4j did not answer within ${deadlineMs} ms; the connection was closed and the query abandoned.`,
    );
    this.name = "ClientDeadlineError";
  }
}

export interface ConsoleConnections {
  /**
   * Runs `work` on a fresh session whose connection is closed after `deadlineMs`
   * (or when work ends). Throws ConsoleBusyError when every slot is taken.
   */
  withSession<T>(
    mode: "READ" | "WRITE",
    deadlineMs: number,
    what: string,
    work: (session: Session) => Promise<T>,
  ): Promise<T>;
  /** Calls running now (for tests and the health of the API). */
  running(): number;
}

const CLOSE_WAIT_MS = 1_000;

function closeQuietly(driver: Driver): Promise<void> {
  // driver.close() drops the socket at once even when the server never answered;
  // the wait is bounded in case a future driver waits for a goodbye.
  return Promise.race([
    driver.close().catch(() => {}),
    new Promise<void>((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref()),
  ]);
}

export function createConsoleConnections(options: DatabaseOptions, concurrency: number): ConsoleConnections {
  let running = 0;
  return {
    running: () => running,
    async withSession(mode, deadlineMs, what, work) {
      if (running >= concurrency) throw new ConsoleBusyError(concurrency);
      running++;
      // One driver per call, one connection each: closing it closes exactly this query's socket.
      const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
        maxConnectionPoolSize: 1,
        connectionAcquisitionTimeout: deadlineMs,
        connectionTimeout: Math.min(deadlineMs, 5_000),
        maxTransactionRetryTime: 0,
        logging: { level: "error", logger: () => {} },
      });
      let timer: NodeJS.Timeout | undefined;
      try {
        const session = driver.session({
          database: options.database,
          defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
        });
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new ClientDeadlineError(what, deadlineMs)), deadlineMs);
        });
        return await Promise.race([work(session), deadline]);
      } finally {
        clearTimeout(timer);
        await closeQuietly(driver);
        running--;
      }
    },
  };
}
