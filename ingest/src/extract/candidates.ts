/**
 * Candidates: the sentences of a paper, the mentions in each (mentions.ts), abbreviation long
 * forms, and one candidate per normalised key, linked into alias groups ("Kimi K2.5" / "K2.5",
 * "Long Form" / "LF", "FeTA Challenge 2022" / "FeTA 2022"). Also the title's subject.
 */
import { keyOf } from "./key.ts";
import { isStopName } from "./lexicon.ts";
import {
  cleanSentence,
  expandSizes,
  findAbbreviations,
  findMentions,
  isStrongToken,
  mention,
  type Token,
  tokenize,
} from "./mentions.ts";
import { splitSentences } from "./sentences.ts";
import {
  addTo,
  type Candidate,
  emptyScore,
  type PaperInput,
  type PaperState,
  type SentenceInfo,
  unite,
} from "./state.ts";
import { TITLE_BENCHMARK_WORDS, TITLE_MODEL_WORDS } from "./vocabulary/introduction-cues.ts";
import { TYPE_WORD_BEFORE_NUMBER, TYPE_WORD_BEFORE_NUMBER_ONLY } from "./vocabulary/long-form-tails.ts";

/** Title subject: "Kimi K2.5: Visual Agentic Intelligence" → "Kimi K2.5". */
export function titleSubject(title: string): { name: string; rest: string } | null {
  const colon = title.indexOf(":");
  if (colon <= 0 || colon > 60) return null;
  const name = title.slice(0, colon).trim();
  if (name.split(/\s+/).length > 4) return null;
  return { name, rest: title.slice(colon + 1) };
}

function candidateFor(st: PaperState, surface: string, position: number, strong: boolean): number {
  const key = keyOf(surface);
  const cands = st.cands;
  let c = st.byKey.get(key);
  if (c === undefined) {
    c = cands.length;
    cands.push({
      index: c,
      parent: c,
      key,
      surfaces: new Map(),
      score: emptyScore(),
      strong,
      introduced: false,
      position,
      unnamed: false,
    });
    st.byKey.set(key, c);
  }
  const cand = cands[c] as Candidate;
  cand.surfaces.set(surface, (cand.surfaces.get(surface) ?? 0) + 1);
  if (strong) cand.strong = true;
  return c;
}

function sentenceInfo(text: string, isTitle: boolean): SentenceInfo {
  const clean = cleanSentence(text);
  return {
    text,
    clean,
    lower: clean.toLowerCase(),
    tokens: tokenize(clean),
    mentions: [],
    cands: [],
    pairs: [],
    isTitle,
    evalCue: false,
  };
}

/** Sentences, tokens and mentions (two passes so that a known name may open a sentence). */
export function readSentences(input: PaperInput, coined: Set<string> = new Set()): SentenceInfo[] {
  const sentences: SentenceInfo[] = [];
  if (input.title) sentences.push(sentenceInfo(input.title, true));
  for (const s of splitSentences(input.abstract)) sentences.push(sentenceInfo(s.text, false));
  const known = new Set<string>();
  for (const s of sentences) {
    if (s.isTitle) continue;
    s.mentions = findMentions(s.clean, s.tokens, known, true, coined);
    for (const m of s.mentions) if (m.first > 0) known.add((s.tokens[m.first] as Token).text);
  }
  // A title is all capitals: only name-shaped tokens and its subject ("Innovator: ...") count.
  const subject = input.title ? titleSubject(input.title) : null;
  const titleKnown = new Set(subject ? subject.name.split(" ") : []);
  for (const s of sentences) {
    const first = s.tokens[0];
    if (s.isTitle) s.mentions = findMentions(s.clean, s.tokens, titleKnown, false, coined);
    else if (first && known.has(first.text))
      s.mentions = findMentions(s.clean, s.tokens, known, true, coined);
    s.pairs = findAbbreviations(s.clean, s.tokens);
    s.mentions = expandSizes(s.mentions);
  }
  return sentences;
}

