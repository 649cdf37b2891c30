/**
 * extract: one paper's text → typed entities and relationships with their evidence.
 *
 * Per paper, sentence by sentence: candidate names (mentions.ts) → evidence for each
 * name's type (vocabulary, head nouns such as "X, a benchmark" or "the X dataset",
 * abbreviation long forms, and the roles the relation patterns give it) → one label per
 * name → relations by pattern, each keeping its sentence verbatim, a confidence and the
 * name of the rule that produced it. Pure and deterministic: no I/O, no clocks, and every
 * collection is iterated in text order.
 */
import type { BasedOnMethod, DatasetKind, EntityLabel, ExtractedRelType } from "@kg/graph-schema";
import { matchFrames } from "./frames.ts";
import { computeKey, keyOf } from "./key.ts";
import {
  type AbbreviationPair,
  cleanSentence,
  expandSizes,
  findAbbreviations,
  findMentions,
  isStrongToken,
  type Mention,
  mention,
  type Token,
  tokenize,
} from "./mentions.ts";
import { splitSentences } from "./sentences.ts";
import { findUrls, repositoryOf } from "./urls.ts";
import {
  DATASET_TAILS_WORDS,
  datasetVocabulary,
  HEAD_NOUNS,
  type HeadLabel,
  isStopName,
  KNOWN_ORGANIZATIONS,
  METHOD_TAILS_WORDS,
  MODEL_TAILS_WORDS,
  methodVocabulary,
  modelFamily,
  ORGANIZATION_WORDS,
  TASK_TAILS,
} from "./vocabulary.ts";

/** What the extractor needs to know about one paper. */
export interface PaperInput {
  title: string | null;
  abstract: string;
  /** Lab-page header or JSONL `organization`. */
  organizations: string[];
  /** Author-page header or JSONL `authors`. */
  authors: string[];
  /** The page header line the organisation/author was read from (evidence of PUBLISHED/AUTHORED). */
  pageEvidence: string | null;
  /** URLs given beside the text (JSONL `url`). */
  urls: string[];
}

/** One entity of a paper, with every surface form seen and the weight of its typing. */
export interface LocalEntity {
  id: number;
  label: EntityLabel;
  kind?: DatasetKind;
  /** Surface forms with their counts, in order of first appearance. */
  surfaces: Array<[string, number]>;
  /** The normalised key of each surface form (keyOf), in the same order. */
  keys: string[];
  /** Sum of the evidence for the chosen label (used to vote across papers). */
  weight: number;
  introduced: boolean;
  /**
   * "paper": a thing of this paper alone (a data set it builds without naming it); its key
   * is made unique to the paper when papers are merged, so that it never merges with another.
   */
  scope?: "paper";
}

export type LocalEnd = { paper: true } | { entity: number };

/** The paper end of every edge that touches the paper (one object, shared: ends are never changed). */
const PAPER_END: LocalEnd = { paper: true };

export interface LocalEdge {
  type: ExtractedRelType;
  from: LocalEnd;
  to: LocalEnd;
  method?: BasedOnMethod;
  sentence: string;
  confidence: number;
  extractor: string;
}

export interface PaperExtraction {
  entities: LocalEntity[];
  edges: LocalEdge[];
  codeUrls: string[];
  modelUrls: string[];
  urls: string[];
}

type Score = Record<HeadLabel, number>;

interface Candidate {
  index: number;
  parent: number;
  /** The normalised key shared by all its surfaces. */
  key: string;
  surfaces: Map<string, number>;
  score: Score;
  strong: boolean;
  introduced: boolean;
  /** Position of the first mention (sentence * 1e6 + offset) for "first introduced". */
  position: number;
  /** A data set the paper builds without naming it: its key is the paper's own (see LocalEntity.scope). */
  unnamed: boolean;
}

interface SentenceInfo {
  text: string;
  clean: string;
  lower: string;
  tokens: Token[];
  mentions: Mention[];
  /** Candidate index of each mention. */
  cands: number[];
  pairs: AbbreviationPair[];
  isTitle: boolean;
  /** Does the sentence read like a result (EVAL_CUE)? Set by the relation patterns. */
  evalCue: boolean;
}

const emptyScore = (): Score => ({ Model: 0, Dataset: 0, Benchmark: 0, Method: 0, Reject: 0, Task: 0 });

// ---------------------------------------------------------------------------------------
// Patterns. Each is applied to a bounded slice (a few dozen characters around mentions),
// with no nested unbounded quantifiers, so none can backtrack catastrophically.

const INTRO_CUE =
  /\b(?:we|this (?:paper|work|article|study|report|survey)|our (?:work|paper|team)|it)\s+(?:\w+\s+){0,2}?(?:introduce|present|propose|construct|curate|develop|build|release|establish|create|design|collect|contribute|devise|formulate|open-source|term|call|name|dub|unveil|report)(?:s|d|ed)?\b|\b(?:introduc|propos|present|develop|releas|construct|curat)(?:es|s|ing) (?:a |an |the )?(?:new |novel |first )?|\b(?:newly|our) (?:introduced|proposed|presented|developed|constructed|curated) |\b(?:introduction|development|release|construction) of (?:the |a |an |our )?/g;
/** A name a little after "via", "with", "e.g." is something used or cited, not introduced. */
const USED_NEARBY =
  /\b(?:from|via|using|with|than|against|such as|including|like|e\.g\.|i\.e\.|based on|built on|trained on)\b[^.;,:()]{0,25}$/;
const CALLED_BEFORE = /\b(?:called|dubbed|named|termed|coined)\s+(?:[\w-]+\s+){0,6}\(?$/;
const NOT_INTRODUCED_BEFORE =
  /\b(?:from|on|than|over|such as|including|like|via|using|with|of|by|to|upon|against|beyond|versus|vs|outperforms?|surpass(?:es)?|extends?|through)\s+(?:the\s+|a\s+|an\s+|existing\s+|strong\s+|prior\s+)?[\w-]{0,30}\s*$/;
const EVAL_CUE =
  /\b(?:achiev|outperform|surpass|evaluat|benchmark|state-of-the-art|sota|accuracy|score|performance|improv|gain|validat|exceed|beat|tops?\b|reach|attain|results?\b|experiment)/;
const SUBJECT_VERB =
  /^\s*(?:\(\S{1,30}\)\s*)?(?:(?:model|method|framework|network|system|agent|series|models)\s+)?(?:(?:\w+ly|also|further|still|even|only|then|again|and|both|all|can|could)\s+){0,4}(?:achiev|outperform|surpass|reach|obtain|attain|exceed|beat|deliver|sets?\b|establish|demonstrat|shows?\b|showed|exhibit|improves?\b|improved|performs?\b|performed|scores?\b|scored|ranks?\b|ranked|match(?:es|ed)?\b|yield|tops?\b|excel|leads?\b|is evaluated|was evaluated|are evaluated|were evaluated)/;
const EVAL_OBJECT_BEFORE =
  /\b(?:on|across|over)\s+(?:the\s+|all\s+|both\s+|several\s+|challenging\s+|standard\s+|popular\s+)?$/;
const COMPARISON_BEFORE =
  /\b(?:than|over|outperforms?|outperforming|surpass\w*|beats?|exceeds?|against|versus|vs\.?|baselines?|such as|including|like|compared (?:to|with))\s+(?:the\s+|strong\s+|sota\s+|leading\s+)?[\w-]{0,20}\s*$/;
const EVAL_VERB_BEFORE = /\b(?:evaluat\w*|test\w*|benchmark\w*|assess\w*|validat\w*)\s+(?:\w+\s+){0,2}$/;
const EVAL_LIST_BEFORE =
  /\b(?:evaluat\w*|test\w*|benchmark\w*|assess\w*|validat\w*)\b[^.;]{0,160}\b(?:including|such as|like|namely)\s+[^.;()]{0,60}$/;
const TRAINING_VERB_AFTER_COMMA =
  /^,\s*(?:we\s+(?:\w+\s+)?(?:train|fine-?tune|pre-?train|present|propose|develop|build|introduce|obtain|derive|construct|design|learn)\w*\b|the\s+)?/;

const BASED_FORWARD =
  /(?:^|[\s),])(?:which\s+(?:is|was|are|were)\s+|(?:is|was|are|were)\s+|that\s+(?:is|was)\s+)?(?:(?:further|continually|continuously|directly|then|also|first|subsequently|additionally)\s+)?(fine-?tuned|finetuned|post-?trained|distilled|adapted|derived|initiali[sz]ed|upcycled|merged|quantized|continually pre-?trained|pre-?trained|trained|built|developed|instruction-tuned|tuned|obtained|created|aligned)\s+(?:\w+\s+){0,2}?(from|upon|off|on top of|on|based on)\s+(?:the\s+|a\s+|an\s+)?$/;
const BASED_EXTENDS =
  /(?:^|[\s),])(extends|extending|extended|builds (?:up)?on|built (?:up)?on|building (?:up)?on|(?:is |are |was )?based on|on top of|initiali[sz]ed (?:from|with)|(?:a |an )?(?:fine-?tuned|distilled|quantized|merged|instruction-tuned|post-trained) (?:version|variant|model) of|(?:version|variant|successor) of|upcycl\w* from|distill\w* from)\s+(?:the\s+|a\s+|an\s+)?$/;
const BASED_REVERSE =
  /\b(fine-?tun\w*|distill\w*|adapt\w*|post-?train\w*|upcycl\w*|continu\w* pre-?train\w*|train\w*|merg\w*|quantiz\w*|extend\w*)\b[^.;]{0,60}?\b(?:to obtain|to produce|to create|to build|to get|to derive|into|resulting in|yielding|yields|obtaining|producing)\s+(?:the\s+|a\s+|an\s+|our\s+)?$/;
const TRAINED_FORWARD =
  /\b(?:trained|fine-?tuned|finetuned|pre-?trained|tuned|post-?trained|learned|optimi[sz]ed|distilled|supervised|trains|train)\s+(?:[\w-]+\s+){0,4}?(?:on|using|with)\s+(?:the\s+|a\s+|an\s+|our\s+|over\s+|large-scale\s+|\d[\w.,]*\s+\w+\s+(?:from|of)\s+)?$/;
const TRAINED_BY_DATA =
  /\b(?:to train|to fine-?tune|to pre-?train|for training|for fine-?tuning|to build)\s+(?:the\s+|our\s+|a\s+)?$/;
const DATA_FIRST_OPENING =
  /^(?:based on|building (?:up)?on|built (?:up)?on|using|leveraging|with|trained on|pre-?trained on|fine-?tuned on|after (?:scaling|training|pre-?training|fine-?tuning) (?:up )?(?:to|on)|scaling (?:up )?to|by training on)\b/;
const THIS_DATASET =
  /\b(?:this|these|the|our|that|such)\s+(?:[\w-]+\s+){0,2}?(dataset|datasets|data set|corpus|benchmark)\b|\b(?:this|these)\s+(?:[\w-]+\s+){0,2}?(?:data|resource|collection)\b/;
const MAIN_COREF =
  /\b(?:our|the proposed|this|the resulting)\s+(?:[\w-]+\s+){0,2}?(?:model|method|approach|framework|system|network|agent|architecture|llm|mllm)\b|^(?:it|they)\s+(?:\w+ly\s+)?(?:achiev|outperform|surpass|reach|obtain|set|improv|perform|scor|exceed|attain)|^(?:experiments?|extensive experiments?|experimental results?|results?|evaluations?|extensive evaluations?|comprehensive experiments?)\b/;
const USES_BETWEEN =
  /^[^.;]{0,50}?\b(?:via|using|through|by applying|adopting|applying|employing|(?:trained|tuned|optimi[sz]ed|aligned|equipped) with)\s+(?:the\s+|a\s+|an\s+)?$/;

