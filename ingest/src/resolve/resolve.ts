/**
 * resolve: merges what was read paper by paper into one graph in the contract's form.
 *
 * - Papers: occurrences of one paper in several documents (same arXiv id, same
 *   normalised title or same normalised abstract) become one Paper; its id is
 *   `arxiv:<id>` when known, else `sha:` + 16 hex of SHA-256 of the normalised title (or
 *   abstract).
 * - Entities: every surface form of an entity (aliases from "Long Form (LF)", a short
 *   form ending a longer name) is linked; linked forms are one node whose label is the
 *   one most evidence voted for, whose `name` is the most frequent surface form and whose
 *   `aliases` are all surface forms. Variants never merge: identity is the normalised key
 *   of a surface form, and Qwen2.5-7B and Qwen2.5-7B-Instruct have different keys.
 * - Edges: the same fact read twice is one edge whose evidence list grows.
 * - Output is sorted everywhere, so the same input gives byte-identical JSON.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  type BasedOnMethod,
  type EndpointRef,
  type EntityLabel,
  type Evidence,
  type ExtractedEdge,
  type ExtractedNode,
  type ExtractedPaper,
  type ExtractedRelType,
  type ExtractionResult,
  type ExtractionWarning,
  REL_ENDPOINTS,
  type Source,
} from "@kg/graph-schema";
import type { AbstractStore } from "../abstract-store.ts";
import type { LocalEdge, LocalEntity, PaperExtraction } from "../extract/extract.ts";
import { computeKey, keyOf } from "../extract/key.ts";
import { LineFile } from "../line-file.ts";
import { garbageLimit } from "../parallel/collect-garbage.ts";
import type { RawPaper } from "../segment/segment.ts";
import { matchKey } from "./match-key.ts";
import { baseNamesOf, modelNameParts } from "./name-grammar.ts";

/** The URLs a paper's extraction found (kept with its occurrence: they are few). */
export type PaperUrls = Pick<PaperExtraction, "codeUrls" | "modelUrls" | "urls">;

/** One occurrence of a paper in one document, with the URLs extracted from it. */
export interface PaperOccurrence {
  source: Source;
  raw: RawPaper;
  /** Index of the merged paper this occurrence belongs to (see groupPapers). */
  group: number;
  urls: PaperUrls;
}

/**
 * What resolution reads of a local entity (the spill files of the parallel extraction hold
 * only this: see spill-files.ts).
 */
export type ResolvedEntity = Pick<LocalEntity, "label" | "kind" | "surfaces" | "keys" | "weight" | "scope">;

/**
 * The occurrences' entities and edges, visited in the occurrences' order once per pass of
 * resolution (held in memory, or read back chunk by chunk from files the extraction's
 * workers wrote, so that a large corpus's extractions are never all in memory).
 */
export interface Extractions {
  /** Every occurrence's entities, in order. */
  entities(visit: (entities: ResolvedEntity[], k: number) => void): void;
  /** Every occurrence's edges and its number of entities, in order; the last pass (may let go of them). */
  edges(visit: (edges: LocalEdge[], entityCount: number, k: number) => void): void;
}

/** Extractions held in memory; the edge pass lets go of each as it is merged. */
export function extractionsInMemory(list: PaperExtraction[]): Extractions {
  return {
    entities(visit) {
      for (let k = 0; k < list.length; k++) visit((list[k] as PaperExtraction).entities, k);
    },
    edges(visit) {
      for (let k = 0; k < list.length; k++) {
        const e = list[k] as PaperExtraction;
        visit(e.edges, e.entities.length, k);
        list[k] = USED_UP;
      }
    },
  };
}

function sha16(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The id of a paper: `arxiv:<id>`, else `sha:` of the normalised title, else of the abstract. */
export function paperId(
  arxivId: string | null,
  title: string | null,
  /** The abstract, or how to get it (read only for a paper with neither id nor title). */
  abstract: string | (() => string),
): string {
  if (arxivId) return `arxiv:${arxivId}`;
  const t = title ? computeKey(title) : "";
  if (t.length > 0) return `sha:${sha16(t)}`;
  return `sha:${sha16(computeKey(typeof abstract === "string" ? abstract : abstract()))}`;
}

/** Keys of abstracts are compared by their first PREFIX_LENGTH characters first. */
const PREFIX_LENGTH = 300;

/**
 * What grouping needs of `keyOf(abstract)`: its first 300 characters when it has that
 * many (`prefix`, else null), and the whole key when it is short or was built (`key`, else
 * null: build it when needed). ASCII text is scanned only as far as the 300th character of
 * its key (lower case, runs of other characters one "-", none at the ends).
 */
export function abstractKey(abstract: string): { prefix: string | null; key: string | null } {
  let length = 0;
  let dash = false;
  for (let i = 0; i < abstract.length; i++) {
    let c = abstract.charCodeAt(i);
    if (c > 127) break;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (dash && length > 0) length++;
      dash = false;
      length++;
      if (length >= PREFIX_LENGTH) {
        // The key of ASCII text up to a character followed by ASCII (or nothing; so that no
        // combining mark can change it) is the beginning of the whole text's key.
        if (i + 1 < abstract.length && abstract.charCodeAt(i + 1) > 127) break;
        return { prefix: keyOf(abstract.slice(0, i + 1)).slice(0, PREFIX_LENGTH), key: null };
      }
    } else dash = true;
  }
  const key = keyOf(abstract);
  return { prefix: key.length >= PREFIX_LENGTH ? key.slice(0, PREFIX_LENGTH) : null, key };
}

/**
 * Groups paper occurrences that are one paper: same arXiv id, same normalised title, or
 * same normalised abstract (or the same first 300 characters of it). Two occurrences
 * with different arXiv ids are never merged. Returns the group of each occurrence, in
 * order of first appearance.
 */
export function groupPapers(raws: RawPaper[]): number[] {
  const grouper = new PaperGrouper();
  for (const raw of raws) grouper.add(raw, (i) => (raws[i] as RawPaper).abstract);
  return grouper.groups();
}

/**
 * groupPapers one occurrence at a time, as documents are segmented: an occurrence's abstract
 * is read when it is added, and an earlier one's (`abstractOf`) only when the two share
 * their first 300 characters, so that the abstracts need not stay in memory.
 */
