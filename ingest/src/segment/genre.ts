/**
 * Genre detection: which kind of page a document is (Source.kind), from its text alone
 * (the file name only breaks ties between Markdown and plain text). The genres are the
 * ones of the seed corpus plus bulk formats:
 *
 * - `jsonl`: one JSON object a line (or a JSON array) with title/abstract fields;
 * - `arxiv-listing`: abstracts each followed by notes and its own `arXiv:<id>` glued to
 *   the next abstract;
 * - `lab-page`: an organisation's name as header, then `Abstract:` blocks;
 * - `author-page`: a person's name, "Publications", then title and abstract pairs;
 * - `paper-feed`: site chrome and a date line, then title and abstract pairs;
 * - `markdown`: Markdown with headings, one paper per section or paragraph;
 * - `plain`: bare `Abstract:` blocks or one abstract per paragraph.
 */
import type { SourceKind } from "@kg/graph-schema";
import {
  abstractMarkerLength,
  arxivPrefix,
  fieldLine,
  isAbstractLike,
  isChromeLine,
  isPublicationsHeading,
  looksLikePersonName,
} from "./lines.ts";

/** Organisation words that make a page header read as a lab's name. */
const ORG_WORDS =
  /\b(?:lab|labs|laboratory|laboratories|university|universit[àé]|institute|institut|inc|ltd|llc|corp|corporation|company|group|research|center|centre|academy|college|school|department|dept|faculty|hospital|foundation|team|ai|technologies|technology|deepmind|sciences?)\b|,/i;

/** Does a header line read like the name of an organisation? */
export function looksLikeOrganisationName(text: string): boolean {
  const t = text.trim();
  return t.length > 1 && t.length <= 120 && !t.endsWith(".") && ORG_WORDS.test(t);
}

/** Is the document JSON Lines (or a JSON array of records)? Looks at the first non-empty line. */
export function looksLikeJson(text: string, name = ""): boolean {
  const lower = name.toLowerCase();
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const first = text[i];
  if (first !== "{" && first !== "[") return false;
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) return true;
  const end = text.indexOf("\n", i);
  const line = text.slice(i, end < 0 ? text.length : end).trim();
  if (first === "[") return true;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null;
  } catch {
    return false;
  }
}

/** Detects the genre of a document (see the module header). */
export function detectGenre(text: string, name = ""): SourceKind {
  if (looksLikeJson(text, name)) return "jsonl";
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    const t = raw.trim();
    if (t.length > 0) lines.push(t);
  }
  let arxivLines = 0;
  let markers = 0;
  let headings = 0;
  for (const line of lines) {
    if (arxivPrefix(line)) arxivLines++;
    if (abstractMarkerLength(line) > 0) markers++;
    if (/^#{1,6}\s/.test(line)) headings++;
  }
  if (arxivLines > 0) return "arxiv-listing";
  const first = lines[0] ?? "";
  const second = lines[1] ?? "";
  if (looksLikePersonName(first) && isPublicationsHeading(second)) return "author-page";
  if (markers > 0) {
    return abstractMarkerLength(first) === 0 &&
      fieldLine(first) === null &&
      !isAbstractLike(first) &&
      !isChromeLine(first) &&
      headerBeforeMarkers(lines)
      ? "lab-page"
      : name.toLowerCase().endsWith(".md") || headings > 0
        ? "markdown"
        : "plain";
  }
  if (headings > 0 || /\.(?:md|markdown)$/i.test(name)) return "markdown";
  // Title/abstract pairs, chrome and dates make a feed; one abstract per paragraph is plain.
  let shortBeforeLong = 0;
  let longCount = 0;
  let previousShort = false;
  let chrome = false;
  for (const line of lines) {
    if (isAbstractLike(line)) {
      longCount++;
      if (previousShort) shortBeforeLong++;
      previousShort = false;
    } else {
      if (isChromeLine(line)) chrome = true;
      previousShort = true;
    }
  }
  if (longCount > 0 && shortBeforeLong > 0) {
    if (
      !chrome &&
      fieldLine(first) === null &&
      looksLikeOrganisationName(first) &&
      !isAbstractLike(second) &&
      shortBeforeLong === longCount
    ) {
      return "lab-page";
    }
    return "paper-feed";
  }
  return "plain";
}

/**
 * A lab page has one header line before its `Abstract:` blocks; a document whose every
 * block is preceded by a title has no header unless two short lines open it.
 */
function headerBeforeMarkers(lines: string[]): boolean {
  const firstMarker = lines.findIndex((l) => abstractMarkerLength(l) > 0);
  if (firstMarker <= 0) return false;
  let titled = 0;
  let blocks = 0;
  for (let i = firstMarker + 1; i < lines.length; i++) {
    if (abstractMarkerLength(lines[i] as string) > 0) {
      blocks++;
      const prev = lines[i - 1] as string;
      if (abstractMarkerLength(prev) === 0 && !isAbstractLike(prev)) titled++;
    }
  }
  const titledDocument = blocks > 0 && titled * 2 > blocks;
  return titledDocument ? firstMarker >= 2 : true;
}
