/**
 * Search over names, aliases, titles and abstracts. The full-text index does the
 * matching; the Lucene query is built here from the user's words, each one escaped, so
 * no input can change the query's structure. Hits are then ranked in tiers: an exact
 * key or name first, then name and alias prefixes, titles, abstracts, and fuzzy
 * (typo-tolerant) matches last.
 */
import {
  ENTITY_LABELS,
  FULLTEXT_INDEX,
  type NodeLabel,
  NodeLabelSchema,
  normaliseArxivId,
  normaliseKey,
  type SearchHit,
} from "@kg/graph-schema";
import { z } from "zod";
import { defineQuery } from "../define.ts";
import type { Database } from "../run/database.ts";
import { NodeRowSchema, nodeProjection, toWireNode } from "./wire.ts";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every character Lucene's query parser gives a meaning to. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * The user's words as the index's standard analyzer would cut them: letters and digits,
 * keeping dots and apostrophes inside a word ("qwen2.5", "alzheimer's"), lower case.
 */
export function searchTokens(text: string): string[] {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}.'_]+/u)
    .map((w) => w.replace(/^[.'_]+|[.'_]+$/g, ""))
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, 8);
}

/**
 * A Lucene query for the words: per word an exact term (boosted on aliases), a prefix on
 * aliases and titles, and an edit-distance-1 fuzzy term on aliases for words of four
 * letters or more. `abstracts: false` / `fuzzy: false` leave those out. `strict` requires
 * every word; otherwise any word will do. Abstracts only match exact words, so a prefix
 * never drags in every abstract that starts alike.
 *
 * The `name` field is not asked: an entity's aliases always hold its name (resolve.ts
 * makes the name one of the surface forms; the writers keep it in `aliasText`) and a
 * paper's name is its title, so every name clause matched what an alias or title clause
 * already matched, and a fuzzy name term ran over every paper title. Leaving them out cut
 * Neo4j's CPU per search on the 100k-paper graph by about a quarter (bench search mix,
 * medians of five runs: 3.36 → 2.59 ms). An untitled paper's name (its abstract's
 * first words) is still found through the abstract's exact words.
 */
export function buildLuceneQuery(
  tokens: readonly string[],
  strict: boolean,
  fields: { abstracts?: boolean; fuzzy?: boolean } = {},
): string {
  const { abstracts = true, fuzzy = true } = fields;
  const clauses = tokens.map((token) => {
    const t = escapeLucene(token);
    const parts = [`aliasText:${t}^3`, `title:${t}^2`];
    if (abstracts) parts.push(`abstract:${t}`);
    if (token.length >= 2) parts.push(`aliasText:${t}*^2`, `title:${t}*`);
    // Typos are forgiven in aliases; fuzzy over every title costs too much.
    if (fuzzy && token.length >= 4) parts.push(`aliasText:${t}~1`);
    return `${strict ? "+" : ""}(${parts.join(" ")})`;
  });
  if (tokens.length > 1) {
    // Inside a phrase only `"` and `\` matter; escapeLucene covers both.
    const phrase = tokens.map(escapeLucene).join(" ");
    clauses.push(`aliasText:"${phrase}"^6`, `title:"${phrase}"^3`);
  }
  return clauses.join(" ");
}

const SearchRowSchema = z.object({
  node: NodeRowSchema,
  aliases: z.array(z.string()),
  title: z.string().nullable(),
  score: z.number(),
  exact: z.boolean(),
  abstractHit: z.boolean(),
});
type SearchRow = z.infer<typeof SearchRowSchema>;

/** The Lucene texts of one search, in the order the query may try them (see searchGraph). */
const LuceneTextsSchema = z.object({
  /** Names, aliases and titles, exact or prefix, every word required. */
  names: z.string().min(1),
  /** Abstracts too; typo-tolerant names as well when `names` did not find the thing itself. */
  full: z.string().min(1),
  fullWithTypos: z.string().min(1),
  /** Any word will do (several words, and the strict texts found nothing). */
  anyWord: z.string().min(1),
});

/**
 * The strings a search looks up by identity: an entity's normalised key, a paper's id or
 * arXiv id, and the text as typed (lower case) to recognise a name, title or alias.
 */
const SearchIdsSchema = z.object({
  key: z.string(),
  paperId: z.string(),
  arxivId: z.string(),
  text: z.string(),
});

