/**
 * The Cypher console against the real Neo4j: refusals (and that nothing was written),
 * reads with write keywords in strings and comments, the server-side time limit, the
 * row cap, results as a graph, and Neo4j's own error messages with positions.
 */
import { countAllQuery, runConsoleQuery, toConsoleError } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../support/db.ts";
import { loadFixture } from "./queries-fixture.ts";

const LIMITS = { timeoutMs: 10_000, maxRows: 5_000 };
let db: Database;

const run = (query: string, extra: Partial<Parameters<typeof runConsoleQuery>[1]> = {}, limits = LIMITS) =>
  runConsoleQuery(db, { query, ...extra }, limits);

async function totals() {
  const [row] = await db.run(countAllQuery, {});
  return row;
}

beforeAll(async () => {
  db = openTestDatabase();
  await loadFixture(db);
});
afterAll(async () => {
  await db.close();
});

describe("console refusals", () => {
  const WRITES: Record<string, string> = {
    CREATE: "CREATE (n:Model {key: 'evil', name: 'Evil'}) RETURN n",
    MERGE: "MERGE (n:Model {key: 'evil'}) RETURN n",
    DELETE: "MATCH (n:Model {key: 'llava'}) DELETE n",
    "DETACH DELETE": "MATCH (n) DETACH DELETE n",
    SET: "MATCH (n:Model) SET n.name = 'x' RETURN n",
    REMOVE: "MATCH (n:Model) REMOVE n.name RETURN n",
    "LOAD CSV": "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CREATE INDEX": "CREATE INDEX evil IF NOT EXISTS FOR (n:Model) ON (n.kind)",
    "DROP INDEX": "DROP INDEX model_name",
    "CALL dbms.*": "CALL dbms.listConfig() YIELD name RETURN name",
    "CALL dbms.components": "CALL dbms.components()",
    "CALL db.create*": "CALL db.createLabel('Evil')",
    "write after a comment": "// just reading\nMATCH (n:Model) SET n.evil = true",
    "write after a string": "MATCH (n:Model) WHERE n.name <> 'x' DETACH DELETE n",
    "write in CALL { }": "MATCH (n:Model) CALL (n) { SET n.evil = true } RETURN count(*)",
    "write in a nested CALL": "CALL { CALL { CREATE (x:Model {key: 'evil'}) } } RETURN 1",
    "mixed case": "mAtCh (n) dEtAcH dElEtE n",
    FOREACH: "MATCH (n:Model) FOREACH (x IN [1] | SET n.evil = x)",
  };

  for (const [what, query] of Object.entries(WRITES)) {
    it(`refuses ${what} with a clear message and writes nothing`, async () => {
      const before = await totals();
      const error = await run(query).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ statusCode: 403, code: "Console.ReadOnly" });
      expect((error as Error).message).toMatch(/^console: .+ read-only queries/);
      expect(await totals()).toEqual(before);
      const [evil] = await db.run(countAllQuery, {});
      expect(evil).toEqual(before);
    });
  }

  it("would still be refused by Neo4j: the console's transaction is READ", async () => {
    // Bypassing the static check, as a missed keyword would: the server refuses the write.
    const error = await db
      .runRaw("CREATE (n:Model {key: 'evil'})", {}, { mode: "READ", timeoutMs: 5_000, maxRows: 10 })
      .then(
        () => null,
        (e: unknown) => toConsoleError(e, 5_000),
      );
    expect(error).toMatchObject({ statusCode: 403, code: "Neo.ClientError.Statement.AccessMode" });
    const rows = await run("MATCH (n:Model {key: 'evil'}) RETURN n");
    expect(rows.rowCount).toBe(0);
  });
});

