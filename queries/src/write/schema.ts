/**
 * Constraints and indexes from graph-schema's registry as idempotent Cypher statements.
 * Labels and property names come only from the registry, never from input.
 */
import { FULLTEXT_INDEX, RANGE_INDEXES, UNIQUE_KEY_CONSTRAINTS } from "@kg/graph-schema";

export function schemaStatements(): string[] {
  const constraints = UNIQUE_KEY_CONSTRAINTS.map(
    (c) => `CREATE CONSTRAINT ${c.name} IF NOT EXISTS FOR (n:${c.label}) REQUIRE n.${c.property} IS UNIQUE`,
  );
  const ranges = RANGE_INDEXES.map(
    (i) => `CREATE INDEX ${i.name} IF NOT EXISTS FOR (n:${i.label}) ON (n.${i.property})`,
  );
  const fulltext = `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX.name} IF NOT EXISTS FOR (n:${FULLTEXT_INDEX.labels.join("|")}) ON EACH [${FULLTEXT_INDEX.properties.map((p) => `n.${p}`).join(", ")}]`;
  return [...constraints, ...ranges, fulltext];
}