/**
 * One round trip for the whole search (under load each further round trip cost as much
 * of the database's time as a full-text query), in up to four steps, each run only when
 * the one before leaves the page short:
 * 1. the exact identity lookups (index seeks) and the alias and title hits;
 * 2. when those are fewer than `$limit`: the full query, abstracts too;
 * 3. when that still leaves the page short and step 1 did not find the thing itself: the
 *    full query again with typo-near aliases (the fuzzy terms are the dearest part, and a
 *    hit found only through a typo ranks below every other, so on a full page it would
 *    never show; asking for typos only then cut the search mix's Neo4j CPU by another
 *    eighth: 2.59 → 2.27 ms, medians of five runs);
 * 4. when that finds nothing and there are several words: any word will do.
 * The Lucene texts and the identity strings come in maps: Neo4j plans a query apart for
 * each size bucket of a string parameter's length, and not for a map's.
 */
export const searchQuery = defineQuery({
  name: "search",
  mode: "READ",
  cypher: /* cypher */ `
    CALL () {
      CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX.name}', $lucene.names, {limit: $candidates}) YIELD node, score
      RETURN node, score, false AS exact
      UNION ALL
      ${ENTITY_LABELS.map((label) => `MATCH (node:${label} {key: $ids.key}) RETURN node, 0.0 AS score, true AS exact`).join("\n      UNION ALL\n      ")}
      UNION ALL
      MATCH (node:Paper {id: $ids.paperId}) RETURN node, 0.0 AS score, true AS exact
      UNION ALL
      MATCH (node:Paper {arxivId: $ids.arxivId}) RETURN node, 0.0 AS score, true AS exact
    }
    WITH node, score, exact
    WHERE $label IS NULL OR $label IN labels(node)
    WITH collect({node: node, score: score, exact: exact}) AS first,
         count(DISTINCT node) AS found,
         true IN collect(exact) AS identified,
         true IN collect(exact OR toLower(coalesce(node.name, node.title, '')) = $ids.text
                         OR $ids.text IN [a IN coalesce(node.aliases, []) | toLower(a)]) AS itself
    CALL (found) {
      WITH found WHERE found < $limit
      CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX.name}', $lucene.full, {limit: $candidates}) YIELD node, score
      WITH node, score WHERE $label IS NULL OR $label IN labels(node)
      RETURN collect({node: node, score: score, exact: false}) AS full0
    }
    CALL (found, itself, full0) {
      WITH full0 WHERE found < $limit AND NOT itself AND size(full0) < $limit
      CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX.name}', $lucene.fullWithTypos, {limit: $candidates}) YIELD node, score
      WITH node, score WHERE $label IS NULL OR $label IN labels(node)
      RETURN collect({node: node, score: score, exact: false}) AS typos
    }
    WITH first, found, identified, CASE WHEN size(typos) > size(full0) THEN typos ELSE full0 END AS full
    CALL (found, identified, full) {
      WITH full WHERE found < $limit AND size(full) = 0 AND NOT identified AND size($tokens) > 1
      CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX.name}', $lucene.anyWord, {limit: $candidates}) YIELD node, score
      WITH node, score WHERE $label IS NULL OR $label IN labels(node)
      RETURN collect({node: node, score: score, exact: false}) AS anyWord
    }
    UNWIND CASE
      WHEN found >= $limit THEN first
      WHEN size(full) = 0 AND NOT identified AND size($tokens) > 1 THEN anyWord
      ELSE full + [hit IN first WHERE hit.exact]
    END AS hit
    WITH hit.node AS node, hit.score AS score, hit.exact AS exact
    RETURN ${nodeProjection("node")} AS node,
           coalesce(node.aliases, []) AS aliases,
           node.title AS title,
           score,
           exact,
           any(t IN $tokens WHERE toLower(coalesce(node.abstract, '')) CONTAINS t) AS abstractHit`,
  params: z.object({
    lucene: LuceneTextsSchema,
    tokens: z.array(z.string()),
    ids: SearchIdsSchema,
    label: NodeLabelSchema.nullable(),
    candidates: z.number().int().min(1).max(1000),
    limit: z.number().int().min(1).max(1000),
  }),
  row: SearchRowSchema,
});

export interface SearchOptions {
  limit?: number;
  label?: NodeLabel | undefined;
  timeoutMs?: number | undefined;
}

