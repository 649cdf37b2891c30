/**
 * The read commands of the `kg` CLI (lineage, related, search, query, stats) against
 * the real Neo4j on the fixture graph: readable tables by default, JSON with --json,
 * exit codes for bad usage, refusals and unknown names.
 */
import { parseConfig } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../ingest/src/cli/context.ts";
import { runLineageCommand } from "../../ingest/src/commands/lineage.ts";
import { runQueryCommand } from "../../ingest/src/commands/query.ts";
import { runRelatedCommand } from "../../ingest/src/commands/related.ts";
import { runSearchCommand } from "../../ingest/src/commands/search.ts";
import { runStatsCommand } from "../../ingest/src/commands/stats.ts";
import { openTestDatabase } from "../support/db.ts";
import { loadFixture } from "./queries-fixture.ts";

let db: Database;

beforeAll(async () => {
  db = openTestDatabase();
  await loadFixture(db);
});
afterAll(async () => {
  await db.close();
});

type Command = (args: string[], ctx: CommandContext) => Promise<number>;

async function cli(command: Command, args: string[]) {
  let stdout = "";
  let stderr = "";
  const ctx: CommandContext = {
    config: parseConfig({}),
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    database: async () => db,
  };
  const code = await command(args, ctx);
  return { code, stdout, stderr };
}

