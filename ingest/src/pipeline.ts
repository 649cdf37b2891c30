/**
 * The extraction pipeline: read → segment → extract → resolve, as three calls.
 *
 * - `readDocuments(paths)`: files and folders (recursively, sorted, hidden entries
 *   skipped) → documents, plus a warning for every file that could not be read as text.
 * - `readDocumentFromText(name, text)`: pasted or uploaded text → a document.
 * - `extractDocuments(documents)`: documents → the contract's ExtractionResult
 *   (validated with graph-schema's ExtractionResultSchema). Pure: no I/O, no clock.
 */
import {
  checkExtractedEdge,
  type ExtractionResult,
  type ExtractionWarning,
  parseExtractionInPlace,
  type Source,
} from "@kg/graph-schema";
import type { AbstractStore } from "./abstract-store.ts";
import { extractPaper, type PaperExtraction, type PaperInput } from "./extract/extract.ts";
import { garbageLimit } from "./parallel/collect-garbage.ts";
import type { DocumentFiles, SourceDocument } from "./read/read.ts";
import {
  type EdgeSink,
  type Extractions,
  extractionsInMemory,
  PaperGrouper,
  type PaperOccurrence,
  type PaperUrls,
  resolve,
  resolveStreamed,
} from "./resolve/resolve.ts";
import { type RawPaper, type SegmentedDocument, segmentDocument } from "./segment/segment.ts";

export {
  DocumentFiles,
  listDocuments,
  readDocumentFromText,
  readDocuments,
  type SourceDocument,
} from "./read/read.ts";

/** Documents in hand, or files read one at a time as they are segmented. */
export type Documents = SourceDocument[] | DocumentFiles;

/**
 * Abstracts are a few thousand characters; a "paper" far longer than this is a page that
 * failed to segment or hostile input. It is kept whole, but only its first part is read
 * for entities, which bounds the time any one document can take.
 */
export const MAX_EXTRACT_CHARS = 20_000;

/**
 * A paper's text is stored whole on its node; one longer than this is a document that
 * did not segment (a 200 MB single line once failed a whole load on Neo4j's transaction
 * memory limit). Such a document is refused alone, with a warning; the others load.
 */
export const MAX_PAPER_CHARS = 1_000_000;

export interface ExtractOptions {
  /** Validate the result with ExtractionResultSchema (default true; the bench turns it off). */
  validate?: boolean;
  /** Called as documents are segmented and papers extracted (for progress bars). */
  onProgress?: (progress: ExtractProgress) => void;
  /**
   * Where the occurrences' abstracts are kept from segmentation on, instead of memory (a
   * large corpus's). With a streamed resolution the merged papers are left without theirs
   * (empty; `abstracts.ofPaper` gives it); otherwise they are read back into the papers.
   */
  abstracts?: AbstractStore;
}

export interface ExtractProgress {
  documents: number;
  documentsTotal: number;
  papers: number;
  /** Papers segmented so far (all of them once every document is segmented). */
  papersTotal: number;
}

/** Garbage let pile up between two collections while documents are segmented (see prepareDocuments). */
const GARBAGE_BYTES = 256 * 1024 * 1024;

/** Progress is reported every this many documents or papers. */
const PROGRESS_EVERY = 500;

/** The page header line a lab or author page was read from (evidence of PUBLISHED/AUTHORED). */
function pageEvidence(seg: Pick<SegmentedDocument, "pageOrganization" | "pageAuthor">): string | null {
  return seg.pageOrganization ?? seg.pageAuthor;
}

/** One paper occurrence: what resolve keeps of it, and what extractPaper reads. */
export interface PreparedPaper {
  source: Source;
  raw: RawPaper;
  group: number;
  input: PaperInput;
}

/** Documents segmented and their papers grouped, ready for extractPaper (any thread) and resolve. */
export interface PreparedDocuments {
  sources: Source[];
  warnings: ExtractionWarning[];
  /** The occurrences; with `abstracts`, their `raw.abstract` and `input.abstract` are empty. */
  papers: PreparedPaper[];
  /** Where the occurrences' abstracts are (by their number in `papers`), or null: in `papers`. */
  abstracts: AbstractStore | null;
}