function wordPrefixes(text: string, tokens: readonly string[]): "all" | "some" | "none" {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}.'_]+/u);
  const hits = tokens.filter((t) =>
    words.some((w) => w.startsWith(t) || w.replace(/[.'_]/g, "").startsWith(t)),
  );
  if (hits.length === 0) return "none";
  return hits.length === tokens.length ? "all" : "some";
}

/** The tier of a hit (higher first) and what it matched; pure, so it is unit-tested. */
export function rankHit(
  row: Pick<SearchRow, "node" | "aliases" | "title" | "abstractHit">,
  query: string,
  tokens: readonly string[],
  exact: boolean,
): { tier: number; matched: string } {
  const q = normaliseKey(query);
  const name = normaliseKey(row.node.name);
  const aliases = row.aliases.map(normaliseKey);
  // A paper's name is its title.
  const field = row.node.label === "Paper" ? "title" : "name";
  if (exact || name === q || row.node.key === q) return { tier: 7, matched: field };
  if (aliases.includes(q)) return { tier: 6, matched: "alias" };
  if (q.length > 0 && name.startsWith(q)) return { tier: 5, matched: field };
  if (q.length > 0 && aliases.some((a) => a.startsWith(q))) return { tier: 4, matched: "alias" };
  const inName = wordPrefixes(row.node.name, tokens);
  if (inName === "all") return { tier: 4, matched: field };
  const inAlias = row.aliases.map((a) => wordPrefixes(a, tokens));
  if (inAlias.includes("all")) return { tier: 3, matched: "alias" };
  if (inName === "some") return { tier: 2, matched: field };
  if (inAlias.includes("some")) return { tier: 2, matched: "alias" };
  if (row.abstractHit) return { tier: 1, matched: "abstract" };
  return { tier: 0, matched: "fuzzy" };
}

/** Tiers of a name or key (7) or an alias (6) equal to the query: the thing itself. */
export const EXACT_TIER = 6;
/** From this tier up, every word the user typed is in the hit's name or one of its aliases. */
export const ALL_WORDS_TIER = 3;

/** The tier a hit's score encodes: searchGraph scores tier × 10 plus a Lucene score under 10. */
export function tierOfHit(hit: Pick<SearchHit, "score">): number {
  return Math.floor(hit.score / 10);
}

/**
 * Ranked search hits, from one query (searchQuery): exact identities and strict name,
 * alias and title matches (every word, exact or prefix); when those are fewer than
 * `limit`, the full text (abstracts, and typos unless the thing itself was found); when
 * that finds nothing, any word.
 */
export async function searchGraph(
  db: Database,
  text: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const limit = options.limit ?? 10;
  const label = options.label ?? null;
  const tokens = searchTokens(text);
  // No word at all (only punctuation): nothing can match, and Lucene needs a term.
  if (tokens.length === 0) return [];
  const candidates = Math.min(1000, Math.max(30, limit * 3) * (label ? 4 : 1));
  const trimmed = text.trim();
  const rows = await db.run(
    searchQuery,
    {
      lucene: {
        names: buildLuceneQuery(tokens, true, { abstracts: false, fuzzy: false }),
        full: buildLuceneQuery(tokens, true, { fuzzy: false }),
        fullWithTypos: buildLuceneQuery(tokens, true),
        anyWord: buildLuceneQuery(tokens, false),
      },
      tokens,
      ids: {
        key: normaliseKey(trimmed),
        paperId: trimmed,
        arxivId: normaliseArxivId(trimmed) ?? "",
        text: trimmed.toLowerCase(),
      },
      label,
      candidates,
      limit,
    },
    { timeoutMs: options.timeoutMs },
  );

  const best = new Map<string, SearchHit & { tier: number; lucene: number }>();
  for (const row of rows) {
    const exact = row.exact;
    const id = toWireNode(row.node).id;
    const { tier, matched } = rankHit(row, trimmed, tokens, exact);
    const known = best.get(id);
    const lucene = Math.max(row.score, known?.lucene ?? 0);
    if (known && known.tier >= tier) {
      known.lucene = lucene;
      continue;
    }
    best.set(id, {
      id,
      label: NodeLabelSchema.parse(row.node.label),
      name: row.node.name,
      score: 0,
      matched,
      tier,
      lucene,
    });
  }
  return [...best.values()]
    .map((hit) => ({ ...hit, score: hit.tier * 10 + Math.min(hit.lucene, 9.99) }))
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ tier: _tier, lucene: _lucene, ...hit }) => ({
      ...hit,
      score: Math.round(hit.score * 1000) / 1000,
    }));
}
