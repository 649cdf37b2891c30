/**
 * Whole-graph maintenance, for tests and `kg reset`: batched so a large graph never
 * needs one huge transaction.
 */
export const clearGraphStatements: readonly string[] = [
  "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
];
