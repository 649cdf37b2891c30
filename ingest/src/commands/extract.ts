/**
 * `kg extract <file-or-dir>... [--format json|jsonl|summary]`: reads documents, touches no
 * database, and prints the contract's JSON (exactly one object on stdout), the same as JSON
 * Lines (one `{"record": "paper", …}` object a line), or a readable summary per source (genre,
 * papers, nodes by label, edges by type, warnings). JSON and JSON Lines are written in
 * pieces of about a megabyte, never as one string (which V8 caps near 512 MB).
 */
import type { ExtractionResult } from "@kg/graph-schema";
import { extractDocumentsParallel } from "../parallel/extract-parallel.ts";
import { listDocuments } from "../pipeline.ts";

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Writes to stdout and resolves when the stream can take more (backpressure). */
  stdoutAsync?: (s: string) => Promise<void>;
}

type Format = "json" | "jsonl" | "summary";
const FORMATS: readonly Format[] = ["json", "jsonl", "summary"];
const USAGE = "usage: kg extract <file-or-dir>... [--format json|jsonl|summary]";
/** Output is handed to the stream in pieces of about this many characters. */
const PIECE_CHARS = 1 << 20;

/** Runs `kg extract`; returns the exit code (0 ok, 1 nothing could be read, 2 usage). */
export async function runExtractCommand(args: string[], io: CommandIo): Promise<number> {
  let format: Format = "json";
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--help" || a === "-h") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (a === "--format" || a.startsWith("--format=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      const known = FORMATS.find((f) => f === value);
      if (known === undefined) {
        io.stderr(
          `kg extract: --format must be json, jsonl or summary, not ${value ?? "(missing)"}.\n${USAGE}\n`,
        );
        return 2;
      }
      format = known;
      continue;
    }
    if (a.startsWith("--")) {
      io.stderr(`kg extract: unknown option ${a}.\n${USAGE}\n`);
      return 2;
    }
    paths.push(a);
  }
  if (paths.length === 0) {
    io.stderr(`kg extract: give at least one file or folder.\n${USAGE}\n`);
    return 2;
  }
  // Each file is read as its turn to be segmented comes, and its text let go once it is:
  // read all at once first, the texts of 100,000 papers (1.3 GB RSS) made every garbage
  // collection of the extraction slower, and the workers waited for the last file.
  const documents = await listDocuments(paths);
  const result = await extractDocumentsParallel(documents);
  result.warnings = [...documents.warnings, ...result.warnings];
  if (format === "summary") io.stdout(formatSummary(result));
  else {
    const write = io.stdoutAsync ?? (async (text: string) => io.stdout(text));
    let piece: string[] = [];
    let size = 0;
    for (const text of format === "json" ? jsonPieces(result) : jsonLinesPieces(result)) {
      piece.push(text);
      size += text.length;
      if (size >= PIECE_CHARS) {
        await write(piece.join(""));
        piece = [];
        size = 0;
      }
    }
    await write(piece.join(""));
  }
  for (const w of result.warnings) io.stderr(`warning: ${w.message}\n`);
  return documents.documentsRead === 0 ? 1 : 0;
}

const LISTS = ["sources", "papers", "nodes", "edges", "warnings"] as const;

/** JSON.stringify(result) + "\n", element by element (the same bytes). */
export function* jsonPieces(result: ExtractionResult): Generator<string> {
  for (let l = 0; l < LISTS.length; l++) {
    const name = LISTS[l] as (typeof LISTS)[number];
    yield `${l === 0 ? "{" : "],"}"${name}":[`;
    const items = result[name];
    for (let i = 0; i < items.length; i++) yield (i === 0 ? "" : ",") + JSON.stringify(items[i]);
  }
  yield "]}\n";
}

/** One line per record: `{"record":"source"|"paper"|"node"|"edge"|"warning", …its fields}`. */
export function* jsonLinesPieces(result: ExtractionResult): Generator<string> {
  const kinds = { sources: "source", papers: "paper", nodes: "node", edges: "edge", warnings: "warning" };
  for (const name of LISTS) {
    const kind = JSON.stringify(kinds[name]);
    for (const item of result[name]) yield `{"record":${kind},${JSON.stringify(item).slice(1)}\n`;
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function counts(map: Map<string, number>): string {
  return [...map]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

/** A readable table per source: genre, papers, nodes by label, edges by type, warnings. */
export function formatSummary(result: ExtractionResult): string {
  const lines: string[] = [];
  const nodeLabel = new Map(result.nodes.map((n) => [`${n.label}:${n.key}`, n.label]));
  for (const source of result.sources) {
    const papers = result.papers.filter((p) => p.sourceIds.includes(source.id)).length;
    const nodes = new Map<string, Set<string>>();
    const edges = new Map<string, number>();
    for (const e of result.edges) {
      if (!e.evidence.some((ev) => ev.sourceId === source.id)) continue;
      edges.set(e.type, (edges.get(e.type) ?? 0) + 1);
      for (const end of [e.from, e.to]) {
        if ("key" in end) {
          const id = `${end.label}:${end.key}`;
          const label = nodeLabel.get(id) ?? end.label;
          const set = nodes.get(label) ?? new Set<string>();
          set.add(id);
          nodes.set(label, set);
        }
      }
    }
    const warnings = result.warnings.filter((w) => w.sourceId === source.id).length;
    lines.push(`${source.path}`);
    lines.push(`  ${pad("genre", 9)} ${source.kind}`);
    lines.push(`  ${pad("papers", 9)} ${papers}`);
    lines.push(`  ${pad("nodes", 9)} ${counts(new Map([...nodes].map(([k, v]) => [k, v.size]))) || "none"}`);
    lines.push(`  ${pad("edges", 9)} ${counts(edges) || "none"}`);
    lines.push(`  ${pad("warnings", 9)} ${warnings}`);
  }
  const byLabel = new Map<string, number>();
  for (const n of result.nodes) byLabel.set(n.label, (byLabel.get(n.label) ?? 0) + 1);
  const byType = new Map<string, number>();
  for (const e of result.edges) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  lines.push("total");
  lines.push(`  ${pad("sources", 9)} ${result.sources.length}`);
  lines.push(`  ${pad("papers", 9)} ${result.papers.length}`);
  lines.push(`  ${pad("nodes", 9)} ${counts(byLabel) || "none"}`);
  lines.push(`  ${pad("edges", 9)} ${counts(byType) || "none"}`);
  lines.push(`  ${pad("warnings", 9)} ${result.warnings.length}`);
  return `${lines.join("\n")}\n`;
}
