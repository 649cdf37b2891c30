/**
 * What a CLI command gets: the configuration, output streams, and a database that is
 * connected only when the command asks for it (extract never touches Neo4j).
 */
import type { Config } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";

export interface CommandContext {
  config: Config;
  stdout(text: string): void;
  stderr(text: string): void;
  database(): Promise<Database>;
}
