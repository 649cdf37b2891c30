/**
 * The walking skeleton end to end against the real Neo4j: the seed documents are
 * extracted and loaded, the schema is in place, and a second ingest changes nothing.
 */
import path from "node:path";
import { UNIQUE_KEY_CONSTRAINTS } from "@kg/graph-schema";
import { applySchema, ingestPaths } from "@kg/ingest";
import {
  countsByLabelQuery,
  graphFingerprintQuery,
  listConstraintsQuery,
  listIndexesQuery,
} from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearGraph, openTestDatabase } from "../support/db.ts";

const SEEDS = path.resolve(import.meta.dirname, "../../../shared/corpus/seeds");

describe("ingest of the seed documents", () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearGraph(db);
    await applySchema(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("stores every paper, source and entity", async () => {
    const summary = await ingestPaths(db, [SEEDS]);
    expect(summary.sources).toBe(5);
    const counts = Object.fromEntries((await db.run(countsByLabelQuery, {})).map((r) => [r.name, r.count]));
    expect(counts.Source).toBe(5);
    // The seeds hold 38 abstracts; some papers appear in two documents and are one Paper.
    expect(counts.Paper).toBeGreaterThanOrEqual(30);
    expect(counts.Paper).toBeLessThanOrEqual(38);
    expect(counts.Model).toBeGreaterThan(5);
    expect(counts.Dataset).toBeGreaterThan(3);
    expect(counts.Organization).toBeGreaterThan(0);
    expect(counts.Author).toBeGreaterThan(0);
  });

  it("has a uniqueness constraint on every key and the full-text index", async () => {
    const constraints = await db.run(listConstraintsQuery, {});
    for (const expected of UNIQUE_KEY_CONSTRAINTS) {
      const found = constraints.find((c) => c.name === expected.name);
      expect(found, expected.name).toBeDefined();
      expect(found?.labelsOrTypes).toEqual([expected.label]);
      expect(found?.properties).toEqual([expected.property]);
    }
    const indexes = await db.run(listIndexesQuery, {});
    expect(indexes.find((i) => i.name === "kg_fulltext")?.type).toBe("FULLTEXT");
  });

  it("changes nothing when the same documents are ingested again", async () => {
    const before = await db.run(graphFingerprintQuery, {});
    await applySchema(db);
    await ingestPaths(db, [SEEDS]);
    const after = await db.run(graphFingerprintQuery, {});
    expect(after).toEqual(before);
  });
});