describe("kg search", () => {
  it("prints a ranked table", async () => {
    const { code, stdout } = await cli(runSearchCommand, ["qwen2.5", "7b", "instruct", "--limit", "2"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^#\s+label\s+name\s+matched\s+score\s+id$/);
    expect(lines[2]).toMatch(
      /^1\s+Model\s+Qwen2\.5-7B-Instruct\s+name\s+[\d.]+\s+Model:qwen2-5-7b-instruct$/,
    );
    expect(lines).toHaveLength(4);
  });

  it("prints JSON with --json and refuses bad usage", async () => {
    const { stdout } = await cli(runSearchCommand, ["medqa", "--json"]);
    expect(JSON.parse(stdout).hits[0].id).toBe("Dataset:medqa");
    expect((await cli(runSearchCommand, [])).code).toBe(2);
    expect((await cli(runSearchCommand, ["x", "--label", "Robot"])).code).toBe(2);
  });
});

describe("kg lineage", () => {
  it("prints levels, bases with methods and data sets", async () => {
    const { code, stdout } = await cli(runLineageCommand, ["PET-F2I-7B"]);
    expect(code).toBe(0);
    expect(stdout).toContain("lineage of PET-F2I-7B (Model:pet-f2i-7b)");
    expect(stdout).toMatch(/-2\s+Qwen2\.5-7B\s/);
    expect(stdout).toMatch(/0\s+PET-F2I-7B\s+Qwen2\.5-7B-Instruct \(adapter\)\s+PET-F2I-41K\s+MedQA/);
  });

  it("prints JSON and fails clearly on an unknown model", async () => {
    const json = await cli(runLineageCommand, ["Model:qwen2-5-7b", "--depth", "1", "--json"]);
    expect(JSON.parse(json.stdout).graph.nodes).toHaveLength(3);
    const missing = await cli(runLineageCommand, ["Model:nope"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no node Model:nope/);
  });

  it("fails on a name that matches no model instead of showing a guess", async () => {
    const missing = await cli(runLineageCommand, ["does-not-exist"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/no model named "does-not-exist"/);
  });

  it("names the closest models when a name is only partly right or misspelt", async () => {
    for (const [name, closest] of [
      ["Qwen2.5-7B-Chat", "Qwen2.5-7B (Model:qwen2-5-7b)"],
      ["Innovater", "Innovator (Model:innovator)"],
    ] as const) {
      const missing = await cli(runLineageCommand, [name]);
      expect(missing.code, name).toBe(1);
      expect(missing.stdout, name).toBe("");
      expect(missing.stderr, name).toContain(`no model named "${name}"`);
      expect(missing.stderr, name).toMatch(new RegExp(`; closest: .*${closest.replace(/[.()]/g, "\\$&")}`));
    }
  });

  it("refuses words that fit several models, naming them", async () => {
    const several = await cli(runLineageCommand, ["qwen2.5"]);
    expect(several.code).toBe(1);
    expect(several.stderr).toContain('"qwen2.5" matches several models: ');
    expect(several.stderr).toContain("Qwen2.5-7B (Model:qwen2-5-7b)");
    expect(several.stderr).toContain("Qwen2.5-7B-Instruct (Model:qwen2-5-7b-instruct)");
  });
});

describe("kg related", () => {
  it("resolves a title and prints the reasons", async () => {
    const { code, stdout, stderr } = await cli(runRelatedCommand, ["PET-F2I: Fine-tuned", "--limit", "3"]);
    expect(code).toBe(0);
    expect(stderr).toContain("Paper:arxiv:2501.00001");
    const first = stdout.split("\n")[2] ?? "";
    expect(first).toMatch(/^1\s+[\d.]+\s+MedReason: Medical Reasoning/);
    expect(first).toContain("both build on Qwen2.5-7B-Instruct");
  });

  it("prints JSON", async () => {
    const { stdout } = await cli(runRelatedCommand, ["Model:pet-f2i-7b", "--json"]);
    expect(JSON.parse(stdout).items[0].node.id).toBe("Model:medreason-7b");
  });
});

describe("kg query", () => {
  it("prints a table and the row count", async () => {
    const { code, stdout } = await cli(runQueryCommand, [
      "MATCH (m:Model)-[:BASED_ON]->(:Model {key: $base}) RETURN m.name AS model ORDER BY model",
      "--param",
      "base=qwen2-5-7b-instruct",
    ]);
    expect(code).toBe(0);
    expect(stdout.startsWith("model\n────────────\nMedReason-7B\nPET-F2I-7B\n")).toBe(true);
    expect(stdout).toMatch(/2 rows, [\d.]+ ms\n$/);
  });

  it("keeps a parameter that looks like a number as text", async () => {
    const arxiv = await cli(runQueryCommand, ["RETURN $id AS id", "--param", "id=2405.18377", "--json"]);
    expect(arxiv.code).toBe(0);
    expect(JSON.parse(arxiv.stdout).rows).toEqual([["2405.18377"]]);
  });

  it("reads typed parameters as their type", async () => {
    const text = await cli(runQueryCommand, [
      "RETURN $id AS id, $n AS n, $x AS x, $ok AS ok",
      "--param",
      "id=2405.18377",
      "--param",
      "n:int=5",
      "--param",
      'x:json=[1,"a"]',
      "--param",
      "ok:bool=true",
      "--json",
    ]);
    expect(text.code).toBe(0);
    expect(JSON.parse(text.stdout).rows).toEqual([["2405.18377", 5, [1, "a"], true]]);
  });

  it("refuses a typed parameter whose value is not of that type", async () => {
    for (const bad of ["n:int=5.5", "n:number=abc", "ok:bool=yes", "x:json=[1,", "x:date=1"]) {
      const result = await cli(runQueryCommand, ["RETURN $n", "--param", bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr, bad).toContain(`--param ${bad}`);
    }
  });

  it("says when rows were cut, and prints JSON", async () => {
    const cut = await cli(runQueryCommand, ["UNWIND range(1, 10) AS x RETURN x", "--max-rows", "3"]);
    expect(cut.stdout).toContain("3 rows (cut at 3");
    const json = await cli(runQueryCommand, ["RETURN 1 AS one", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ columns: ["one"], rows: [[1]], truncated: false });
  });

  it("refuses writes and shows Cypher errors with a caret", async () => {
    const write = await cli(runQueryCommand, ["MATCH (n) DETACH DELETE n"]);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/read-only/);
    const bad = await cli(runQueryCommand, ["MATCH (n) RETRN n"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Invalid input 'RETRN'");
    expect(bad.stderr).toMatch(/\^/);
  });
});

describe("kg stats", () => {
  it("prints counts and rankings, or JSON", async () => {
    const { code, stdout } = await cli(runStatsCommand, []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^30 nodes, 50 relationships/);
    expect(stdout).toMatch(/Qwen2\.5-7B\s+2\s+Model:qwen2-5-7b/);
    const json = await cli(runStatsCommand, ["--json", "--top", "1"]);
    expect(JSON.parse(json.stdout).topBenchmarks).toEqual([{ id: "Dataset:medqa", name: "MedQA", count: 2 }]);
  });
});
