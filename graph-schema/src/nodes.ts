/**
 * Properties of each node label as stored in Neo4j and as read back by the queries.
 */
import { z } from "zod";
import { DatasetKindSchema, SourceKindSchema } from "./labels.ts";

export const PaperSchema = z.object({
  id: z.string().min(1),
  title: z.string().nullable(),
  arxivId: z.string().nullable(),
  abstract: z.string(),
  /** Code repositories (GitHub, GitLab) named in the text. */
  codeUrls: z.array(z.string()).default([]),
  /** Model or data set pages (Hugging Face) named in the text. */
  modelUrls: z.array(z.string()).default([]),
  /** Other links: project pages, the paper's own page. */
  urls: z.array(z.string()).default([]),
  /** Free notes from listings: venue, page counts, DOI ("MICCAI2025 Early Accept"). */
  notes: z.array(z.string()).default([]),
  /** The byline, in its order (the AUTHORED relationships carry no order). */
  authors: z.array(z.string()).default([]),
  date: z.string().nullable().default(null),
});
export type Paper = z.infer<typeof PaperSchema>;

export const EntitySchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});
export type Entity = z.infer<typeof EntitySchema>;

/**
 * A model's name read as a grammar (only for Model, each part only when the name has it):
 * "Qwen2.5-7B-Instruct" → family "Qwen2.5", version "2.5", size "7B", variant "Instruct".
 */
export const ModelNamePartsSchema = z.object({
  family: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
  size: z.string().min(1).optional(),
  variant: z.string().min(1).optional(),
});
export type ModelNameParts = z.infer<typeof ModelNamePartsSchema>;

export const ModelSchema = EntitySchema.extend(ModelNamePartsSchema.shape);
export const DatasetSchema = EntitySchema.extend({ kind: DatasetKindSchema.default("dataset") });
export const OrganizationSchema = EntitySchema;
export const AuthorSchema = EntitySchema;
export const MethodSchema = EntitySchema;

export const SourceSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, "SHA-256 of the file bytes, hex"),
  path: z.string(),
  kind: SourceKindSchema,
  bytes: z.number().int().nonnegative(),
  ingestedAt: z.string().nullable().default(null),
});
export type Source = z.infer<typeof SourceSchema>;