function sizeOf(m: Mention): string | undefined {
  return SIZE.exec(m.surface)?.[1];
}

function sizesFit(src: Mention, dst: Mention): boolean {
  return dst.size === undefined || sizeOf(src) === undefined || sizeOf(src) === dst.size;
}

/**
 * In lists on both sides ("A-7B and A-32B are fine-tuned from B-7B and B-32B") names pair by
 * size: two sizes that differ do not pair.
 */
function listSizesFit(s: SentenceInfo, src: number, dst: number): boolean {
  const a = s.mentions[src] as Mention;
  const b = s.mentions[dst] as Mention;
  if (!sizesFit(a, b)) return false;
  if (groupOf(s, src).length < 2 && groupOf(s, dst).length < 2) return true;
  const sa = a.size ?? sizeOf(a);
  const sb = b.size ?? sizeOf(b);
  return sa === undefined || sb === undefined || sa === sb;
}

/**
 * Records a pattern read between mentions a and b. It also holds for the names coordinated
 * with the first ("X-7B and X-14B, built on Y-7B/14B"), pairing sizes when the second names several.
 */
function pushPair(protos: ProtoEdge[], s: SentenceInfo, a: number, b: number, p: ProtoEdge): void {
  const ms = s.mentions;
  const cs = s.cands;
  const A = ms[a] as Mention;
  const B = ms[b] as Mention;
  const forward = p.from === cs[a];
  if (forward ? listSizesFit(s, a, b) : listSizesFit(s, b, a)) protos.push(p);
  if (!forward || !(p.type === "BASED_ON" || p.type === "TRAINED_ON")) return;
  const group = groupOf(s, a);
  if (group[group.length - 1] !== a) return;
  for (const g of group) {
    if (g === a || (ms[g] as Mention).start === A.start) continue;
    // A name that is itself an object ("based on BarBERT, and Baz-L, built on …") is no coordinated subject.
    const G = ms[g] as Mention;
    if (OBJECT_BEFORE.test(s.lower.slice(Math.max(0, G.start - 12), G.start))) continue;
    if (sizesFit(ms[g] as Mention, B))
      protos.push({ ...p, from: cs[g] as number, confidence: p.confidence - 0.05 });
  }
}

/** A preposition just before a name: the name is an object there. */
const OBJECT_BEFORE = /\b(?:on|upon|from|of|to)\s+(?:the\s+|a\s+|an\s+)?$/;
/** A word in lower case (hyphens allowed). */
const LOWER_WORD = /^[a-z-]+$/;
/** "X, an open-source multimodal agentic model", "X is a ... model": an appositive or copula after a name. */
const APPOSITIVE_AFTER =
  /^\)?(?:,\s*|:\s*|\s+(?:is|was|are|as)\s+|,\s*which\s+is\s+|,\s*(?:is|was)\s+)(?:a|an|the|our|one|two|three)\s/;
/** Words after which a name does not end an appositive. */
const LINKING_WORD = /^(?:with|of|for|and|to)$/;
/** An opening adverbial phrase ("On COCO, ..."): its comma is no appositive. */
const OPENING_PHRASE =
  /^(?:under|in|on|for|with|after|before|by|at|from|to|evaluated|based|building|compared|unlike|as|through|using)\b[^,]*$/;
/** "models such as GPT-4": the head noun before "such as". */
const SUCH_AS_BEFORE =
  /\b([\w-]+)\s*,?\s+(?:such as|including|like|e\.g\.,?|namely|called|named|dubbed|termed)\s+(?:the\s+)?$/;
