/**
 * The console's static read-only check, run before anything reaches Neo4j (which also
 * runs the query in a READ transaction, so a write that slipped past would still be
 * refused by the server). It works on tokens: words inside strings, comments and
 * backticked names are not keywords, and neither are property keys (`n.set`), labels
 * and types (`:Create`), or map keys (`{delete: 1}`).
 */
import { type Token, tokenizeCypher } from "./tokenize.ts";

export type ReadOnlyVerdict =
  | {
      ok: true;
      /** The query is exactly `SHOW TRANSACTION[S]`, which the console answers its own way. */
      showTransactions?: boolean;
    }
  | { ok: false; reason: string; keyword: string; offset: number };

/** Clauses that change data, schema or the server, and what to say about each. */
const REFUSED: Record<string, string> = {
  CREATE: "creates nodes, relationships or schema",
  MERGE: "creates data",
  DELETE: "deletes data",
  DETACH: "deletes data (DETACH DELETE)",
  SET: "changes properties or labels",
  REMOVE: "removes properties or labels",
  FOREACH: "runs updates",
  INSERT: "creates data",
  DROP: "drops schema or databases",
  ALTER: "changes the server's configuration",
  RENAME: "renames schema or users",
  GRANT: "changes privileges",
  DENY: "changes privileges",
  REVOKE: "changes privileges",
  TERMINATE: "terminates transactions",
  LOAD: "reads files or URLs (LOAD CSV)",
  USE: "switches database; the console runs on the configured one",
  ENABLE: "administers servers",
  DEALLOCATE: "administers servers",
  REALLOCATE: "administers servers",
};

/** Only with the next word: `START DATABASE` is admin, `start` alone is a fine variable name. */
const REFUSED_BEFORE: Record<string, readonly string[]> = {
  START: ["DATABASE", "SERVER"],
  STOP: ["DATABASE", "SERVER"],
};

/**
 * SHOW is allowed for what only reads the current database's schema and code, decided
 * by its command word (the first word after SHOW and its modifiers), never by words
 * further on: `SHOW SETTINGS YIELD name AS index` is SETTINGS. TRANSACTIONS is handled
 * apart (see SHOW_TRANSACTIONS).
 */
const SHOW_ALLOWED = new Set([
  "INDEX",
  "INDEXES",
  "CONSTRAINT",
  "CONSTRAINTS",
  "PROCEDURE",
  "PROCEDURES",
  "FUNCTION",
  "FUNCTIONS",
]);
const SHOW_TRANSACTIONS = new Set(["TRANSACTION", "TRANSACTIONS"]);

/** Words that may stand between SHOW and its command word (`SHOW UNIQUE CONSTRAINTS`, `SHOW BUILT IN FUNCTIONS`). */
const SHOW_MODIFIERS = new Set([
  "ALL",
  "BUILT",
  "BUILTIN",
  "IN",
  "USER",
  "DEFINED",
  "RANGE",
  "TEXT",
  "POINT",
  "LOOKUP",
  "FULLTEXT",
  "VECTOR",
  "BTREE",
  "UNIQUE",
  "UNIQUENESS",
  "NODE",
  "REL",
  "RELATIONSHIP",
  "KEY",
  "EXIST",
  "EXISTENCE",
  "EXISTS",
  "PROPERTY",
  "TYPE",
]);

/** Procedures the console may call: all read-only, none administrative. */
export const CONSOLE_PROCEDURES: readonly string[] = [
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "db.index.fulltext.listAvailableAnalyzers",
  "db.index.vector.queryNodes",
  "db.index.vector.queryRelationships",
  "db.info",
  "db.ping",
];
const PROCEDURES = new Set(CONSOLE_PROCEDURES);

function isSymbol(token: Token | undefined, ...symbols: string[]): boolean {
  return token?.kind === "symbol" && symbols.includes(token.text);
}

function refuse(keyword: string, offset: number, why: string): ReadOnlyVerdict {
  return {
    ok: false,
    keyword,
    offset,
    reason: `console: ${keyword} ${why}; the console only runs read-only queries (MATCH, RETURN, CALL of read procedures, SHOW TRANSACTIONS…).`,
  };
}

