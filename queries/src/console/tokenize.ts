/**
 * A small Cypher tokenizer for the console's read-only check. It only has to tell
 * words apart from what merely looks like words: string literals, comments and
 * backticked names never count as keywords, so `WHERE n.name = 'CREATE'` and
 * `// DELETE later` are reads. Unterminated strings and comments are reported, and
 * Neo4j's parser then refuses the query with its own message.
 */

export type TokenKind = "word" | "quoted" | "string" | "number" | "parameter" | "comment" | "symbol";

export interface Token {
  kind: TokenKind;
  /** The text as written (strings and comments with their delimiters). */
  text: string;
  /** Offset of the first character in the query. */
  offset: number;
}

export interface Tokenized {
  tokens: Token[];
  /** Set when a string, backticked name or comment never ends. */
  unterminated: "string" | "quoted" | "comment" | null;
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_]/u;
const DIGIT = /[0-9]/;

export function tokenizeCypher(query: string): Tokenized {
  const tokens: Token[] = [];
  let unterminated: Tokenized["unterminated"] = null;
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i] as string;
    const start = i;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && query[i + 1] === "/") {
      while (i < n && query[i] !== "\n" && query[i] !== "\r") i++;
      tokens.push({ kind: "comment", text: query.slice(start, i), offset: start });
      continue;
    }
    if (c === "/" && query[i + 1] === "*") {
      const end = query.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      if (end < 0) unterminated = "comment";
      tokens.push({ kind: "comment", text: query.slice(start, i), offset: start });
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const d = query[i];
        if (d === "\\") {
          i += 2;
          continue;
        }
        i++;
        if (d === c) {
          closed = true;
          break;
        }
      }
      if (!closed) unterminated = "string";
      tokens.push({ kind: "string", text: query.slice(start, Math.min(i, n)), offset: start });
      continue;
    }
    if (c === "`") {
      i++;
      let closed = false;
      while (i < n) {
        if (query[i] === "`") {
          // A doubled backtick is an escaped backtick inside the name.
          if (query[i + 1] === "`") {
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        i++;
      }
      if (!closed) unterminated = "quoted";
      tokens.push({ kind: "quoted", text: query.slice(start, i), offset: start });
      continue;
    }
    if (c === "$") {
      i++;
      if (query[i] === "`") {
        const end = query.indexOf("`", i + 1);
        i = end < 0 ? n : end + 1;
      } else {
        while (i < n && WORD_PART.test(query[i] as string)) i++;
      }
      tokens.push({ kind: "parameter", text: query.slice(start, i), offset: start });
      continue;
    }
    if (DIGIT.test(c)) {
      while (i < n && /[0-9a-zA-Z_.]/.test(query[i] as string)) {
        // `1..3` in a range: stop before the second dot.
        if (query[i] === "." && query[i + 1] === ".") break;
        i++;
      }
      tokens.push({ kind: "number", text: query.slice(start, i), offset: start });
      continue;
    }
    if (WORD_START.test(c)) {
      while (i < n && WORD_PART.test(query[i] as string)) i++;
      tokens.push({ kind: "word", text: query.slice(start, i), offset: start });
      continue;
    }
    i++;
    tokens.push({ kind: "symbol", text: c, offset: start });
  }
  return { tokens, unterminated };
}
