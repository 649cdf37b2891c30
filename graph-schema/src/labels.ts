/**
 * Node labels and relationship types of the graph (docs/graph-model.md).
 * Labels and types cannot be Cypher parameters, so every query that names one takes
 * it from these enums and nowhere else.
 */
import { z } from "zod";

export const NodeLabelSchema = z.enum([
  "Paper",
  "Model",
  "Dataset",
  "Organization",
  "Author",
  "Method",
  "Source",
]);
export type NodeLabel = z.infer<typeof NodeLabelSchema>;
export const NODE_LABELS = NodeLabelSchema.options;

/** Labels of things read off the text and identified by a normalised name (`key`). */
export const EntityLabelSchema = z.enum(["Model", "Dataset", "Organization", "Author", "Method"]);
export type EntityLabel = z.infer<typeof EntityLabelSchema>;
export const ENTITY_LABELS = EntityLabelSchema.options;

export const RelTypeSchema = z.enum([
  "BASED_ON",
  "TRAINED_ON",
  "EVALUATED_ON",
  "PUBLISHED",
  "AUTHORED",
  "INTRODUCES",
  "MENTIONS",
  "USES_METHOD",
  "DEVELOPED",
  "VARIANT_OF",
  "FROM_SOURCE",
]);
export type RelType = z.infer<typeof RelTypeSchema>;
export const REL_TYPES = RelTypeSchema.options;

/** Every relationship but FROM_SOURCE is read from a sentence and carries provenance. */
export const ExtractedRelTypeSchema = RelTypeSchema.exclude(["FROM_SOURCE"]);
export type ExtractedRelType = z.infer<typeof ExtractedRelTypeSchema>;
export const EXTRACTED_REL_TYPES = ExtractedRelTypeSchema.options;

/** How a model was made from its base model (property `method` of BASED_ON). */
export const BasedOnMethodSchema = z.enum([
  "fine-tune",
  "adapter",
  "continued-pretraining",
  "distillation",
  "upcycling",
  "post-training",
  "merge",
  "quantization",
  "other",
]);
export type BasedOnMethod = z.infer<typeof BasedOnMethodSchema>;

/**
 * The genre of a source document. `jsonl` (one paper per JSON line) and `markdown`
 * extend the five genres of the seed pages; both are listed on the graph-model page.
 */
export const SourceKindSchema = z.enum([
  "lab-page",
  "paper-feed",
  "arxiv-listing",
  "author-page",
  "plain",
  "markdown",
  "jsonl",
]);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const DatasetKindSchema = z.enum(["dataset", "benchmark"]);
export type DatasetKind = z.infer<typeof DatasetKindSchema>;

/** Which labels may stand at either end of each relationship type. */
export const REL_ENDPOINTS: Record<RelType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }> = {
  BASED_ON: { from: ["Model"], to: ["Model"] },
  TRAINED_ON: { from: ["Model"], to: ["Dataset"] },
  EVALUATED_ON: { from: ["Model"], to: ["Dataset"] },
  PUBLISHED: { from: ["Organization"], to: ["Paper"] },
  AUTHORED: { from: ["Author"], to: ["Paper"] },
  INTRODUCES: { from: ["Paper"], to: ["Model", "Dataset", "Method"] },
  MENTIONS: { from: ["Paper"], to: ["Model", "Dataset", "Method"] },
  USES_METHOD: { from: ["Model"], to: ["Method"] },
  DEVELOPED: { from: ["Organization"], to: ["Model", "Dataset"] },
  /**
   * A size or variant of a model family links to the family's base model (Qwen2.5-7B-Instruct →
   * Qwen2.5-7B). Read off the names by the name grammar (extractor `name-grammar`), never off a
   * sentence, so it is never written as BASED_ON, which stays what a text states.
   */
  VARIANT_OF: { from: ["Model"], to: ["Model"] },
  FROM_SOURCE: { from: ["Paper"], to: ["Source"] },
};

/** The property that identifies a node of each label (a uniqueness constraint in Neo4j). */
export const KEY_PROPERTY: Record<NodeLabel, "id" | "key"> = {
  Paper: "id",
  Source: "id",
  Model: "key",
  Dataset: "key",
  Organization: "key",
  Author: "key",
  Method: "key",
};