/** "e.g." or "i.e." just before. */
const EG_BEFORE = /\be\.g\.,?\s*$|\bi\.e\.,?\s*$/;
/** Only an opening bracket between two names: "Long Form (LF)". */
const OPEN_BRACKET_BETWEEN = /^\s*\(\s*$/;
/** "and" just before. */
const AND_BEFORE = /\band\s+(?:the\s+|a\s+|an\s+)?$/;
/** "X is proposed". */
const IS_PROPOSED = /\b(?:is|are) (?:proposed|introduced|presented)\b/;
/** "X on D", "X using D". */
const ON_BETWEEN = /^\s+(?:on|using)\s+(?:the\s+|our\s+|a\s+)?$/;
/** "we fine-tune X", "training X". */
const TRAIN_VERB_BEFORE =
  /\b(?:train|fine-?tun|finetun|pre-?train|post-?train)\w*\s+(?:the\s+|our\s+|a\s+)?$/;
/** "on" just before. */
const ON_BEFORE = /\bon\s+(?:the\s+|a\s+|an\s+|our\s+)?$/;
/** Only "from" or "by" between two names: "X from NVIDIA". */
const FROM_BY_BETWEEN = /^\s+(?:from|by)\s+$/;
/** "from" or "by" just before. */
const FROM_BY_BEFORE = /\b(?:from|by)\s+$/;
/** "trained on" just before. */
const TRAINED_ON_BEFORE = /\b(?:trained|tuned|pre-?trained)\s+on\s+\S*\s*$/;
/** "trained on the", "a subset of": a data set that is no evaluation object. */
const TRAINED_OR_PART_BEFORE =
  /\b(?:trained|tuned|pre-?trained|training|tuning|pre-?training|fine-?tuning|subset of|portion of|split of)\s+(?:on\s+)?(?:\S+\s+){0,3}$/;
/** Words of evaluation. */
const EVALUATION_WORD = /\b(?:benchmark|evaluat|test|assess)\w*\b/;
/** "distilled", "trained" just before: "X trained from Y" is no organisation. */
const MADE_FROM_BEFORE = /\b(?:distill\w*|trained|tuned|derived|initiali[sz]ed)\s*$/;
/** A model size in a name: "7B", "1.5B", "300M". */
const SIZE = /(\d{1,4}(?:\.\d{1,2})?[BMK])(?![A-Za-z0-9])/;

/** What a relation pattern says about the type of the names at its ends. */
interface Role {
  cand: number;
  label: HeadLabel;
  weight: number;
}

interface ProtoEdge {
  type: ExtractedRelType;
  from: number | "paper" | "main";
  to: number | "paper";
  method?: BasedOnMethod;
  sentence: number;
  confidence: number;
  extractor: string;
  /** Labels the ends must have after typing ("any" for papers). */
  need: [EntityLabel[] | null, EntityLabel[] | null];
  /** Subjects tried in order when `from` is no entity of the needed label ("main": the paper's main model). */
  orElse?: Array<number | "main">;
}

/** Words one of which every pair pattern (BASED_ON, TRAINED_ON, USES_METHOD, X from ORG) needs. */
const PAIR_GATE =
  /from|\bon\b|upon|\boff\b|extend|based|version|variant|successor|initiali|into|obtain|produc|result|yield|deriv|train|tun|via|using|through|apply|adopt|employ|equipped|aligned|\bby\b/;

const COORDINATION = /^(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+|,\s*or\s+|\s*\/\s*)$/;

/** Are mentions x and x + 1 coordinated ("A, B", "A and B", "A/B") or two readings of one span? */
function coordinated(s: SentenceInfo, x: number): boolean {
  const a = s.mentions[x] as Mention;
  const b = s.mentions[x + 1] as Mention;
  return a.start === b.start || COORDINATION.test(s.clean.slice(a.end, b.start));
}

/** The mentions coordinated with mention k ("A, B and C"), in order, k included. */
function groupOf(s: SentenceInfo, k: number): number[] {
  const ms = s.mentions;
  let lo = k;
  while (lo > 0 && coordinated(s, lo - 1)) lo--;
  let hi = k;
  while (hi + 1 < ms.length && coordinated(s, hi)) hi++;
  const out: number[] = [];
  for (let x = lo; x <= hi; x++) out.push(x);
  return out;
}

function find(cands: Candidate[], i: number): number {
  let r = i;
  while ((cands[r] as Candidate).parent !== r) r = (cands[r] as Candidate).parent;
  let k = i;
  while ((cands[k] as Candidate).parent !== r) {
    const next = (cands[k] as Candidate).parent;
    (cands[k] as Candidate).parent = r;
    k = next;
  }
  return r;
}

/** Infers how a model was made from its base from the words of the sentence and of the paper. */
export function inferBasedOnMethod(verb: string, sentence: string, paper: string): BasedOnMethod {
  const s = sentence.toLowerCase();
  const v = verb.toLowerCase();
  if (/\b(?:q?lora|adapters?|peft|prefix-tuning|prompt-tuning|dora)\b/.test(s)) return "adapter";
  if (/distill/.test(v) || /\bdistill/.test(s)) return "distillation";
  if (/upcycl/.test(v) || /\bupcycl/.test(s)) return "upcycling";
  if (/merg/.test(v) || /\bmodel merging\b|\bmerged\b/.test(s)) return "merge";
  if (/quantiz/.test(v) || /\bquantiz/.test(s)) return "quantization";
  if (
    /post-?train/.test(v) ||
    /\bpost-?train|\brlhf\b|reinforcement learning|\bgrpo\b|\bdpo\b|\bppo\b/.test(s)
  )
    return "post-training";
  if (/continu\w* pre-?train/.test(v) || /\bcontinu\w* pre-?train/.test(s)) return "continued-pretraining";
  if (
    /fine-?tun|finetun|instruction-tun|tuned|adapted/.test(v) ||
    /\bfine-?tun|\bsft\b|instruction[- ]tun/.test(s)
  )
    return "fine-tune";
  // "initialized with pretrained Foo" says where the weights came from, not that pretraining went on.
  if (/initiali[sz]|\bstart/.test(v)) return "other";
  if (/pre-?train|trained from scratch/.test(v)) return "continued-pretraining";
  // "X extends Y" says nothing of how; the paper's subject does ("... MoE upcycling").
  if (!/extend|initiali|on top of/.test(v)) return "other";
  const p = paper.toLowerCase();
  if (/\bupcycl/.test(p)) return "upcycling";
  if (/\bdistill/.test(p)) return "distillation";
  if (/\bcontinu\w* pre-?train/.test(p)) return "continued-pretraining";
  if (/\bmodel merging\b/.test(p)) return "merge";
  if (/\bquantiz/.test(p)) return "quantization";
  if (/pre-?train|trained from scratch/.test(v)) return "continued-pretraining";
  return "other";
}

function headOf(word: string | undefined): { label: HeadLabel; weight: number } | undefined {
  if (word === undefined) return undefined;
  return HEAD_NOUNS.get(word.toLowerCase());
}

const APPOSITIVE_STOP = new Set(
  "that which who with for to from of in on by using via designed trained built based capable equipped comprising consisting containing featuring covering including spanning constructed created developed curated and or where whose whereby as".split(
    " ",
  ),
);

/** Title subject: "Kimi K2.5: Visual Agentic Intelligence" → "Kimi K2.5". */
function titleSubject(title: string): { name: string; rest: string } | null {
  const colon = title.indexOf(":");
  if (colon <= 0 || colon > 60) return null;
  const name = title.slice(0, colon).trim();
  if (name.split(/\s+/).length > 4) return null;
  return { name, rest: title.slice(colon + 1) };
}

/** What a surface form says about its own type, whatever the paper around it. */
interface SurfaceEvidence {
  score: Score;
  /** A metric, modality or generic term. */
  stop: boolean;
  /** A known company's name (and no model family). */
  company: boolean;
  /** "Large Language Models": a descriptive plural phrase. */
  pluralPhrase: boolean;
  /** "Retrieval Model": a descriptive phrase ending in a type word. */
  typePhrase: boolean;
}

const SURFACE_CACHE_LIMIT = 100_000;
let surfaceCache = new Map<string, SurfaceEvidence>();

/**
 * The type evidence of a surface form, cached (the same names recur across papers). Every
 * weight is a small multiple of 0.25, so adding the per-surface sum gives exactly the score
 * that adding the weights one by one gives.
 */
function surfaceEvidence(surface: string): SurfaceEvidence {
  let ev = surfaceCache.get(surface);
  if (ev === undefined) {
    ev = computeSurfaceEvidence(surface);
    if (surfaceCache.size >= SURFACE_CACHE_LIMIT) surfaceCache = new Map();
    surfaceCache.set(surface, ev);
  }
  return ev;
}

function computeSurfaceEvidence(surface: string): SurfaceEvidence {
  const score = emptyScore();
  const add = (label: HeadLabel, weight: number): void => {
    score[label] += weight;
  };
  const ds = datasetVocabulary(surface);
  if (modelFamily(surface) && ds === null) add("Model", 3);
  if (ds === "benchmark") add("Benchmark", 3);
  else if (ds === "dataset") add("Dataset", 3);
  if (methodVocabulary(surface)) add("Method", 3);
  if (/-\d+(?:\.\d+)?[KM]$/.test(surface)) add("Dataset", 2);
  if (/-\d+(?:\.\d+)?B$/.test(surface)) add("Model", 2);
  if (/-R1$|-VL$|-V\d$|-Instruct$|-Chat$|-Coder$|-Base$/.test(surface)) add("Model", 2);
  if (/(?:^|[a-z0-9-])Loss$/.test(surface)) add("Method", 2);
  if (/(?:Net|NET)(?:-?v?\d+)?$/.test(surface) && /[a-z-]Net|[A-Z]Net/.test(surface)) add("Model", 2);
  const words = surface.split(" ");
  // "FeTA Challenge 2022": the type word stands before the number.
  while (words.length > 2 && /^v?\d[\d.]*$/.test(words[words.length - 1] as string)) words.pop();
  if (words.length >= 2) {
    const lastWord = (words[words.length - 1] as string).toLowerCase();
    const head = headOf(lastWord);
    if (head) add(head.label, head.weight);
    if (MODEL_TAILS_WORDS.has(lastWord)) add("Model", 2);
    if (METHOD_TAILS_WORDS.has(lastWord)) add("Method", 2);
    if (DATASET_TAILS_WORDS.has(lastWord)) add("Benchmark", 1);
    if (TASK_TAILS.has(lastWord)) add("Task", 2);
  }
  return {
    score,
    stop: isStopName(surface),
    company: KNOWN_ORGANIZATIONS.has(keyOf(surface)) && !modelFamily(surface),
    pluralPhrase: /^(?:[\p{L}-]+ )+(?:Models|Networks|Agents|Transformers|LLMs|Systems)$/u.test(surface),
    typePhrase: /^(?:[\p{L}-]+ ){1,2}(?:Model|Network|Dataset|Benchmark|Framework|Method|Agent)$/u.test(
      surface,
    ),
  };
}

function addScore(to: Score, from: Score): void {
  to.Model += from.Model;
  to.Dataset += from.Dataset;
  to.Benchmark += from.Benchmark;
  to.Method += from.Method;
  to.Reject += from.Reject;
  to.Task += from.Task;
}

/** The state of one paper's extraction, shared by its phases (each a function of its own). */
interface PaperState {
  input: PaperInput;
  debug: ((line: string) => void) | undefined;
  cands: Candidate[];
  byKey: Map<string, number>;
  sentences: SentenceInfo[];
  /** Names written "X dataset" / "X benchmark": a data set even when X also names a task. */
  datasetHead: Set<number>;
  /** The candidate named by the title's subject ("Intern-S1: ..."). */
  titleCand: number | null;
  protos: ProtoEdge[];
  roles: Role[];
  /** "this dataset" references, resolved once types are known. */
  corefData: Array<{ sentence: number; model: number; own: boolean }>;
  paperLower: string;
  introducedAt: Map<number, number>;
  /** Names after an introduction cue; which of them the cue introduces is decided once types are known. */
  introCandidates: Array<{ si: number; k: number; c: number; cue: number; follows: boolean }>;
  /** Mentions introduced by their own sentence ("sentence:mention"): never evaluation objects there. */
  introducedHere: Set<string>;
  labelOf: Map<number, { label: EntityLabel; kind?: DatasetKind; weight: number }>;
  /** The paper's main model. */
  main: number | null;
  /** The unnamed data set built in a sentence (by sentence index; null: none could be read). */
  unnamedData: Map<number, number | null>;
  introducedBenchmarks: Set<number>;
  /** Name-shaped names right after an introduction cue ("We present BazNet"). */
  introducedNames: Set<number>;
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

function unite(cands: Candidate[], a: number, b: number): void {
  const ra = find(cands, a);
  const rb = find(cands, b);
  if (ra === rb) return;
  // Keep the earlier candidate as the root so that order stays textual.
  if (ra < rb) (cands[rb] as Candidate).parent = ra;
  else (cands[ra] as Candidate).parent = rb;
}

function addTo(cands: Candidate[], c: number, label: HeadLabel, weight: number): void {
  (cands[c] as Candidate).score[label] += weight;
}

/**
 * A name governed by a preposition ("Experiments on A and B demonstrate …", "X with Foo achieves",
 * "evaluated by Foo") is no subject of the verb after it: the data, the tool or the judge.
 */
const GOVERNED_BEFORE =
  /\b(?:on|across|over|with|using|via|by|from|of|than|against|e\.g\.,?|i\.e\.,?|including|such as)\s+(?:the\s+|a\s+|an\s+|both\s+|all\s+)?$/;

function governedName(s: SentenceInfo, k: number): boolean {
  // The list a name ends ("on A, B and C") shares the preposition before its first name; a bare
  // comma before the name ("… of SA-1B, X achieves") ends an opening phrase instead.
  let first = k;
  const m = s.mentions[k] as Mention;
  if (k > 0 && /(?:\band|\bor|\/)\s*$/.test(s.lower.slice((s.mentions[k - 1] as Mention).end, m.start)))
    first = groupOf(s, k)[0] as number;
  const f = s.mentions[first] as Mention;
  return GOVERNED_BEFORE.test(s.lower.slice(Math.max(0, f.start - 24), f.start));
}

/** Is one of the objects (candidates) written after "on", "across" or "over" (an evaluation object)? */
function someEvaluationObject(s: SentenceInfo, objects: number[]): boolean {
  for (const o of objects) {
    const m = s.mentions[s.cands.indexOf(o)] as Mention;
    if (EVAL_OBJECT_BEFORE.test(s.lower.slice(Math.max(0, m.start - 24), m.start))) return true;
  }
  return false;
}

/** Does a mention end at token `last`? */
function endsAtToken(mentions: Mention[], last: number): boolean {
  for (const m of mentions) if (m.last === last) return true;
  return false;
}

/** Are none of the candidates name-shaped by themselves? */
function noneStrong(cands: Candidate[], members: number[]): boolean {
  for (const c of members) if ((cands[c] as Candidate).strong) return false;
  return true;
}

function giveAll(cands: Candidate[], members: number[], label: HeadLabel, weight: number): void {
  for (const c of members) addTo(cands, c, label, weight);
}

function typeOfCand(st: PaperState, c: number): EntityLabel | null {
  return st.labelOf.get(find(st.cands, c))?.label ?? null;
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
function readSentences(input: PaperInput): SentenceInfo[] {
  const sentences: SentenceInfo[] = [];
  if (input.title) sentences.push(sentenceInfo(input.title, true));
  for (const s of splitSentences(input.abstract)) sentences.push(sentenceInfo(s.text, false));
  const known = new Set<string>();
  for (const s of sentences) {
    if (s.isTitle) continue;
    s.mentions = findMentions(s.clean, s.tokens, known);
    for (const m of s.mentions) if (m.first > 0) known.add((s.tokens[m.first] as Token).text);
  }
  // A title is all capitals: only name-shaped tokens and its subject ("Innovator: ...") count.
  const subject = input.title ? titleSubject(input.title) : null;
  const titleKnown = new Set(subject ? subject.name.split(" ") : []);
  for (const s of sentences) {
    const first = s.tokens[0];
    if (s.isTitle) s.mentions = findMentions(s.clean, s.tokens, titleKnown, false);
    else if (first && known.has(first.text)) s.mentions = findMentions(s.clean, s.tokens, known);
    s.pairs = findAbbreviations(s.clean, s.tokens);
    s.mentions = expandSizes(s.mentions);
  }
  return sentences;
}

/** Abbreviation pairs: a Title Case long form is a mention of the same entity. */
function abbreviationMentions(sentences: SentenceInfo[]): void {
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
function makeCandidates(st: PaperState): void {
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
      if (!/ (?:Challenge|Benchmark|Dataset|Corpus) \S+$/.test(surface)) continue;
      stripped.set(keyOf(surface.replace(/ (?:Challenge|Benchmark|Dataset|Corpus)(?= \S+$)/, "")), c.index);
    }
  }
  if (stripped.size > 0) {
    for (const c of cands) {
      const target = stripped.get(c.key);
      if (target !== undefined && target !== c.index) unite(cands, c.index, target);
    }
  }
}

/** Type evidence from the names themselves and from abbreviation long forms. */
function typeFromNames(st: PaperState): void {
  const { cands, sentences, input } = st;
  /** The abstract without URLs: "github.com/x/corvid" does not make "Corvid" an ordinary word. */
  const proseOnly =
    input.abstract.indexOf("http") < 0 ? input.abstract : input.abstract.replace(/https?:\/\/\S+/g, " ");
  const groupSize = new Map<number, number>();
  for (const c of cands) groupSize.set(find(cands, c.index), (groupSize.get(find(cands, c.index)) ?? 0) + 1);
  // 4. Type evidence from the names themselves (a pure function of each surface, cached).
  for (const c of cands) {
    let stop = false;
    for (const surface of c.surfaces.keys()) {
      const ev = surfaceEvidence(surface);
      if (ev.stop) stop = true;
      addScore(c.score, ev.score);
    }
    if (stop) addTo(cands, c.index, "Reject", 100);
    // A company named alone is no model or data set ("OpenAI", "NVIDIA"); "Mistral" the family is.
    for (const surface of c.surfaces.keys()) {
      if (surfaceEvidence(surface).company) addTo(cands, c.index, "Reject", 100);
    }
    // A capitalised word or phrase the same abstract also writes in lower case is an ordinary
    // word that opened a clause or a heading ("Reasoning", "Language Models"), not a name.
    if (!c.strong) {
      for (const surface of c.surfaces.keys()) {
        const ev = surfaceEvidence(surface);
        if (
          writtenInLowerCase(proseOnly, surface) ||
          ev.pluralPhrase ||
          (groupSize.get(find(cands, c.index)) === 1 && ev.typePhrase)
        ) {
          addTo(cands, c.index, "Reject", 100);
          break;
        }
      }
    }
  }

  // Abbreviation long forms type their short form: "... Memory Network (RSM-Net)".
  for (const s of sentences) {
    for (const p of s.pairs) {
      const idx = s.mentions.findIndex((m) => m.start === p.shortStart && m.end === p.shortEnd);
      if (idx < 0) continue;
      const c = s.cands[idx] as number;
      if (isStopName(p.long)) addTo(cands, c, "Reject", 100);
      if (p.longIsName) continue;
      const lastWord = (p.long.split(/\s+/).pop() ?? "").toLowerCase();
      if (TASK_TAILS.has(lastWord)) addTo(cands, c, "Task", 2);
      if (MODEL_TAILS_WORDS.has(lastWord)) addTo(cands, c, "Model", 2);
      if (METHOD_TAILS_WORDS.has(lastWord)) addTo(cands, c, "Method", 2);
      if (DATASET_TAILS_WORDS.has(lastWord)) addTo(cands, c, "Benchmark", 1);
      const head = headOf(lastWord);
      if (head && head.label !== "Model") addTo(cands, c, head.label, head.weight);
      if (
        /^(?:large |multimodal |vision[- ]|visual |small |pre-?trained )*(?:language|vision-language|foundation|diffusion) models?$/i.test(
          p.long,
        )
      )
        addTo(cands, c, "Reject", 100);
    }
  }
}

/** Type evidence from head nouns around each mention and coordinated group. */
function typeFromHeads(st: PaperState): void {
  for (const s of st.sentences) headNounsOf(st, s);
}

/** Head nouns around the mentions of one sentence and its coordinated groups ("X, Y and Z datasets"). */
function headNounsOf(st: PaperState, s: SentenceInfo): void {
  const { cands, datasetHead } = st;
  const ms = s.mentions;
  const groups: number[][] = [];
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k] as Mention;
    const prevGroup = groups[groups.length - 1];
    const prevM = k > 0 ? (ms[k - 1] as Mention) : undefined;
    const between = prevM ? s.clean.slice(prevM.end, m.start) : "";
    if (prevGroup && prevM && COORDINATION.test(between)) prevGroup.push(k);
    else groups.push([k]);
  }
  for (const g of groups) {
    const firstM = ms[g[0] as number] as Mention;
    const lastM = ms[g[g.length - 1] as number] as Mention;
    const plural = g.length > 1;
    const members: number[] = [];
    for (const k of g) members.push(s.cands[k] as number);
    // After: "the MODMA dataset", "(Serp-Mamba) network", "AVEC2014 and DAIC-WOZ datasets".
    let t = lastM.last + 1;
    const lastTok = s.tokens[lastM.last] as Token;
    if (lastTok.after === "" || lastTok.after === ")") {
      let next = s.tokens[t];
      if (next?.before.startsWith("(") && lastTok.after === "") {
        let close = t;
        while (close < s.tokens.length && close - t < 4 && !(s.tokens[close] as Token).after.startsWith(")"))
          close++;
        if ((s.tokens[close] as Token | undefined)?.after === ")") {
          t = close + 1;
          next = s.tokens[t];
        }
      }
      if (next && next.before === "") {
        const w = next.text.toLowerCase();
        const two = s.tokens[t + 1] ? `${w} ${(s.tokens[t + 1] as Token).text.toLowerCase()}` : "";
        let head = headOf(two) ?? headOf(w);
        let weight = head?.weight ?? 0;
        const second = s.tokens[t + 1];
        if (!head && second && LOWER_WORD.test(w) && next.after === "" && second.before === "") {
          // "(SIA) scan mechanism": one modifier before the head noun.
          head = headOf(second.text);
          weight = (head?.weight ?? 0) * 0.8;
        }
        if (head && (plural || !/s$/.test(w) || w === "series" || head.label === "Reject")) {
          giveAll(cands, members, head.label, weight);
          if (head.label === "Dataset" || head.label === "Benchmark")
            for (const c of members) datasetHead.add(c);
        }
      }
    }
    // Appositive or copula: "X, an open-source multimodal agentic model", "X is a ... model".
    const tail = s.lower.slice(lastM.end, lastM.end + 24);
    const appo = APPOSITIVE_AFTER.exec(tail);
    if (appo) {
      let k = lastM.last + 1;
      const startOffset = lastM.end + appo[0].length;
      while (k < s.tokens.length && (s.tokens[k] as Token).start < startOffset) k++;
      let found: { label: HeadLabel; weight: number } | undefined;
      for (let n = 0; n < 10 && k < s.tokens.length; n++, k++) {
        const tok = s.tokens[k] as Token;
        const w = tok.text.toLowerCase();
        if (tok.before.startsWith("(")) continue;
        if (APPOSITIVE_STOP.has(w)) break;
        const head = headOf(w);
        if (head) found = head;
        // "a user-centric, multi-dimensional benchmark": a comma between adjectives goes on.
        if (tok.after !== "" && !tok.after.startsWith(")") && !(tok.after === "," && !found)) break;
      }
      if (found) giveAll(cands, members, found.label, found.weight);
    }
    // Before: "a representative model, STU-Net", "datasets MS-CXR, ...", "models such as GPT-4".
    const firstTok = s.tokens[firstM.first] as Token;
    const prevTok = s.tokens[firstM.first - 1];
    const lastOfGroup = s.tokens[lastM.last] as Token;
    const followed = s.tokens[lastM.last + 1];
    const appositiveX =
      lastOfGroup.after !== "" ||
      followed === undefined ||
      followed.before !== "" ||
      LINKING_WORD.test(followed.text);
    const opening = OPENING_PHRASE.test(s.lower.slice(0, Math.max(0, firstM.start - 2)));
    const attached = prevTok !== undefined && endsAtToken(s.mentions, firstM.first - 2);
    if (
      prevTok &&
      (prevTok.after === "" || (prevTok.after === "," && appositiveX && !opening && !attached)) &&
      (firstTok.before === "" || firstTok.before === "(")
    ) {
      const head = headOf(prevTok.text);
      if (
        head &&
        (plural ||
          prevTok.after === "," ||
          firstTok.before === "(" ||
          !/s$/.test(prevTok.text) ||
          head.label !== "Method")
      ) {
        const weakName = noneStrong(cands, members);
        giveAll(
          cands,
          members,
          head.label,
          weakName && firstTok.before === "(" && !plural ? Math.min(head.weight, 1.5) : head.weight,
        );
      }
    }
    if (prevTok && prevTok.after === ":" && firstTok.before === "") {
      for (let k = firstM.first - 1; k >= Math.max(0, firstM.first - 9); k--) {
        const head = headOf((s.tokens[k] as Token).text);
        if (head) {
          giveAll(cands, members, head.label, head.weight);
          break;
        }
        if (k < firstM.first - 1 && (s.tokens[k] as Token).after !== "") break;
      }
    }
    const before = s.lower.slice(Math.max(0, firstM.start - 40), firstM.start);
    const such = SUCH_AS_BEFORE.exec(before);
    if (such?.[1]) {
      const head = headOf(such[1]);
      if (head) giveAll(cands, members, head.label, head.weight * 0.8);
    }
  }
}