/** The dotted name after CALL (`db.index.fulltext.queryNodes`), and where it ends. */
function procedureName(code: Token[], from: number): { name: string; end: number } {
  const parts: string[] = [];
  let i = from;
  while (i < code.length) {
    const t = code[i] as Token;
    if (t.kind === "word" || t.kind === "quoted") {
      parts.push(t.kind === "quoted" ? t.text.slice(1, -1).replace(/``/g, "`") : t.text);
      i++;
      if (isSymbol(code[i], ".")) {
        i++;
        continue;
      }
    }
    break;
  }
  return { name: parts.join("."), end: i };
}

/** The command word of the SHOW at code[i], and where it is. */
function showCommand(code: Token[], i: number): { word: string; at: number } {
  let at = i + 1;
  while (code[at]?.kind === "word" && SHOW_MODIFIERS.has((code[at] as Token).text.toUpperCase())) at++;
  const token = code[at];
  return { word: token?.kind === "word" ? token.text.toUpperCase() : "", at };
}

/** Whether the query only reads; when not, which keyword and why. */
export function checkReadOnly(query: string): ReadOnlyVerdict {
  const { tokens } = tokenizeCypher(query);
  return checkReadOnlyTokens(tokens.filter((t) => t.kind !== "comment"));
}

/** checkReadOnly on tokens already made, comments removed. */
export function checkReadOnlyTokens(code: Token[]): ReadOnlyVerdict {
  for (let i = 0; i < code.length; i++) {
    const token = code[i] as Token;
    if (token.kind !== "word") continue;
    const prev = code[i - 1];
    const next = code[i + 1];
    // Property keys, labels and types (also in label expressions), map keys.
    if (isSymbol(prev, ".", ":", "|", "&", "!") || isSymbol(next, ":")) continue;
    const word = token.text.toUpperCase();

    const why = REFUSED[word];
    if (why) return refuse(word, token.offset, why);
    const before = REFUSED_BEFORE[word];
    if (before && next?.kind === "word" && before.includes(next.text.toUpperCase())) {
      return refuse(`${word} ${next.text.toUpperCase()}`, token.offset, "administers databases");
    }
    if (word === "SHOW") {
      const command = showCommand(code, i);
      if (SHOW_TRANSACTIONS.has(command.word)) {
        // Other sessions' queries and parameters are not the console's to show: only
        // the bare command, answered with the console's own transaction.
        const rest = code.slice(command.at + 1).filter((t) => !isSymbol(t, ";"));
        if (i === 0 && rest.length === 0) return { ok: true, showTransactions: true };
        return refuse(
          "SHOW TRANSACTIONS",
          token.offset,
          "is allowed only on its own (no YIELD, WHERE, ids or other clauses): it lists the console's own transaction, without parameters",
        );
      }
      if (!SHOW_ALLOWED.has(command.word)) {
        return refuse(`SHOW ${command.word}`.trim(), token.offset, "shows server administration");
      }
      i = command.at;
      continue;
    }
    if (word === "CALL") {
      // CALL { … } and CALL (x) { … } are subqueries: their clauses are checked in turn.
      if (isSymbol(next, "{", "(")) continue;
      const { name } = procedureName(code, i + 1);
      if (PROCEDURES.has(name)) continue;
      const lower = name.toLowerCase();
      if (lower.startsWith("dbms.")) {
        return refuse(`CALL ${name}`, token.offset, "is an administrative procedure");
      }
      if (/^db\.(create|drop|clear|set|checkpoint|await|resample|prepare)/i.test(name)) {
        return refuse(`CALL ${name}`, token.offset, "changes the database");
      }
      return refuse(
        `CALL ${name || "…"}`,
        token.offset,
        `is not one of the read-only procedures the console allows (${CONSOLE_PROCEDURES.join(", ")})`,
      );
    }
  }
  return { ok: true };
}
