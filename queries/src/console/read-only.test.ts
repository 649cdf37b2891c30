import { describe, expect, it } from "vitest";
import { checkReadOnly } from "./read-only.ts";
import { tokenizeCypher } from "./tokenize.ts";

const refused = (query: string) => {
  const verdict = checkReadOnly(query);
  return verdict.ok ? null : verdict.keyword;
};

describe("tokenizeCypher", () => {
  it("keeps strings, comments and backticked names whole", () => {
    const { tokens, unterminated } = tokenizeCypher(
      "MATCH (n) // CREATE\nWHERE n.name = 'a \\' CREATE' /* SET */ RETURN n.`DELETE ``x`` ` AS x",
    );
    expect(unterminated).toBeNull();
    const kinds = tokens.map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toContain("comment:// CREATE");
    expect(kinds).toContain("string:'a \\' CREATE'");
    expect(kinds).toContain("comment:/* SET */");
    expect(kinds).toContain("quoted:`DELETE ``x`` `");
  });

  it("reports what never ends", () => {
    expect(tokenizeCypher("RETURN 'abc").unterminated).toBe("string");
    expect(tokenizeCypher("RETURN 1 /* x").unterminated).toBe("comment");
    expect(tokenizeCypher("RETURN `x").unterminated).toBe("quoted");
  });

  it("reads ranges and parameters", () => {
    const texts = tokenizeCypher("MATCH p=()-[*1..3]->() RETURN $limit").tokens.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(["1", ".", "3", "$limit"]));
  });
});