/** The title's subject: "Intern-S1: A Scientific Multimodal Foundation Model". */
function titleSubjectCandidate(st: PaperState): void {
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
        if (
          /\b(?:model|models|llms?|mllms?|vlms?|agents?|assistant|network|transformer|foundation|generalist|detector|segmenter)\b/.test(
            rest,
          )
        )
          addTo(cands, titleCand, "Model", 1);
        if (/\b(?:benchmark|benchmarking|dataset|corpus|arena|leaderboard)\b/.test(rest))
          addTo(cands, titleCand, "Benchmark", 1);
      }
    }
  }
  st.titleCand = titleCand;
}

/** Relation patterns: proto-edges (typed after voting) and the roles they give names. */
function readPatterns(st: PaperState): void {
  const sentences = st.sentences;
  for (let si = 0; si < sentences.length; si++) patternsOf(st, sentences[si] as SentenceInfo, si);
}

/** The relation patterns of one sentence. */
function patternsOf(st: PaperState, s: SentenceInfo, si: number): void {
  const { protos, roles, corefData, paperLower, introducedAt, introCandidates } = st;
  const ms = s.mentions;
  const cs = s.cands;
  // Every pattern here reads names: a sentence without any has none (nor an evaluation cue).
  if (ms.length === 0) return;
  // INTRODUCES: names after an introduction cue, not preceded by "from", "than", "with"...
  INTRO_CUE.lastIndex = 0;
  const cueEnds: number[] = [];
  let cueStart = -1;
  for (let m = INTRO_CUE.exec(s.lower); m !== null; m = INTRO_CUE.exec(s.lower)) {
    if (cueStart < 0) cueStart = m.index;
    cueEnds.push(m.index + m[0].length);
    if (m[0].length === 0) INTRO_CUE.lastIndex++;
  }
  if (cueStart >= 0) {
    // The name a cue introduces is the first one after it (with its coordination and its
    // abbreviation); later names are new only when joined by "and" ("X, a model ..., and Y").
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k] as Mention;
      if (m.start < cueStart) continue;
      // The last cue that ends before the name.
      let cue = -1;
      for (const e of cueEnds) if (e <= m.start) cue = e;
      const before = s.lower.slice(Math.max(cueStart, m.start - 40), m.start);
      // Right after a cue ("the development of the X dataset") X is introduced whatever the cue ends with.
      const rightAfterCue = cue >= 0 && s.lower.slice(cue, m.start).trim().length === 0;
      if (!rightAfterCue && (NOT_INTRODUCED_BEFORE.test(before) || USED_NEARBY.test(before.slice(-28))))
        continue;
      if (EG_BEFORE.test(before)) continue;
      if (rightAfterCue && m.strong) st.introducedNames.add(cs[k] as number);
      const prev = ms[k - 1];
      const partner =
        prev !== undefined &&
        (prev.start === m.start || OPEN_BRACKET_BETWEEN.test(s.clean.slice(prev.end, m.start)));
      const joined = AND_BEFORE.test(before.slice(-12)) || groupOf(s, k)[0] !== k;
      introCandidates.push({ si, k, c: cs[k] as number, cue, follows: partner || joined });
    }
  }
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k] as Mention;
    if (CALLED_BEFORE.test(s.lower.slice(Math.max(0, m.start - 80), m.start))) {
      const c = cs[k] as number;
      if (!introducedAt.has(c)) introducedAt.set(c, si);
    }
  }
  if (IS_PROPOSED.test(s.lower)) {
    const c = cs[0] as number;
    if (!introducedAt.has(c)) introducedAt.set(c, si);
  }

  // Pairs of mentions in order: BASED_ON, TRAINED_ON, USES_METHOD, DEVELOPED (X from ORG).
  for (let a = 0; a < ms.length; a++) {
    const A = ms[a] as Mention;
    for (let b = a + 1; b < ms.length && b <= a + 6; b++) {
      const B = ms[b] as Mention;
      const between = s.lower.slice(A.end, B.start);
      if (between.length > 90) break;
      // Cheap gate: every pair pattern needs one of these words between the names.
      if (!PAIR_GATE.test(between)) continue;
      const ca = cs[a] as number;
      const cb = cs[b] as number;
      // The pair patterns of derivation read adjacent names of one clause only ("Swan-S, based on A, and
      // Swan-L, built on B": B is the base of Swan-L alone); farther pairs are the frames' (nearest subject).
      const fwd = b === a + 1 && !/[;:]/.test(between) ? BASED_FORWARD.exec(between) : null;
      if (fwd) {
        const verb = fwd[1] as string;
        const prep = fwd[2] as string;
        if (prep === "on" || (prep === "upon" && /trained/.test(verb))) {
          // "fine-tuned on X": a base model or a data set, decided by X's type.
          pushPair(protos, s, a, b, {
            type: "BASED_ON",
            from: ca,
            to: cb,
            method: inferBasedOnMethod(verb, s.text, paperLower),
            sentence: si,
            confidence: 0.75,
            extractor: "pattern:tuned-on-model",
            need: [["Model"], ["Model"]],
          });
          pushPair(protos, s, a, b, {
            type: "TRAINED_ON",
            from: ca,
            to: cb,
            sentence: si,
            confidence: 0.8,
            extractor: "pattern:trained-on",
            need: [["Model"], ["Dataset"]],
          });
          roles.push({ cand: ca, label: "Model", weight: 1 });
        } else if (
          /trained|built|developed|obtained|created/.test(verb) &&
          prep === "from" &&
          !/pre-?trained|fine|post/.test(verb)
        ) {
          pushPair(protos, s, a, b, {
            type: "BASED_ON",
            from: ca,
            to: cb,
            method: inferBasedOnMethod(verb, s.text, paperLower),
            sentence: si,
            confidence: 0.7,
            extractor: "pattern:built-from",
            need: [["Model"], ["Model"]],
          });
        } else {
          pushPair(protos, s, a, b, {
            type: "BASED_ON",
            from: ca,
            to: cb,
            method: inferBasedOnMethod(verb, s.text, paperLower),
            sentence: si,
            confidence: 0.9,
            extractor: `pattern:${verb.replace(/\s+/g, "-")}-${prep.replace(/\s+/g, "-")}`,
            need: [["Model"], ["Model"]],
          });
          roles.push({ cand: ca, label: "Model", weight: 2 }, { cand: cb, label: "Model", weight: 2 });
        }
        continue;
      }
      const ext = BASED_EXTENDS.exec(between);
      if (ext) {
        // The edge is the frame "built-upon"'s (its subject is the nearest name, not any before).
        const strongVerb = /extend|version|variant|upcycl|distill|initiali/.test(ext[1] as string);
        if (strongVerb)
          roles.push({ cand: ca, label: "Model", weight: 1.5 }, { cand: cb, label: "Model", weight: 1.5 });
        continue;
      }
      const rev = BASED_REVERSE.exec(between);
      if (rev) {
        const verb = rev[1] as string;
        pushPair(protos, s, a, b, {
          type: "BASED_ON",
          from: cb,
          to: ca,
          method: inferBasedOnMethod(verb, s.text, paperLower),
          sentence: si,
          confidence: 0.8,
          extractor: "pattern:tune-to-obtain",
          need: [["Model"], ["Model"]],
        });
        continue;
      }
      // "we fine-tune X on D": the frame "trained-on" (rules/derivation.ts), which gives D to the model made.
      if (
        ON_BETWEEN.test(between) &&
        TRAIN_VERB_BEFORE.test(s.lower.slice(Math.max(0, A.start - 30), A.start))
      ) {
        roles.push({ cand: cb, label: "Dataset", weight: 1 });
        continue;
      }
      const trained = TRAINED_FORWARD.exec(between);
      // The verb close after the first name: "X, trained on D", not "X (…) and the 17B Y trained with D".
      if (trained !== null && trained.index <= 24 && !/[()]/.test(between.slice(0, trained.index))) {
        pushPair(protos, s, a, b, {
          type: "TRAINED_ON",
          from: ca,
          to: cb,
          sentence: si,
          confidence: 0.8,
          extractor: "pattern:trained-on",
          need: [["Model"], ["Dataset"]],
        });
        if (ON_BEFORE.test(between)) roles.push({ cand: cb, label: "Dataset", weight: 1 });
        continue;
      }
      if (TRAINED_BY_DATA.test(between)) {
        pushPair(protos, s, a, b, {
          type: "TRAINED_ON",
          from: cb,
          to: ca,
          sentence: si,
          confidence: 0.75,
          extractor: "pattern:used-to-train",
          need: [["Model"], ["Dataset"]],
        });
        continue;
      }
      if (USES_BETWEEN.test(between)) {
        pushPair(protos, s, a, b, {
          type: "USES_METHOD",
          from: ca,
          to: cb,
          sentence: si,
          confidence: 0.7,
          extractor: "pattern:via-method",
          need: [["Model"], ["Method"]],
        });
      }
      // "X from NVIDIA" (DEVELOPED) is read once types are known: edgesFromOrganisations.
    }
  }

  framesOf(st, s, si);

  // Data first: "Based on this dataset, we present SegAnyPET"; "After scaling up to ... SA-1B, S2-UniSeg ...".
  const opening = DATA_FIRST_OPENING.exec(s.lower);
  if (opening) {
    const comma = s.lower.indexOf(",", opening[0].length);
    if (comma > 0) {
      const dataK = ms.findIndex((m) => m.end <= comma);
      const afterComma = TRAINING_VERB_AFTER_COMMA.exec(s.lower.slice(comma, comma + 80));
      const clause = afterComma ? comma + afterComma[0].length : -1;
      const modelK = ms.findIndex((m) => m.start > comma && m.start <= clause + 40);
      const subjectFirst =
        modelK >= 0 &&
        clause >= 0 &&
        s.lower.slice(clause, (ms[modelK] as Mention).start).trim().length === 0;
      const verbFirst = afterComma !== null && /\bwe\b/.test(afterComma[0]);
      const ambiguous = /^(?:using|leveraging|with)\b/.test(opening[0]);
      if (modelK >= 0 && (verbFirst || (subjectFirst && !ambiguous))) {
        const to: number | "coref" | null =
          dataK >= 0 ? (cs[dataK] as number) : THIS_DATASET.test(s.lower.slice(0, comma)) ? "coref" : null;
        if (to !== null) {
          const mc = cs[modelK] as number;
          if (to === "coref") {
            corefData.push({ sentence: si, model: mc, own: OWN_DATA.test(s.lower.slice(0, comma)) });
          } else {
            protos.push({
              type: "TRAINED_ON",
              from: mc,
              to,
              sentence: si,
              confidence: 0.75,
              extractor: "pattern:based-on-data",
              need: [["Model"], ["Dataset"]],
            });
            roles.push({ cand: to, label: "Dataset", weight: 1 });
          }
        }
      }
    }
  }

  // EVALUATED_ON roles: subjects of "achieves/outperforms", objects of "on/across".
  s.evalCue = EVAL_CUE.test(s.lower);
  if (s.evalCue) {
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k] as Mention;
      const after = s.lower.slice(m.end, m.end + 60);
      const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
      const subjectOfVerb =
        SUBJECT_VERB.test(after) && !COMPARISON_BEFORE.test(before) && !governedName(s, k);
      if (
        subjectOfVerb ||
        EVAL_VERB_BEFORE.test(before.slice(-30)) ||
        (EVAL_LIST_BEFORE.test(s.lower.slice(Math.max(0, m.start - 200), m.start)) &&
          !FROM_BY_BEFORE.test(before))
      )
        // A capitalised word after "evaluate" is as often a task ("evaluate Online Spatio-Temporal understanding").
        roles.push({
          cand: cs[k] as number,
          label: "Model",
          weight: m.strong ? 2 : subjectOfVerb ? 1.5 : 0.75,
        });
      else if (EVAL_OBJECT_BEFORE.test(before.slice(-16)) && !TRAINED_ON_BEFORE.test(before)) {
        roles.push({ cand: cs[k] as number, label: "Dataset", weight: 1.5 });
      }
    }
  }
}