/** One empty list for every record that has none (read only, as records are). */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/**
 * A record kept for resolution without its abstract (which is in the store), its empty
 * lists the one shared empty list: three of a generated paper's four lists are empty, each
 * an array of its own in memory until the paper is merged.
 */
function leanRaw(raw: RawPaper): RawPaper {
  const none = (list: string[]) => (list.length === 0 ? NONE : list);
  return {
    ...raw,
    abstract: "",
    notes: none(raw.notes),
    authors: none(raw.authors),
    organizations: none(raw.organizations),
    urls: none(raw.urls),
  };
}

/** What extractPaper reads of occurrence `k`. */
export function paperInput(prepared: PreparedDocuments, k: number): PaperInput {
  const input = (prepared.papers[k] as PreparedPaper).input;
  if (prepared.abstracts === null) return input;
  return { ...input, abstract: prepared.abstracts.get(k).slice(0, MAX_EXTRACT_CHARS) };
}

export function* eachDocument(documents: Documents, consume: boolean): Generator<SourceDocument> {
  if (!Array.isArray(documents)) {
    yield* documents;
    return;
  }
  for (let d = 0; d < documents.length; d++) {
    const doc = documents[d] as SourceDocument;
    if (consume) (documents as Array<SourceDocument | null>)[d] = null;
    yield doc;
  }
}

/** Segments, extracts and resolves documents into one ExtractionResult. Deterministic. */
export function extractDocuments(documents: Documents, options: ExtractOptions = {}): ExtractionResult {
  const documentsTotal = documents.length;
  const prepared = prepareDocuments(documents, options);
  const report = options.onProgress;
  const extractions: PaperExtraction[] = [];
  const total = prepared.papers.length;
  for (let k = 0; k < total; k++) {
    if (report && k % PROGRESS_EVERY === 0) {
      report({
        documents: documentsTotal,
        documentsTotal,
        papers: k,
        papersTotal: total,
      });
    }
    extractions.push(extractPaper(paperInput(prepared, k)));
  }
  return finishExtraction(prepared, extractions, options);
}

/**
 * Segments every document and groups the occurrences of one paper (the corpus-level first
 * step). Documents are read (DocumentFiles) and segmented one at a time; with
 * `options.abstracts` the abstracts go to its file as they are segmented.
 */
export function prepareDocuments(
  documents: Documents,
  options: ExtractOptions = {},
  /**
   * Let go of each document's text once it is segmented (the `documents` array is emptied):
   * the texts of a large corpus and its segmented papers were in memory at once.
   */
  consume = false,
  /**
   * Called whenever the documents read and let go since the last call left GARBAGE_BYTES
   * of heap behind (a large extraction collects garbage there).
   */
  onReleased?: () => void,
): PreparedDocuments {
  const preparation = new DocumentPreparation(options, documents.length, onReleased);
  for (const doc of eachDocument(documents, consume)) preparation.add(doc);
  return preparation.finish();
}

/** An occurrence as segmentation left it, until the papers are made. */
interface SegmentedItem {
  source: Source;
  page: Pick<SegmentedDocument, "pageOrganization" | "pageAuthor">;
  raw: RawPaper;
  /** The abstract's length (its text may be in the store). */
  length: number;
}

/**
 * prepareDocuments a document at a time (`add`), so that a caller can extract papers while
 * later documents are still being segmented: the input of an occurrence whose record has
 * a title does not depend on the rest of the corpus (`earlyInput`); one without waits for
 * the title of its paper, known once every document is in (`finish`).
 */
export class DocumentPreparation {
  private readonly warnings: ExtractionWarning[] = [];
  private readonly store: AbstractStore | null;
  private items: Array<SegmentedItem | null> = [];
  private readonly seen = new Set<string>();
  private readonly sources: Source[] = [];
  private grouper: PaperGrouper | null = new PaperGrouper();
  private documentsDone = 0;
  /** Collects garbage (onReleased) each time the heap has grown GARBAGE_BYTES. */
  private readonly checkGarbage: () => void;

  constructor(
    private readonly options: ExtractOptions,
    private readonly documentsTotal: number,
    /** As prepareDocuments's. */
    onReleased?: () => void,
  ) {
    this.store = options.abstracts ?? null;
    this.checkGarbage = onReleased ? garbageLimit(GARBAGE_BYTES, onReleased) : () => {};
  }

