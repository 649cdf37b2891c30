/**
 * Line-level cues shared by genre detection and segmentation: which lines are abstracts,
 * titles, listing notes, arXiv ids, `Abstract:` markers, site chrome or author lists.
 * Every test here is a linear scan or an anchored regular expression without nested
 * quantifiers, so a hostile 1 MB line costs linear time.
 */
import { normaliseArxivId } from "@kg/graph-schema";

/** `Abstract:` / `Abstract.` / `**Abstract:**` at the start of a line. */
const ABSTRACT_MARKER = /^(?:\*\*|__)?abstract(?:\*\*|__)?\s{0,3}[:.—–-]\s{0,3}(?:\*\*|__)?/i;

/** Length of the `Abstract:` marker at the start of a trimmed line, or 0. */
export function abstractMarkerLength(line: string): number {
  const m = ABSTRACT_MARKER.exec(line.slice(0, 32));
  return m ? m[0].length : 0;
}

const ARXIV_PREFIX =
  /^arxiv:\s{0,2}(\d{4}\.\d{4,5}(?:v\d{1,3})?|[a-z-]{2,20}(?:\.[A-Z]{2})?\/\d{7}(?:v\d{1,3})?)/i;

/** An `arXiv:2510.15710` at the start of a trimmed line: the normalised id and its length. */
export function arxivPrefix(line: string): { id: string; length: number } | null {
  const m = ARXIV_PREFIX.exec(line.slice(0, 48));
  if (!m?.[1]) return null;
  const id = normaliseArxivId(m[1]);
  return id ? { id, length: m[0].length } : null;
}

/** Counts sentence ends (". " "? " "! " or a final period) in a line, capped at `cap`. */
export function countSentenceEnds(text: string, cap = 3): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 63 || c === 33) {
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next) || next === 32) {
        n++;
        if (n >= cap) return n;
      }
    }
  }
  return n;
}

/** Words in a line (runs separated by spaces), capped at `cap`. */
export function countWords(text: string, cap = 1000): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) {
      n++;
      if (n >= cap) return n;
    }
    inWord = !space;
  }
  return n;
}

/**
 * Does this text read like an abstract rather than a title, heading or note? Abstracts
 * are long prose: several sentences and many words. Titles rarely pass 30 words.
 */
export function isAbstractLike(text: string): boolean {
  if (text.length >= 400) return true;
  const words = countWords(text, 60);
  if (words < 25) return false;
  return countSentenceEnds(text, 2) >= 2 || words >= 40;
}

/** A Markdown table row or rule: "| a | b |", "|---|---|" (a leading bar and two more). */
export function isTableRow(text: string): boolean {
  const t = text.trim();
  if (t.charCodeAt(0) !== 124) return false;
  let bars = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 124 && ++bars >= 3) return true;
  return false;
}

/** Markdown links and bare URLs (bounded, so linear). */
const LINKS = /\[[^\]\n]{0,300}\]\([^)\s]{1,500}\)|https?:\/\/\S{1,500}/g;
/** A Markdown code span: `datasets/`, `npm run eval`. */
const CODE_SPAN = /(?:^|[^`])`[^`\s][^`\n]{0,80}`(?!`)/;

/**
 * Does a paragraph that is long enough for an abstract (isAbstractLike) also read like
 * one? Not a heading, a table row, a list of links, a run of symbols or numbers without a
 * sentence, nor a short note in Markdown markup about files or commands (a catalogue's
 * closing remark). Abstracts are sentences of words.
 */
export function readsLikeAbstract(text: string): boolean {
  const t = text.trim();
  if (/^#{1,6}\s/.test(t) || isTableRow(t)) return false;
  // Sentences: at least one end of sentence (". ", or a final "." "?" "!"; "。" in CJK text).
  const sentences = countSentenceEnds(t, 3);
  if (sentences === 0 && !/[。！？]/.test(t)) return false;
  // Words: most of the text is letters, not digits, symbols or links.
  let letters = 0;
  let visible = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c <= 32) continue;
    visible++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(t.charAt(i)))) letters++;
  }
  if (letters * 2 < visible) return false;
  let linked = 0;
  LINKS.lastIndex = 0;
  for (let m = LINKS.exec(t); m !== null; m = LINKS.exec(t)) linked += m[0].length;
  if (linked * 2 > t.length) return false;
  // A short paragraph with code spans is documentation ("`datasets/` is kept out of `corpus/`").
  if (sentences < 3 && CODE_SPAN.test(t)) return false;
  return true;
}

const DATE_LINE =
  /^(?:published on |submitted on |updated on )?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}(?:,? \d{4})?$|^\d{4}-\d{2}-\d{2}$|^\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,? ?\d{0,4}$/i;

