/**
 * read: bytes → text or a clear error, and the Source that records where the text came
 * from (its SHA-256 content hash, path, byte size and detected genre).
 *
 * Nothing here interprets the text beyond deciding whether it is text at all; the genre
 * is detected by segment/genre.ts so that pasted text and files are treated alike.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { ExtractionWarning, Source } from "@kg/graph-schema";
import { detectGenre } from "../segment/genre.ts";

/** One document ready for segmentation: its Source and its decoded text. */
export interface SourceDocument {
  source: Source;
  text: string;
}

/** File name endings read when walking a folder (a file named explicitly is always tried). */
export const TEXT_EXTENSIONS: readonly string[] = [".txt", ".md", ".markdown", ".jsonl", ".ndjson", ".json"];

/** Documents larger than this are refused rather than read into memory. */
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

/** Hex SHA-256 of some bytes: the id of a Source. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Decodes bytes as UTF-8 text. Refuses binary content (NUL bytes or many control
 * characters) and bytes that are not valid UTF-8, saying which; strips a BOM and turns
 * CR LF / CR line ends into LF so that offsets and sentences do not depend on the platform.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, problem: `too large (${bytes.length} bytes; the limit is ${MAX_DOCUMENT_BYTES})` };
  }
  const probe = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < probe; i++) {
    const b = bytes[i] as number;
    if (b === 0)
      return { ok: false, problem: `binary content (NUL byte at offset ${i}); expected UTF-8 text` };
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (probe > 0 && control / probe > 0.05) {
    return { ok: false, problem: "binary content (many control characters); expected UTF-8 text" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: `not valid UTF-8 (first bad byte near offset ${firstBadUtf8Offset(bytes)})`,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: text.replace(/\r\n?/g, "\n") };
}

function firstBadUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/**
 * The checks decodeText makes on a file's bytes, made on text that arrived already
 * decoded (pasted or uploaded through the API), so the same content is refused either
 * way. JSON decoding turns invalid UTF-8 into U+FFFD and keeps lone surrogates; both
 * mean the bytes were not UTF-8 text. Returns the problem, or null when it is text.
 */
export function checkDecodedText(text: string): string | null {
  const replacement = text.indexOf("\uFFFD");
  if (replacement >= 0) {
    return `not valid UTF-8 (a replacement character U+FFFD at offset ${replacement})`;
  }
  const surrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (surrogate) return `not valid UTF-8 (a lone surrogate at offset ${surrogate.index})`;
  const probe = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < probe; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return `binary content (NUL character at offset ${i}); expected UTF-8 text`;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  if (probe > 0 && control / probe > 0.05) {
    return "binary content (many control characters); expected UTF-8 text";
  }
  return null;
}

/** Builds a SourceDocument from text already decoded (pasted or uploaded text). */
export function readDocumentFromText(name: string, text: string): SourceDocument {
  const normalised = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const bytes = Buffer.from(normalised, "utf8");
  return {
    source: {
      id: sha256Hex(bytes),
      path: name,
      kind: detectGenre(normalised, name),
      bytes: bytes.length,
      ingestedAt: null,
    },
    text: normalised,
  };
}

/** Builds a SourceDocument from the raw bytes of a file, or returns the problem. */
export function readDocumentFromBytes(path: string, bytes: Uint8Array): SourceDocument | { problem: string } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { problem: decoded.problem };
  return {
    source: {
      id: sha256Hex(bytes),
      path,
      kind: detectGenre(decoded.text, path),
      bytes: bytes.length,
      ingestedAt: null,
    },
    text: decoded.text,
  };
}

function isHidden(name: string): boolean {
  return name.startsWith(".");
}

/**
 * The files a folder keeps about itself rather than about papers (a corpus's
 * SOURCES.md says where its documents came from and under which licence): skipped
 * when a folder is walked, read when named on their own. The common names of such
 * files on GitHub and in data sets, whatever the extension.
 */
export const FOLDER_DOCUMENTATION: readonly string[] = [
  "readme",
  "sources",
  "license",
  "licence",
  "copying",
  "notice",
  "changelog",
  "changes",
  "contributing",
  "authors",
  "citation",
  "code_of_conduct",
  "security",
];

export function isFolderDocumentation(name: string): boolean {
  const stem = name.slice(0, name.length - extname(name).length).toLowerCase();
  return FOLDER_DOCUMENTATION.includes(stem);
}

/** What the walk has seen: real paths of folders and files, so each is read once. */
interface Walk {
  out: string[];
  warnings: ExtractionWarning[];
  /** Real path → the path it was first reached by. */
  seen: Map<string, string>;
}

/** The real path of path, once: false (with a warning for folders) when already seen. */
async function firstVisit(path: string, walk: Walk, kind: "folder" | "file"): Promise<boolean> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    walk.warnings.push({ sourceId: null, path, message: `read: cannot resolve ${path}: ${describe(error)}` });
    return false;
  }
  const first = walk.seen.get(real);
  if (first !== undefined) {
    // Symbolic links that lead back (`ln -s . loop`) would otherwise be walked forever.
    if (kind === "folder") {
      walk.warnings.push({
        sourceId: null,
        path,
        message: `read: skipped ${path}: the same folder as ${first}, already read (a symbolic link)`,
      });
    }
    return false;
  }
  walk.seen.set(real, path);
  return true;
}