/**
 * The derivation frames (rules/derivation.ts) of one sentence as proto-edges. A base made
 * into the paper's model gives that model its training data too ("we fine-tune Foo on D":
 * D trained the model made, and Foo only when the paper names no model of its own).
 */
function framesOf(st: PaperState, s: SentenceInfo, si: number): void {
  const matches = matchFrames(s.lower, s.mentions);
  if (matches.length === 0) return;
  const cs = s.cands;
  const madeFrom = new Map<number, number | "main">();
  // A product the sentence names ("…, yielding Baz") is the model made, not the paper's model.
  const named = new Set<number>();
  const subjects = new Set<number>();
  for (const fm of matches) {
    if (fm.subject === "main") continue;
    subjects.add(fm.subject);
    if (fm.frame.type === "BASED_ON") named.add(fm.object);
  }
  for (const fm of matches) {
    const f = fm.frame;
    // The object with the names coordinated after it, up to a name that is a subject itself
    // ("Baz-S, based on Foo, and Baz-L, built on Bar": Baz-L is no second base of Baz-S).
    const objects: number[] = [];
    for (const k of groupOf(s, fm.object)) {
      if (k < fm.object) continue;
      if (k > fm.object && subjects.has(k)) break;
      objects.push(k);
    }
    if (f.type === "BASED_ON" && fm.subject === "main" && named.has(fm.object)) continue;
    if (f.type === "BASED_ON") {
      // The subject with the names coordinated with it ("Baz-7B and Baz-14B, fine-tuned from Foo-7B/14B"),
      // sizes paired when both sides name several.
      const makers: Array<number | "main"> = fm.subject === "main" ? ["main"] : groupOf(s, fm.subject);
      for (const maker of makers) {
        const from = maker === "main" ? "main" : (cs[maker] as number);
        for (const k of objects) {
          if (maker !== "main") {
            const M = s.mentions[maker] as Mention;
            const O = s.mentions[k] as Mention;
            if (M.start === O.start || !listSizesFit(s, maker, k)) continue;
            if (maker !== fm.subject && OBJECT_BEFORE.test(s.lower.slice(Math.max(0, M.start - 12), M.start)))
              continue;
          }
          madeFrom.set(k, from);
          // What is made is a model (or a system, a Model too); what it is made from is one only when a
          // verb of derivation says so: "built on X" alone is also said of engines and methods.
          if (from !== "main") st.roles.push({ cand: from, label: "Model", weight: 1.5 });
          if (f.typesObject) st.roles.push({ cand: cs[k] as number, label: "Model", weight: 1 });
          st.protos.push({
            type: "BASED_ON",
            from,
            to: cs[k] as number,
            method:
              f.method === "by-verb" || f.method === undefined
                ? inferBasedOnMethod(fm.words, s.text, st.paperLower)
                : f.method,
            sentence: si,
            confidence: maker === fm.subject || maker === "main" ? f.confidence : f.confidence - 0.05,
            extractor: `frame:${f.id}`,
            need: [["Model"], ["Model"]],
          });
        }
      }
      continue;
    }
    // TRAINED_ON: the model before the data, or the model made from it, or the paper's model.
    if (fm.subject !== "main" && f.subject === "next") {
      for (const g of groupOf(s, fm.subject)) {
        st.roles.push({ cand: cs[g] as number, label: "Model", weight: 1 });
        for (const k of objects) {
          st.roles.push({ cand: cs[k] as number, label: "Dataset", weight: 1.5 });
          st.protos.push({
            type: "TRAINED_ON",
            from: cs[g] as number,
            to: cs[k] as number,
            sentence: si,
            confidence: f.confidence,
            extractor: `frame:${f.id}`,
            need: [["Model"], ["Dataset"]],
          });
        }
      }
      continue;
    }
    // The names before the data in its clause, nearest first, each tried until one is a model.
    let from: number | "main" = "main";
    const orElse: Array<number | "main"> = [];
    if (fm.subject !== "main") from = cs[fm.subject] as number;
    else {
      const before = previousMentions(s, fm.object);
      let made: number | "main" | undefined;
      for (const p of before) made ??= madeFrom.get(p);
      if (made !== undefined) {
        from = made;
        for (const p of before) orElse.push(cs[p] as number);
      } else if (before.length > 0) {
        from = cs[before[0] as number] as number;
        for (const p of before.slice(1)) orElse.push(cs[p] as number);
        orElse.push("main");
      }
    }
    for (const k of objects) {
      // "… on the LIBERO benchmark": data named as a benchmark is evaluated on, not trained on.
      const O = s.mentions[k] as Mention;
      if (BENCHMARK_AFTER.test(s.lower.slice(O.end, O.end + 16))) continue;
      const proto: ProtoEdge = {
        type: "TRAINED_ON",
        from,
        to: cs[k] as number,
        sentence: si,
        confidence: f.confidence,
        extractor: `frame:${f.id}`,
        need: [["Model"], ["Dataset"]],
      };
      if (orElse.length > 0) proto.orElse = orElse;
      st.protos.push(proto);
      st.roles.push({ cand: cs[k] as number, label: "Dataset", weight: 0.5 });
    }
  }
}

