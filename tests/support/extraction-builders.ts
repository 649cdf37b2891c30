/**
 * Builders for hand-written extraction results, shared by the fixtures of the
 * integration and browser tests.
 */
import type { ExtractedPaper } from "@kg/graph-schema";

/** A paper as the extractor would emit it, read from one document. */
export function fixturePaper(
  id: string,
  title: string,
  abstract: string,
  sourceId: string,
  authors: string[] = [],
  date = "2025-01-01",
): ExtractedPaper {
  return {
    id,
    title,
    arxivId: id.startsWith("arxiv:") ? id.slice(6) : null,
    sourceId,
    sourceIds: [sourceId],
    abstract,
    codeUrls: [],
    modelUrls: [],
    urls: [],
    notes: [],
    authors,
    date,
  };
}
