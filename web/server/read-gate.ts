/**
 * Admission for the read endpoints: at most `concurrency` requests read the graph at
 * once; the rest wait in arrival order.
 *
 * Why: the database has a couple of cores. Fifty reads let into it at once share them,
 * so each takes fifty times its own cost, and a dear one (a typo search, a hub's lineage)
 * takes fifty times *its* cost: the slowest answers were several times the average. In
 * a queue every request waits about as long as the others and then runs at full speed,
 * so the slowest answer is close to the average, and the database spends its time on
 * queries instead of switching between them. The queue is bounded: past `maxQueued`
 * waiting requests the answer is 503 at once.
 */

/** The queue of reads is full; the API answers 503. */
export class ReadBusyError extends Error {
  readonly statusCode = 503;
  readonly code = "Read.Busy";
  readonly retryAfterSeconds = 1;
  constructor(maxQueued: number) {
    super(`api: ${maxQueued} requests are already waiting for the database (READ_QUEUE); try again shortly.`);
    this.name = "ReadBusyError";
  }
}

export interface ReadGate {
  /** Runs `work` when a slot is free (at once if one is); throws ReadBusyError when the queue is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Requests reading now and waiting now. */
  stats(): { running: number; queued: number };
}

export function createReadGate(concurrency: number, maxQueued: number): ReadGate {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next in line: `running` stays as it is.
    if (next) next();
    else running--;
  };
  return {
    async run(work) {
      if (running < concurrency) running++;
      else {
        if (waiting.length >= maxQueued) throw new ReadBusyError(maxQueued);
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, queued: waiting.length }),
  };
}
