/**
 * The extraction result: what `kg extract --format json` prints and what the loader
 * writes. The machine-readable contract of docs/graph-model.md.
 */
import { z } from "zod";
import {
  BasedOnMethodSchema,
  DatasetKindSchema,
  EntityLabelSchema,
  ExtractedRelTypeSchema,
} from "./labels.ts";
import { ModelNamePartsSchema, SourceSchema } from "./nodes.ts";

export const ExtractedPaperSchema = z.object({
  id: z.string().min(1),
  title: z.string().nullable(),
  arxivId: z.string().nullable(),
  /** The first document the paper was read from. */
  sourceId: z.string(),
  /** Every document the paper was read from, in input order (extension of the contract). */
  sourceIds: z.array(z.string()),
  abstract: z.string(),
  codeUrls: z.array(z.string()),
  modelUrls: z.array(z.string()),
  urls: z.array(z.string()),
  notes: z.array(z.string()),
  authors: z.array(z.string()),
  date: z.string().nullable(),
});
export type ExtractedPaper = z.infer<typeof ExtractedPaperSchema>;

export const ExtractedNodeSchema = z.object({
  label: EntityLabelSchema,
  key: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  /** Only for Dataset. */
  kind: DatasetKindSchema.optional(),
  ...ModelNamePartsSchema.shape,
});
export type ExtractedNode = z.infer<typeof ExtractedNodeSchema>;

export const PaperRefSchema = z.object({ label: z.literal("Paper"), id: z.string().min(1) });
export const EntityRefSchema = z.object({ label: EntityLabelSchema, key: z.string().min(1) });
export const EndpointRefSchema = z.union([PaperRefSchema, EntityRefSchema]);
export type EndpointRef = z.infer<typeof EndpointRefSchema>;

export const EvidenceSchema = z.object({
  paperId: z.string(),
  sourceId: z.string(),
  /** The sentence the fact was read from, verbatim. */
  sentence: z.string(),
  confidence: z.number().min(0).max(1),
  /** Which rule produced it, e.g. `pattern:fine-tuned-from`. */
  extractor: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const EdgePropertiesSchema = z.object({ method: BasedOnMethodSchema.optional() });

export const ExtractedEdgeSchema = z.object({
  type: ExtractedRelTypeSchema,
  from: EndpointRefSchema,
  to: EndpointRefSchema,
  properties: EdgePropertiesSchema,
  evidence: z.array(EvidenceSchema).min(1),
});
export type ExtractedEdge = z.infer<typeof ExtractedEdgeSchema>;

export const WarningSchema = z.object({
  sourceId: z.string().nullable(),
  path: z.string().optional(),
  message: z.string(),
});
export type ExtractionWarning = z.infer<typeof WarningSchema>;

export const ExtractionResultSchema = z.object({
  /** The documents read (extension of the contract: the loader needs them for FROM_SOURCE). */
  sources: z.array(SourceSchema),
  papers: z.array(ExtractedPaperSchema),
  nodes: z.array(ExtractedNodeSchema),
  edges: z.array(ExtractedEdgeSchema),
  warnings: z.array(WarningSchema),
});
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;

/**
 * ExtractionResultSchema.parse, element by element, each list's items replaced in place by
 * their parsed copies (edges validated and kept: see below): the same result and the same
 * errors, but never a second copy of a whole large result in memory at once. Returns its
 * argument.
 */
export function parseExtractionInPlace(result: ExtractionResult): ExtractionResult {
  const lists = [
    ["sources", SourceSchema],
    ["papers", ExtractedPaperSchema],
    ["nodes", ExtractedNodeSchema],
    ["edges", ExtractedEdgeSchema],
    ["warnings", WarningSchema],
  ] as const;
  const shape = z.object(Object.fromEntries(lists.map(([name]) => [name, z.array(z.unknown())])));
  shape.parse(result);
  for (const [name, schema] of lists) {
    const items = result[name] as unknown[];
    // An edge's schema has no defaults and no transforms: its parsed copy holds what it held.
    // Edges are kept as they are, sharing their endpoint objects (a copy per edge was ~0.1 GB
    // at 100,000 papers, and the copying as much again at its peak).
    const copy = name !== "edges";
    for (let i = 0; i < items.length; i++) {
      const parsed = schema.safeParse(items[i]);
      if (!parsed.success) {
        throw new z.ZodError(parsed.error.issues.map((x) => ({ ...x, path: [name, i, ...x.path] })));
      }
      if (copy) items[i] = parsed.data;
    }
  }
  return result;
}

/**
 * Checks one edge as parseExtractionInPlace checks `edges[index]` (the same error), for
 * edges streamed to the loader without a result that holds them all.
 */
export function checkExtractedEdge(edge: unknown, index: number): void {
  const parsed = ExtractedEdgeSchema.safeParse(edge);
  if (!parsed.success) {
    throw new z.ZodError(parsed.error.issues.map((x) => ({ ...x, path: ["edges", index, ...x.path] })));
  }
}