/** Abbreviation pairs: a Title Case long form is a mention of the same entity. */
export function abbreviationMentions(sentences: SentenceInfo[]): void {
  for (const s of sentences) {
    for (const p of s.pairs) {
      if (isStopName(p.short) || isStopName(p.long)) {
        // "Supervised Fine-Tuning (SFT)", "State Space Model (SSM)": generic; drop the long form too.
        s.mentions = s.mentions.filter(
          (m) =>
            m.end <= p.longStart ||
            m.start >= p.longEnd ||
            (m.start === p.shortStart && m.end === p.shortEnd),
        );
        continue;
      }
      if (!p.longIsName) continue;
      if (p.longStart < p.shortStart) {
        // Replace the mentions inside the long form by the long form itself.
        const inside = s.mentions.filter((m) => m.start >= p.longStart && m.end <= p.longEnd);
        const firstTok = s.tokens.findIndex((t) => t.start === p.longStart);
        const lastTok = s.tokens.findIndex((t) => t.end === p.longEnd);
        if (firstTok < 0 || lastTok < 0) continue;
        s.mentions = s.mentions.filter((m) => !inside.includes(m));
        s.mentions.push(mention(p.long, p.longStart, p.longEnd, firstTok, lastTok, false, undefined));
      } else {
        const firstTok = s.tokens.findIndex((t) => t.start === p.longStart);
        const lastTok = s.tokens.findIndex((t) => t.end === p.longEnd);
        if (firstTok < 0 || lastTok < 0) continue;
        s.mentions = s.mentions.filter((m) => !(m.start >= p.longStart && m.end <= p.longEnd));
        s.mentions.push(mention(p.long, p.longStart, p.longEnd, firstTok, lastTok, false, undefined));
      }
    }
    // (Mentions come in text order; only the long forms added above can be out of it.)
    if (s.pairs.length > 0) s.mentions.sort((a, b) => a.start - b.start);
  }
}

/** Candidates: one per normalised key, linked through abbreviations and short forms. */
export function makeCandidates(st: PaperState): void {
  const { cands, sentences } = st;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si] as SentenceInfo;
    const cs: number[] = [];
    for (const m of s.mentions) cs.push(candidateFor(st, m.surface, si * 1e6 + m.start, m.strong));
    s.cands = cs;
    for (const p of s.pairs) {
      const shortIdx = s.mentions.findIndex((m) => m.start === p.shortStart && m.end === p.shortEnd);
      const longIdx = s.mentions.findIndex((m) => m.start === p.longStart && m.end === p.longEnd);
      if (shortIdx >= 0 && longIdx >= 0)
        unite(cands, s.cands[shortIdx] as number, s.cands[longIdx] as number);
    }
  }
  // A short form that ends a longer name of the paper is that name: "K2.5" → "Kimi K2.5".
  // (Every surface of a candidate has the candidate's key.)
  const multi = new Map<string, number>();
  for (const c of cands) {
    for (const surface of c.surfaces.keys()) {
      const space = surface.lastIndexOf(" ");
      if (space >= 0) {
        const tail = surface.slice(space + 1);
        if (isStrongToken(tail) && /\d/.test(tail)) multi.set(keyOf(tail), c.index);
      }
    }
  }
  if (multi.size > 0) {
    for (const c of cands) {
      const target = multi.get(c.key);
      if (target === undefined || target === c.index) continue;
      for (const surface of c.surfaces.keys()) if (!surface.includes(" ")) unite(cands, c.index, target);
    }
  }

  // "FeTA Challenge 2022" and "FeTA 2022" are one name.
  const stripped = new Map<string, number>();
  for (const c of cands) {
    for (const surface of c.surfaces.keys()) {
      if (!TYPE_WORD_BEFORE_NUMBER.test(surface)) continue;
      stripped.set(keyOf(surface.replace(TYPE_WORD_BEFORE_NUMBER_ONLY, "")), c.index);
    }
  }
  if (stripped.size > 0) {
    for (const c of cands) {
      const target = stripped.get(c.key);
      if (target !== undefined && target !== c.index) unite(cands, c.index, target);
    }
  }
}

/** The title's subject: "Intern-S1: A Scientific Multimodal Foundation Model". */
export function titleSubjectCandidate(st: PaperState): void {
  const { cands, sentences } = st;
  // 6. Title subject: "Intern-S1: A Scientific Multimodal Foundation Model".
  let titleCand: number | null = null;
  const title = sentences[0]?.isTitle ? sentences[0] : undefined;
  if (title) {
    const subj = titleSubject(title.text);
    if (subj) {
      const idx = title.mentions.findIndex((m) => m.start === 0 && keyOf(m.surface) === keyOf(subj.name));
      if (idx >= 0) {
        titleCand = title.cands[idx] as number;
        const rest = subj.rest.toLowerCase();
        if (TITLE_MODEL_WORDS.test(rest)) addTo(cands, titleCand, "Model", 1);
        if (TITLE_BENCHMARK_WORDS.test(rest)) addTo(cands, titleCand, "Benchmark", 1);
      }
    }
  }
  st.titleCand = titleCand;
}
