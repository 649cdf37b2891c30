/**
 * One compile per plan. Neo4j plans a query the first time it sees its text with
 * parameters of those types and size buckets (plan-key.ts; seconds for the larger read
 * queries on a fresh server) and every caller that arrives meanwhile plans it again in
 * parallel: 50 callers of a cold lineage query once timed out most of their requests.
 * The gate lets the first caller of a plan key run alone; the others wait for it and
 * then find the plan cached.
 */
export interface PlanGate {
  /**
   * Runs work, after any first run of the same text still in flight. `marksDone: false`
   * (an EXPLAIN) lets the next caller still go first and alone: the server has the
   * logical plan then, but builds the executable one on the first real run.
   */
  run<T>(text: string, work: () => Promise<T>, options?: { marksDone?: boolean }): Promise<T>;
  /** Texts that have run once to the end (planned and cached by the server). */
  planned(text: string): boolean;
}

export function createPlanGate(): PlanGate {
  const done = new Set<string>();
  const inFlight = new Map<string, Promise<void>>();
  return {
    planned: (text) => done.has(text),
    async run(text, work, options = {}) {
      if (done.has(text)) return work();
      const pending = inFlight.get(text);
      if (pending) {
        await pending;
        // The first run may have been an EXPLAIN: the real first run then goes alone too.
        return this.run(text, work, options);
      }
      const first = work();
      // Waiters go on whether the first run succeeded or not; only a success marks the text done.
      // The entry goes before the waiters resume, so the next of them may go first.
      const settled = first.then(
        () => {
          inFlight.delete(text);
          if (options.marksDone !== false) done.add(text);
        },
        () => {
          inFlight.delete(text);
        },
      );
      inFlight.set(text, settled);
      return first;
    },
  };
}
