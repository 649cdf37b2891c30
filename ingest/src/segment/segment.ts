/**
 * segment: cuts a document into papers, with their titles, arXiv ids, listing notes and
 * the page-level context (the lab or person the page belongs to). One function per genre;
 * each keeps every abstract whole (never split, never glued to the next one).
 */
import { normaliseArxivId, type SourceKind } from "@kg/graph-schema";
import { z } from "zod";
import type { SourceDocument } from "../read/read.ts";
import {
  abstractMarkerLength,
  arxivPrefix,
  fieldLine,
  isAbstractLike,
  isChromeLine,
  isDateLine,
  isPublicationsHeading,
  looksLikeAuthorList,
  looksLikeNote,
  readsLikeAbstract,
  stripMarkdown,
} from "./lines.ts";

/** One paper as cut from a document, before any extraction. */
export interface RawPaper {
  title: string | null;
  abstract: string;
  arxivId: string | null;
  notes: string[];
  authors: string[];
  organizations: string[];
  urls: string[];
  date: string | null;
  /** 1-based line of the document where the abstract starts. */
  line: number;
}

/** A document cut into papers with its page context and the problems met. */
export interface SegmentedDocument {
  kind: SourceKind;
  /** The organisation the page belongs to (lab-page header). */
  pageOrganization: string | null;
  /** The person the page belongs to (author-page header). */
  pageAuthor: string | null;
  papers: RawPaper[];
  /** Problems, each naming the line: "line 7: not valid JSON (...)". */
  problems: string[];
}

interface Line {
  text: string;
  /** 1-based line number. */
  n: number;
}

function nonEmptyLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split("\n");
  for (let i = 0; i < raw.length; i++) {
    const t = (raw[i] as string).trim();
    if (t.length > 0) out.push({ text: t, n: i + 1 });
  }
  return out;
}

function newPaper(abstract: string, line: number, title: string | null = null): RawPaper {
  return {
    title,
    abstract: abstract.trim(),
    arxivId: null,
    notes: [],
    authors: [],
    organizations: [],
    urls: [],
    date: null,
    line,
  };
}

/** Cuts a document into papers according to its genre (Source.kind). */
export function segmentDocument(doc: SourceDocument): SegmentedDocument {
  const kind = doc.source.kind;
  switch (kind) {
    case "jsonl":
      return segmentJson(doc.text);
    case "arxiv-listing":
      return segmentArxivListing(doc.text);
    default:
      return segmentProse(doc.text, kind);
  }
}

// ---------------------------------------------------------------------------------------
// arXiv-style listings

/**
 * An arXiv-style listing: each abstract is followed by optional notes, then by its own
 * `arXiv:<id>` glued onto the first word of the next abstract. The first abstract has no
 * id before it; the last id has no abstract after it; an id may carry a DOI. When the
 * document instead opens with an id, ids are read as preceding their abstracts.
 */
