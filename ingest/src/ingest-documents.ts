/**
 * The whole ingest for a set of documents: extract (pure), then load. Bad documents
 * become warnings naming the file; the others are still loaded.
 */
import type { ExtractionResult, ExtractionWarning } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
import {
  type LoadProgress,
  type LoadSummary,
  loadExtraction,
  prepareLoader,
} from "./load/load-extraction.ts";
import { extractDocuments, readDocuments, type SourceDocument } from "./pipeline.ts";

export interface IngestProgress {
  phase: "reading" | "extracting" | "loading" | "done";
  /** 0..1 over the whole ingest. */
  fraction: number;
  message: string;
}

export interface IngestSummary extends LoadSummary {
  warnings: ExtractionWarning[];
  extractMs: number;
  loadMs: number;
  /** Wire ids (`Label:key`) of every node the documents produced. */
  nodeIds: string[];
}

/** Progress weights of the load's steps within the whole ingest (extraction ends at 0.3). */
const LOAD_WEIGHTS: Record<LoadProgress["step"], [number, number]> = {
  papers: [0.3, 0.48],
  entities: [0.48, 0.58],
  edges: [0.58, 0.97],
  sources: [0.97, 0.99],
};

/**
 * Loads an extraction with progress reported over the whole ingest (0.3..0.99), and
 * returns the wire ids (`Label:key`) of every node it holds. Shared by the CLI's ingest
 * and the page's import jobs, which extract in a worker thread instead.
 */
export async function loadWithProgress(
  db: Database,
  result: ExtractionResult,
  onProgress: (progress: IngestProgress) => void,
): Promise<{ summary: LoadSummary; nodeIds: string[] }> {
  onProgress({
    phase: "loading",
    fraction: 0.3,
    message: `loading ${result.papers.length} papers, ${result.nodes.length} entities, ${result.edges.length} relationships`,
  });
  // The schema only when something is missing (a schema statement empties the server's
  // plan cache), and the statements planned once.
  await prepareLoader(db);
  const summary = await loadExtraction(db, result, {
    onProgress: (p) => {
      const [from, to] = LOAD_WEIGHTS[p.step];
      const fraction = from + (to - from) * (p.total === 0 ? 1 : p.done / p.total);
      onProgress({ phase: "loading", fraction, message: `${p.step}: ${p.done}/${p.total}` });
    },
  });
  const nodeIds = [
    ...result.papers.map((p) => `Paper:${p.id}`),
    ...result.nodes.map((n) => `${n.label}:${n.key}`),
  ];
  return { summary, nodeIds };
}

export async function ingestDocuments(
  db: Database,
  documents: SourceDocument[],
  onProgress: (progress: IngestProgress) => void = () => {},
  readWarnings: ExtractionWarning[] = [],
): Promise<IngestSummary> {
  onProgress({ phase: "extracting", fraction: 0.05, message: `extracting ${documents.length} document(s)` });
  const t0 = performance.now();
  const result = extractDocuments(documents);
  const extractMs = performance.now() - t0;
  const t1 = performance.now();
  const { summary, nodeIds } = await loadWithProgress(db, result, onProgress);
  const loadMs = performance.now() - t1;
  onProgress({ phase: "done", fraction: 1, message: "done" });
  return { ...summary, warnings: [...readWarnings, ...result.warnings], extractMs, loadMs, nodeIds };
}

/** Reads files and folders, then ingests them. */
export async function ingestPaths(
  db: Database,
  paths: string[],
  onProgress?: (progress: IngestProgress) => void,
): Promise<IngestSummary> {
  onProgress?.({ phase: "reading", fraction: 0, message: `reading ${paths.join(", ")}` });
  const { documents, warnings } = await readDocuments(paths);
  return ingestDocuments(db, documents, onProgress, warnings);
}
