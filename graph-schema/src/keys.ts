/**
 * Key normalisation: one spelling of a name for identity, whatever its case, spacing
 * or punctuation. Pure, so the browser and the ingest agree on it.
 */
import type { NodeLabel } from "./labels.ts";

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/**
 * A "+" is part of a name, not punctuation: HumanEval+, RefCOCO+ and SWE-Bench++ are other data
 * sets than HumanEval, RefCOCO and SWE-bench, and GRPO++ is not GRPO. It is kept as the word
 * "plus" (HumanEval+ → humaneval-plus, which the matching key then finds equal to HumanEvalPlus).
 */
const PLUS = /\+/g;

/**
 * NFKC, lower case, every run of characters other than letters and digits turned into
 * one `-`, trimmed of `-`: "Qwen2.5-7B-Instruct" → "qwen2-5-7b-instruct"; a "+" first becomes
 * the word "plus" ("RefCOCO+" → "refcoco-plus").
 */
export function normaliseKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(PLUS, "-plus-")
    .replace(NOT_LETTER_OR_DIGIT, "-")
    .replace(/^-+|-+$/g, "");
}

/** The id of a node on the wire and in URLs: `Model:qwen2-5-7b-instruct`, `Paper:arxiv:2510.15710`. */
export function nodeId(label: NodeLabel, key: string): string {
  return `${label}:${key}`;
}

/** Splits a wire id back into label and key; the key itself may contain colons. */
export function parseNodeId(id: string): { label: string; key: string } {
  const colon = id.indexOf(":");
  if (colon <= 0) throw new Error(`graph-schema: "${id}" is not a node id (expected "Label:key").`);
  return { label: id.slice(0, colon), key: id.slice(colon + 1) };
}

const ARXIV_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ARXIV_ID = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** `2510.15710v2` → `2510.15710`; null when the text is not an arXiv identifier. */
export function normaliseArxivId(raw: string): string | null {
  const text = raw.trim().replace(/^arxiv:/i, "");
  const modern = ARXIV_ID.exec(text);
  if (modern?.[1]) return modern[1];
  const old = OLD_ARXIV_ID.exec(text);
  return old?.[1] ?? null;
}

/** Paper id when the arXiv id is known; otherwise ingest hashes the title (see ingest/paper-id). */
export function arxivPaperId(arxivId: string): string {
  return `arxiv:${arxivId}`;
}

/** Title normalisation that feeds the `sha:` paper id: the same key rule as names. */
export function normaliseTitle(title: string): string {
  return normaliseKey(title);
}
