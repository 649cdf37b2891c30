/**
 * The one typed configuration object, parsed once from the environment. Nothing else
 * reads process.env.
 */
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

export const ConfigSchema = z.object({
  /** When set, everything uses this server and the project starts no Neo4j of its own. */
  NEO4J_URI: optionalString.refine((uri) => uri === undefined || /^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri), {
    message: "config: NEO4J_URI must start with bolt://, neo4j://, bolt+s:// or neo4j+s://",
  }),
  NEO4J_USER: z.string().default("neo4j"),
  /**
   * Password for NEO4J_URI. The local Neo4j ignores it: it runs with auth on and a
   * generated password kept in `<NEO4J_DATA_DIR>/neo4j.password` (mode 0600).
   */
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().default("neo4j"),
  /** Bolt port of the Neo4j the project starts itself. */
  NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_DATA_DIR: z.string().default(".data/neo4j"),
  NEO4J_HEAP: optionalString,
  PORT: z.coerce.number().int().min(0).max(65535).default(5173),
  HOST: z.string().default("127.0.0.1"),
  /** Paths ingested by `npm start` on an empty database, separated by the path delimiter. */
  KG_CORPUS: optionalString,
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  QUERY_MAX_ROWS: z.coerce.number().int().min(1).default(5_000),
  /** Cap on the console's rows as JSON; the stream stops there. */
  QUERY_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(8 * 1024 * 1024),
  /** Console queries running at once, each on its own connection; more are answered 503. */
  CONSOLE_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /**
   * Required for the page, the console and import when set (`?token=` once in the
   * browser, or `Authorization: Bearer`). A HOST other than loopback needs one.
   */
  KG_TOKEN: optionalString.refine((token) => token === undefined || token.length >= 16, {
    message: "config: KG_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 24`)",
  }),
  /** Host names (comma-separated) the server answers to besides loopback and HOST (DNS rebinding guard). */
  KG_ALLOWED_HOSTS: optionalString,
  /** Import caps: one request, one document, one paper's abstract; the queue of waiting jobs. */
  IMPORT_MAX_REQUEST_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(20 * 1024 * 1024),
  IMPORT_MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(10 * 1024 * 1024),
  IMPORT_MAX_ABSTRACT_CHARS: z.coerce.number().int().min(100).default(100_000),
  IMPORT_MAX_QUEUED_JOBS: z.coerce.number().int().min(1).default(4),
  /**
   * The read endpoints' answers kept in memory (MB; 0 turns it off). Emptied on every
   * import; another process's writes show within a second (counts) or READ_CACHE_TTL_MS.
   */
  READ_CACHE_MB: z.coerce.number().min(0).default(64),
  READ_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * Read requests (search, cards, lineage…) reading the graph at once (0: four per core);
   * more wait in arrival order, up to READ_QUEUE of them, and past that are answered 503.
   */
  READ_CONCURRENCY: z.coerce.number().int().min(0).max(1_024).default(0),
  READ_QUEUE: z.coerce.number().int().min(0).default(1_000),
  /** Chromium for the browser tests and the web benchmark (Debian's `chromium` package). */
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; throws one readable error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`config: invalid environment\n${lines.join("\n")}`);
  }
  return result.data;
}