export function segmentArxivListing(text: string): SegmentedDocument {
  const lines = nonEmptyLines(text);
  const papers: RawPaper[] = [];
  const idBefore = lines.length > 0 && arxivPrefix((lines[0] as Line).text) !== null;
  /** The paper still waiting for its id (id-after mode) or for its abstract (id-before mode). */
  let pending: RawPaper | null = null;
  let closed: RawPaper | null = null;
  let pendingTitle: string | null = null;
  let nextId: { id: string; notes: string[] } | null = null;

  const startAbstract = (body: string, n: number): void => {
    const paper = newPaper(body, n, pendingTitle);
    pendingTitle = null;
    if (idBefore && nextId) {
      paper.arxivId = nextId.id;
      paper.notes.push(...nextId.notes);
      nextId = null;
    }
    papers.push(paper);
    pending = idBefore ? null : paper;
    closed = idBefore ? paper : null;
  };

  for (const line of lines) {
    const id = arxivPrefix(line.text);
    if (id) {
      let rest = line.text.slice(id.length);
      const notes: string[] = [];
      const doi = /^\s{0,3}[-–—,;|]?\s{0,3}(?:\[[^\]]{0,40}\]\s{0,3})?(doi:\s{0,2}\S+)/i.exec(
        rest.slice(0, 300),
      );
      if (doi?.[1]) {
        notes.push(doi[1].replace(/\s+/, " "));
        rest = rest.slice(doi[0].length);
      } else {
        const category = /^\s{0,3}\[[^\]]{0,40}\]/.exec(rest.slice(0, 60));
        if (category) rest = rest.slice(category[0].length);
      }
      rest = rest.trim();
      if (idBefore) {
        if (rest.length > 0 && isAbstractLike(rest)) {
          nextId = { id: id.id, notes };
          startAbstract(rest, line.n);
        } else {
          nextId = { id: id.id, notes };
          if (rest.length > 0) nextId.notes.push(rest);
        }
        continue;
      }
      const owner: RawPaper | null = pending;
      if (owner !== null) {
        (owner as RawPaper).arxivId = id.id;
        (owner as RawPaper).notes.push(...notes);
        closed = owner;
        pending = null;
      } else {
        // An id with nothing waiting for it: keep it as a paper-less note on the last one.
        const last: RawPaper | null = closed;
        if (last !== null) (last as RawPaper).notes.push(`arXiv:${id.id}`, ...notes);
      }
      if (rest.length > 0) {
        if (isAbstractLike(rest)) startAbstract(rest, line.n);
        else if (closed !== null) (closed as RawPaper).notes.push(rest);
      }
      continue;
    }
    if (isAbstractLike(line.text)) {
      startAbstract(line.text, line.n);
      continue;
    }
    // A short line: a note of the paper waiting for its id, else a note or the next title.
    const target: RawPaper | null = idBefore ? closed : (pending ?? null);
    if (target !== null && !idBefore) {
      (target as RawPaper).notes.push(line.text);
    } else if (idBefore && nextId === null && target !== null && looksLikeNote(line.text)) {
      (target as RawPaper).notes.push(line.text);
    } else if (!idBefore && closed !== null && looksLikeNote(line.text)) {
      (closed as RawPaper).notes.push(line.text);
    } else if (!isChromeLine(line.text)) {
      pendingTitle = stripMarkdown(line.text);
    }
  }
  return { kind: "arxiv-listing", pageOrganization: null, pageAuthor: null, papers, problems: [] };
}

// ---------------------------------------------------------------------------------------
// Prose genres: lab pages, author pages, feeds, Markdown and plain text

interface Unit {
  text: string;
  line: number;
  marker: boolean;
  heading: boolean;
}

/**
 * Cuts text into units: a line is a unit, except that the lines of a hard-wrapped
 * paragraph (all lines short, several of them, no markers) are joined into one unit.
 * Lines that open with `Abstract:` start their own unit and absorb the wrapped lines
 * that follow them up to the next blank line.
 */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  const raw = text.split("\n");
  let paragraph: Line[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const wrapped =
      paragraph.length >= 3 &&
      paragraph.every((l) => l.text.length <= 120) &&
      paragraph.slice(0, -1).every((l) => l.text.length >= 30) &&
      paragraph.every((l) => abstractMarkerLength(l.text) === 0 && !/^#{1,6}\s/.test(l.text));
    if (wrapped) {
      out.push({
        text: paragraph.map((l) => l.text).join(" "),
        line: (paragraph[0] as Line).n,
        marker: false,
        heading: false,
      });
    } else {
      let current: Unit | null = null;
      for (const l of paragraph) {
        const marker = abstractMarkerLength(l.text);
        const heading = /^#{1,6}\s/.test(l.text);
        if (marker > 0) {
          current = { text: l.text.slice(marker).trim(), line: l.n, marker: true, heading: false };
          out.push(current);
        } else if (current !== null && !heading && !looksLikeTitleBeforeMarker(paragraph, l)) {
          // Wrapped continuation of an `Abstract:` block.
          current.text = `${current.text} ${l.text}`;
        } else {
          current = null;
          out.push({ text: l.text, line: l.n, marker: false, heading });
        }
      }
    }
    paragraph = [];
  };
  for (let i = 0; i < raw.length; i++) {
    const t = (raw[i] as string).trim();
    if (t.length === 0) flush();
    else paragraph.push({ text: t, n: i + 1 });
  }
  flush();
  return out;
}