export class PaperGrouper {
  private readonly u: PaperUnion = { parent: [], arxiv: [], firstByKey: new Map() };
  /**
   * The occurrences by the first 300 characters of their abstract's key: the first is what
   * the "p:" key joins; each with another whole key is what the "b:" key compares.
   */
  private readonly abstractsByPrefix = new Map<string, Array<{ first: number; key: string | null }>>();

  /** Adds the next occurrence; `abstractOf(i)` gives an earlier occurrence's abstract. */
  add(r: RawPaper, abstractOf: (i: number) => string): void {
    const u = this.u;
    const i = u.parent.length;
    u.parent.push(i);
    u.arxiv.push(r.arxivId);
    if (r.arxivId) byPaperKey(u, `a:${r.arxivId}`, i);
    const t = r.title ? computeKey(r.title) : "";
    if (t.length >= 12) byPaperKey(u, `t:${t}`, i);
    const a = abstractKey(r.abstract);
    if (a.prefix === null) {
      // A short key is compared whole.
      if ((a.key as string).length > 0) byPaperKey(u, `b:${a.key}`, i);
      return;
    }
    // The whole normalised abstract ("b:" key) is found through its first 300 characters: two
    // abstracts with the same key have the same prefix, and most abstracts differ early on.
    const list = this.abstractsByPrefix.get(a.prefix);
    if (list === undefined) {
      // A copy of its own: the prefix is a slice of a slice of the abstract, and as a key it
      // kept every abstract in memory (4 GB, out of heap, 800,000 papers into a million).
      this.abstractsByPrefix.set(ownCopy(a.prefix), [
        { first: i, key: a.key === null ? null : ownCopy(a.key) },
      ]);
      return;
    }
    const key = a.key ?? keyOf(r.abstract);
    let found = -1;
    for (const x of list) {
      x.key ??= keyOf(abstractOf(x.first));
      if (x.key === key) {
        found = x.first;
        break;
      }
    }
    if (found < 0) list.push({ first: i, key: ownCopy(key) });
    else unitePapers(u, found, i);
    // The "p:" key: the first occurrence with this prefix is joined by every later one.
    unitePapers(u, (list[0] as { first: number }).first, i);
  }

  /** The group of each occurrence added, in order of first appearance. */
  groups(): number[] {
    const u = this.u;
    const groupOfRoot = new Map<number, number>();
    const groups: number[] = [];
    for (let i = 0; i < u.parent.length; i++) {
      const r = paperRoot(u, i);
      let g = groupOfRoot.get(r);
      if (g === undefined) {
        g = groupOfRoot.size;
        groupOfRoot.set(r, g);
      }
      groups.push(g);
    }
    return groups;
  }
}

/** A string with characters of its own, never a slice that keeps a larger string alive. */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Union-find over paper occurrences, with the arXiv id of each root and the first occurrence of each key. */
interface PaperUnion {
  parent: number[];
  arxiv: Array<string | null>;
  firstByKey: Map<string, number>;
}

function paperRoot(u: PaperUnion, i: number): number {
  const parent = u.parent;
  let r = i;
  while (parent[r] !== r) r = parent[r] as number;
  let k = i;
  while (parent[k] !== r) {
    const next = parent[k] as number;
    parent[k] = r;
    k = next;
  }
  return r;
}

/** Joins two occurrences' groups, unless their arXiv ids differ; the earlier root stays. */
function unitePapers(u: PaperUnion, a: number, b: number): void {
  const ra = paperRoot(u, a);
  const rb = paperRoot(u, b);
  if (ra === rb) return;
  const arxiv = u.arxiv;
  const ia = arxiv[ra];
  const ib = arxiv[rb];
  if (ia && ib && ia !== ib) return;
  const root = ra < rb ? ra : rb;
  const child = ra < rb ? rb : ra;
  u.parent[child] = root;
  arxiv[root] = arxiv[root] ?? arxiv[child] ?? null;
}

/** The first occurrence with key `k` is joined by every later one. */
function byPaperKey(u: PaperUnion, k: string, i: number): void {
  const j = u.firstByKey.get(k);
  if (j === undefined) u.firstByKey.set(k, i);
  else unitePapers(u, j, i);
}

/**
 * The keys of a local entity's surface forms. A thing of one paper alone (a data set it
 * builds without naming it) gets keys unique to the paper: its phrase's key and the paper's
 * id ("pet-dataset-sha-1f0c…"), so that two papers' unnamed data sets never merge.
 */
