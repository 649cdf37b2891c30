/**
 * The HTTP API between web/server and the browser: one zod schema per request and
 * response, used by the server to validate and by the client to parse. The OpenAPI
 * description at /api/docs is generated from these.
 */
import { z } from "zod";
import { BasedOnMethodSchema, NodeLabelSchema, RelTypeSchema } from "./labels.ts";
import { WireEdgeSchema, WireGraphSchema, WireNodeSchema } from "./wire.ts";
import { GraphColumnsSchema } from "./wire-columns.ts";

export const NodeIdParamSchema = z.object({ id: z.string().min(3).describe("node id, `Label:key`") });

// GET /api/health
export const HealthResponseSchema = z.object({
  ok: z.boolean(),
  neo4j: z.enum(["up", "down"]),
  message: z.string().optional(),
});

// GET /api/stats
export const CountRowSchema = z.object({ name: z.string(), count: z.number().int() });
export const RankedEntitySchema = z.object({ id: z.string(), name: z.string(), count: z.number().int() });
export const StatsResponseSchema = z.object({
  nodes: z.number().int(),
  relationships: z.number().int(),
  byLabel: z.array(CountRowSchema),
  byType: z.array(CountRowSchema),
  topBaseModels: z.array(RankedEntitySchema),
  topBenchmarks: z.array(RankedEntitySchema),
  topOrganizations: z.array(RankedEntitySchema),
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;

// GET /api/graph?limit=  — the whole graph (capped) for the overview
export const GraphQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500_000).default(100_000),
});
export const GraphResponseSchema = WireGraphSchema;

/** A query flag: `true`/`1` or `false`/`0` (z.coerce.boolean would read "false" as true). */
const QueryFlag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

/** A long list of numbers, checked in one loop by the refinement below rather than a parse per entry. */
function numberList(name: string) {
  return z.custom<number[]>((value) => Array.isArray(value), {
    message: `${name} must be a list of numbers`,
  });
}