  /** Occurrences segmented so far. */
  get count(): number {
    return this.items.length;
  }

  /** Segments the next document and groups its occurrences with the earlier ones. */
  add(doc: SourceDocument): void {
    const store = this.store;
    const items = this.items;
    const warnings = this.warnings;
    this.documentsDone++;
    // Left to itself V8 let the texts read and let go pile up to its heap limit (RSS 3.6 GB
    // six minutes into segmenting a million papers, for well under 1 GB live).
    this.checkGarbage();
    const report = this.options.onProgress;
    if (report && this.documentsDone % PROGRESS_EVERY === 0) {
      report({
        documents: this.documentsDone,
        documentsTotal: this.documentsTotal,
        papers: 0,
        papersTotal: items.length,
      });
    }
    if (this.seen.has(doc.source.id)) return;
    this.seen.add(doc.source.id);
    const seg = segmentDocument(doc);
    const oversized = seg.papers.find((raw) => raw.abstract.length > MAX_PAPER_CHARS);
    if (oversized) {
      warnings.push({
        sourceId: doc.source.id,
        path: doc.source.path,
        message: `${doc.source.path}: skipped: line ${oversized.line} starts a paper of ${oversized.abstract.length} characters; the limit is ${MAX_PAPER_CHARS} (split the document into papers)`,
      });
      return;
    }
    this.sources.push(doc.source);
    for (const problem of seg.problems) {
      warnings.push({
        sourceId: doc.source.id,
        path: doc.source.path,
        message: `${doc.source.path}: ${problem}`,
      });
    }
    if (seg.papers.length === 0 && seg.problems.length === 0) {
      warnings.push({
        sourceId: doc.source.id,
        path: doc.source.path,
        message: `${doc.source.path}: no abstracts found`,
      });
    }
    const page = { pageOrganization: seg.pageOrganization, pageAuthor: seg.pageAuthor };
    const grouper = this.grouper as PaperGrouper;
    for (const raw of seg.papers) {
      grouper.add(raw, this.abstractOf);
      const length = raw.abstract.length;
      if (store) {
        store.append(raw.abstract);
        items.push({ source: doc.source, page, raw: leanRaw(raw), length });
      } else items.push({ source: doc.source, page, raw, length });
    }
  }

  private readonly abstractOf = (i: number): string =>
    this.store ? this.store.get(i) : (this.items[i] as SegmentedItem).raw.abstract;

  /** Whether occurrence `k`'s record has a title (its input is then known: see earlyInput). */
  hasOwnTitle(k: number): boolean {
    return (this.items[k] as SegmentedItem).raw.title !== null;
  }

  /**
   * What extractPaper reads of occurrence `k` (segmented, not yet finished), or null when
   * its record has no title: the title of its paper, seen anywhere in the corpus, is
   * known once every document is in. The same input `paperInput` gives after `finish`.
   */
  earlyInput(k: number): PaperInput | null {
    const item = this.items[k] as SegmentedItem;
    if (item.raw.title === null) return null;
    const abstract = this.store ? this.store.get(k) : item.raw.abstract;
    return inputOf(item, item.raw.title, abstract.slice(0, MAX_EXTRACT_CHARS));
  }

  /** The occurrences grouped into papers, each with its input; `add` and `earlyInput` are done with. */
  finish(): PreparedDocuments {
    const items = this.items;
    const warnings = this.warnings;
    const groups = (this.grouper as PaperGrouper).groups();
    // Its keys (an abstract's first 300 characters a paper) are not needed to make the papers.
    this.grouper = null;
    // The title of a paper seen with a title anywhere helps read it where it has none.
    const titleOfGroup = new Map<number, string>();
    for (let k = 0; k < items.length; k++) {
      const item = items[k] as SegmentedItem;
      const g = groups[k] as number;
      if (item.raw.title && !titleOfGroup.has(g)) titleOfGroup.set(g, item.raw.title);
    }
    const papers: PreparedPaper[] = [];
    for (let k = 0; k < items.length; k++) {
      const item = items[k] as SegmentedItem;
      // Each item let go as its paper is made: the two lists were in memory at once.
      items[k] = null;
      const g = groups[k] as number;
      let abstract = item.raw.abstract;
      if (item.length > MAX_EXTRACT_CHARS) {
        warnings.push({
          sourceId: item.source.id,
          path: item.source.path,
          message: `${item.source.path}: line ${item.raw.line}: a paper of ${item.length} characters; only the first ${MAX_EXTRACT_CHARS} were read for entities`,
        });
        abstract = abstract.slice(0, MAX_EXTRACT_CHARS);
      }
      const input = inputOf(item, item.raw.title ?? titleOfGroup.get(g) ?? null, abstract);
      papers.push({ source: item.source, raw: item.raw, group: g, input });
    }
    this.items = [];
    return { sources: this.sources, warnings, papers, abstracts: this.store };
  }
}