const CLAUSE_BREAK = /[;:]|\.\s/;
const BENCHMARK_AFTER = /^\s*(?:benchmarks?|leaderboards?|test sets?)\b/;

/** The mentions before mention k in its clause (not coordinated with it), nearest first, at most three. */
function previousMentions(s: SentenceInfo, k: number): number[] {
  const group = groupOf(s, k);
  const obj = s.mentions[group[0] as number] as Mention;
  const out: number[] = [];
  for (let j = (group[0] as number) - 1; j >= 0 && out.length < 3; j--) {
    const m = s.mentions[j] as Mention;
    if (CLAUSE_BREAK.test(s.lower.slice(m.end, obj.start)) || obj.start - m.end > 120) break;
    if (out.length > 0 && (s.mentions[out[out.length - 1] as number] as Mention).start === m.start) continue;
    out.push(j);
  }
  return out;
}

/** Is a member of the alias group of `root` a name-shaped name right after an introduction cue? */
function introducedName(st: PaperState, root: number): boolean {
  for (const c of st.introducedNames) if (find(st.cands, c) === root) return true;
  return false;
}

/** One label per entity (root of each alias group), by the evidence gathered. */
function decideLabels(st: PaperState): void {
  const { cands, roles, datasetHead, debug } = st;
  // 8. Decide one label per entity (root of each alias group).
  for (const r of roles) addTo(cands, r.cand, r.label, r.weight);
  const groupScore = new Map<number, Score>();
  const groupStrong = new Map<number, boolean>();
  for (const c of cands) {
    const root = find(cands, c.index);
    let g = groupScore.get(root);
    if (g === undefined) {
      g = emptyScore();
      groupScore.set(root, g);
    }
    addScore(g, c.score);
    groupStrong.set(root, (groupStrong.get(root) ?? false) || c.strong);
  }
  const labelOf = st.labelOf;
  for (const [root, g] of groupScore) {
    if (debug) {
      const names = cands.filter((c) => find(cands, c.index) === root).flatMap((c) => [...c.surfaces.keys()]);
      const sc = Object.entries(g)
        .filter(([, v]) => v !== 0)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
      debug(`${names.join(" | ")}: ${sc}${groupStrong.get(root) ? "" : " (weak)"}`);
    }
    // The best of Model, Dataset (with benchmarks) and Method, the first of them on a tie.
    const dataset = g.Dataset + g.Benchmark;
    let label: EntityLabel = "Model";
    let best = g.Model;
    if (dataset > best) {
      label = "Dataset";
      best = dataset;
    }
    if (g.Method > best) {
      label = "Method";
      best = g.Method;
    }
    const tied = (g.Model === best ? 1 : 0) + (dataset === best ? 1 : 0) + (g.Method === best ? 1 : 0) > 1;
    const threshold = groupStrong.get(root) ? 1.5 : 2;
    // A name-shaped name the paper introduces with nothing else to tell its type is the system it
    // builds: a Model (annotation.md), at the lowest weight so that other papers' evidence outvotes it.
    if (
      best === 0 &&
      g.Dataset === 0 &&
      g.Benchmark === 0 &&
      g.Method === 0 &&
      g.Reject === 0 &&
      g.Task === 0 &&
      introducedName(st, root)
    ) {
      labelOf.set(root, { label: "Model", weight: 0.5 });
      continue;
    }
    if (
      best < threshold ||
      best <= g.Reject ||
      (best <= g.Task && !datasetHead.has(root) && ![...datasetHead].some((c) => find(cands, c) === root)) ||
      tied
    )
      continue;
    labelOf.set(
      root,
      label === "Dataset"
        ? { label, kind: g.Benchmark > g.Dataset ? "benchmark" : "dataset", weight: best }
        : { label, weight: best },
    );
  }
}

/** What the paper introduces, its main model, and "this dataset" coreference. */
function resolveIntroductions(st: PaperState): void {
  const { cands, protos, introducedAt, introCandidates, introducedHere, titleCand, labelOf, corefData } = st;
  // A cue introduces the first typed name after it, with its abbreviation and the names
  // joined to it by "and"; later names ("... compared with GPT-4") are only mentioned.
  let clause = "";
  let taken = false;
  for (const ic of introCandidates) {
    const id = `${ic.si}:${ic.cue}`;
    if (id !== clause) {
      clause = id;
      taken = false;
    }
    if (typeOfCand(st, ic.c) === null) continue;
    if (taken && !ic.follows) continue;
    taken = true;
    introducedHere.add(`${ic.si}:${ic.k}`);
    const prev = introducedAt.get(ic.c);
    if (prev === undefined || ic.si < prev) introducedAt.set(ic.c, ic.si);
  }

  for (const [c, si] of introducedAt) {
    const root = find(cands, c);
    const cand = cands[root] as Candidate;
    if (!cand.introduced) {
      cand.introduced = true;
      cand.position = Math.min(cand.position, si * 1e6);
    }
  }
  if (titleCand !== null) (cands[find(cands, titleCand)] as Candidate).introduced = true;

  // A model made from a model this paper introduces is new too: "Innovator-Reason, post-trained from Innovator".
  const introducedRoots = new Set<number>();
  for (const c of introducedAt.keys()) introducedRoots.add(find(cands, c));
  if (titleCand !== null) introducedRoots.add(find(cands, titleCand));
  for (const p of protos) {
    if (p.type !== "BASED_ON" || typeof p.from !== "number" || typeof p.to !== "number") continue;
    const toRoot = find(cands, p.to);
    const fromRoot = find(cands, p.from);
    if (
      introducedRoots.has(toRoot) &&
      !introducedRoots.has(fromRoot) &&
      typeOfCand(st, p.from) === "Model" &&
      typeOfCand(st, p.to) === "Model"
    ) {
      introducedAt.set(p.from, p.sentence);
      introducedRoots.add(fromRoot);
      (cands[fromRoot] as Candidate).introduced = true;
    }
  }
  // "X fine-tuned from Y via LoRA": the technique belongs to X, the model being made.
  for (const p of protos) {
    if (p.type !== "USES_METHOD" || typeof p.from !== "number") continue;
    const made = protos.find((q) => q.type === "BASED_ON" && q.sentence === p.sentence && q.to === p.from);
    if (made && typeof made.from === "number") p.from = made.from;
  }

  // The paper's main model: the first Model it introduces, else its title subject.
  let main: number | null = null;
  let mainPos = Number.POSITIVE_INFINITY;
  // The paper's main contribution is the first thing it introduces; "our method" refers to it,
  // and it stands for a Model only when it is one.
  for (const [c, si] of introducedAt) {
    const root = find(cands, c);
    const t = typeOfCand(st, root);
    if (
      t !== null &&
      t !== "Method" &&
      (si < mainPos ||
        (si === mainPos && (cands[root] as Candidate).position < (cands[main ?? root] as Candidate).position))
    ) {
      main = root;
      mainPos = si;
    }
    if (t === "Method" && si < mainPos) {
      main = null;
      mainPos = si;
    }
  }
  if (main !== null && typeOfCand(st, main) !== "Model") main = null;
  if (main === null && titleCand !== null && typeOfCand(st, titleCand) === "Model")
    main = find(cands, titleCand);
  const introducedBenchmarks = st.introducedBenchmarks;
  for (const [c] of introducedAt) {
    const root = find(cands, c);
    const l = labelOf.get(root);
    if (l?.label === "Dataset" && l.kind === "benchmark") introducedBenchmarks.add(root);
  }
  if (titleCand !== null && labelOf.get(find(cands, titleCand))?.kind === "benchmark")
    introducedBenchmarks.add(find(cands, titleCand));

  // Coreference "this dataset": the last named data set of the one or two sentences before.
  st.main = main;
  for (const { sentence, model, own } of corefData.splice(0)) {
    const target = previousDatasetOf(st, sentence, own && typeOfCand(st, model) === "Model");
    if (target !== null) {
      protos.push({
        type: "TRAINED_ON",
        from: model,
        to: target,
        sentence,
        confidence: 0.7,
        extractor: "pattern:based-on-this-dataset",
        need: [["Model"], ["Dataset"]],
      });
    }
  }
  st.main = main;
}

/** A sentence that builds a data set, corpus or benchmark ("We first build the largest PET dataset"). */
const BUILDS_DATA =
  /\b(?:build|built|construct|collect|curat|creat|introduc|present|releas|assembl|compil)\w*\s+(?:[\w-]+\s+){0,8}?(?:dataset|data set|corpus|benchmark)\b/;
/** "this dataset", "these benchmarks", "our corpus": the paper's own data, referred back to. */
const OWN_DATA =
  /\b(?:this|these|our)\s+(?:[\w-]+\s+){0,2}?(?:dataset|datasets|data set|corpus|benchmark|data|resource|collection)\b/;
/** Words of training: "fine-tuned on this dataset" is no evaluation on it. */
const TRAINS = /\b(?:train|fine-?tun|finetun|pre-?train|post-?train)\w*|\bsft\b|\bcft\b/;
/** The same on the sentence as written, capturing the words before the head noun and the head noun. */
const BUILDS_DATA_PHRASE =
  /\b(?:build|built|construct|collect|curat|creat|introduc|present|releas|assembl|compil)\w*\s+((?:[\w-]+\s+){0,8}?)(dataset|data set|corpus|benchmark)\b/i;
/** Words before a data set's head noun that describe no content ("the largest and most comprehensive"). */
const GENERIC_MODIFIERS = new Set(
  "a an the this that these those our its their his her new novel first ever existing large larger largest big bigger biggest huge massive most more comprehensive extensive high-quality large-scale small-scale diverse rich unique challenging rigorous standardized standardised systematic holistic unified realistic robust reliable principled dedicated specialized specialised public publicly available open open-source real-world carefully manually annotated curated resulting additional several multiple various dataset data set corpus benchmark and or of to with for from in on by as".split(
    " ",
  ),
);

/**
 * The data set that sentence `si` builds without a name ("We first build the largest and
 * most comprehensive PET dataset to date"), as a candidate of its own: a Dataset the paper
 * introduces, named from the phrase ("PET dataset (unnamed, from <title or first words>)").
 * Made once per sentence; null when the phrase cannot be read.
 */
function unnamedDataset(st: PaperState, si: number): number | null {
  const known = st.unnamedData.get(si);
  if (known !== undefined) return known;
  const s = st.sentences[si] as SentenceInfo;
  const m = namesItsData(st) ? null : BUILDS_DATA_PHRASE.exec(s.clean);
  if (m === null) {
    st.unnamedData.set(si, null);
    return null;
  }
  // The content words just before the head noun, at most three: "PET", "multimodal medical".
  const words = (m[1] as string).trim().split(/\s+/);
  const kept: string[] = [];
  for (let k = words.length - 1; k >= 0 && kept.length < 3; k--) {
    const w = words[k] as string;
    const lower = w.toLowerCase();
    if (w.length === 0 || GENERIC_MODIFIERS.has(lower) || /(?:est|ly)$/.test(lower) || /^\d/.test(w)) break;
    kept.unshift(w);
  }
  const head = (m[2] as string).toLowerCase();
  const phrase = kept.length > 0 ? `${kept.join(" ")} ${head}` : head;
  const name = `${phrase} (unnamed, from ${paperLabel(st.input)})`;
  const c = st.cands.length;
  st.cands.push({
    index: c,
    parent: c,
    key: keyOf(phrase),
    surfaces: new Map([[name, 1]]),
    score: emptyScore(),
    strong: false,
    introduced: true,
    position: si * 1e6 + m.index,
    unnamed: true,
  });
  st.labelOf.set(c, { label: "Dataset", kind: head === "benchmark" ? "benchmark" : "dataset", weight: 1 });
  st.introducedAt.set(c, si);
  st.unnamedData.set(si, c);
  return c;
}