describe("console reads", () => {
  it("runs reads whose write keywords are only in strings, comments and names", async () => {
    expect((await run("MATCH (n) WHERE n.name = 'CREATE' RETURN n")).rowCount).toBe(0);
    expect((await run("// DELETE everything\nMATCH (n:Model) RETURN count(n) AS c")).rows).toEqual([[9]]);
    expect((await run("MATCH (n:Model) /* SET n.x = 1 */ RETURN count(n) AS c")).rows).toEqual([[9]]);
    expect((await run("RETURN 'DETACH DELETE' AS `create`")).columns).toEqual(["create"]);
    expect((await run("RETURN {delete: 1} AS m")).rows).toEqual([[{ delete: 1 }]]);
  });

  it("returns a table and a graph of the nodes, relationships and paths in it", async () => {
    const result = await run(
      "MATCH p = (:Model {key: 'pet-f2i-7b'})-[:BASED_ON*]->(:Model) RETURN p ORDER BY length(p)",
    );
    expect(result.columns).toEqual(["p"]);
    expect(result.rowCount).toBe(2);
    expect(result.graph.nodes.map((n) => n.id).sort()).toEqual([
      "Model:pet-f2i-7b",
      "Model:qwen2-5-7b",
      "Model:qwen2-5-7b-instruct",
    ]);
    expect(result.graph.edges.map((e) => e.id).sort()).toEqual([
      "Model:pet-f2i-7b-BASED_ON->Model:qwen2-5-7b-instruct",
      "Model:qwen2-5-7b-instruct-BASED_ON->Model:qwen2-5-7b",
    ]);
    expect(result.truncated).toBe(false);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it("completes relationships whose ends are not in the result", async () => {
    const result = await run("MATCH (:Model {key: 'innovator'})-[r:BASED_ON]->() RETURN r");
    expect(result.graph.nodes.map((n) => n.id).sort()).toEqual(["Model:innovator", "Model:qwen2-5-7b"]);
    expect(result.graph.edges).toHaveLength(1);
    expect(result.graph.edges[0]?.properties).toMatchObject({ method: "upcycling" });
  });

  it("draws the relationships among the nodes a query returns without them", async () => {
    // Bug: a query returning only nodes came back as a graph of unconnected dots.
    const result = await run(
      "MATCH (m:Model) WHERE m.key IN ['pet-f2i-7b', 'qwen2-5-7b-instruct', 'qwen2-5-7b'] RETURN m",
    );
    expect(result.graph.nodes).toHaveLength(3);
    expect(result.graph.edges.map((e) => e.id).sort()).toEqual([
      "Model:pet-f2i-7b-BASED_ON->Model:qwen2-5-7b-instruct",
      "Model:qwen2-5-7b-instruct-BASED_ON->Model:qwen2-5-7b",
    ]);
    expect(result.graph.edges[0]?.properties).toHaveProperty("evidence");
  });

  it("passes parameters and allows SHOW TRANSACTIONS and read procedures", async () => {
    expect(
      (await run("MATCH (m:Model {key: $key}) RETURN m.name", { params: { key: "llava" } })).rows,
    ).toEqual([["LLaVA"]]);
    expect((await run("SHOW TRANSACTIONS")).rowCount).toBeGreaterThan(0);
    expect((await run("CALL db.labels() YIELD label RETURN label")).rowCount).toBe(7);
  });
});

describe("console limits", () => {
  it("caps the rows and says so", async () => {
    const capped = await run("UNWIND range(1, 100) AS x RETURN x", {}, { timeoutMs: 10_000, maxRows: 10 });
    expect(capped).toMatchObject({ rowCount: 10, truncated: true });
    expect(capped.rows.at(-1)).toEqual([10]);
    const whole = await run("UNWIND range(1, 10) AS x RETURN x", {}, { timeoutMs: 10_000, maxRows: 10 });
    expect(whole).toMatchObject({ rowCount: 10, truncated: false });
    // A request may lower the cap, never raise it.
    const lowered = await run("UNWIND range(1, 100) AS x RETURN x", { maxRows: 5 });
    expect(lowered.rowCount).toBe(5);
    const raised = await run(
      "UNWIND range(1, 100) AS x RETURN x",
      { maxRows: 50_000 },
      {
        timeoutMs: 10_000,
        maxRows: 20,
      },
    );
    expect(raised.rowCount).toBe(20);
  });

  // The console itself no longer shows other sessions' transactions, so the tests look
  // through the raw runner, as an administrator would.
  const showRunning = (cypher: string, marker: string) =>
    db.runRaw(cypher, { marker }, { mode: "READ", timeoutMs: 5_000, maxRows: 100 });
  const findRunning = async (marker: string) =>
    showRunning(
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $marker AND NOT currentQuery CONTAINS 'SHOW' RETURN transactionId",
      marker,
    );

  it("sees a running query in SHOW TRANSACTIONS (control for the next test)", async () => {
    const marker = `control-${Date.now()}`;
    const slow = `/* ${marker} */ UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7919 = -1 RETURN count(x)`;
    const pending = run(slow, {}, { timeoutMs: 60_000, maxRows: 10 }).then(
      () => null,
      (e: unknown) => e,
    );
    let seen: unknown[][] = [];
    for (let attempt = 0; attempt < 40 && seen.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = (await findRunning(marker)).rows;
    }
    expect(seen).toHaveLength(1);
    await db.runRaw(
      "TERMINATE TRANSACTIONS $ids",
      { ids: seen.map((r) => r[0]) },
      {
        mode: "WRITE",
        timeoutMs: 5_000,
        maxRows: 10,
      },
    );
    expect(await pending).toMatchObject({ statusCode: 408 });
  });

  it("cancels a slow query in the database, not only in the client", async () => {
    const marker = `slow-${Date.now()}`;
    const slow = `/* ${marker} */ UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7919 = -1 RETURN count(x)`;
    const started = Date.now();
    const error = await run(slow, {}, { timeoutMs: 1_000, maxRows: 10 }).then(
      () => null,
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ statusCode: 408 });
    expect((error as Error).message).toMatch(/cancelled in the database/);
    expect(elapsed).toBeLessThan(8_000);
    // The server no longer runs it (it may take a moment to unwind).
    let running = 1;
    for (let attempt = 0; attempt < 20 && running > 0; attempt++) {
      const show = await showRunning(
        "SHOW TRANSACTIONS YIELD currentQuery, status WHERE currentQuery CONTAINS $marker AND NOT currentQuery CONTAINS 'SHOW' RETURN currentQuery, status",
        marker,
      );
      running = show.rows.length;
      if (running > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(running).toBe(0);
  });
});

describe("console errors", () => {
  it("gives Neo4j's syntax error with its position", async () => {
    const error = await run("MATCH (n)\nRETRN n").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: "Neo.ClientError.Statement.SyntaxError",
      position: { line: 2, column: 1, offset: 10 },
    });
    expect((error as Error).message).toMatch(/Invalid input 'RETRN'/);
  });

  it("answers a memory limit with 507 naming the limit, not a bare server error", async () => {
    // One 1 MB string collected 1,000 times: Neo4j counts 1 GB against its transaction
    // memory pool (70% of the heap) while the heap holds one string and the list.
    const ten = "WITH s+s+s+s+s+s+s+s+s+s AS s";
    const query = `WITH '0123456789' AS s ${ten} ${ten} ${ten} ${ten} ${ten}
      UNWIND range(1, 1000) AS i RETURN size(collect(s)) AS n`;
    const error = await run(query, {}, { ...LIMITS, timeoutMs: 60_000 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      statusCode: 507,
      code: "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
    });
    const message = (error as Error).message;
    expect(message).toMatch(
      /needed more memory than Neo4j allows \(limit [\d.]+ [KMG]iB, [a-z.]+transaction\.total\.max\)/,
    );
    expect(message).not.toMatch(/not run/);
  });

  it("gives other client errors with their code", async () => {
    await expect(run("MATCH (n) RETURN n LIMIT $lim")).rejects.toMatchObject({
      statusCode: 400,
      code: "Neo.ClientError.Statement.ParameterMissing",
    });
    await expect(run("MATCH (n) RETURN m")).rejects.toMatchObject({
      statusCode: 400,
      position: { line: 1, column: 18 },
    });
    await expect(run("   ")).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe("the planner's second opinion", () => {
  it("classifies reads, writes and schema changes as Neo4j plans them", async () => {
    expect(await db.explain("MATCH (n) RETURN count(n)", {})).toBe("r");
    for (const write of [
      "CREATE (n:Scratch)",
      "MATCH (n:Scratch) SET n.x = 1 RETURN n",
      "MATCH (n:Scratch) DELETE n",
    ]) {
      expect(["w", "rw"]).toContain(await db.explain(write, {}));
    }
    expect(await db.explain("CREATE INDEX scratch IF NOT EXISTS FOR (n:Scratch) ON (n.x)", {})).toBe("s");
  });
});