/** Inside an `Abstract:` paragraph, a short line right before the next marker is a title. */
function looksLikeTitleBeforeMarker(paragraph: Line[], line: Line): boolean {
  const i = paragraph.indexOf(line);
  const next = paragraph[i + 1];
  return next !== undefined && abstractMarkerLength(next.text) > 0 && !isAbstractLike(line.text);
}

/**
 * Lab pages, author pages, feeds, Markdown and plain text. Every abstract (an
 * `Abstract:` block, or any unit that reads like an abstract) becomes a paper; the
 * nearest short line before it, past dates and author lists, is its title; the page
 * header names the lab or person for lab and author pages.
 */
export function segmentProse(text: string, kind: SourceKind): SegmentedDocument {
  const all = units(text);
  let pageOrganization: string | null = null;
  let pageAuthor: string | null = null;
  let start = 0;
  if (kind === "author-page" && all.length >= 2) {
    pageAuthor = stripMarkdown((all[0] as Unit).text);
    start = 1;
    while (start < all.length && isPublicationsHeading((all[start] as Unit).text)) start++;
  } else if (kind === "lab-page" && all.length >= 1 && !(all[0] as Unit).marker) {
    pageOrganization = stripMarkdown((all[0] as Unit).text);
    start = 1;
  }
  const useMarkers = all.some((u) => u.marker);
  const papers: RawPaper[] = [];
  let lastAbstract = start - 1;
  for (let i = start; i < all.length; i++) {
    const u = all[i] as Unit;
    // An `Abstract:` block is one; any other paragraph must be long enough and read like one.
    const isAbstract = useMarkers
      ? u.marker || (isAbstractLike(u.text) && readsLikeAbstract(u.text) && !continuesPrevious(all, i))
      : isAbstractLike(u.text) && readsLikeAbstract(u.text);
    if (!isAbstract) {
      if (useMarkers && i > 0 && continuesPrevious(all, i) && papers.length > 0) {
        const last = papers[papers.length - 1] as RawPaper;
        last.abstract = `${last.abstract}\n\n${u.text}`;
        lastAbstract = i;
      }
      continue;
    }
    if (u.text.length === 0) continue;
    const paper = newPaper(u.text, u.line);
    // Walk back over dates, author lists and chrome to the title.
    for (let j = i - 1; j > lastAbstract && j >= start; j--) {
      const prev = all[j] as Unit;
      const t = stripMarkdown(prev.text);
      const field = fieldLine(t);
      if (field) {
        // A labelled record says what each line is; nothing above its title is this paper's.
        if (field.field === "date") paper.date ??= field.value;
        else if (field.field === "authors") paper.authors = looksLikeAuthorList(field.value) ?? paper.authors;
        else {
          paper.title ??= field.value;
          break;
        }
        continue;
      }
      if (isDateLine(t)) {
        paper.date ??= t;
        continue;
      }
      const authors = looksLikeAuthorList(t);
      if (authors && paper.authors.length === 0 && j > lastAbstract + 1) {
        paper.authors = authors;
        continue;
      }
      if (isChromeLine(t)) {
        if (paper.title === null && j < i - 1) continue;
        break;
      }
      if (paper.title === null) paper.title = t;
      break;
    }
    papers.push(paper);
    lastAbstract = i;
  }
  return { kind, pageOrganization, pageAuthor, papers, problems: [] };
}

/** In a marker document, a paragraph starting lower case continues the previous abstract. */
function continuesPrevious(all: Unit[], i: number): boolean {
  const u = all[i] as Unit;
  if (u.marker || u.heading) return false;
  const c = u.text.charAt(0);
  return c !== "" && c === c.toLowerCase() && c !== c.toUpperCase() && i > 0 && (all[i - 1] as Unit).marker;
}

// ---------------------------------------------------------------------------------------
// JSON Lines and JSON arrays

const nullableString = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : String(v).trim() || null));

/** One bulk-import record: `{title, abstract, authors?, arxivId?, organization?, url?}`. */
export const PaperRecordSchema = z.object({
  title: nullableString,
  abstract: z.string().trim().min(1, "abstract is empty"),
  authors: z
    .union([z.array(z.union([z.string(), z.object({ name: z.string() })])), z.string(), z.null()])
    .optional()
    .transform((v) => {
      if (v === undefined || v === null) return [];
      if (typeof v === "string") return v.split(/\s*(?:,|;|\band\b)\s*/).filter((s) => s.length > 0);
      return v.map((a) => (typeof a === "string" ? a : a.name).trim()).filter((s) => s.length > 0);
    }),
  arxivId: nullableString,
  organization: z
    .union([z.string(), z.array(z.string()), z.null()])
    .optional()
    .transform((v) =>
      v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean),
    ),
  url: nullableString,
  date: nullableString,
});

