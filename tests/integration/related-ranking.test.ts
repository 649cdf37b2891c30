/**
 * Related work on a graph where the answer is known: what the two papers share by
 * their own text ranks first, a similar abstract next, a big author list does not
 * dominate, and a fact another paper stated about a model the root (wrongly)
 * introduces is never a reason.
 *
 *   R   introduces Splat-7B, "fine-tuned from Qwen2.5-7B" on ScanNet, with LoRA; also
 *       (a wrong extraction) introduces CLIP. 4 authors.
 *   A   introduces Room-7B, fine-tuned from Qwen2.5-7B on ScanNet with LoRA: shares base
 *       model, data set and method, each by its own text → first.
 *   B   no shared entity, an abstract close to R's → second.
 *   E   2 authors, both R's: the same small team → after B, before C.
 *   C   500 authors, two of them R's → last of those with a reason.
 *   G   states "CLIP is built on ViT-L" (its own BASED_ON); H introduces Vis-1, "built
 *       on ViT-L". R never says CLIP is built on anything, so H is not related to R.
 */
import {
  type ExtractedEdge,
  type ExtractedNode,
  type ExtractedPaper,
  type ExtractionResult,
  parseConfig,
} from "@kg/graph-schema";
import { readRelated } from "@kg/queries";
import type { Database } from "@kg/queries/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../ingest/src/cli/context.ts";
import { runRelatedCommand } from "../../ingest/src/commands/related.ts";
import { loadGraph, openTestDatabase } from "../support/db.ts";
import { fixturePaper } from "../support/extraction-builders.ts";

const SOURCE = { id: "c".repeat(64), path: "related/feed.jsonl", kind: "jsonl" as const, bytes: 1000 };

const R = fixturePaper(
  "arxiv:2601.00001",
  "EmbodiedSplat: Gaussian Splatting for Embodied Scene Understanding",
  "We introduce Splat-7B, fine-tuned from Qwen2.5-7B with LoRA on ScanNet, for embodied scene understanding with gaussian splatting of indoor rooms. Features are aligned with CLIP.",
  SOURCE.id,
);
const A = fixturePaper(
  "arxiv:2601.00002",
  "Room-7B: Indoor Question Answering",
  "We present Room-7B, fine-tuned from Qwen2.5-7B with LoRA on ScanNet, answering questions about apartments.",
  SOURCE.id,
);
const B = fixturePaper(
  "arxiv:2601.00003",
  "Embodied Gaussian Splatting of Indoor Rooms",
  "Gaussian splatting reconstructs indoor rooms; we study embodied scene understanding with splatting.",
  SOURCE.id,
);
const C = fixturePaper(
  "arxiv:2601.00004",
  "A Report by a Very Large Team",
  "A large collaboration reports on protein folding pipelines.",
  SOURCE.id,
);
const E = fixturePaper(
  "arxiv:2601.00005",
  "Notes on Weather Forecasting",
  "We forecast precipitation with station records.",
  SOURCE.id,
);
const G = fixturePaper(
  "arxiv:2601.00006",
  "Contrastive Image Pretraining",
  "CLIP is built on ViT-L and trained on image-text pairs.",
  SOURCE.id,
);
const H = fixturePaper(
  "arxiv:2601.00007",
  "Vis-1: Document Parsing",
  "We introduce Vis-1, built on ViT-L, for parsing invoices.",
  SOURCE.id,
);

const entity = (label: ExtractedNode["label"], name: string, extra: Partial<ExtractedNode> = {}) =>
  ({
    label,
    key: name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, ""),
    name,
    aliases: [name],
    ...extra,
  }) satisfies ExtractedNode;

const RA = ["Ann Root", "Bo Root", "Cy Root", "Di Root"];
const BIG = ["Ann Root", "Bo Root", ...Array.from({ length: 498 }, (_, i) => `Member ${i + 1}`)];
const SMALL = ["Cy Root", "Di Root"];

const NODES: ExtractedNode[] = [
  entity("Model", "Splat-7B"),
  entity("Model", "Room-7B"),
  entity("Model", "Qwen2.5-7B"),
  entity("Model", "CLIP"),
  entity("Model", "ViT-L"),
  entity("Model", "Vis-1"),
  entity("Dataset", "ScanNet", { kind: "dataset" }),
  entity("Method", "LoRA"),
  ...[...new Set([...RA, ...BIG])].map((n) => entity("Author", n)),
];

type Ref = ExtractedEdge["from"];
const ref = (label: ExtractedNode["label"], name: string): Ref => ({ label, key: entity(label, name).key });
const p = (x: ExtractedPaper): Ref => ({ label: "Paper", id: x.id });

function edge(type: ExtractedEdge["type"], from: Ref, to: Ref, paper: ExtractedPaper): ExtractedEdge {
  return {
    type,
    from,
    to,
    properties: type === "BASED_ON" ? { method: "fine-tune" } : {},
    evidence: [
      {
        paperId: paper.id,
        sourceId: SOURCE.id,
        sentence: paper.abstract.split(". ")[0] ?? paper.abstract,
        confidence: 0.9,
        extractor: "fixture",
      },
    ],
  };
}