// GET /api/overview?budget=&papers=  — the lineage map the page opens on
export const OverviewQuerySchema = z.object({
  budget: z.coerce
    .number()
    .int()
    .min(10)
    .max(20_000)
    .default(1_500)
    .describe("at most this many nodes; lineage paths first, then the best connected"),
  papers: QueryFlag.default(false).describe("also papers and their authors"),
});
export const OverviewResponseSchema = z
  .object({
    graph: GraphColumnsSchema,
    /** Positions from ForceAtlas2, one per node of `graph`. */
    xs: numberList("xs"),
    ys: numberList("ys"),
    /** Louvain community of each node (an index; the page maps it to a colour). */
    communities: numberList("communities"),
    /** Month of the earliest dated paper about each node as `year * 12 + month - 1`; -1 when none. */
    firsts: numberList("firsts"),
    /** What the budget left out, by label: the page says so instead of drawing it. */
    aggregated: z.array(z.object({ label: NodeLabelSchema, count: z.number().int() })),
    /** The whole database, for the header. */
    total: z.object({ nodes: z.number().int(), relationships: z.number().int() }),
  })
  .superRefine((o, ctx) => {
    const n = o.graph.ids.length;
    for (const [name, column] of [
      ["xs", o.xs],
      ["ys", o.ys],
      ["communities", o.communities],
      ["firsts", o.firsts],
    ] as const) {
      if (column.length !== n) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} has ${column.length} entries for ${n} nodes`,
        });
        return;
      }
      for (let i = 0; i < n; i++) {
        if (typeof column[i] !== "number" || !Number.isFinite(column[i])) {
          ctx.addIssue({
            code: "custom",
            path: [name, i],
            message: `${name} holds a value that is not a number`,
          });
          return;
        }
      }
    }
  });
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;

/** `year * 12 + month - 1` of an ISO date (`2024-05-23`, `2024-05`, `2024`); -1 when it is not one. */
export function monthIndex(date: string | null | undefined): number {
  const m = date ? /^(\d{4})(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return -1;
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0);
}

/** `2024-05` from a month index. */
export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

// GET /api/search?q=&limit=&labels=
export const SearchQuerySchema = z.object({
  q: z.string().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  label: NodeLabelSchema.optional(),
});
export const SearchHitSchema = z.object({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  score: z.number(),
  /** Why it matched: "name", "alias", "title", "abstract", "fuzzy". */
  matched: z.string(),
});
export const SearchResponseSchema = z.object({ hits: z.array(SearchHitSchema) });
export type SearchHit = z.infer<typeof SearchHitSchema>;

// GET /api/nodes/:id/card
export const EvidenceItemSchema = z.object({
  sentence: z.string(),
  paperId: z.string(),
  sourceId: z.string(),
  sourcePath: z.string().nullable(),
  confidence: z.number(),
  extractor: z.string(),
});
export const CardRelationSchema = z.object({
  type: RelTypeSchema,
  direction: z.enum(["out", "in"]),
  other: WireNodeSchema,
  method: BasedOnMethodSchema.nullable(),
  evidence: z.array(EvidenceItemSchema),
});
export const CardResponseSchema = z.object({
  node: WireNodeSchema,
  relations: z.array(CardRelationSchema),
  /** Only for a Model: its base-model chain, nearest first. */
  baseChain: z.array(z.object({ node: WireNodeSchema, method: BasedOnMethodSchema.nullable() })).default([]),
  /** Only for a Paper: entity mentions in the abstract, for highlighting. */
  mentions: z.array(z.object({ id: z.string(), label: NodeLabelSchema, text: z.string() })).default([]),
  /** How many relationships of each type and direction exist; `relations` holds at most 50 of each. */
  totals: z
    .array(z.object({ type: RelTypeSchema, direction: z.enum(["out", "in"]), count: z.number().int() }))
    .default([]),
});
export type CardResponse = z.infer<typeof CardResponseSchema>;

// GET /api/nodes/:id/lineage?depth=
export const LineageQuerySchema = z.object({
  depth: z.coerce.number().int().min(1).max(20).default(10),
  /** At most this many descendants (nearest first); a popular base model has thousands. */
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  /**
   * Children drawn per parent and method; the rest of each group is counted in `folds` and
   * fetched a page at a time from /api/nodes/:id/lineage/children.
   */
  group: z.coerce.number().int().min(1).max(200).default(6),
});
/** One sentence an edge was read from, and the paper it is in. */
export const EdgeEvidenceSchema = z.object({
  sentence: z.string(),
  paperId: z.string(),
  /** The paper's title, when the graph has the paper. */
  paperTitle: z.string().nullable(),
});
export type EdgeEvidence = z.infer<typeof EdgeEvidenceSchema>;
/** When a model appeared: the earliest date of a paper introducing it, else of any paper naming it. */
export const ModelDateSchema = z.object({
  date: z.string(),
  /** "introduced": a paper introduces it; "named": only the first paper that names it has a date. */
  by: z.enum(["introduced", "named"]),
});
export type ModelDate = z.infer<typeof ModelDateSchema>;
export const LineageFoldSchema = z.object({
  parent: z.string(),
  method: BasedOnMethodSchema,
  total: z.number().int(),
  shown: z.number().int(),
});
export type LineageFold = z.infer<typeof LineageFoldSchema>;
export const LineageResponseSchema = z.object({
  root: z.string(),
  /**
   * Models with `properties.level`: 0 root, negative ancestors, positive descendants, and
   * the derivations stated in the text between them (BASED_ON).
   */
  graph: WireGraphSchema,
  /** Data sets each model was trained (TRAINED_ON) or evaluated (EVALUATED_ON) on, by model id. */
  datasets: z.record(
    z.string(),
    z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(["TRAINED_ON", "EVALUATED_ON"]) })),
  ),
  /**
   * The root's name-grammar family, apart from the text-stated tree: the family's head (the
   * name without size and variant, e.g. Qwen2.5), every model whose name makes it a size or
   * variant of it, and the VARIANT_OF edges between them.
   */
  family: WireGraphSchema.default({ nodes: [], edges: [], truncated: false }),
  /** The sentences each edge (of `graph` and of `family`) was read from, by edge id; at most 3 each. */
  evidence: z.record(z.string(), z.array(EdgeEvidenceSchema)).default({}),
  /** When each model (of `graph` and `family`) appeared, by model id; absent when no paper has a date. */
  dates: z.record(z.string(), ModelDateSchema).default({}),
  /**
   * Groups of children not all sent: of `parent`'s children made by `method` ("other":
   * not stated), `total` exist and the first `shown` (by name) are in `graph`.
   */
  folds: z.array(LineageFoldSchema).default([]),
});
export type LineageResponse = z.infer<typeof LineageResponseSchema>;

// GET /api/nodes/:id/lineage/children?method=&offset=&limit=
export const LineageChildrenQuerySchema = z.object({
  method: BasedOnMethodSchema.describe("the derivation method of the group (`other`: not stated)"),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** One page of a folded group: children of `parent` made by `method`, by name, from `offset`. */
export const LineageChildrenResponseSchema = z.object({
  parent: z.string(),
  method: BasedOnMethodSchema,
  offset: z.number().int(),
  /** All children of the group, of which this page is a slice. */
  total: z.number().int(),
  /** The children (without `level`) and their BASED_ON edges to every base they name. */
  graph: WireGraphSchema,
  datasets: LineageResponseSchema.shape.datasets,
  evidence: z.record(z.string(), z.array(EdgeEvidenceSchema)),
  dates: z.record(z.string(), ModelDateSchema),
});
export type LineageChildrenResponse = z.infer<typeof LineageChildrenResponseSchema>;

// GET /api/nodes/:id/related?limit=
export const RelatedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
/** What a reason rests on: a shared entity of one kind, the lineage, shared people or labs, or the text. */
export const RelatedReasonKindSchema = z.enum([
  "model",
  "dataset",
  "method",
  "lineage",
  "author",
  "lab",
  "developer",
  "paper",
  "text",
]);
export type RelatedReasonKind = z.infer<typeof RelatedReasonKindSchema>;
export const RelatedReasonSchema = z.object({
  kind: RelatedReasonKindSchema,
  /** The reason in words, as `reasons` lists it. */
  text: z.string(),
  /** Its share of the item's score. */
  weight: z.number(),
  /** The shared nodes it names (a model, a data set, the shared authors…); none for the text. */
  nodes: z.array(z.object({ id: z.string(), name: z.string(), label: NodeLabelSchema })),
  /** For "similar abstract": the BM25 score relative to the root's own text (0..1), and shared words. */
  similarity: z.number().optional(),
  words: z.array(z.string()).optional(),
});
export type RelatedReason = z.infer<typeof RelatedReasonSchema>;
export const RelatedItemSchema = z.object({
  node: WireNodeSchema,
  score: z.number(),
  /** The reasons in words, strongest first (what `kg related` prints). */
  reasons: z.array(z.string()),
  /** The same reasons with what each rests on, strongest first. */
  why: z.array(RelatedReasonSchema),
});
export const RelatedResponseSchema = z.object({
  root: z.string(),
  items: z.array(RelatedItemSchema),
  graph: WireGraphSchema,
});
export type RelatedResponse = z.infer<typeof RelatedResponseSchema>;

// GET /api/nodes/:id/expand?limit=
export const ExpandQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  type: RelTypeSchema.optional().describe("only neighbours through relationships of this type"),
});
export const ExpandResponseSchema = WireGraphSchema;

// GET /api/path?from=&to=
export const PathQuerySchema = z.object({
  from: z.string().min(3),
  to: z.string().min(3),
  maxLength: z.coerce.number().int().min(1).max(15).default(8),
});
export const PathResponseSchema = z.object({
  found: z.boolean(),
  graph: WireGraphSchema,
  steps: z.array(WireEdgeSchema),
});

// POST /api/cypher
export const CypherRequestSchema = z.object({
  query: z.string().min(1).max(20_000),
  params: z.record(z.string(), z.unknown()).default({}),
  maxRows: z.number().int().min(1).max(50_000).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
});
export const CypherResponseSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.unknown())),
  graph: WireGraphSchema,
  truncated: z.boolean(),
  rowCount: z.number().int(),
  elapsedMs: z.number(),
});
export type CypherResponse = z.infer<typeof CypherResponseSchema>;
export const ApiErrorSchema = z.object({
  error: z.string(),
  /** For Cypher errors: Neo4j's code and the position in the query. */
  code: z.string().optional(),
  position: z.object({ offset: z.number(), line: z.number(), column: z.number() }).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

// GET /api/schema — for the console's completion
export const SchemaResponseSchema = z.object({
  labels: z.array(z.string()),
  relationshipTypes: z.array(z.string()),
  propertyKeys: z.array(z.string()),
});

// POST /api/ingest  { files: [{ name, text }] } → job id; GET /api/ingest/:job → progress
export const IngestRequestSchema = z.object({
  files: z.array(z.object({ name: z.string().min(1).max(500), text: z.string().max(50_000_000) })).min(1),
});
export const IngestJobSchema = z.object({
  id: z.string(),
  state: z.enum(["queued", "extracting", "loading", "done", "failed"]),
  progress: z.number().min(0).max(1),
  message: z.string(),
  papers: z.number().int(),
  nodes: z.number().int(),
  edges: z.number().int(),
  warnings: z.array(z.string()),
  /** Papers and entities that were not in the graph before this import (at most 5,000 ids). */
  newNodeIds: z.array(z.string()),
  /** What the import added against what was there: new papers and entities, entities already present. */
  added: z
    .object({ papers: z.number().int(), entities: z.number().int(), present: z.number().int() })
    .default({ papers: 0, entities: 0, present: 0 }),
});
export type IngestJob = z.infer<typeof IngestJobSchema>;

// POST /api/export/details { ids } — what an export file carries beyond the drawing
export const EXPORT_DETAILS_MAX_IDS = 20_000;
export const ExportDetailsRequestSchema = z.object({
  ids: z.array(z.string().min(1)).min(1).max(EXPORT_DETAILS_MAX_IDS),
});
export const ExportDetailsResponseSchema = z.object({
  /** By node id: a paper's date and arXiv id; an entity's first-seen date (its earliest dated paper). */
  nodes: z.record(
    z.string(),
    z.object({ date: z.string().nullable(), arxivId: z.string().nullable(), title: z.string().nullable() }),
  ),
  /** The relationships from each node, with their evidence (at most a few sentences each). */
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      type: RelTypeSchema,
      method: z.string().nullable(),
      evidence: z.array(z.string()),
      /** The arXiv ids (or paper ids) the evidence sentences were read from, in the same order. */
      evidencePapers: z.array(z.string()),
    }),
  ),
});
export type ExportDetailsResponse = z.infer<typeof ExportDetailsResponseSchema>;