function keysOf(e: ResolvedEntity, paperId: string): string[] {
  if (e.scope !== "paper") return e.keys;
  const suffix = keyOf(paperId);
  return e.keys.map((k) => (k.length > 0 ? `${k}-${suffix}` : suffix));
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts node ends by label, then key (in place; returned). Each end's label and key are read
 * once into a record of its own before sorting: read through the node at every comparison,
 * sorting bench:extract's 163k ends took 456 ms, this 212 ms. The same order (the sort is stable).
 */
function sortByLabelAndKey(ends: End[]): End[] {
  const keyed = ends.map((end) => ({ end, label: nodeOf(end).label, key: nodeOf(end).key }));
  keyed.sort((a, b) => (a.label !== b.label ? (a.label < b.label ? -1 : 1) : cmp(a.key, b.key)));
  for (let i = 0; i < keyed.length; i++) ends[i] = (keyed[i] as { end: End }).end;
  return ends;
}

const LABEL_ORDER: readonly EntityLabel[] = ["Model", "Dataset", "Method", "Organization", "Author"];

interface EntityGroup {
  /** The first surface form, its key and its count; the others (rare) in `more`. */
  surface: string;
  key: string;
  count: number;
  more: Map<string, number> | null;
  /** Votes per label of LABEL_ORDER (NaN: none). */
  votes: number[];
  benchmark: number;
  dataset: number;
  /** The node's end, once the node is made. */
  end: End | null;
}

function addSurface(g: EntityGroup, s: string, n: number): void {
  if (s === g.surface) g.count += n;
  else if (g.more === null) g.more = new Map([[s, n]]);
  else g.more.set(s, (g.more.get(s) ?? 0) + n);
}

/** One end of the graph's edges: a node or a paper, interned so that edges are found by identity. */
export interface End {
  ref: EndpointRef;
  /** Its place among all ends sorted by `Label:key` / `Paper:id` (set once all are known). */
  rank: number;
  /** The node (null for a paper). */
  node: ExtractedNode | null;
  /** The edges leaving this end (at most one per type and other end). */
  out: EdgeEntry[];
  /** The same by their other end, once there are many. */
  byTo: Map<End, EdgeEntry[]> | null;
  /** Its number in a streamed resolution (see resolveStreamed). */
  id: number;
}

export function newEnd(ref: EndpointRef, node: ExtractedNode | null): End {
  return { ref, rank: -1, node, out: [], byTo: null, id: -1 };
}

/** Up to this many edges leave an end, they are found by scanning; beyond, through a map. */
const OUT_SCAN = 8;

function findEntry(from: End, to: End, type: ExtractedRelType): EdgeEntry | undefined {
  const list = from.byTo === null ? from.out : from.byTo.get(to);
  if (list !== undefined) for (const x of list) if (x.to === to && x.type === type) return x;
  return undefined;
}

function addEntry(from: End, entry: EdgeEntry): void {
  from.out.push(entry);
  if (from.byTo === null && from.out.length <= OUT_SCAN) return;
  if (from.byTo === null) {
    from.byTo = new Map();
    for (const x of from.out) byToList(from.byTo, x.to).push(x);
  } else byToList(from.byTo, entry.to).push(entry);
}

function byToList(byTo: Map<End, EdgeEntry[]>, to: End): EdgeEntry[] {
  let list = byTo.get(to);
  if (list === undefined) {
    list = [];
    byTo.set(to, list);
  }
  return list;
}

export interface EdgeEntry {
  type: ExtractedRelType;
  from: End;
  to: End;
  edge: ExtractedEdge;
  methodConfidence: number;
  /** Sentences already recorded per origin (paper, source, extractor), once the list is long. */
  seen: Map<string, Set<string>> | null;
}

/** Below this many, evidence is deduplicated by scanning the list; above, through a map. */
const EVIDENCE_SCAN = 16;

/** Adds a piece of evidence unless the same origin already gave the same sentence. */
function addEvidence(
  entry: EdgeEntry,
  paperId: string,
  sourceId: string,
  sentence: string,
  confidence: number,
  extractor: string,
): void {
  const evidence = entry.edge.evidence;
  if (entry.seen === null && evidence.length >= EVIDENCE_SCAN) {
    entry.seen = new Map();
    for (const v of evidence) seenSet(entry.seen, v.paperId, v.sourceId, v.extractor).add(v.sentence);
  }
  if (entry.seen === null) {
    for (const v of evidence) {
      if (
        v.sentence === sentence &&
        v.paperId === paperId &&
        v.sourceId === sourceId &&
        v.extractor === extractor
      )
        return;
    }
  } else {
    const sentences = seenSet(entry.seen, paperId, sourceId, extractor);
    if (sentences.has(sentence)) return;
    sentences.add(sentence);
  }
  evidence.push({ paperId, sourceId, sentence, confidence, extractor });
}

function seenSet(seen: Map<string, Set<string>>, paperId: string, sourceId: string, extractor: string) {
  const origin = `${paperId}\u0000${sourceId}\u0000${extractor}`;
  let sentences = seen.get(origin);
  if (!sentences) {
    sentences = new Set();
    seen.set(origin, sentences);
  }
  return sentences;
}

/**
 * Merges paper occurrences into the contract's ExtractionResult (unvalidated). The
 * occurrences are used up: each one's extraction is let go as soon as its edges are
 * merged, so that the extractions and the result are not held whole at the same time.
 */
export function resolve(
  sources: Source[],
  occurrences: PaperOccurrence[],
  extractions: Extractions,
  warnings: ExtractionWarning[],
  onReleased: () => void = () => {},
  /** Where the occurrences' abstracts are, when not in their `raw` (read back into the papers). */
  abstracts: AbstractStore | null = null,
): ExtractionResult {
  const { papers, paperIds } = mergePapers(occurrences, abstracts, false);
  const { groupOfEntity, nodeEnds } = entityNodes(occurrences, extractions, paperIds, onReleased);
  const paperEnds = new Map<string, End>();
  const entries = mergeEdges(occurrences, extractions, paperIds, groupOfEntity, paperEnds);
  onReleased();
  const kept: EdgeEntry[] = [];
  for (const entry of entries) {
    const { edge } = entry;
    // A paper that introduces a thing does not also merely mention it.
    if (entry.type === "MENTIONS" && findEntry(entry.from, entry.to, "INTRODUCES") !== undefined) continue;
    sortEvidence(edge.evidence);
    kept.push(entry);
  }
  const firstEvidence = new Map<End, Evidence>();
  for (const entry of kept) noteFirstEvidence(firstEvidence, entry);
  for (const entry of variantEdges(nodeEnds, firstEvidence)) kept.push(entry);
  // No entity without an edge: a name read but related to nothing is no node of the graph.
  const touched = new Set<End>();
  for (const entry of kept) {
    touched.add(entry.from);
    touched.add(entry.to);
  }
  const linked = nodeEnds.filter((end) => touched.has(end));
  nodeEnds.length = 0;
  for (const end of linked) nodeEnds.push(end);
  // Every end ranked in the order of its `Label:key` or `Paper:id`: nodes by label and key
  // (no label is a prefix of another), then papers ("Paper" sorts after every node label).
  sortByLabelAndKey(nodeEnds);
  const nodeList: ExtractedNode[] = [];
  let rank = 0;
  for (const end of nodeEnds) {
    end.rank = rank++;
    nodeList.push(nodeOf(end));
  }
  const paperRanked = [...paperEnds.entries()].sort((a, b) => cmp(a[0], b[0]));
  for (const [, end] of paperRanked) end.rank = rank++;
  // Edges sorted by (type, from, to), what sorting the NUL-joined ids "type\0from\0to" gave:
  // by type, then by the ranks of their ends.
  const byType = new Map<string, EdgeEntry[]>();
  for (const entry of kept) {
    const list = byType.get(entry.type);
    if (list) list.push(entry);
    else byType.set(entry.type, [entry]);
  }
  const edgeList: ExtractedEdge[] = [];
  for (const type of [...byType.keys()].sort(cmp)) {
    const list = (byType.get(type) as EdgeEntry[]).sort(
      (a, b) => a.from.rank - b.from.rank || a.to.rank - b.to.rank,
    );
    for (const entry of list) edgeList.push(entry.edge);
  }
  papers.sort((a, b) => cmp(a.id, b.id));
  return { sources, papers, nodes: nodeList, edges: edgeList, warnings };
}

/** Where a streamed resolution sends each edge of the graph, its evidence sorted (see resolveStreamed). */
export type EdgeSink = (edge: ExtractedEdge) => void;

/**
 * Papers per partition of the streamed edges: a partition's edges (about 9 per paper at
 * 100,000 generated papers) are all that is merged in memory at a time.
 */
const PAPERS_PER_PARTITION = 5_000;

/** A partition file's lines are written out when they pass this many characters. */
const PARTITION_FLUSH_CHARS = 1 << 16;

/**
 * resolve, with the edges sent to `sink` instead of returned (the result's `edges` is
 * empty), in bounded memory: the read edges are written to partition files of `spillDir`
 * by their start (so that every read of one edge, and the INTRODUCES that hides a MENTIONS,
 * are in one partition), then each partition is merged and sent on its own. The same graph
 * as resolve's: the same nodes, papers and edges (each with its evidence in the same
 * order); only the order in which edges reach the sink differs.
 */
export function resolveStreamed(
  sources: Source[],
  occurrences: PaperOccurrence[],
  extractions: Extractions,
  warnings: ExtractionWarning[],
  spillDir: string,
  sink: EdgeSink,
  onReleased: () => void = () => {},
  papersPerPartition = PAPERS_PER_PARTITION,
  /**
   * Where the occurrences' abstracts are, when not in their `raw`: the papers are then left
   * without theirs (empty; `abstracts.ofPaper` gives it), so that they are not all in memory.
   */
  abstracts: AbstractStore | null = null,
): ExtractionResult {
  const resolution = new StreamedResolution(
    sources,
    occurrences,
    extractions,
    warnings,
    onReleased,
    papersPerPartition,
    abstracts,
  );
  const files = resolution.spillEdges(spillDir);
  // Left to itself V8 let each merged partition's garbage pile up (1.4 GB at 100,000
  // papers for ~0.4 GB live): collected each time it passes GARBAGE_BYTES.
  const checkGarbage = garbageLimit(GARBAGE_BYTES, onReleased);
  const names = new Map<string, string>();
  for (const file of files) {
    checkGarbage();
    const partition = mergePartition(
      readFileSync(file, "utf8"),
      resolution.endOf,
      resolution.sourceIds,
      names,
    );
    rmSync(file, { force: true });
    resolution.accept(keptEdges(partition, (entry) => sink(entry.edge)));
  }
  return resolution.finish(sink);
}

/** What a merged partition leaves for the end of a streamed resolution (see keptEdges). */
export interface MergedPartition {
  /** The ends of its edges (numbers of StreamedResolution's ends, repeated). */
  touched: ArrayLike<number>;
  /** The first sentence naming each thing in the partition: [its end's number, the evidence]. */
  firstEvidence: Array<[number, Evidence]>;
}

/**
 * The edges of a merged partition that the graph keeps (a paper that introduces a thing
 * does not also merely mention it), each sent to `send` with its evidence sorted; what is
 * left of them is let go.
 */
export function keptEdges(entries: EdgeEntry[], send: (entry: EdgeEntry) => void): MergedPartition {
  const firstEvidence = new Map<End, Evidence>();
  const touched: number[] = [];
  for (const entry of entries) {
    if (entry.type === "MENTIONS" && findEntry(entry.from, entry.to, "INTRODUCES") !== undefined) continue;
    sortEvidence(entry.edge.evidence);
    noteFirstEvidence(firstEvidence, entry);
    touched.push(entry.from.id, entry.to.id);
    send(entry);
  }
  // Each end starts edges in one partition only: what found them can go.
  for (const entry of entries) {
    entry.from.out = [];
    entry.from.byTo = null;
  }
  return { touched, firstEvidence: [...firstEvidence].map(([end, e]) => [end.id, e]) };
}

/** The ends of a streamed resolution as another thread needs them to merge its partitions. */
export interface EndTable {
  /** Each end's label (a node's, or "Paper"), by its number. */
  labels: string[];
  /** Each end's key (a node's) or id (a paper's), by its number. */
  keys: string[];
  /** Each source's id, by the number partition lines give it. */
  sourceIds: string[];
}

/** An end made again from its number in an EndTable (on a thread that merges partitions). */
export function endOfTable(table: EndTable, id: number): End {
  const label = table.labels[id] as string;
  const key = table.keys[id] as string;
  const ref: EndpointRef =
    label === "Paper" ? { label: "Paper", id: key } : { label: label as EntityLabel, key };
  const end = newEnd(ref, null);
  end.id = id;
  return end;
}

/** A read edge as a line of a partition file (see StreamedResolution.spillEdges). */
export function partitionLine(
  le: LocalEdge,
  from: number,
  to: number,
  paper: number,
  source: number,
): string {
  // Tab-separated; the extractor's name and the sentence as JSON strings (no tab or line break).
  return `${le.type}\t${from}\t${to}\t${paper}\t${source}\t${le.confidence}\t${le.method ?? ""}\t${JSON.stringify(le.extractor)}\t${JSON.stringify(le.sentence)}`;
}

/** The partition of an edge that starts at end `from`. */
export function partitionOf(from: number, partitions: number): number {
  return from % partitions;
}

/** Whether an edge of `type` may join ends of these labels. */
export function labelsAllowed(type: ExtractedRelType, from: string, to: string): boolean {
  const allowed = REL_ENDPOINTS[type];
  return (allowed.from as readonly string[]).includes(from) && (allowed.to as readonly string[]).includes(to);
}

/**
 * A streamed resolution in steps, so that its partitions can be split and merged on other
 * threads: the papers and nodes are made at once (every end numbered: the nodes, then the
 * papers), the edges are written to partition files (spillEdges here, or by other threads
 * from `chunkEnds`), each merged partition is `accept`ed in order, and `finish` sends the
 * VARIANT_OF edges and gives the result.
 */
export class StreamedResolution {
  readonly partitions: number;
  readonly sourceIds: string[] = [];
  private readonly sourceIndex = new Map<string, number>();
  private readonly endById: End[] = [];
  private readonly nodeEnds: End[];
  private groupOfEntity: Array<EntityGroup | null>;
  private readonly papers: ExtractedPaper[];
  private readonly paperIds: Map<number, string>;
  private readonly paperEnds = new Map<string, End>();
  private readonly firstEvidence = new Map<End, Evidence>();
  private readonly touched: Uint8Array;
  /** The first local entity of the next chunk asked for (chunkEnds). */
  private nextEntity = 0;

  constructor(
    private readonly sources: Source[],
    private readonly occurrences: PaperOccurrence[],
    private readonly extractions: Extractions,
    private readonly warnings: ExtractionWarning[],
    private readonly onReleased: () => void = () => {},
    papersPerPartition = PAPERS_PER_PARTITION,
    abstracts: AbstractStore | null = null,
  ) {
    ({ papers: this.papers, paperIds: this.paperIds } = mergePapers(
      occurrences,
      abstracts,
      abstracts !== null,
    ));
    const { groupOfEntity, nodeEnds } = entityNodes(occurrences, extractions, this.paperIds, onReleased);
    this.groupOfEntity = groupOfEntity;
    this.nodeEnds = nodeEnds;
    for (const end of nodeEnds) {
      end.id = this.endById.length;
      this.endById.push(end);
    }
    for (const p of this.papers) {
      const end = newEnd({ label: "Paper", id: p.id }, null);
      end.id = this.endById.length;
      this.endById.push(end);
      this.paperEnds.set(p.id, end);
    }
    this.touched = new Uint8Array(this.endById.length);
    this.partitions = Math.max(1, Math.ceil(occurrences.length / papersPerPartition));
  }

  readonly endOf = (id: number): End => this.endById[id] as End;

  /** The ends and sources, for threads that merge partitions. */
  endTable(): EndTable {
    const labels: string[] = [];
    const keys: string[] = [];
    for (const end of this.endById) {
      labels.push(end.ref.label);
      keys.push("key" in end.ref ? end.ref.key : end.ref.id);
    }
    return { labels, keys, sourceIds: this.sourceIds };
  }

  private paperEndOf(k: number): End {
    const o = this.occurrences[k] as PaperOccurrence;
    return this.paperEnds.get(this.paperIds.get(o.group) as string) as End;
  }

  private sourceOf(k: number): number {
    const id = (this.occurrences[k] as PaperOccurrence).source.id;
    let source = this.sourceIndex.get(id);
    if (source === undefined) {
      source = this.sourceIds.length;
      this.sourceIds.push(id);
      this.sourceIndex.set(id, source);
    }
    return source;
  }

  /**
   * What another thread needs to split the read edges of occurrences [from, to) into
   * partitions (see partitionLine): the end of each of their local entities (-1: none),
   * and the paper end and source of each. Asked for chunk after chunk, in order; every
   * source is numbered once all are asked for (endTable after them).
   */
  chunkEnds(
    from: number,
    to: number,
    entityCounts: readonly number[],
  ): { entityEnds: Int32Array; paperEnds: Int32Array; sources: Int32Array } {
    let count = 0;
    for (let k = from; k < to; k++) count += entityCounts[k] as number;
    const entityEnds = new Int32Array(count);
    for (let j = 0; j < count; j++) entityEnds[j] = this.groupOfEntity[this.nextEntity + j]?.end?.id ?? -1;
    this.nextEntity += count;
    const paperEnds = new Int32Array(to - from);
    const sources = new Int32Array(to - from);
    for (let k = from; k < to; k++) {
      paperEnds[k - from] = this.paperEndOf(k).id;
      sources[k - from] = this.sourceOf(k);
    }
    return { entityEnds, paperEnds, sources };
  }

  /** Lets go of the local entities' groups once every chunk's ends are asked for. */
  entitiesDone(): void {
    this.groupOfEntity = [];
    this.onReleased();
  }

  /** Writes the read edges to partition files of `spillDir` here; returns them in order. */
  spillEdges(spillDir: string): string[] {
    const files: string[] = [];
    const writers = Array.from({ length: this.partitions }, (_, i) => {
      const file = path.join(spillDir, `edges-${i}.tsv`);
      files.push(file);
      return new LineFile(file, PARTITION_FLUSH_CHARS);
    });
    try {
      let ei = 0;
      this.extractions.edges((edges, entityCount, k) => {
        const paperEnd = this.paperEndOf(k);
        const source = this.sourceOf(k);
        forEachAllowedEdge(edges, this.groupOfEntity, ei, entityCount, paperEnd, (le, from, to) => {
          (writers[partitionOf(from.id, this.partitions)] as LineFile).line(
            partitionLine(le, from.id, to.id, paperEnd.id, source),
          );
        });
        ei += entityCount;
      });
    } finally {
      for (const w of writers) w.close();
    }
    this.entitiesDone();
    return files;
  }

  /** Takes what a merged partition left (partitions in order, so that the result is the same). */
  accept(partition: MergedPartition): void {
    const touched = partition.touched;
    for (let i = 0; i < touched.length; i++) this.touched[touched[i] as number] = 1;
    for (const [id, e] of partition.firstEvidence) {
      const end = this.endById[id] as End;
      const prev = this.firstEvidence.get(end);
      if (prev === undefined || cmp(e.paperId, prev.paperId) < 0) this.firstEvidence.set(end, e);
    }
  }

  /** Sends the VARIANT_OF edges and returns the result (its `edges` empty). */
  finish(sink: EdgeSink): ExtractionResult {
    for (const entry of variantEdges(this.nodeEnds, this.firstEvidence)) {
      this.touched[entry.from.id] = 1;
      this.touched[entry.to.id] = 1;
      sink(entry.edge);
    }
    // No entity without an edge: a name read but related to nothing is no node of the graph.
    const nodeList = sortByLabelAndKey(this.nodeEnds.filter((end) => this.touched[end.id] === 1)).map(nodeOf);
    this.papers.sort((a, b) => cmp(a.id, b.id));
    return {
      sources: this.sources,
      papers: this.papers,
      nodes: nodeList,
      edges: [],
      warnings: this.warnings,
    };
  }
}

/** Garbage let pile up between two collections while partitions are merged. */
const GARBAGE_BYTES = 128 * 1024 * 1024;

/**
 * One copy of a short string read from a partition: a copy of its own, since a piece of the
 * file's text would keep the whole text in memory for as long as an edge holds it.
 */
function own(names: Map<string, string>, value: string): string {
  let first = names.get(value);
  if (first === undefined) {
    first = JSON.parse(JSON.stringify(value)) as string;
    names.set(first, first);
  }
  return first;
}

/**
 * The edges of partition text (one file's, or several files' in order), merged as
 * mergeEdges merges them (in the order read), into `entries` (new if not given). `endOf`
 * gives the end of a number; `names` keeps one copy of each type, method and extractor
 * name across partitions.
 */
export function mergePartition(
  text: string,
  endOf: (id: number) => End,
  sourceIds: string[],
  names: Map<string, string>,
  entries: EdgeEntry[] = [],
  sentences = new Map<string, string>(),
): EdgeEntry[] {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const f = text.slice(start, end).split("\t");
    start = end + 1;
    if (f.length < 9) continue;
    const from = endOf(Number(f[1]));
    const paper = endOf(Number(f[3]));
    mergeEdge(
      entries,
      own(names, f[0] as string) as ExtractedRelType,
      from,
      endOf(Number(f[2])),
      (paper.ref as { id: string }).id,
      sourceIds[Number(f[4])] as string,
      share(sentences, JSON.parse(f[8] as string) as string),
      Number(f[5]),
      own(names, JSON.parse(f[7] as string) as string),
      f[6] === "" ? undefined : own(names, f[6] as string),
    );
  }
  return entries;
}

