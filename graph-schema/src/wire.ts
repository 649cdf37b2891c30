/**
 * The graph as the web reads it: plain JSON, no driver types. Node ids are
 * `Label:key` (see keys.ts), so a URL can hold a selection.
 */
import { z } from "zod";
import { NodeLabelSchema, RelTypeSchema } from "./labels.ts";

const PropertyValueSchema: z.ZodType<unknown> = z.unknown();

export const WireNodeSchema = z.object({
  id: z.string(),
  label: NodeLabelSchema,
  /** The display name: a paper's title, an entity's name. */
  name: z.string(),
  properties: z.record(z.string(), PropertyValueSchema),
});
export type WireNode = z.infer<typeof WireNodeSchema>;

export const WireEdgeSchema = z.object({
  id: z.string(),
  type: RelTypeSchema,
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), PropertyValueSchema),
});
export type WireEdge = z.infer<typeof WireEdgeSchema>;

export const WireGraphSchema = z.object({
  nodes: z.array(WireNodeSchema),
  edges: z.array(WireEdgeSchema),
  /** True when a cap cut the result. */
  truncated: z.boolean().default(false),
});
export type WireGraph = z.infer<typeof WireGraphSchema>;

/**
 * Evidence as stored on a relationship: parallel lists (Neo4j properties cannot hold maps),
 * index i of every list is one piece of evidence, and each piece is kept once: its
 * sentence appears once, in `evidence`, and a piece is new when its (paper id, sentence)
 * pair is. `confidence` is the highest of `evidenceConfidences`.
 */
export const StoredEvidenceSchema = z.object({
  evidence: z.array(z.string()),
  evidencePaperIds: z.array(z.string()),
  evidenceSourceIds: z.array(z.string()),
  evidenceConfidences: z.array(z.number()),
  evidenceExtractors: z.array(z.string()),
  confidence: z.number(),
});
export type StoredEvidence = z.infer<typeof StoredEvidenceSchema>;
