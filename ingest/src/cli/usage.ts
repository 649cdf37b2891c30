/**
 * The commands' usage lines, apart from the commands themselves: `kg --help` prints them
 * all without loading any command (or the database driver they import).
 */
export const LINEAGE_USAGE = "lineage <model> [--depth 1..20] [--limit N] [--json]";
export const RELATED_USAGE = "related <paper-or-model> [--limit N] [--json]";
export const SEARCH_USAGE = "search <text…> [--limit N] [--label Label] [--json]";
export const STATS_USAGE = "stats [--top N] [--json]";
export const QUERY_USAGE =
  "query <cypher> [--param name=text | name:int|number|bool|json=value]… [--max-rows N] [--timeout ms] [--json]";