export function sortEvidence(evidence: Evidence[]): void {
  if (evidence.length > 1) {
    evidence.sort(
      (a, b) =>
        cmp(a.paperId, b.paperId) ||
        cmp(a.sourceId, b.sourceId) ||
        cmp(a.sentence, b.sentence) ||
        cmp(a.extractor, b.extractor),
    );
  }
}

/**
 * Every local entity's group and the groups' nodes. What links them (the keys' union-find,
 * the groups by root key) is let go on return, before the edges are merged.
 */
function entityNodes(
  occurrences: PaperOccurrence[],
  extractions: Extractions,
  paperIds: Map<number, string>,
  onReleased: () => void,
): { groupOfEntity: Array<EntityGroup | null>; nodeEnds: End[] } {
  // Entities: link every surface key of one local entity, in three namespaces (things,
  // organisations, people). A local entity is known by its first surface with a non-empty
  // key (see firstKey).
  const parents = [new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];
  linkEntityKeys(occurrences, extractions, paperIds, parents);
  // Each pass over extractions read back from files leaves them behind as garbage.
  onReleased();
  const { groupOfEntity, entityGroups } = groupEntities(occurrences, extractions, paperIds, parents);
  onReleased();
  return { groupOfEntity, nodeEnds: makeNodes(entityGroups) };
}

