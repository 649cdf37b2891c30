/**
 * The HTTP API between web/server and the browser: one zod schema per request and
 * response, used by the server to validate and by the client to parse. The OpenAPI
 * description at /api/docs is generated from these.
 */
import { z } from "zod";
import { BasedOnMethodSchema, NodeLabelSchema, RelTypeSchema } from "./labels.ts";
import { WireEdgeSchema, WireGraphSchema, WireNodeSchema } from "./wire.ts";

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
});
export const LineageResponseSchema = z.object({
  root: z.string(),
  /** Models with `properties.level`: 0 root, negative ancestors, positive descendants. */
  graph: WireGraphSchema,
  /** Data sets each model was trained (TRAINED_ON) or evaluated (EVALUATED_ON) on, by model id. */
  datasets: z.record(
    z.string(),
    z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(["TRAINED_ON", "EVALUATED_ON"]) })),
  ),
});
export type LineageResponse = z.infer<typeof LineageResponseSchema>;

// GET /api/nodes/:id/related?limit=
export const RelatedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const RelatedItemSchema = z.object({
  node: WireNodeSchema,
  score: z.number(),
  reasons: z.array(z.string()),
});
export const RelatedResponseSchema = z.object({
  root: z.string(),
  items: z.array(RelatedItemSchema),
  graph: WireGraphSchema,
});
export type RelatedResponse = z.infer<typeof RelatedResponseSchema>;

// GET /api/nodes/:id/expand?limit=
export const ExpandQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
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
  newNodeIds: z.array(z.string()),
});
export type IngestJob = z.infer<typeof IngestJobSchema>;
