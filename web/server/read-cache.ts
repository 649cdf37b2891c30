/**
 * A small cache of the read endpoints' answers (search, cards, lineage…), kept as the
 * JSON text that is sent, so a repeated question costs neither a query nor a
 * serialisation. Under load most of a request's cost is the database's, and the same
 * nodes (hub models, popular searches) are asked for again and again.
 *
 * Never stale for long:
 * - every write this server makes (an import) empties it when the load ends;
 * - a write by another process (`kg ingest`) changes the node or relationship count,
 *   which is looked at (one count query, shared by the callers that wait on it) at most
 *   once per `checkEveryMs`;
 * - any other change (new evidence on an existing fact) shows after `ttlMs` at most.
 *
 * Bounded by the bytes of the kept answers (least recently used go first) and by the
 * TTL (expired answers are dropped as new ones come in, not only when asked for again). Callers
 * asking for the same answer at once share one computation. An answer computed while a
 * write ended is given to its callers but not kept.
 */

export interface ReadCacheOptions {
  /** Total size of the kept answers; 0 turns the cache off. */
  maxBytes: number;
  /** How long an answer may be kept at most. */
  ttlMs: number;
  /** A cheap fingerprint of the data (node and relationship counts); a change empties the cache. */
  version?: () => Promise<string>;
  /** How often `version` is asked at most. */
  checkEveryMs?: number;
  now?: () => number;
}

export interface ReadCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export interface ReadCache {
  readonly enabled: boolean;
  /** The answer for `key`: kept, being computed by another caller, or computed now. */
  get(key: string, compute: () => Promise<string>): Promise<string>;
  /** Forgets every answer (the graph was written). */
  invalidate(): void;
  stats(): ReadCacheStats;
}

interface Entry {
  body: string;
  bytes: number;
  at: number;
}

export function createReadCache(options: ReadCacheOptions): ReadCache {
  const now = options.now ?? (() => performance.now());
  const checkEveryMs = options.checkEveryMs ?? 1_000;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<string>>();
  let bytes = 0;
  let generation = 0;
  let hits = 0;
  let misses = 0;
  let knownVersion: string | undefined;
  let lastCheck = Number.NEGATIVE_INFINITY;
  let checking: Promise<void> | undefined;

  function clear(): void {
    generation++;
    entries.clear();
    inFlight.clear();
    bytes = 0;
  }

  function remove(key: string, entry: Entry): void {
    entries.delete(key);
    bytes -= entry.bytes;
  }

  /** Asks for the data version when due; callers meanwhile wait on the same question. */
  function checkVersion(): Promise<void> | undefined {
    if (!options.version) return undefined;
    if (checking) return checking;
    if (now() - lastCheck < checkEveryMs) return undefined;
    lastCheck = now();
    checking = options.version().then(
      (version) => {
        checking = undefined;
        if (knownVersion !== undefined && version !== knownVersion) clear();
        knownVersion = version;
      },
      () => {
        // Neo4j unreachable: the reads will say so themselves; keep nothing meanwhile.
        checking = undefined;
        knownVersion = undefined;
        clear();
      },
    );
    return checking;
  }

  function store(key: string, body: string): void {
    const size = body.length * 2;
    // One huge answer must not push out everything else.
    if (size > options.maxBytes / 2) return;
    const old = entries.get(key);
    if (old) remove(key, old);
    const at = now();
    entries.set(key, { body, bytes: size, at });
    bytes += size;
    // Least recently used first: expired answers go, then as many more as the bytes need.
    // Without the first, answers asked for once stayed until the byte cap pushed them
    // out, and a server asked about many different nodes grew by the whole cap.
    for (const [oldest, entry] of entries) {
      if (bytes <= options.maxBytes && at - entry.at <= options.ttlMs) break;
      remove(oldest, entry);
    }
  }

  return {
    enabled: options.maxBytes > 0,
    async get(key, compute) {
      if (options.maxBytes <= 0) return compute();
      await checkVersion();
      const kept = entries.get(key);
      if (kept && now() - kept.at <= options.ttlMs) {
        hits++;
        // Most recently used last: the Map's order is the eviction order.
        entries.delete(key);
        entries.set(key, kept);
        return kept.body;
      }
      if (kept) remove(key, kept);
      const pending = inFlight.get(key);
      if (pending) {
        hits++;
        return pending;
      }
      misses++;
      const started = generation;
      const answer = compute();
      inFlight.set(key, answer);
      try {
        const body = await answer;
        if (generation === started) store(key, body);
        return body;
      } finally {
        if (inFlight.get(key) === answer) inFlight.delete(key);
      }
    },
    invalidate: clear,
    stats: () => ({ hits, misses, entries: entries.size, bytes }),
  };
}