/**
 * Occurrences of one paper (see groupPapers) become one ExtractedPaper with its id. With
 * `abstracts`, the occurrences' abstracts are read from it; `leaveOut` leaves each paper's
 * there (recorded with abstracts.leftOut) instead.
 */
function mergePapers(
  occurrences: PaperOccurrence[],
  abstracts: AbstractStore | null,
  leaveOut: boolean,
): {
  papers: ExtractedPaper[];
  paperIds: Map<number, string>;
} {
  const groups = new Map<number, number[]>();
  for (let k = 0; k < occurrences.length; k++) {
    const o = occurrences[k] as PaperOccurrence;
    const list = groups.get(o.group);
    if (list) list.push(k);
    else groups.set(o.group, [k]);
  }
  const abstractOf = (k: number) =>
    abstracts === null ? (occurrences[k] as PaperOccurrence).raw.abstract : abstracts.get(k);
  const paperIds = new Map<number, string>();
  const papers: ExtractedPaper[] = [];
  for (const [g, indexes] of groups) {
    const list = indexes.map((k) => occurrences[k] as PaperOccurrence);
    const firstIndex = indexes[0] as number;
    const first = list[0] as PaperOccurrence;
    // The first arXiv id, title and date of the occurrences.
    let arxivId: string | null = null;
    let title: string | null = null;
    let date: string | null = null;
    for (const o of list) {
      arxivId ??= o.raw.arxivId || null;
      title ??= o.raw.title || null;
      date ??= o.raw.date || null;
    }
    const id = paperId(arxivId, title, () => abstractOf(firstIndex));
    paperIds.set(g, id);
    if (leaveOut) abstracts?.leftOut(id, firstIndex);
    const sourceIds: string[] = [];
    const notes: string[] = [];
    const authors: string[] = [];
    const codeUrls: string[] = [];
    const modelUrls: string[] = [];
    const urls: string[] = [];
    for (const o of list) {
      pushUnique(sourceIds, o.source.id);
      for (const n of o.raw.notes) pushUnique(notes, n);
      for (const a of o.raw.authors) pushUnique(authors, a);
      for (const u of o.urls.codeUrls) pushUnique(codeUrls, u);
      for (const u of o.urls.modelUrls) pushUnique(modelUrls, u);
      for (const u of o.urls.urls) pushUnique(urls, u);
    }
    papers.push({
      id,
      title,
      arxivId,
      sourceId: first.source.id,
      sourceIds,
      abstract: leaveOut ? "" : abstractOf(firstIndex),
      codeUrls,
      modelUrls,
      urls,
      notes,
      authors,
      date,
    });
    // The paper holds what its occurrences read; the passes that follow need only their
    // group and source (two copies of every paper's metadata were in memory through them).
    for (const o of list) {
      o.raw = MERGED_RAW;
      o.urls = NO_URLS;
    }
  }

  return { papers, paperIds };
}