/**
 * Does the paper name a data set it introduces, in its text or as its title's subject
 * ("LiveBench: A Challenging, Contamination-Free LLM Benchmark")? Then "this benchmark" is
 * that one, however far back it was named, and no unnamed data set is made.
 */
function namesItsData(st: PaperState): boolean {
  for (const c of st.introducedAt.keys()) {
    if (!(st.cands[c] as Candidate).unnamed && typeOfCand(st, c) === "Dataset") return true;
  }
  const subject = st.input.title ? titleSubject(st.input.title) : null;
  return (
    subject !== null &&
    /\b(?:datasets?|data sets?|corpus|corpora|benchmarks?|benchmarking)\b/i.test(subject.rest)
  );
}

/** A paper as a reader would point to it: its title, else the first words of its abstract. */
function paperLabel(input: PaperInput): string {
  if (input.title) return input.title;
  const words = input.abstract.split(/\s+/).filter((w) => w.length > 0);
  const first = words.slice(0, 6).join(" ");
  return words.length > 6 ? `${first}…` : first;
}

/**
 * "this dataset": the last named data set of the one or two sentences before, else (`own`:
 * "this", "these" or "our" dataset) the one the sentence before builds without a name, or null.
 */
function previousDatasetOf(st: PaperState, sentence: number, own: boolean): number | null {
  const { introducedAt, sentences } = st;
  // A data set the paper has just introduced comes first ("we introduce Naamah, ... We utilize this dataset").
  let introduced: number | null = null;
  let at = -1;
  for (const [c, si] of introducedAt) {
    if (typeOfCand(st, c) === "Dataset" && si < sentence && si >= sentence - 3 && si > at) {
      introduced = c;
      at = si;
    }
  }
  if (introduced !== null) return introduced;
  for (let back = sentence - 1; back >= Math.max(0, sentence - 2); back--) {
    const prev = sentences[back] as SentenceInfo;
    for (let k = prev.cands.length - 1; k >= 0; k--)
      if (typeOfCand(st, prev.cands[k] as number) === "Dataset") return prev.cands[k] as number;
    if (BUILDS_DATA.test(prev.lower)) return own ? unnamedDataset(st, back) : null;
  }
  return null;
}

/** EVALUATED_ON, now that types are known. */
function readEvaluations(st: PaperState): void {
  const sentences = st.sentences;
  for (let si = 0; si < sentences.length; si++) evaluationsOf(st, sentences[si] as SentenceInfo, si);
}

/** EVALUATED_ON in one sentence. */
function evaluationsOf(st: PaperState, s: SentenceInfo, si: number): void {
  const { cands, protos, introducedAt, introducedHere, introducedBenchmarks, main } = st;
  if (s.isTitle || !s.evalCue) return;
  const ms = s.mentions;
  const subjects: number[] = [];
  const objects: number[] = [];
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k] as Mention;
    const c = s.cands[k] as number;
    const t = typeOfCand(st, c);
    const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
    if (t === "Model") {
      const after = s.lower.slice(m.end, m.end + 60);
      if (
        ((SUBJECT_VERB.test(after) && !COMPARISON_BEFORE.test(before)) ||
          EVAL_VERB_BEFORE.test(before.slice(-30))) &&
        !governedName(s, k)
      )
        subjects.push(c);
    } else if (t === "Dataset") {
      if (TRAINED_OR_PART_BEFORE.test(before)) continue;
      if (introducedAt.get(c) === si || introducedHere.has(`${si}:${k}`)) continue;
      objects.push(c);
    }
  }
  if (objects.length === 0 && THIS_DATASET.test(s.lower) && EVALUATION_WORD.test(s.lower)) {
    // "We utilize this dataset to benchmark X and Y": the data set of the sentences before.
    // An unnamed data set only for models evaluated on it (not trained on it in the same sentence).
    let models = false;
    for (const c of s.cands) if (typeOfCand(st, c) === "Model") models = true;
    const target = previousDatasetOf(st, si, models && OWN_DATA.test(s.lower) && !TRAINS.test(s.lower));
    if (target !== null) {
      for (let k = 0; k < ms.length; k++) {
        const c = s.cands[k] as number;
        if (typeOfCand(st, c) === "Model") {
          protos.push({
            type: "EVALUATED_ON",
            from: c,
            to: target,
            sentence: si,
            confidence: 0.65,
            extractor: "pattern:eval-this-dataset",
            need: [["Model"], ["Dataset"]],
          });
        }
      }
    }
    return;
  }
  if (objects.length > 0) {
    let from: number[] = subjects.length > 0 ? [subjects[0] as number] : [];
    // "X and Y, built on ..., achieve": every name of the subject's coordination.
    if (from.length === 1) {
      const k0 = s.cands.indexOf(from[0] as number);
      for (const k of groupOf(s, k0))
        if (k !== k0 && typeOfCand(st, s.cands[k] as number) === "Model") from.push(s.cands[k] as number);
    }
    let extractor = "pattern:eval-on";
    let confidence = 0.8;
    if (from.length === 0 && main !== null && MAIN_COREF.test(s.lower)) {
      from = [main];
      extractor = "pattern:eval-on-coref";
      confidence = 0.65;
    }
    const evalObject = someEvaluationObject(s, objects);
    if (from.length === 0 && evalObject) {
      // "Steering GPT-4 with Medprompt achieves ... on the MedQA dataset": the first model named.
      for (let k = 0; k < ms.length; k++) {
        const c = s.cands[k] as number;
        const m = ms[k] as Mention;
        if (typeOfCand(st, c) !== "Model") continue;
        if (COMPARISON_BEFORE.test(s.lower.slice(Math.max(0, m.start - 40), m.start))) break;
        // "evaluated by Foo", "X with Foo": a judge or a tool is not the model evaluated.
        if (
          /\b(?:by|with|using|via)\s+(?:the\s+|a\s+|an\s+)?$/.test(
            s.lower.slice(Math.max(0, m.start - 16), m.start),
          )
        )
          continue;
        from = [c];
        for (const g of groupOf(s, k))
          if (g !== k && typeOfCand(st, s.cands[g] as number) === "Model") from.push(s.cands[g] as number);
        extractor = "pattern:eval-on-first-model";
        confidence = 0.6;
        break;
      }
    }
    for (const f of from) {
      for (const o of objects) {
        protos.push({
          type: "EVALUATED_ON",
          from: f,
          to: o,
          sentence: si,
          confidence,
          extractor,
          need: [["Model"], ["Dataset"]],
        });
      }
    }
  } else if (introducedBenchmarks.size === 1) {
    // A benchmark paper: the models it reports results for were evaluated on its benchmark.
    const bench = [...introducedBenchmarks][0] as number;
    const models = new Set<number>();
    for (let k = 0; k < ms.length; k++) {
      const c = s.cands[k] as number;
      if (typeOfCand(st, c) !== "Model") continue;
      const m = ms[k] as Mention;
      const after = s.lower.slice(m.end, m.end + 60);
      const before = s.lower.slice(Math.max(0, m.start - 40), m.start);
      if (
        SUBJECT_VERB.test(after) ||
        EVAL_VERB_BEFORE.test(before) ||
        (EVAL_LIST_BEFORE.test(s.lower.slice(Math.max(0, m.start - 200), m.start)) &&
          !FROM_BY_BEFORE.test(before))
      )
        models.add(find(cands, c));
    }
    for (const c of models) {
      protos.push({
        type: "EVALUATED_ON",
        from: c,
        to: bench,
        sentence: si,
        confidence: 0.6,
        extractor: "pattern:benchmark-paper",
        need: [["Model"], ["Dataset"]],
      });
    }
  }
}

/** A paper's entities once typed, with the edges read so far. */
interface Materialised {
  entities: LocalEntity[];
  edges: LocalEdge[];
  /** Entity id of each alias group's root candidate, and the reverse. */
  entityOfRoot: Map<number, number>;
  rootOfEntity: number[];
  /** The first sentence that introduces each root. */
  introducedSentence: Map<number, number>;
  /** The end object of each entity, made once and shared by its edges. */
  ends: LocalEnd[];
}

function entityEnd(m: Materialised, id: number): LocalEnd {
  let end = m.ends[id];
  if (end === undefined) {
    end = { entity: id };
    m.ends[id] = end;
  }
  return end;
}

/** Entities (roots with a label), their edges, links from URLs and the page's people. */
function materialise(st: PaperState): PaperExtraction {
  const m = materialiseEntities(st);
  edgesFromPatterns(st, m);
  edgesFromOrganisations(st, m);
  paperEdges(st, m);
  const orgEntities = new Map<string, number>();
  const links = urlEdges(st, m, orgEntities);
  pageEdges(st, m, orgEntities);
  // The same fact read from one sentence twice (by two rules, a coordination, a repeated pair) is one edge.
  const entities = m.entities;
  return { entities, edges: uniqueEdges(m.edges, entities.length), ...links };
}

/** One entity per alias group with a label, in order of first mention. */
function materialiseEntities(st: PaperState): Materialised {
  const { cands, introducedAt, labelOf } = st;
  const entities: LocalEntity[] = [];
  const entityOfRoot = new Map<number, number>();
  const roots = [...labelOf.keys()].sort(
    (a, b) => (cands[a] as Candidate).position - (cands[b] as Candidate).position || a - b,
  );
  const membersOf = new Map<number, Candidate[]>();
  for (const c of cands) {
    const r = find(cands, c.index);
    const list = membersOf.get(r);
    if (list) list.push(c);
    else membersOf.set(r, [c]);
  }
  const introducedSentence = new Map<number, number>();
  for (const [c, si] of introducedAt) {
    const r = find(cands, c);
    const prev = introducedSentence.get(r);
    if (prev === undefined || si < prev) introducedSentence.set(r, si);
  }
  const rootOfEntity: number[] = [];
  for (const root of roots) {
    const l = labelOf.get(root) as { label: EntityLabel; kind?: DatasetKind; weight: number };
    // A surface form belongs to one candidate (the one of its key): the members' lists join.
    const surfaces: Array<[string, number]> = [];
    const keys: string[] = [];
    for (const c of membersOf.get(root) ?? []) {
      for (const entry of c.surfaces) {
        surfaces.push(entry);
        keys.push(c.key);
      }
    }
    rootOfEntity.push(root);
    const id = entities.length;
    entityOfRoot.set(root, id);
    const e: LocalEntity = {
      id,
      label: l.label,
      surfaces,
      keys,
      weight: l.weight,
      introduced: (cands[root] as Candidate).introduced,
    };
    if (l.kind) e.kind = l.kind;
    if ((cands[root] as Candidate).unnamed) e.scope = "paper";
    entities.push(e);
  }

  return { entities, edges: [], entityOfRoot, rootOfEntity, introducedSentence, ends: [] };
}

