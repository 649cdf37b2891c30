/**
 * A paper with hundreds of authors (collaboration papers have 500+): its card says how
 * many there are, lists the first authors in byline order and folds the rest.
 * Bug: the card said "AUTHORS 50" of 531 and, listing by name, missed the first author.
 */
import type { ExtractedEdge, ExtractedNode } from "@kg/graph-schema";
import { loadExtraction } from "@kg/ingest";
import { beforeAll, describe, expect, it } from "vitest";
import { fixturePaper } from "../support/extraction-builders.ts";
import { useE2E, waitForGraph } from "./helpers.ts";

const e2e = useE2E();

const AUTHORS = 120;
// Byline order is the reverse of name order, so a card sorted by name shows the wrong first author.
const byline = Array.from({ length: AUTHORS }, (_, i) => `Person ${String(999 - i)}`);
const PAPER = fixturePaper(
  "arxiv:2599.00001",
  "A Collaboration Paper with Many Authors",
  "We report results of a large collaboration.",
  "9".repeat(64),
  byline,
);

beforeAll(async () => {
  const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const nodes: ExtractedNode[] = byline.map((name) => ({
    label: "Author",
    key: key(name),
    name,
    aliases: [name],
  }));
  const edges: ExtractedEdge[] = byline.map((name) => ({
    type: "AUTHORED",
    from: { label: "Author", key: key(name) },
    to: { label: "Paper", id: PAPER.id },
    properties: {},
    evidence: [
      {
        paperId: PAPER.id,
        sourceId: PAPER.sourceId,
        sentence: name,
        confidence: 0.95,
        extractor: "record:authors",
      },
    ],
  }));
  // Loaded in name order, so nothing but the byline can put the first author first.
  edges.sort((a, b) => (a.from as { key: string }).key.localeCompare((b.from as { key: string }).key));
  await loadExtraction(e2e.server.db, {
    sources: [{ id: PAPER.sourceId, path: "collab.jsonl", kind: "paper-feed", bytes: 1, ingestedAt: null }],
    papers: [PAPER],
    nodes,
    edges,
    warnings: [],
  });
});

describe("a paper card with many authors", () => {
  it("counts all the authors, lists the first ones in byline order and folds the rest", async () => {
    const { page } = await e2e.open(`/?node=${encodeURIComponent(`Paper:${PAPER.id}`)}`);
    await waitForGraph(page);
    const section = page.getByTestId("card-authors");
    await section.waitFor();
    expect(await page.getByTestId("card-authors-count").textContent()).toBe(String(AUTHORS));
    const names = () => section.locator(".relation .node-link").allTextContents();
    const first = await names();
    expect(first).toEqual(byline.slice(0, 10));
    await section.getByTestId("card-unfold").click();
    const unfolded = await names();
    expect(unfolded).toEqual(byline.slice(0, 50));
    expect(await section.getByTestId("card-unsent").textContent()).toContain(String(AUTHORS - 50));
  });
});