/** What an occurrence keeps of its record and URLs once its paper is merged. */
const MERGED_RAW: RawPaper = Object.freeze({
  title: null,
  abstract: "",
  arxivId: null,
  notes: [],
  authors: [],
  organizations: [],
  urls: [],
  date: null,
  line: 0,
}) as RawPaper;
/** The URLs of a paper that has none (or no longer needs them): one shared, frozen object. */
export const NO_URLS: PaperUrls = Object.freeze({
  codeUrls: Object.freeze([]),
  modelUrls: Object.freeze([]),
  urls: Object.freeze([]),
}) as unknown as PaperUrls;

/** The root of a key in the union-find `parent` (path-compressed; an absent key is its own root). */
function nodeOf(end: End): ExtractedNode {
  return end.node as ExtractedNode;
}

/** The namespace of a label's keys: 0 things (Model, Dataset, Method), 1 organisations, 2 people. */
function namespaceOf(label: EntityLabel): number {
  return label === "Organization" ? 1 : label === "Author" ? 2 : 0;
}

function findKey(parent: Map<string, string>, k: string): string {
  let r = k;
  for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
  let c = k;
  while (c !== r) {
    const next = parent.get(c) as string;
    parent.set(c, r);
    c = next;
  }
  return r;
}

/** Marks matching keys in the union-find, apart from the normalised keys (which never start with it). */
const MATCH_PREFIX = "~";