async function walkFolder(dir: string, walk: Walk): Promise<void> {
  if (!(await firstVisit(dir, walk, "folder"))) return;
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (error) {
    walk.warnings.push({
      sourceId: null,
      path: dir,
      message: `read: cannot list folder ${dir}: ${describe(error)}`,
    });
    return;
  }
  for (const name of entries) {
    if (isHidden(name) || isFolderDocumentation(name)) continue;
    const path = join(dir, name);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      walk.warnings.push({ sourceId: null, path, message: `read: cannot stat ${path}: ${describe(error)}` });
      continue;
    }
    if (info.isDirectory()) await walkFolder(path, walk);
    // Only regular files: a FIFO or a device in a folder is never opened (it could block forever).
    else if (info.isFile() && TEXT_EXTENSIONS.includes(extname(name).toLowerCase())) {
      if (await firstVisit(path, walk, "file")) walk.out.push(path);
    }
  }
}

/**
 * The bytes of a regular file, opened without blocking and checked again after opening
 * (the path may have been replaced since it was listed): never a FIFO, socket or device,
 * never more than MAX_DOCUMENT_BYTES read into memory. Synchronous: the documents are read
 * one at a time as extraction asks for them (see DocumentFiles).
 */
function readRegularFile(path: string): Buffer | { problem: string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { problem: `not a regular file (${fileKind(info)}); only files are read` };
    if (info.size > MAX_DOCUMENT_BYTES) {
      return { problem: `too large (${info.size} bytes; the limit is ${MAX_DOCUMENT_BYTES})` };
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fileKind(info: Stats): string {
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isDirectory()) return "a folder";
  return "not a file";
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The documents of files and folders, read one at a time as they are iterated, so that a
 * large corpus's texts are never in memory together: each is let go once the reader is done
 * with it. `warnings` holds the listing's warnings, then each read's as the files are read.
 * Iterate once.
 */
export class DocumentFiles implements Iterable<SourceDocument> {
  constructor(
    /** The files to read, in order. */
    readonly files: string[],
    readonly warnings: ExtractionWarning[],
  ) {}

  /** Documents yielded so far (the files read as text, each once). */
  documentsRead = 0;

  /** The number of files (some may yet become warnings instead of documents). */
  get length(): number {
    return this.files.length;
  }

  *[Symbol.iterator](): Iterator<SourceDocument> {
    const seen = new Map<string, string>();
    const warnings = this.warnings;
    for (const path of this.files) {
      let bytes: Buffer;
      try {
        const read = readRegularFile(path);
        if (!Buffer.isBuffer(read)) {
          warnings.push({ sourceId: null, path, message: `read: skipped ${path}: ${read.problem}` });
          continue;
        }
        bytes = read;
      } catch (error) {
        warnings.push({ sourceId: null, path, message: `read: cannot read ${path}: ${describe(error)}` });
        continue;
      }
      const doc = readDocumentFromBytes(path, bytes);
      if ("problem" in doc) {
        warnings.push({ sourceId: sha256Hex(bytes), path, message: `read: skipped ${path}: ${doc.problem}` });
        continue;
      }
      const first = seen.get(doc.source.id);
      if (first !== undefined) {
        warnings.push({
          sourceId: doc.source.id,
          path,
          message: `read: skipped ${path}: same bytes as ${first}, already read`,
        });
        continue;
      }
      seen.set(doc.source.id, path);
      this.documentsRead++;
      yield doc;
    }
  }
}

/**
 * Lists files and folders (recursively, in sorted order, skipping hidden entries and a
 * folder's own documentation, FOLDER_DOCUMENTATION; in folders only the text types of
 * TEXT_EXTENSIONS) as DocumentFiles, read when iterated. Only regular files are opened, and
 * each real path once, so symbolic links that loop end and FIFOs never block. A file that cannot be read or is not
 * UTF-8 text becomes a warning naming it and the problem; the rest goes on. Two files with
 * the same bytes are one Source: the second is skipped with a warning.
 */
export async function listDocuments(paths: string[]): Promise<DocumentFiles> {
  const warnings: ExtractionWarning[] = [];
  const files: string[] = [];
  const walk: Walk = { out: files, warnings, seen: new Map() };
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      warnings.push({ sourceId: null, path, message: `read: cannot open ${path}: ${describe(error)}` });
      continue;
    }
    if (info.isDirectory()) await walkFolder(path, walk);
    else if (!info.isFile()) {
      warnings.push({
        sourceId: null,
        path,
        message: `read: skipped ${path}: not a regular file (${fileKind(info)}); only files are read`,
      });
    } else if (await firstVisit(path, walk, "file")) files.push(path);
  }
  return new DocumentFiles(files, warnings);
}

/** listDocuments, every document read at once (for the few callers that need them all in hand). */
export async function readDocuments(
  paths: string[],
): Promise<{ documents: SourceDocument[]; warnings: ExtractionWarning[] }> {
  const files = await listDocuments(paths);
  const documents = [...files];
  return { documents, warnings: files.warnings };
}
