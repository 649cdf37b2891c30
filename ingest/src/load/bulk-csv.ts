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
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  ENTITY_LABELS,
  type ExtractedEdge,
  type ExtractedPaper,
  type ExtractionResult,
  KEY_PROPERTY,
} from "@kg/graph-schema";
import { LineFile } from "../line-file.ts";
import { edgeGroup, edgeRow, entityRow, paperRow, sourceRow } from "./load-extraction.ts";

/** U+001F (unit separator) between the items of an array field. */
export const ARRAY_DELIMITER = "\u001f";

/** Buffered rows are written out when they pass this many characters. */
const FLUSH_CHARS = 1 << 20;

export class BulkCsvError extends Error {}

/** A field or row that spans lines (a newline inside quotes). */
const LINE_BREAK = /[\r\n]/;

/** A new file of rows that starts with its header line. */
function headedFile(file: string, header: string): LineFile {
  const f = new LineFile(file, FLUSH_CHARS);
  f.line(header);
  return f;
}

/**
 * One CSV input of the importer. Rows that span lines go to a second file with the same
 * header, which alone is named to the importer as multiline: it reads a multiline file on
 * one thread, every other file in parallel chunks (most papers have no line break).
 */
class CsvFile {
  private readonly main: LineFile;
  private multiline: LineFile | null = null;
  private readonly header: string;
  rows = 0;

  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.header = header.join(",");
    this.main = headedFile(file, this.header);
  }

  row(fields: string[]): void {
    this.rows++;
    const text = fields.join(",");
    if (!LINE_BREAK.test(text)) {
      this.main.line(text);
      return;
    }
    this.multilineOut().line(text);
  }

  /** Rows already encoded elsewhere (see encodeEdges): lines, each ended by "\n". */
  encoded(rows: number, lines: string, multilineLines: string): void {
    this.rows += rows;
    if (lines.length > 0) this.main.text(lines);
    if (multilineLines.length > 0) this.multilineOut().text(multilineLines);
  }

  private multilineOut(): LineFile {
    this.multiline ??= headedFile(this.file.replace(/\.csv$/, ".multiline.csv"), this.header);
    return this.multiline;
  }

  /** The files of this input (the multiline one only when a row needed it). */
  get files(): string[] {
    return this.multiline ? [this.main.file, this.multiline.file] : [this.main.file];
  }

  get multilineFile(): string | null {
    return this.multiline?.file ?? null;
  }

  close(): void {
    this.main.close();
    this.multiline?.close();
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

/** The fields of an edge's row. Throws BulkCsvError when a value cannot be written as CSV. */
function edgeFields(edge: ExtractedEdge): string[] {
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
  return [
    str(r.from),
    str(r.to),
    str(r.method),
    strs(sentences, "sentence"),
    strs(paperIds, "paper id"),
    strs(sourceIds, "source id"),
    confidences.length > 0 ? confidences.join(ARRAY_DELIMITER) : "",
    strs(extractors, "extractor name"),
    num(best),
  ];
}

/**
 * Edge rows encoded as the importer's CSV, by file (TYPE|FromLabel|ToLabel), the rows that
 * span lines apart: what ImportCsv.edge writes for the same edges in the same order.
 */
export type EncodedEdges = Array<{
  group: string;
  type: string;
  fromLabel: string;
  toLabel: string;
  rows: number;
  /** Lines, each ended by "\n". */
  lines: string;
  multilineLines: string;
}>;

/**
 * Encodes edges as ImportCsv.encodedEdges takes them, so that a thread other than the
 * writer's can do it. Throws BulkCsvError when a value cannot be written as CSV.
 */
export function encodeEdges(edges: Iterable<ExtractedEdge>): EncodedEdges {
  const byGroup = new Map<string, EncodedEdges[number] & { main: string[]; multi: string[] }>();
  for (const edge of edges) {
    const group = edgeGroup(edge);
    let g = byGroup.get(group);
    if (g === undefined) {
      g = {
        group,
        type: edge.type,
        fromLabel: edge.from.label,
        toLabel: edge.to.label,
        rows: 0,
        lines: "",
        multilineLines: "",
        main: [],
        multi: [],
      };
      byGroup.set(group, g);
    }
    const text = edgeFields(edge).join(",");
    (LINE_BREAK.test(text) ? g.multi : g.main).push(text, "\n");
    g.rows++;
  }
  return [...byGroup.values()].map(({ main, multi, ...g }) => ({
    ...g,
    lines: main.join(""),
    multilineLines: multi.join(""),
  }));
}

export interface CsvFiles {
  /** `--nodes=Label=file` arguments, without the flag. */
  nodes: string[];
  /** `--relationships=TYPE=file` arguments, without the flag. */
  relationships: string[];
  /** The files whose rows span lines (the importer parses only these as multiline). */
  multiline: string[];
  counts: { sources: number; papers: number; nodes: number; edges: number };
}

/**
 * The import files being written into a folder: edges one at a time, as resolution sends
 * them (see resolveStreamed), then the sources, papers and nodes once they are known.
 * Throws BulkCsvError when a value cannot be written as CSV.
 */
export class ImportCsv {
  /** Which files make which input is known once every row is written (see CsvFile). */
  private readonly inputs: Array<{ kind: "nodes" | "relationships"; name: string; csv: CsvFile }> = [];
  private readonly open: CsvFile[] = [];
  private readonly edgeFiles = new Map<string, CsvFile>();
  edges = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(name: string, header: string[]): CsvFile {
    const f = new CsvFile(path.join(this.dir, name), header);
    this.open.push(f);
    return f;
  }

  private edgeFile(group: string, type: string, fromLabel: string, toLabel: string): CsvFile {
    let f = this.edgeFiles.get(group);
    if (f === undefined) {
      f = this.file(`${group.replaceAll("|", "-").toLowerCase()}.csv`, [
        `:START_ID(${fromLabel})`,
        `:END_ID(${toLabel})`,
        "method",
        "evidence:string[]",
        "evidencePaperIds:string[]",
        "evidenceSourceIds:string[]",
        "evidenceConfidences:double[]",
        "evidenceExtractors:string[]",
        "confidence:double",
      ]);
      this.inputs.push({ kind: "relationships", name: type, csv: f });
      this.edgeFiles.set(group, f);
    }
    return f;
  }

  edge(edge: ExtractedEdge): void {
    this.edgeFile(edgeGroup(edge), edge.type, edge.from.label, edge.to.label).row(edgeFields(edge));
    this.edges++;
  }

  /** Edges encoded by encodeEdges (on another thread), written as they are. */
  encodedEdges(encoded: EncodedEdges): void {
    for (const g of encoded) {
      this.edgeFile(g.group, g.type, g.fromLabel, g.toLabel).encoded(g.rows, g.lines, g.multilineLines);
      this.edges += g.rows;
    }
  }

  /**
   * Writes the sources, papers and nodes of `result` (not its edges), closes every file and
   * returns their arguments. `abstractOf` gives a paper's abstract where the result left it
   * out (see AbstractStore): read one paper at a time, never all in memory.
   */
  finish(
    result: ExtractionResult,
    ingestedAt: string,
    abstractOf?: (paper: ExtractedPaper) => string,
  ): CsvFiles {
    try {
      const sources = this.file("sources.csv", [
        "id:ID(Source)",
        "path",
        "name",
        "kind",
        "bytes:long",
        "ingestedAt",
      ]);
      this.inputs.push({ kind: "nodes", name: "Source", csv: sources });
      for (const s of result.sources) {
        const r = sourceRow(s, ingestedAt);
        sources.row([str(r.id), str(r.path), str(r.name), str(r.kind), num(r.bytes), str(r.ingestedAt)]);
      }

      const papers = this.file("papers.csv", [
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
      this.inputs.push({ kind: "nodes", name: "Paper", csv: papers });
      const fromSource = this.file("from-source.csv", [":START_ID(Paper)", ":END_ID(Source)"]);
      this.inputs.push({ kind: "relationships", name: "FROM_SOURCE", csv: fromSource });
      for (const p of result.papers) {
        const r = paperRow(abstractOf ? { ...p, abstract: abstractOf(p) } : p);
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
          const f = this.file(`${label.toLowerCase()}.csv`, [
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
          this.inputs.push({ kind: "nodes", name: label, csv: f });
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
    } finally {
      this.close();
    }
    const nodes: string[] = [];
    const relationships: string[] = [];
    const multiline: string[] = [];
    for (const { kind, name, csv } of this.inputs) {
      // One argument per file: a multiline file has its own header line, as its own input.
      for (const f of csv.files) (kind === "nodes" ? nodes : relationships).push(`${name}=${f}`);
      if (csv.multilineFile) multiline.push(csv.multilineFile);
    }
    return {
      nodes,
      relationships,
      multiline,
      counts: {
        sources: result.sources.length,
        papers: result.papers.length,
        nodes: result.nodes.length,
        edges: this.edges,
      },
    };
  }

  /** Closes every file (more than once is harmless). */
  close(): void {
    for (const f of this.open.splice(0)) f.close();
  }
}

/**
 * Writes the import files of `result` into `dir` (created) and returns their arguments.
 * Throws BulkCsvError when a value cannot be written as CSV.
 */
export function writeImportCsv(result: ExtractionResult, dir: string, ingestedAt: string): CsvFiles {
  const csv = new ImportCsv(dir);
  try {
    for (const edge of result.edges) csv.edge(edge);
  } catch (error) {
    csv.close();
    throw error;
  }
  return csv.finish(result, ingestedAt);
}