/**
 * A labelled field of a pasted record ("Title: …", "Date: …", "Authors: …"), as copied from
 * a reference manager, a paper page or typed by hand: its field and value, or null.
 */
const FIELD_LINE = /^\**(title|date|published|submitted|authors?)\**\s*:\s*\**\s*(.+?)\s*$/i;
export type FieldLine = { field: "title" | "date" | "authors"; value: string };
export function fieldLine(text: string): FieldLine | null {
  const m = FIELD_LINE.exec(text.trim());
  if (!m) return null;
  const label = (m[1] as string).toLowerCase();
  const field = label === "title" ? "title" : label.startsWith("author") ? "authors" : "date";
  return { field, value: m[2] as string };
}

/** A date line such as "Sep 4", "Published on Sep 4, 2025" or "2025-09-04". */
export function isDateLine(text: string): boolean {
  return text.length < 40 && DATE_LINE.test(text.trim());
}

/**
 * Site chrome of paper feeds and listings: navigation, counters, calls to action.
 * Only used to keep such lines from being taken as titles; they are never lost text
 * because they carry no abstract.
 */
const CHROME =
  /^(?:new|subscribe|daily papers|trending|upvote|upvoted|comments?|share|login|log in|sign in|sign up|search|submit|submitted by\b.*|by ?ak\b.*|get trending papers.*|view (?:all|pdf|code|paper).*|pdf|html|code|paper|project page|previous|next|more|load more|menu|home|publications|papers|selected publications|preprints|\d+|[·•|\-–—*#]+|\d+ (?:upvotes?|comments?|authors?)|page \d+(?: of \d+)?)$/i;

/** Is this short line page furniture rather than a paper title? */
export function isChromeLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return true;
  if (t.length <= 2) return true;
  if (isDateLine(t)) return true;
  return t.length < 80 && CHROME.test(t);
}

const NOTE_WORDS =
  /\b(?:pages?|figures?|figs?|tables?|accepted|accept|conference|workshop|journal|proceedings|report|doi|to appear|camera[- ]ready|submitted|preprint|under review|oral|spotlight|poster|appendix|supplementary|version|comments?)\b|\b(?:19|20)\d{2}\b/i;

/** A short listing note: "26 pages, 13 figures", "technical report", "MICCAI2025 Early Accept". */
export function looksLikeNote(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 200) return false;
  if (NOTE_WORDS.test(t)) return true;
  // Venue tags glue a name and a year ("MICCAI2025", "ACL2024").
  return /[A-Z]{2,}(?:19|20)\d{2}/.test(t);
}

/** Does this line name a person (2–4 capitalised words, initials allowed)? */
export function looksLikePersonName(text: string): boolean {
  const t = text.trim();
  if (t.length < 4 || t.length > 60) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  for (const w of words) {
    if (
      !/^(?:\p{Lu}[\p{Ll}'’-]{0,30}|\p{Lu}\.|\p{Lu}[\p{Ll}]{0,20}-\p{Lu}[\p{Ll}]{0,20}|(?:van|von|de|der|da|di|del|la|le)|\p{Lu}{2,3})$/u.test(
        w,
      )
    ) {
      return false;
    }
  }
  return /\p{Ll}/u.test(t);
}

/** A line of several person names separated by commas, "and" or semicolons. */
export function looksLikeAuthorList(text: string): string[] | null {
  if (text.length > 1500) return null;
  const t = text.trim().replace(/[*†‡∗\d]+(?=,|$)/g, "");
  if (!/[,;]| and /.test(t)) return null;
  const parts = t
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length < 2) return null;
  for (const p of parts) if (!looksLikePersonName(p)) return null;
  return parts;
}

/** A heading of an author page: "Publications", "Selected Publications", "Papers". */
export function isPublicationsHeading(text: string): boolean {
  return /^(?:selected |recent |all )?(?:publications|papers|preprints|articles)(?: and preprints)?:?$/i.test(
    text.trim(),
  );
}

/** Strips Markdown decoration from a title line: "## **Title**" → "Title". */
export function stripMarkdown(text: string): string {
  let t = text.trim();
  t = t.replace(/^#{1,6}\s+/, "");
  t = t.replace(/^[-*+]\s+/, "");
  t = t.replace(/^\d{1,3}[.)]\s+/, "");
  if ((t.startsWith("**") && t.endsWith("**")) || (t.startsWith("__") && t.endsWith("__")))
    t = t.slice(2, -2);
  if (t.startsWith("[") && t.includes("](")) t = t.slice(1, t.indexOf("]("));
  return t.trim();
}