/** Joins key `k` to the group rooted at `root` (null: none yet); returns the group's root. */
function linkKey(parent: Map<string, string>, root: string | null, k: string): string {
  // A new key is its own root, and a root is found by one lookup (most keys are one or the
  // other: each lookup in a corpus-wide map is a cache miss, and this runs for every key read).
  const p = parent.get(k);
  let r2: string;
  if (p === undefined) {
    parent.set(k, k);
    r2 = k;
  } else r2 = p === k ? k : findKey(parent, k);
  if (root === null || r2 === root) return r2;
  // The smaller key wins so the result does not depend on input order.
  const keep: string = cmp(root, r2) <= 0 ? root : r2;
  const drop: string = keep === root ? r2 : root;
  parent.set(drop, keep);
  return keep;
}

/**
 * The key a local entity is known by: its first non-empty one (null: none). Computed again
 * in each pass rather than kept: a list of every local entity's key was a string per
 * entity (~10 a paper) in memory through resolution.
 */
function firstKey(keys: string[]): string | null {
  for (const k of keys) if (k.length > 0) return k;
  return null;
}

/** Links the surface keys of each local entity. */
function linkEntityKeys(
  occurrences: PaperOccurrence[],
  extractions: Extractions,
  paperIds: Map<number, string>,
  parents: Array<Map<string, string>>,
): void {
  // People and organisations are not matched loosely: "Jun Li" is not "Junli".
  const things = parents[0] as Map<string, string>;
  extractions.entities((entities, k) => {
    const pid = paperIds.get((occurrences[k] as PaperOccurrence).group) as string;
    for (const e of entities) {
      const parent = parents[namespaceOf(e.label)] as Map<string, string>;
      const keys = keysOf(e, pid);
      let root: string | null = null;
      for (const k of keys) {
        if (k.length === 0) continue;
        root = linkKey(parent, root, k);
        // Surface forms of one thing written differently across the corpus (Llama 3, LLaMA-3)
        // meet at their matching key; a paper's own unnamed thing keeps to itself.
        if (e.scope !== "paper" && parent === things)
          root = linkKey(parent, root, MATCH_PREFIX + matchKey(k));
      }
    }
  });
}

/** Local entities with linked keys are one group: surfaces, label votes and kinds summed. */
function groupEntities(
  occurrences: PaperOccurrence[],
  extractions: Extractions,
  paperIds: Map<number, string>,
  parents: Array<Map<string, string>>,
): { groupOfEntity: Array<EntityGroup | null>; entityGroups: Array<Map<string, EntityGroup>> } {
  const groupOfEntity: Array<EntityGroup | null> = [];
  // By namespace, then by root key.
  const entityGroups = [
    new Map<string, EntityGroup>(),
    new Map<string, EntityGroup>(),
    new Map<string, EntityGroup>(),
  ];
  let ei = 0;
  extractions.entities((entities, index) => {
    const pid = paperIds.get((occurrences[index] as PaperOccurrence).group) as string;
    for (const e of entities) {
      const keys = keysOf(e, pid);
      const k = firstKey(keys);
      if (k === null) {
        groupOfEntity[ei++] = null;
        continue;
      }
      const ns = namespaceOf(e.label);
      const groups = entityGroups[ns] as Map<string, EntityGroup>;
      const root = findKey(parents[ns] as Map<string, string>, k);
      let g = groups.get(root);
      if (!g) {
        g = {
          surface: (e.surfaces[0] as [string, number])[0],
          key: keys[0] as string,
          count: 0,
          more: null,
          votes: [NaN, NaN, NaN, NaN, NaN],
          benchmark: 0,
          dataset: 0,
          end: null,
        };
        groups.set(root, g);
      }
      groupOfEntity[ei++] = g;
      for (const [s, n] of e.surfaces) addSurface(g, s, n);
      const li = LABEL_ORDER.indexOf(e.label);
      const v = g.votes[li] as number;
      g.votes[li] = Number.isNaN(v) ? 0 + e.weight : v + e.weight;
      if (e.kind === "benchmark") g.benchmark += e.weight;
      else if (e.kind === "dataset") g.dataset += e.weight;
    }
  });
  return { groupOfEntity, entityGroups };
}

/** One node per group (its label the most voted, its name the most frequent surface); their ends. */
function makeNodes(entityGroups: Array<Map<string, EntityGroup>>): End[] {
  // Two groups could end with the same label and key; keep them one node (and one end).
  const endOfKey = new Map<EntityLabel, Map<string, End>>();
  const ends: End[] = [];
  for (const groups of entityGroups)
    for (const g of groups.values()) {
      let label: EntityLabel = "Model";
      let best = Number.NEGATIVE_INFINITY;
      for (let li = 0; li < LABEL_ORDER.length; li++) {
        const v = g.votes[li] as number;
        if (v > best) {
          best = v;
          label = LABEL_ORDER[li] as EntityLabel;
        }
      }
      let name: string;
      let key: string;
      let aliases: string[];
      if (g.more === null) {
        name = g.surface;
        key = g.key;
        aliases = [name];
      } else {
        const surfaces = [[g.surface, g.count] as [string, number], ...g.more].sort(
          (a, b) => b[1] - a[1] || b[0].length - a[0].length || cmp(a[0], b[0]),
        );
        name = (surfaces[0] as [string, number])[0];
        key = keyOf(name);
        aliases = [...new Set(surfaces.map(([s]) => s))].sort(cmp);
      }
      const node: ExtractedNode = { label, key, name, aliases };
      if (label === "Dataset") node.kind = g.benchmark > g.dataset ? "benchmark" : "dataset";
      if (label === "Model") Object.assign(node, modelNameParts(name));
      let byKey = endOfKey.get(label);
      if (byKey === undefined) {
        byKey = new Map();
        endOfKey.set(label, byKey);
      }
      let end = byKey.get(key);
      if (end === undefined) {
        end = newEnd({ label: node.label, key: node.key }, node);
        byKey.set(key, end);
        ends.push(end);
      } else {
        const existing = end.node as ExtractedNode;
        existing.aliases = [...new Set([...existing.aliases, ...node.aliases])].sort(cmp);
      }
      g.end = end;
    }
  return ends;
}

