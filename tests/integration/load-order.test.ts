/**
 * The loader writes a document's Source node last, with its papers' FROM_SOURCE links,
 * so a load that fails half way never leaves a Source without its papers (an attack
 * run once found Sources whose papers a failed transaction had dropped). A small load is
 * one transaction, all or nothing; a row the schema does not allow fails any load before
 * its first write.
 */
import type { ExtractionResult } from "@kg/graph-schema";
import { applySchema, loadExtraction } from "@kg/ingest";
import { countAllQuery, findNodeQuery } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearGraph, openTestDatabase } from "../support/db.ts";
import { fixturePaper } from "../support/extraction-builders.ts";

let db: Database;

beforeAll(async () => {
  db = openTestDatabase();
  await clearGraph(db);
  await applySchema(db);
});
afterAll(async () => {
  await clearGraph(db);
  await db.close();
});

const SOURCE = { id: "f".repeat(64), path: "doc.txt", kind: "plain" as const, bytes: 10, ingestedAt: null };

function result(edges: ExtractionResult["edges"]): ExtractionResult {
  return {
    sources: [SOURCE],
    papers: [fixturePaper("sha:0000000000000001", "A Paper", "We introduce X.", SOURCE.id)],
    nodes: [{ label: "Model", key: "x", name: "X", aliases: ["X"] }],
    edges,
    warnings: [],
  };
}

describe("load order", () => {
  it("writes nothing when a row is not allowed, and the Source with its links when the load ends", async () => {
    // An edge the schema does not allow makes the loader throw before it writes anything.
    const bad = result([
      {
        type: "BASED_ON",
        from: { label: "Model", key: "x" },
        to: { label: "Paper", id: "sha:0000000000000001" },
        properties: {},
        evidence: [],
      } as unknown as ExtractionResult["edges"][number],
    ]);
    await expect(loadExtraction(db, bad)).rejects.toThrow(/cannot go from/);
    expect(await db.run(findNodeQuery, { label: "Source", key: SOURCE.id })).toEqual([]);
    expect(await db.run(findNodeQuery, { label: "Paper", key: "sha:0000000000000001" })).toEqual([]);
    await expect(loadExtraction(db, bad, { oneTransactionRows: 0 })).rejects.toThrow(/cannot go from/);
    expect(await db.run(findNodeQuery, { label: "Paper", key: "sha:0000000000000001" })).toEqual([]);

    await loadExtraction(db, result([]));
    expect(await db.run(findNodeQuery, { label: "Source", key: SOURCE.id })).toHaveLength(1);
    const [counts] = await db.run(countAllQuery, {});
    // Paper, Model, Source; and the paper's FROM_SOURCE link.
    expect(counts).toEqual({ nodes: 3, relationships: 1 });
  });

  it("writes nothing when a statement fails on the server after others ran in the same transaction", async () => {
    await clearGraph(db);
    await applySchema(db);
    // Stored aliases of the wrong type (numbers): a name added makes a list of mixed types,
    // which cannot be stored. The papers' statement runs, then the entities' fails on the
    // server with the later statements sent already (writeAll sends them all at once).
    await db.runStatements(["CREATE (:Model {key: 'x', name: 'X', aliases: [1, 2]})"]);
    const progress: string[] = [];
    await expect(
      loadExtraction(db, result([]), { onProgress: (p) => progress.push(p.step) }),
    ).rejects.toThrow();
    expect(progress).toEqual(["papers"]);
    expect(await db.run(findNodeQuery, { label: "Paper", key: "sha:0000000000000001" })).toEqual([]);
    expect(await db.run(findNodeQuery, { label: "Source", key: SOURCE.id })).toEqual([]);
    const [counts] = await db.run(countAllQuery, {});
    expect(counts).toEqual({ nodes: 1, relationships: 0 });
  });

  it("loads the same graph in one transaction as in one transaction per batch", async () => {
    await clearGraph(db);
    await applySchema(db);
    const edge = {
      type: "INTRODUCES",
      from: { label: "Paper", id: "sha:0000000000000001" },
      to: { label: "Model", key: "x" },
      properties: {},
      evidence: [
        {
          paperId: "sha:0000000000000001",
          sourceId: SOURCE.id,
          sentence: "We introduce X.",
          confidence: 0.9,
          extractor: "t",
        },
      ],
    } as ExtractionResult["edges"][number];
    const one = result([edge]);
    await loadExtraction(db, one, { batchSize: 1, oneTransactionRows: 0 });
    const [batched] = await db.run(countAllQuery, {});
    await clearGraph(db);
    await applySchema(db);
    await loadExtraction(db, one, { batchSize: 1 });
    const [single] = await db.run(countAllQuery, {});
    // Paper, Model, Source; INTRODUCES and FROM_SOURCE.
    expect(batched).toEqual({ nodes: 3, relationships: 2 });
    expect(single).toEqual(batched);
  });
});
