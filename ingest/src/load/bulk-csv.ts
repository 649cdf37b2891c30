/**
 * bulk-csv: writes an extraction result as the CSV files of `neo4j-admin database import
 * full`, row by row through small buffers (never the whole file as one string), from the
 * same rows the transactional statements write, so that both paths store the same graph.
 *
 * Format: comma-separated, every string quoted (`"` doubled inside), arrays joined with
 * ARRAY_DELIMITER (a control character no text of a paper uses; a value holding it is an
 * error, and the caller falls back to the transactional load). A null or an empty list is
 * an empty unquoted field, which the importer does not store (as the statements do not).
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { ENTITY_LABELS, type ExtractionResult, KEY_PROPERTY } from "@kg/graph-schema";
import { edgeGroup, edgeRow, entityRow, paperRow, sourceRow } from "./load-extraction.ts";

/** U+001F (unit separator) between the items of an array field. */
export const ARRAY_DELIMITER = "\u001f";

/** Buffered rows are written out when they pass this many characters. */
const FLUSH_CHARS = 1 << 20;

export class BulkCsvError extends Error {}

/** One CSV file with its header line, written through a small buffer. */
class CsvFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.fd = openSync(file, "w");
    this.line(header.join(","));
  }

  row(fields: string[]): void {
    this.rows++;
    this.line(fields.join(","));
  }

  private line(text: string): void {
    this.parts.push(text, "\n");
    this.size += text.length + 1;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function str(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return `"${value.replaceAll('"', '""')}"`;
}

function strs(values: readonly string[], what: string): string {
  if (values.length === 0) return "";
  for (const v of values) {
    if (v.includes(ARRAY_DELIMITER)) {
      throw new BulkCsvError(`ingest/bulk: a ${what} holds the character U+001F; cannot write it as CSV`);
    }
  }
  return str(values.join(ARRAY_DELIMITER));
}

function num(value: number): string {
  return String(value);
}

export interface CsvFiles {
  /** `--nodes=Label=file` arguments, without the flag. */
  nodes: string[];
  /** `--relationships=TYPE=file` arguments, without the flag. */
  relationships: string[];
  counts: { sources: number; papers: number; nodes: number; edges: number };
}

/**
 * Writes the import files of `result` into `dir` (created) and returns their arguments.
 * Throws BulkCsvError when a value cannot be written as CSV.
 */
export function writeImportCsv(result: ExtractionResult, dir: string, ingestedAt: string): CsvFiles {
  mkdirSync(dir, { recursive: true });
  const nodes: string[] = [];
  const relationships: string[] = [];
  const open: CsvFile[] = [];
  const file = (name: string, header: string[]) => {
    const f = new CsvFile(path.join(dir, name), header);
    open.push(f);
    return f;
  };
  try {
    const sources = file("sources.csv", [
      "id:ID(Source)",
      "path",
      "name",
      "kind",
      "bytes:long",
      "ingestedAt",
    ]);
    nodes.push(`Source=${sources.file}`);
    for (const s of result.sources) {
      const r = sourceRow(s, ingestedAt);
      sources.row([str(r.id), str(r.path), str(r.name), str(r.kind), num(r.bytes), str(r.ingestedAt)]);
    }

    const papers = file("papers.csv", [
      "id:ID(Paper)",
      "title",
      "arxivId",
      "date",
      "abstract",
      "codeUrls:string[]",
      "modelUrls:string[]",
      "urls:string[]",
      "notes:string[]",
      "authors:string[]",
      "name",
    ]);
    nodes.push(`Paper=${papers.file}`);
    const fromSource = file("from-source.csv", [":START_ID(Paper)", ":END_ID(Source)"]);
    relationships.push(`FROM_SOURCE=${fromSource.file}`);
    for (const p of result.papers) {
      const r = paperRow(p);
      papers.row([
        str(r.id),
        str(r.title),
        str(r.arxivId),
        str(r.date),
        str(r.abstract),
        strs(r.codeUrls, "code URL"),
        strs(r.modelUrls, "model URL"),
        strs(r.urls, "URL"),
        strs(r.notes, "note"),
        strs(r.authors, "author"),
        // What `coalesce(title, left(abstract, 120))` gives in upsertPapers.
        str(r.title ?? r.abstract.slice(0, 120)),
      ]);
      for (const sourceId of new Set(r.sourceIds)) fromSource.row([str(r.id), str(sourceId)]);
    }

    const entityFiles = new Map(
      ENTITY_LABELS.map((label) => {
        const f = file(`${label.toLowerCase()}.csv`, [
          `${KEY_PROPERTY[label]}:ID(${label})`,
          "name",
          "aliases:string[]",
          "kind",
          "family",
          "version",
          "size",
          "variant",
          "aliasText",
        ]);
        nodes.push(`${label}=${f.file}`);
        return [label, f];
      }),
    );
    for (const n of result.nodes) {
      const r = entityRow(n);
      // What `reduce(text = '', a IN aliases | text + ' ' + a)` gives in the upsert statements.
      let aliasText = "";
      for (const a of r.aliases) aliasText += ` ${a}`;
      entityFiles
        .get(n.label)
        ?.row([
          str(r.key),
          str(r.name),
          strs(r.aliases, "alias"),
          str(r.kind),
          str(r.family),
          str(r.version),
          str(r.size),
          str(r.variant),
          str(aliasText),
        ]);
    }

    const edgeFiles = new Map<string, CsvFile>();
    for (const edge of result.edges) {
      const group = edgeGroup(edge);
      let f = edgeFiles.get(group);
      if (f === undefined) {
        f = file(`${group.replaceAll("|", "-").toLowerCase()}.csv`, [
          `:START_ID(${edge.from.label})`,
          `:END_ID(${edge.to.label})`,
          "method",
          "evidence:string[]",
          "evidencePaperIds:string[]",
          "evidenceSourceIds:string[]",
          "evidenceConfidences:double[]",
          "evidenceExtractors:string[]",
          "confidence:double",
        ]);
        relationships.push(`${edge.type}=${f.file}`);
        edgeFiles.set(group, f);
      }
      const r = edgeRow(edge);
      const sentences: string[] = [];
      const paperIds: string[] = [];
      const sourceIds: string[] = [];
      const confidences: string[] = [];
      const extractors: string[] = [];
      let best = 0;
      for (const e of r.evidence) {
        sentences.push(e.sentence);
        paperIds.push(e.paperId);
        sourceIds.push(e.sourceId);
        confidences.push(num(e.confidence));
        extractors.push(e.extractor);
        if (e.confidence > best) best = e.confidence;
      }
      f.row([
        str(r.from),
        str(r.to),
        str(r.method),
        strs(sentences, "sentence"),
        strs(paperIds, "paper id"),
        strs(sourceIds, "source id"),
        confidences.length > 0 ? confidences.join(ARRAY_DELIMITER) : "",
        strs(extractors, "extractor name"),
        num(best),
      ]);
    }
  } finally {
    for (const f of open) f.close();
  }
  return {
    nodes,
    relationships,
    counts: {
      sources: result.sources.length,
      papers: result.papers.length,
      nodes: result.nodes.length,
      edges: result.edges.length,
    },
  };
}