/** What extractPaper reads of an occurrence: the page's organisation or person first, then the record's own (read, never changed). */
function inputOf(item: SegmentedItem, title: string | null, abstract: string): PaperInput {
  const { pageOrganization, pageAuthor } = item.page;
  return {
    title,
    abstract,
    organizations: pageOrganization ? [pageOrganization, ...item.raw.organizations] : item.raw.organizations,
    authors: pageAuthor ? [pageAuthor, ...item.raw.authors] : item.raw.authors,
    pageEvidence: pageEvidence(item.page),
    urls: item.raw.urls,
  };
}

/** Edges sent to `sink` as resolution merges them (partition files in `spillDir`), not returned. */
export interface EdgeStream {
  spillDir: string;
  sink: EdgeSink;
  /** Paper occurrences per partition (default: resolveStreamed's). */
  papersPerPartition?: number;
}

/**
 * Resolves the papers' extractions (in the order of `prepared.papers`) into the result
 * (with `stream`: every edge sent to its sink, validated, and the result's `edges` empty).
 * `prepared.papers` is used up (emptied), and so are extractions held in memory:
 * resolution lets each go once it is merged.
 */
export function finishExtraction(
  prepared: PreparedDocuments,
  extractions: PaperExtraction[] | { urls: PaperUrls[]; store: Extractions },
  options: ExtractOptions = {},
  /** Called where resolution has let go of the extractions (a large extraction collects garbage there). */
  onReleased: () => void = () => {},
  stream: EdgeStream | null = null,
): ExtractionResult {
  const { urls, store } = Array.isArray(extractions)
    ? {
        // Apart from the extraction, so that the edge pass can let go of it.
        urls: extractions.map((e) => ({ codeUrls: e.codeUrls, modelUrls: e.modelUrls, urls: e.urls })),
        store: extractionsInMemory(extractions),
      }
    : extractions;
  const occurrences = paperOccurrences(prepared, urls);
  let result: ExtractionResult;
  const abstracts = prepared.abstracts;
  if (stream === null)
    result = resolve(prepared.sources, occurrences, store, prepared.warnings, onReleased, abstracts);
  else {
    const validate = options.validate !== false;
    let i = 0;
    const sink: EdgeSink = (edge) => {
      if (validate) checkExtractedEdge(edge, i);
      i++;
      stream.sink(edge);
    };
    result = resolveStreamed(
      prepared.sources,
      occurrences,
      store,
      prepared.warnings,
      stream.spillDir,
      sink,
      onReleased,
      stream.papersPerPartition,
      abstracts,
    );
  }
  return checkedResult(result, options, onReleased);
}

/**
 * The occurrences resolution reads, from the prepared papers (used up: emptied) and the
 * URLs their extractions found (in the same order).
 */
export function paperOccurrences(prepared: PreparedDocuments, urls: PaperUrls[]): PaperOccurrence[] {
  const occurrences: PaperOccurrence[] = [];
  for (let k = 0; k < prepared.papers.length; k++) {
    const p = prepared.papers[k] as PreparedPaper;
    occurrences.push({ source: p.source, raw: p.raw, group: p.group, urls: urls[k] as PaperUrls });
  }
  // The occurrences alone hold what resolution reads now (and no paper's input is read again).
  prepared.papers.length = 0;
  return occurrences;
}

/** The result validated with ExtractionResultSchema (in place), unless `options.validate` is false. */
export function checkedResult(
  result: ExtractionResult,
  options: ExtractOptions,
  onReleased: () => void = () => {},
): ExtractionResult {
  if (options.validate === false) return result;
  onReleased();
  parseExtractionInPlace(result);
  onReleased();
  return result;
}
