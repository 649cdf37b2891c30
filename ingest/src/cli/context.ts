/**
 * What a CLI command gets: the configuration, output streams, and a database that is
 * connected only when the command asks for it (extract never touches Neo4j).
 */
import type { Config } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import type { BulkServer } from "../load/bulk-load.ts";
import type { LoaderPlans } from "../load/load-extraction.ts";

export interface CommandContext {
  config: Config;
  stdout(text: string): void;
  stderr(text: string): void;
  database(): Promise<Database>;
  /** Whether stderr is a terminal (progress bars redraw in place only there). */
  stderrIsTty?: boolean;
  /** The local server's bulk-import controls; null when NEO4J_URI names another server. */
  bulkServer?: () => BulkServer | null;
  /** Whether the local server has the loader's statements planned; null for a server of NEO4J_URI. */
  loaderPlans?: () => LoaderPlans | null;
}