/** The relation patterns' edges whose ends got the labels they need. */
function edgesFromPatterns(st: PaperState, m: Materialised): void {
  const { cands, sentences, protos, main } = st;
  const { entities, entityOfRoot, edges } = m;
  for (const p of protos) {
    const from = p.from === "paper" ? null : p.from === "main" ? main : p.from;
    let fromE = from === null ? undefined : entityOfCand(cands, entityOfRoot, from);
    const toE = p.to === "paper" ? undefined : entityOfCand(cands, entityOfRoot, p.to);
    if (p.orElse !== undefined) {
      for (const alt of p.orElse) {
        if (
          fromE !== undefined &&
          !(p.need[0] && !p.need[0].includes((entities[fromE] as LocalEntity).label))
        )
          break;
        const c = alt === "main" ? main : alt;
        fromE = c === null ? undefined : entityOfCand(cands, entityOfRoot, c);
      }
    }
    if (fromE === undefined || toE === undefined || fromE === toE) continue;
    // "We present Foo. We fine-tuned Foo-Instruct …": a variant of the paper's own model is no base of it.
    if (
      p.type === "BASED_ON" &&
      p.from === "main" &&
      variantOf(entities[toE] as LocalEntity, entities[fromE] as LocalEntity)
    )
      continue;
    const fl = (entities[fromE] as LocalEntity).label;
    const tl = (entities[toE] as LocalEntity).label;
    if (p.need[0] && !p.need[0].includes(fl)) continue;
    if (p.need[1] && !p.need[1].includes(tl)) continue;
    const edge: LocalEdge = {
      type: p.type,
      from: entityEnd(m, fromE),
      to: entityEnd(m, toE),
      sentence: sentenceText(sentences, p.sentence),
      confidence: p.confidence,
      extractor: p.extractor,
    };
    if (p.type === "BASED_ON") edge.method = p.method ?? "other";
    edges.push(edge);
  }
}

/** Does `a`'s name extend `b`'s ("Foo-Instruct" of "Foo")? */
function variantOf(a: LocalEntity, b: LocalEntity): boolean {
  const ka = a.keys[0] ?? "";
  const kb = b.keys[0] ?? "";
  return kb.length > 0 && ka.length > kb.length && ka.startsWith(kb);
}

/** DEVELOPED by "X from NVIDIA": the organisation is only known through the pattern. */
function edgesFromOrganisations(st: PaperState, m: Materialised): void {
  const { cands, sentences } = st;
  const { entities, entityOfRoot, edges } = m;
  for (const s of sentences) {
    for (let k = 0; k + 1 < s.mentions.length; k++) {
      const A = s.mentions[k] as Mention;
      const B = s.mentions[k + 1] as Mention;
      if (!FROM_BY_BETWEEN.test(s.lower.slice(A.end, B.start))) continue;
      const xe = entityOfCand(cands, entityOfRoot, s.cands[k] as number);
      if (xe === undefined) continue;
      const xl = (entities[xe] as LocalEntity).label;
      if (xl !== "Model" && xl !== "Dataset") continue;
      if (entityOfCand(cands, entityOfRoot, s.cands[k + 1] as number) !== undefined) continue;
      const org = B.surface;
      if (!looksLikeOrganisation(org)) continue;
      const before = s.lower.slice(Math.max(0, A.start - 30), A.start);
      if (MADE_FROM_BEFORE.test(before)) continue;
      const oe = entities.length;
      entities.push({
        id: oe,
        label: "Organization",
        surfaces: [[org, 1]],
        keys: [keyOf(org)],
        weight: 1,
        introduced: false,
      });
      edges.push({
        type: "DEVELOPED",
        from: entityEnd(m, oe),
        to: entityEnd(m, xe),
        sentence: s.text,
        confidence: 0.7,
        extractor: "pattern:x-from-org",
      });
    }
  }
}

/** INTRODUCES and MENTIONS: every typed Model, Dataset and Method of the paper. */
function paperEdges(st: PaperState, m: Materialised): void {
  const { cands, sentences } = st;
  const { entities, edges, rootOfEntity, introducedSentence } = m;
  for (const e of entities) {
    if (e.label === "Organization" || e.label === "Author") continue;
    const root = rootOfEntity[e.id];
    if (root === undefined) continue;
    const cand = cands[root] as Candidate;
    const firstSentence = Math.floor(cand.position / 1e6);
    let evidenceSentence = sentenceText(sentences, Math.min(firstSentence, sentences.length - 1));
    if (e.introduced) {
      const si = introducedSentence.get(root) ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(si)) evidenceSentence = sentenceText(sentences, si);
      edges.push({
        type: "INTRODUCES",
        from: PAPER_END,
        to: entityEnd(m, e.id),
        sentence: evidenceSentence,
        confidence: 0.8,
        extractor: Number.isFinite(si) ? "pattern:introduce" : "pattern:title-subject",
      });
    } else {
      edges.push({
        type: "MENTIONS",
        from: PAPER_END,
        to: entityEnd(m, e.id),
        sentence: evidenceSentence,
        confidence: 0.6,
        extractor: "mention",
      });
    }
  }
}

/** URLs: code and model repositories, their owners, and what they developed. */
function urlEdges(
  st: PaperState,
  m: Materialised,
  orgEntities: Map<string, number>,
): { codeUrls: string[]; modelUrls: string[]; urls: string[] } {
  const { sentences, input } = st;
  const { entities, edges } = m;
  const codeUrls: string[] = [];
  const modelUrls: string[] = [];
  const urls: string[] = [];
  const urlSentences: Array<{ url: string; sentence: string }> = [];
  for (const s of sentences) for (const url of findUrls(s.text)) urlSentences.push({ url, sentence: s.text });
  for (const url of input.urls) urlSentences.push({ url, sentence: url });
  const keyToEntity = new Map<string, number>();
  for (const e of entities) {
    if (e.label !== "Model" && e.label !== "Dataset") continue;
    for (const key of e.keys) if (!keyToEntity.has(key)) keyToEntity.set(key, e.id);
  }
  for (const { url, sentence } of urlSentences) {
    const repo = repositoryOf(url);
    if (repo?.host === "github") pushUnique(codeUrls, url);
    else if (repo?.host === "huggingface") pushUnique(modelUrls, url);
    else if (/^https?:\/\/(?:www\.)?(?:gitlab\.com|bitbucket\.org|codeberg\.org)\//i.test(url))
      pushUnique(codeUrls, url);
    else pushUnique(urls, url);
    if (!repo) continue;
    // The owner becomes an Organization only with the DEVELOPED edge the repository justifies.
    if (repo.name) {
      const target = keyToEntity.get(keyOf(repo.name));
      // Only what the paper introduces, or a name written exactly as the repository: "CoCo" is not COCO.
      const exact =
        target !== undefined && (entities[target] as LocalEntity).surfaces.some(([s]) => s === repo.name);
      if (target !== undefined && ((entities[target] as LocalEntity).introduced || exact)) {
        const owner = organisationEntity(entities, orgEntities, repo.owner);
        edges.push({
          type: "DEVELOPED",
          from: entityEnd(m, owner),
          to: entityEnd(m, target),
          sentence,
          confidence: 0.9,
          extractor: repo.host === "github" ? "url:github-owner" : "url:huggingface-owner",
        });
      }
    }
  }

  return { codeUrls, modelUrls, urls };
}

/** Page context and bulk-import fields: PUBLISHED and AUTHORED. */
function pageEdges(st: PaperState, m: Materialised, orgEntities: Map<string, number>): void {
  const { input } = st;
  const { entities, edges } = m;
  for (const org of input.organizations) {
    const id = organisationEntity(entities, orgEntities, org);
    edges.push({
      type: "PUBLISHED",
      from: entityEnd(m, id),
      to: PAPER_END,
      sentence: input.pageEvidence ?? org,
      confidence: 0.95,
      extractor: input.pageEvidence ? "page:lab-header" : "record:organization",
    });
  }
  const authorIds = new Map<string, number>();
  for (const author of input.authors) {
    const key = computeKey(author);
    if (key.length === 0 || authorIds.has(key)) continue;
    const id = entities.length;
    entities.push({
      id,
      label: "Author",
      surfaces: [[author, 1]],
      keys: [key],
      weight: 1,
      introduced: false,
    });
    authorIds.set(key, id);
    edges.push({
      type: "AUTHORED",
      from: entityEnd(m, id),
      to: PAPER_END,
      sentence: input.pageEvidence ?? author,
      confidence: 0.95,
      extractor: input.pageEvidence ? "page:author-header" : "record:authors",
    });
  }
}

/** Extracts typed entities and relationships from one paper. Pure and deterministic. */
export function extractPaper(input: PaperInput, debug?: (line: string) => void): PaperExtraction {
  const st: PaperState = {
    input,
    debug,
    cands: [],
    byKey: new Map(),
    sentences: readSentences(input),
    datasetHead: new Set(),
    titleCand: null,
    protos: [],
    roles: [],
    corefData: [],
    paperLower: input.abstract.toLowerCase(),
    introducedAt: new Map(),
    introCandidates: [],
    introducedHere: new Set(),
    labelOf: new Map(),
    main: null,
    unnamedData: new Map(),
    introducedBenchmarks: new Set(),
    introducedNames: new Set(),
  };
  abbreviationMentions(st.sentences);
  makeCandidates(st);
  typeFromNames(st);
  typeFromHeads(st);
  titleSubjectCandidate(st);
  readPatterns(st);
  decideLabels(st);
  resolveIntroductions(st);
  readEvaluations(st);
  return materialise(st);
}

/** The edges without repeats (same type, ends and sentence: the first rule that read it), in order. */
function uniqueEdges(edges: LocalEdge[], entityCount: number): LocalEdge[] {
  const unique: LocalEdge[] = [];
  // Ends are entity ids or the paper (-1): (from + 1) * (entityCount + 1) + (to + 1) is one number per pair.
  const byEnds = new Map<number, LocalEdge[]>();
  for (const e of edges) {
    const from = "paper" in e.from ? -1 : e.from.entity;
    const to = "paper" in e.to ? -1 : e.to.entity;
    const k = (from + 1) * (entityCount + 1) + (to + 1);
    let list = byEnds.get(k);
    if (list === undefined) {
      list = [];
      byEnds.set(k, list);
    }
    let repeat = false;
    for (const x of list) {
      if (x.type === e.type && x.sentence === e.sentence) {
        repeat = true;
        break;
      }
    }
    if (repeat) continue;
    list.push(e);
    unique.push(e);
  }
  return unique;
}

/** Is the character code (NaN: the text's edge) no letter or digit? */
function isWordBoundary(c: number): boolean {
  return Number.isNaN(c) || !/[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** The local entity of a candidate (of its alias group's root), if it has one. */
function entityOfCand(cands: Candidate[], entityOfRoot: Map<number, number>, c: number): number | undefined {
  return entityOfRoot.get(find(cands, c));
}

function sentenceText(sentences: SentenceInfo[], si: number): string {
  return (sentences[si] as SentenceInfo).text;
}

/** The Organization entity of a name (one per key), created when first named. */
function organisationEntity(entities: LocalEntity[], orgEntities: Map<string, number>, name: string): number {
  const key = keyOf(name);
  let id = orgEntities.get(key);
  if (id === undefined) {
    id = entities.length;
    entities.push({
      id,
      label: "Organization",
      surfaces: [[name, 1]],
      keys: [key],
      weight: 1,
      introduced: false,
    });
    orgEntities.set(key, id);
  }
  return id;
}

/** Does `text` contain `word` written entirely in lower case, as a whole word? */
function writtenInLowerCase(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === word) return false;
  let from = 0;
  for (;;) {
    const i = text.indexOf(lower, from);
    if (i < 0) return false;
    from = i + 1;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + lower.length);
    if (isWordBoundary(before) && isWordBoundary(after)) return true;
  }
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** Does a name read like an organisation (NVIDIA, DKFZ, "Stanford University")? */
function looksLikeOrganisation(name: string): boolean {
  const key = keyOf(name);
  if (KNOWN_ORGANIZATIONS.has(key)) return true;
  if (isStopName(name) || modelFamily(name) || datasetVocabulary(name)) return false;
  if (/^[A-Z]{3,8}$/.test(name)) return true;
  return name.split(/\s+/).some((w) => ORGANIZATION_WORDS.has(w.toLowerCase()));
}