/** One edge per (type, from, to), found through the ends (no string ids), its evidence merged. */
function mergeEdges(
  occurrences: PaperOccurrence[],
  extractions: Extractions,
  paperIds: Map<number, string>,
  groupOfEntity: Array<EntityGroup | null>,
  paperEnds: Map<string, End>,
): EdgeEntry[] {
  const entries: EdgeEntry[] = [];
  // One copy of each sentence and extractor name is kept in the evidence (a paper's edges
  // share their sentences; extractions read back from files hold a copy per edge).
  const names = new Map<string, string>();
  let sentences = new Map<string, string>();
  let ei = 0;
  extractions.edges((edges, entityCount, k) => {
    const o = occurrences[k] as PaperOccurrence;
    const pid = paperIds.get(o.group) as string;
    if (k % 64 === 0) sentences = new Map();
    let paperEnd = paperEnds.get(pid);
    if (paperEnd === undefined) {
      paperEnd = newEnd({ label: "Paper", id: pid }, null);
      paperEnds.set(pid, paperEnd);
    }
    const sourceId = o.source.id;
    forEachAllowedEdge(edges, groupOfEntity, ei, entityCount, paperEnd, (le, from, to) => {
      mergeEdge(
        entries,
        le.type,
        from,
        to,
        pid,
        sourceId,
        share(sentences, le.sentence),
        le.confidence,
        share(names, le.extractor),
        le.method,
      );
    });
    ei += entityCount;
  });
  return entries;
}

/**
 * Each of one paper's read edges whose ends are known and may be joined, with those ends.
 * The paper's entities are `groupOfEntity[first .. first + entityCount)`.
 */
function forEachAllowedEdge(
  edges: LocalEdge[],
  groupOfEntity: Array<EntityGroup | null>,
  first: number,
  entityCount: number,
  paperEnd: End,
  visit: (edge: LocalEdge, from: End, to: End) => void,
): void {
  const ends: Array<End | null> = new Array(entityCount);
  for (let j = 0; j < entityCount; j++) ends[j] = groupOfEntity[first + j]?.end ?? null;
  for (const le of edges) {
    const from = "paper" in le.from ? paperEnd : (ends[le.from.entity] ?? null);
    const to = "paper" in le.to ? paperEnd : (ends[le.to.entity] ?? null);
    if (endsAllowed(le.type, from, to)) visit(le, from as End, to as End);
  }
}

/** Whether an edge of `type` may join these ends (both known, allowed labels, not a loop). */
function endsAllowed(type: ExtractedRelType, from: End | null, to: End | null): boolean {
  if (!from || !to || from === to) return false;
  const allowed = REL_ENDPOINTS[type];
  return allowed.from.includes(from.ref.label) && allowed.to.includes(to.ref.label);
}

/** Merges one read edge into the edge of its (type, from, to), made on first sight. */
function mergeEdge(
  entries: EdgeEntry[],
  type: ExtractedRelType,
  from: End,
  to: End,
  pid: string,
  sourceId: string,
  sentence: string,
  confidence: number,
  extractor: string,
  method: string | undefined,
): void {
  let entry = findEntry(from, to, type);
  if (entry === undefined) {
    entry = {
      type,
      from,
      to,
      edge: { type, from: from.ref, to: to.ref, properties: {}, evidence: [] },
      methodConfidence: -1,
      seen: null,
    };
    addEntry(from, entry);
    entries.push(entry);
  }
  addEvidence(entry, pid, sourceId, sentence, confidence, extractor);
  if (type === "BASED_ON" && method) {
    const score = confidence + (method === "other" ? 0 : 1);
    const current = entry.edge.properties.method;
    if (
      score > entry.methodConfidence ||
      (score === entry.methodConfidence && current !== undefined && cmp(method, current) < 0)
    ) {
      entry.edge.properties.method = method as BasedOnMethod;
      entry.methodConfidence = score;
    }
  }
}

/** One copy of a string per value: `seen` keeps the first, later equal ones are replaced by it. */
function share(seen: Map<string, string>, value: string): string {
  const first = seen.get(value);
  if (first !== undefined) return first;
  seen.set(value, value);
  return value;
}

/** What an occurrence holds once resolve has used its extraction. */
const USED_UP: PaperExtraction = Object.freeze({
  entities: [],
  edges: [],
  codeUrls: [],
  modelUrls: [],
  urls: [],
}) as unknown as PaperExtraction;

/**
 * The first sentence naming each thing: the first evidence (sorted) of the INTRODUCES or
 * MENTIONS from the paper of smallest id. A paper has at most one of the two to a thing
 * (see resolve), so the order in which edges are noted does not matter.
 */
function noteFirstEvidence(firstEvidence: Map<End, Evidence>, entry: EdgeEntry): void {
  if (entry.type !== "INTRODUCES" && entry.type !== "MENTIONS") return;
  const e = entry.edge.evidence[0];
  const prev = firstEvidence.get(entry.to);
  if (e !== undefined && (prev === undefined || cmp(e.paperId, prev.paperId) < 0))
    firstEvidence.set(entry.to, e);
}

/**
 * VARIANT_OF, read off the names by the name grammar: a Model whose name has a size or a
 * variant links to the nearest base the graph has (Qwen2.5-7B-Instruct → Qwen2.5-7B, else
 * Qwen2.5). Its evidence is the first sentence that names the variant. Never BASED_ON, which
 * stays what a text states.
 */
function variantEdges(nodeEnds: End[], firstEvidence: Map<End, Evidence>): EdgeEntry[] {
  const models = nodeEnds
    .filter((end) => nodeOf(end).label === "Model")
    .sort((a, b) => cmp(nodeOf(a).key, nodeOf(b).key));
  const byMatch = new Map<string, End>();
  for (const end of models) {
    for (const alias of [nodeOf(end).name, ...nodeOf(end).aliases]) {
      const m = matchKey(keyOf(alias));
      if (!byMatch.has(m)) byMatch.set(m, end);
    }
  }
  const out: EdgeEntry[] = [];
  for (const end of models) {
    const node = nodeOf(end);
    if (node.family === undefined) continue;
    const evidence = firstEvidence.get(end);
    if (evidence === undefined) continue;
    for (const baseName of baseNamesOf(node)) {
      const base = byMatch.get(matchKey(keyOf(baseName)));
      if (base === undefined || base === end) continue;
      const entry: EdgeEntry = {
        type: "VARIANT_OF",
        from: end,
        to: base,
        edge: {
          type: "VARIANT_OF",
          from: end.ref,
          to: base.ref,
          properties: {},
          evidence: [{ ...evidence, confidence: 0.9, extractor: "name-grammar" }],
        },
        methodConfidence: -1,
        seen: null,
      };
      addEntry(end, entry);
      out.push(entry);
      break;
    }
  }
  return out;
}