const M = (n: string) => ref("Model", n);
const EDGES: ExtractedEdge[] = [
  edge("INTRODUCES", p(R), M("Splat-7B"), R),
  edge("INTRODUCES", p(R), M("CLIP"), R),
  edge("MENTIONS", p(R), M("Qwen2.5-7B"), R),
  edge("MENTIONS", p(R), ref("Dataset", "ScanNet"), R),
  edge("MENTIONS", p(R), ref("Method", "LoRA"), R),
  edge("BASED_ON", M("Splat-7B"), M("Qwen2.5-7B"), R),
  edge("INTRODUCES", p(A), M("Room-7B"), A),
  edge("MENTIONS", p(A), M("Qwen2.5-7B"), A),
  edge("MENTIONS", p(A), ref("Dataset", "ScanNet"), A),
  edge("MENTIONS", p(A), ref("Method", "LoRA"), A),
  edge("BASED_ON", M("Room-7B"), M("Qwen2.5-7B"), A),
  edge("MENTIONS", p(G), M("ViT-L"), G),
  edge("BASED_ON", M("CLIP"), M("ViT-L"), G),
  edge("INTRODUCES", p(H), M("Vis-1"), H),
  edge("MENTIONS", p(H), M("ViT-L"), H),
  edge("BASED_ON", M("Vis-1"), M("ViT-L"), H),
  ...RA.map((n) => edge("AUTHORED", ref("Author", n), p(R), R)),
  ...BIG.map((n) => edge("AUTHORED", ref("Author", n), p(C), C)),
  ...SMALL.map((n) => edge("AUTHORED", ref("Author", n), p(E), E)),
];

function extraction(): ExtractionResult {
  return {
    sources: [{ ...SOURCE, ingestedAt: null }],
    papers: [R, A, B, C, E, G, H].map((x) => ({ ...x, authors: [] })),
    nodes: NODES,
    edges: EDGES,
    warnings: [],
  };
}

let db: Database;
beforeAll(async () => {
  db = openTestDatabase();
  await loadGraph(db, extraction(), "2026-01-01T00:00:00Z");
});
afterAll(async () => {
  await db.close();
});

describe("related work a researcher would trust", () => {
  it("ranks shared models, data sets and methods first, then the similar abstract, then the authors", async () => {
    const related = await readRelated(db, `Paper:${R.id}`);
    const ids = related.items.map((i) => i.node.id);
    expect(ids.slice(0, 2)).toEqual([`Paper:${A.id}`, `Paper:${B.id}`]);
    expect(ids.indexOf(`Paper:${E.id}`)).toBeGreaterThan(1);
    expect(ids.indexOf(`Paper:${C.id}`)).toBeGreaterThan(ids.indexOf(`Paper:${E.id}`));

    const first = related.items[0];
    expect(first?.reasons).toEqual(
      expect.arrayContaining(["both build on Qwen2.5-7B", "both use data set ScanNet", "both use LoRA"]),
    );
    // A shared node counts once, by its strongest reason (building on it beats naming it).
    expect(first?.reasons).not.toContain("both name model Qwen2.5-7B");
    // Each reason says what it rests on.
    const kinds = new Set(first?.why.map((w) => w.kind));
    expect([...kinds].sort()).toEqual(["dataset", "lineage", "method", "text"]);
    expect(first?.why.find((w) => w.kind === "dataset")?.nodes).toEqual([
      { id: "Dataset:scannet", name: "ScanNet", label: "Dataset" },
    ]);

    const similar = related.items[1]?.why ?? [];
    expect(similar.map((w) => w.kind)).toEqual(["text"]);
    expect(similar[0]?.text).toMatch(/^similar abstract \(0\.\d\d\)$/);
    expect(similar[0]?.similarity).toBeGreaterThan(0.1);
    expect(similar[0]?.words).toEqual(expect.arrayContaining(["splatting", "gaussian"]));
  });

  it("weighs shared authors down by how many authors each paper has", async () => {
    const related = await readRelated(db, `Paper:${R.id}`);
    const byId = new Map(related.items.map((i) => [i.node.id, i]));
    const small = byId.get(`Paper:${E.id}`);
    const big = byId.get(`Paper:${C.id}`);
    // Two shared names each; the 500-author paper's two count √(2·500/4·2) ≈ 11 times less.
    expect(small?.reasons).toEqual(["shares 2 authors: Cy Root, Di Root"]);
    expect(big?.reasons).toEqual(["shares 2 authors: Ann Root, Bo Root"]);
    expect((small?.score ?? 0) / (big?.score ?? 1)).toBeGreaterThan(10);
    expect(big?.score ?? 1).toBeLessThan(0.1);
    // All shared authors together never outweigh one shared data set.
    const dataset = byId.get(`Paper:${A.id}`)?.why.find((w) => w.kind === "dataset")?.weight ?? 0;
    expect(small?.score ?? 0).toBeLessThan(dataset);
  });

  it("draws every reason from the two papers' own edges", async () => {
    const related = await readRelated(db, `Paper:${R.id}`);
    const ids = related.items.map((i) => i.node.id);
    // ViT-L under CLIP is G's statement, not R's: H shares nothing with R.
    expect(ids).not.toContain(`Paper:${H.id}`);
    const all = related.items.flatMap((i) => i.reasons);
    expect(all.some((r) => r.includes("ViT-L"))).toBe(false);
    // G mentions nothing R names either; its BASED_ON from CLIP is not R's.
    expect(related.items.find((i) => i.node.id === `Paper:${G.id}`)?.reasons ?? []).not.toContain(
      "introduces CLIP, which this paper builds on",
    );
  });

  it("is what `kg related` prints", async () => {
    const out: string[] = [];
    const ctx: CommandContext = {
      config: parseConfig({}),
      stdout: (s) => out.push(s),
      stderr: () => {},
      database: async () => db,
    };
    const code = await runRelatedCommand([`Paper:${R.id}`, "--json"], ctx);
    expect(code).toBe(0);
    const printed = JSON.parse(out.join(""));
    const direct = await readRelated(db, `Paper:${R.id}`);
    expect(printed.items.map((i: { node: { id: string } }) => i.node.id)).toEqual(
      direct.items.map((i) => i.node.id),
    );
    expect(printed.items[0].reasons).toEqual(direct.items[0]?.reasons);
  });
});