type PaperRecord = z.infer<typeof PaperRecordSchema>;

/** `PaperRecordSchema`'s nullable fields: a string or number, trimmed, or null. */
function nullableField(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number") return String(v).trim() || null;
  return undefined;
}

/**
 * The common record (strings, numbers, nulls and lists of strings) read without the schema,
 * exactly as `PaperRecordSchema` reads it; anything else (and every invalid record, for
 * its message) goes through the schema. Bulk imports are tens of thousands of records.
 */
function readSimpleRecord(value: unknown): PaperRecord | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.abstract !== "string") return null;
  const abstract = v.abstract.trim();
  if (abstract.length === 0) return null;
  const title = nullableField(v.title);
  const arxivId = nullableField(v.arxivId);
  const url = nullableField(v.url);
  const date = nullableField(v.date);
  if (title === undefined || arxivId === undefined || url === undefined || date === undefined) return null;
  let authors: string[];
  const a = v.authors;
  if (a === undefined || a === null) authors = [];
  else if (typeof a === "string") authors = a.split(/\s*(?:,|;|\band\b)\s*/).filter((x) => x.length > 0);
  else if (Array.isArray(a)) {
    authors = [];
    for (const x of a) {
      if (typeof x !== "string") return null;
      const t = x.trim();
      if (t.length > 0) authors.push(t);
    }
  } else return null;
  let organization: string[];
  const o = v.organization;
  if (o === undefined || o === null) organization = [];
  else if (typeof o === "string") organization = o.trim() ? [o.trim()] : [];
  else if (Array.isArray(o)) {
    organization = [];
    for (const x of o) {
      if (typeof x !== "string") return null;
      const t = x.trim();
      if (t) organization.push(t);
    }
  } else return null;
  return { title, abstract, authors, arxivId, organization, url, date };
}

/** Runs of white space become one space; text that has none to fold is returned as it is. */
function foldSpaces(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, " ") : text;
}

function recordToPaper(value: unknown, line: number): RawPaper | string {
  let r = readSimpleRecord(value);
  if (r === null) {
    const parsed = PaperRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `"${issue.path.join(".")}"` : "the record";
      return `${where}: ${issue?.message ?? "does not match {title, abstract, ...}"}`;
    }
    r = parsed.data;
  }
  const paper = newPaper(foldSpaces(r.abstract), line, r.title ? foldSpaces(r.title) : null);
  if (r.arxivId) {
    const id = normaliseArxivId(r.arxivId);
    if (id) paper.arxivId = id;
    else paper.notes.push(`arXiv id not understood: ${r.arxivId}`);
  }
  paper.authors = r.authors;
  paper.organizations = r.organization;
  if (r.url) paper.urls.push(r.url);
  paper.date = r.date;
  return paper;
}

/** JSON Lines (one record a line) or a JSON array of records; bad lines become problems. */
export function segmentJson(text: string): SegmentedDocument {
  const papers: RawPaper[] = [];
  const problems: string[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      return { kind: "jsonl", pageOrganization: null, pageAuthor: null, papers, problems };
    }
    if (!Array.isArray(value)) {
      problems.push("expected a JSON array of {title, abstract} records");
    } else {
      value.forEach((item, k) => {
        const paper = recordToPaper(item, k + 1);
        if (typeof paper === "string") problems.push(`record ${k + 1}: ${paper}`);
        else papers.push(paper);
      });
    }
    return { kind: "jsonl", pageOrganization: null, pageAuthor: null, papers, problems };
  }
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(
        `line ${i + 1}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
      continue;
    }
    const paper = recordToPaper(value, i + 1);
    if (typeof paper === "string") problems.push(`line ${i + 1}: ${paper}`);
    else papers.push(paper);
  }
  return { kind: "jsonl", pageOrganization: null, pageAuthor: null, papers, problems };
}