describe("checkReadOnly", () => {
  it("refuses writes, schema changes, LOAD CSV and admin procedures", () => {
    expect(refused("CREATE (n:Model {key: 'x'})")).toBe("CREATE");
    expect(refused("MERGE (n:Model {key: 'x'}) RETURN n")).toBe("MERGE");
    expect(refused("MATCH (n) DELETE n")).toBe("DELETE");
    expect(refused("MATCH (n) DETACH DELETE n")).toBe("DETACH");
    expect(refused("MATCH (n) SET n.x = 1")).toBe("SET");
    expect(refused("MATCH (n) REMOVE n.x")).toBe("REMOVE");
    expect(refused("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line")).toBe("LOAD");
    expect(refused("CREATE INDEX x FOR (n:Model) ON (n.name)")).toBe("CREATE");
    expect(refused("DROP INDEX model_name")).toBe("DROP");
    expect(refused("CALL dbms.components()")).toBe("CALL dbms.components");
    expect(refused("CALL dbms.security.createUser('a', 'b')")).toBe("CALL dbms.security.createUser");
    expect(refused("CALL db.createLabel('X')")).toBe("CALL db.createLabel");
    expect(refused("CALL db.index.fulltext.drop('kg_fulltext')")).toBe("CALL db.index.fulltext.drop");
    expect(refused("MATCH (n) FOREACH (x IN [1] | SET n.x = x)")).toBe("FOREACH");
    expect(refused("TERMINATE TRANSACTIONS 'neo4j-transaction-1'")).toBe("TERMINATE");
    expect(refused("SHOW USERS")).toBe("SHOW USERS");
    expect(refused("START DATABASE neo4j")).toBe("START DATABASE");
    expect(refused("USE system SHOW DATABASES")).toBe("USE");
  });

  it("refuses writes hidden in subqueries, mixed case and behind comments", () => {
    expect(refused("MATCH (n) CALL { WITH n CREATE (m) } RETURN n")).toBe("CREATE");
    expect(refused("MATCH (n) CALL (n) { DeTaCh DeLeTe n } RETURN 1")).toBe("DETACH");
    expect(refused("cReAtE (n)")).toBe("CREATE");
    expect(refused("/* harmless */ MATCH (n) // comment\nSET n.x = 1")).toBe("SET");
    expect(refused("MATCH (n) WHERE n.name = 'x' /* ' */ DELETE n")).toBe("DELETE");
    expect(refused("RETURN 'it''s' AS a UNION MATCH (n) DELETE n RETURN 1 AS a")).toBe("DELETE");
    expect(refused("MATCH (n) WITH n SKIP 0\nMERGE (m:X)")).toBe("MERGE");
  });

  it("lets reads through when the keywords are only in strings, comments, names or keys", () => {
    expect(refused("MATCH (n) WHERE n.name = 'CREATE' RETURN n")).toBeNull();
    expect(refused('MATCH (n) WHERE n.name = "DETACH DELETE" RETURN n')).toBeNull();
    expect(refused("// DELETE everything\nMATCH (n) RETURN count(n)")).toBeNull();
    expect(refused("MATCH (n) /* SET n.x = 1 */ RETURN n")).toBeNull();
    expect(refused("RETURN 1 AS `create`")).toBeNull();
    expect(refused("MATCH (n) RETURN n.set, n.remove")).toBeNull();
    expect(refused("RETURN {delete: 1, merge: 2} AS m")).toBeNull();
    expect(refused("MATCH (n:Create|Delete) RETURN n")).toBeNull();
    expect(refused("MATCH ()-[r:SET]->() RETURN r")).toBeNull();
    expect(refused("WITH 1 AS start RETURN start")).toBeNull();
  });

  it("allows read procedures, SHOW TRANSACTIONS and subqueries", () => {
    expect(refused("CALL db.labels() YIELD label RETURN label")).toBeNull();
    expect(
      refused("CALL db.index.fulltext.queryNodes('kg_fulltext', 'qwen') YIELD node RETURN node"),
    ).toBeNull();
    expect(refused("SHOW TRANSACTIONS")).toBeNull();
    expect(refused("SHOW INDEXES YIELD name RETURN name")).toBeNull();
    expect(refused("SHOW CONSTRAINTS")).toBeNull();
    expect(refused("MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c")).toBeNull();
    expect(refused("EXPLAIN MATCH (n) RETURN n")).toBeNull();
  });

  it("decides SHOW by its command word, not by words further on", () => {
    // Found by an attack run: the old check let SETTINGS through because `index` came later.
    expect(
      refused('SHOW SETTINGS YIELD name AS index, value WHERE index CONTAINS "auth" RETURN index, value'),
    ).toBe("SHOW SETTINGS");
    expect(refused("SHOW DATABASES YIELD name AS constraints")).toBe("SHOW DATABASES");
    expect(refused("SHOW SERVERS")).toBe("SHOW SERVERS");
    expect(refused("SHOW ALL PRIVILEGES")).toBe("SHOW PRIVILEGES");
    expect(refused("SHOW CURRENT USER")).toBe("SHOW CURRENT");
    expect(refused("SHOW UNIQUE CONSTRAINTS")).toBeNull();
    expect(refused("SHOW BUILT IN FUNCTIONS YIELD name RETURN name")).toBeNull();
    expect(refused("SHOW USER DEFINED FUNCTIONS")).toBeNull();
    expect(refused("SHOW FULLTEXT INDEXES")).toBeNull();
    expect(refused("SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'db' RETURN name")).toBeNull();
  });

  it("allows SHOW TRANSACTIONS only bare, never with YIELD (other sessions' parameters)", () => {
    expect(checkReadOnly("SHOW TRANSACTIONS")).toEqual({ ok: true, showTransactions: true });
    expect(checkReadOnly("show transaction;")).toEqual({ ok: true, showTransactions: true });
    expect(refused("SHOW TRANSACTIONS YIELD parameters")).toBe("SHOW TRANSACTIONS");
    expect(refused("SHOW TRANSACTIONS YIELD * RETURN *")).toBe("SHOW TRANSACTIONS");
    expect(refused("SHOW TRANSACTIONS 'neo4j-transaction-1'")).toBe("SHOW TRANSACTIONS");
    expect(refused("SHOW TRANSACTIONS WHERE currentQuery CONTAINS 'x'")).toBe("SHOW TRANSACTIONS");
    expect(refused("CALL { SHOW TRANSACTIONS } RETURN 1")).toBe("SHOW TRANSACTIONS");
  });

  it("says what to do", () => {
    const verdict = checkReadOnly("MATCH (n)\nDELETE n");
    expect(verdict).toMatchObject({ ok: false, offset: 10 });
    expect(verdict.ok ? "" : verdict.reason).toMatch(/read-only/);
  });
});
