/**
 * A synthetic research corpus in realistic proportions, as an ExtractionResult, so it
 * loads through the real loader: papers with labs and authors; models that mostly
 * derive from a few popular foundation models (hubs with thousands of descendants) in
 * chains and trees up to depth 8, sometimes merges of two; benchmarks with a long tail;
 * generic methods (LoRA-like hubs); abstracts with a Zipf-shaped vocabulary that name
 * the entities they relate. Deterministic: same options, same result.
 */
import { createHash } from "node:crypto";
import {
  type BasedOnMethod,
  type EndpointRef,
  type ExtractedEdge,
  type ExtractedNode,
  type ExtractedPaper,
  type ExtractionResult,
  normaliseKey,
  type Source,
} from "@kg/graph-schema";
import { createRandom, type Random } from "./random.ts";
import { capitalise, pseudoWord, vocabulary } from "./words.ts";

export interface CorpusOptions {
  papers: number;
  seed: number;
}

/** Longest BASED_ON chain from a foundation model. */
export const MAX_LINEAGE_DEPTH = 8;
export const GENERATOR_EXTRACTOR = "bench:generator";

const FAMILIES = [
  "Qwen2.5",
  "Llama-3",
  "Mistral",
  "Gemma-2",
  "Phi-3",
  "DeepSeek-V2",
  "InternLM2",
  "Yi-1.5",
  "Falcon",
  "GPT-4",
  "Claude-3",
  "BERT",
  "T5",
  "ViT",
  "CLIP",
  "SAM",
  "Stable-Diffusion",
  "Whisper",
  "LLaVA",
  "Vicuna",
  "OLMo",
  "Pythia",
  "BLOOM",
  "Baichuan2",
  "ChatGLM3",
  "MiniCPM",
  "Mixtral",
  "StarCoder2",
  "CodeLlama",
  "SigLIP",
];
const SIZES = ["7B", "8B", "13B", "70B", "1.5B", "14B", "32B", "0.5B", "3B", "34B", "72B"];
const DATASET_SUFFIXES = ["QA", "Bench", "-1M", "Set", "-Instruct", "VQA", "-41K", "-Eval", "Corpus", "-5M"];
const METHOD_SEEDS = [
  "LoRA",
  "DPO",
  "GRPO",
  "RLHF",
  "PPO",
  "QLoRA",
  "Mixture-of-Experts",
  "Chain-of-Thought",
  "Distillation",
  "Prompt Tuning",
];

/** Weighted choice of how a model was made from its base. */
const BASED_ON_METHODS: readonly [BasedOnMethod, number][] = [
  ["fine-tune", 0.45],
  ["adapter", 0.2],
  ["post-training", 0.1],
  ["distillation", 0.07],
  ["continued-pretraining", 0.06],
  ["quantization", 0.05],
  ["upcycling", 0.02],
  ["other", 0.05],
];

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The Source that marks a fully loaded corpus of these options (the bench loads it last). */
export function corpusManifestSource(options: CorpusOptions): Source {
  const path = `bench-corpus:papers=${options.papers};seed=${options.seed}`;
  return { id: sha256(path), path, kind: "plain", bytes: 0, ingestedAt: null };
}

function weighted<T>(random: Random, choices: readonly [T, number][]): T {
  let x = random.next();
  for (const [value, weight] of choices) {
    x -= weight;
    if (x < 0) return value;
  }
  return (choices[choices.length - 1] as [T, number])[0];
}

interface ModelInfo {
  key: string;
  name: string;
  depth: number;
}

/**
 * The corpus; with `onPaper`, each paper is handed over as it is made (with the name of its
 * lab) and neither papers nor edges are kept (the result holds the nodes alone), so that a
 * corpus of millions of papers is written in bounded memory. The papers are the same.
 */
export function generateCorpus(
  options: CorpusOptions,
  onPaper?: (paper: ExtractedPaper, lab: string) => void,
): ExtractionResult {
  const { papers: paperCount, seed } = options;
  const random = createRandom(seed);
  const rWords = random.fork("words");
  const words = vocabulary(rWords, 20_000);
  const word = rWords.zipf(words.length, 1.05);

  const nodes: ExtractedNode[] = [];
  const edges: ExtractedEdge[] = [];
  const edgeKeys = new Set<string>();
  const usedKeys = new Set<string>();

  /** A display name whose key no other node of the corpus has. */
  const unique = (name: string): { name: string; key: string } => {
    let candidate = name;
    for (let n = 2; usedKeys.has(normaliseKey(candidate)); n++) candidate = `${name}-v${n}`;
    const key = normaliseKey(candidate);
    usedKeys.add(key);
    return { name: candidate, key };
  };
  const addNode = (label: ExtractedNode["label"], name: string, extra: Partial<ExtractedNode> = {}) => {
    const named = unique(name);
    nodes.push({ label, key: named.key, name: named.name, aliases: [named.name], ...extra });
    return named;
  };

  // Sources: one feed document per hundred papers.
  const sources: Source[] = [];
  const sourceCount = Math.max(1, Math.ceil(paperCount / 100));
  for (let i = 0; i < sourceCount; i++) {
    const path = `bench/corpus-${seed}/feed-${String(i).padStart(5, "0")}.txt`;
    sources.push({
      id: sha256(`${seed}:${path}`),
      path,
      kind: "paper-feed",
      bytes: 40_000 + (i % 997),
      ingestedAt: null,
    });
  }

  // Organisations and authors.
  const rPeople = random.fork("people");
  const orgs = Array.from({ length: Math.max(20, Math.round(paperCount / 30)) }, (_, i) => {
    const base = capitalise(pseudoWord(rPeople));
    const name = [`${base} AI Lab`, `University of ${base}`, `${base} Research`, `${base} Labs`][
      i % 4
    ] as string;
    return addNode("Organization", name);
  });
  const orgOf = rPeople.zipf(orgs.length, 1.0);
  const authors = Array.from({ length: Math.max(50, Math.round(paperCount * 0.6)) }, () =>
    addNode("Author", `${capitalise(pseudoWord(rPeople))} ${capitalise(pseudoWord(rPeople))}`),
  );
  const authorOf = rPeople.zipf(authors.length, 0.8);

  // Methods, benchmarks and popular data sets, each with a long tail behind a few hubs.
  const rThings = random.fork("things");
  const methods = Array.from({ length: Math.max(20, Math.round(paperCount / 50)) }, (_, i) =>
    addNode(
      "Method",
      METHOD_SEEDS[i] ??
        `${capitalise(pseudoWord(rThings))} ${rThings.pick(["Tuning", "Loss", "Sampling", "Decoding", "Alignment"])}`,
    ),
  );
  const methodOf = rThings.zipf(methods.length, 1.1);
  const benchmarks = Array.from({ length: Math.max(20, Math.round(paperCount / 300)) }, () =>
    addNode("Dataset", `${capitalise(pseudoWord(rThings))}${rThings.pick(DATASET_SUFFIXES)}`, {
      kind: "benchmark",
    }),
  );
  const benchmarkOf = rThings.zipf(benchmarks.length, 1.0);
  const datasets = Array.from({ length: Math.max(20, Math.round(paperCount / 200)) }, () =>
    addNode("Dataset", `${capitalise(pseudoWord(rThings))}${rThings.pick(DATASET_SUFFIXES)}`, {
      kind: "dataset",
    }),
  );
  const datasetOf = rThings.zipf(datasets.length, 1.0);

  // Foundation models: families × sizes, each base with an instruct variant built on it.
  const rModels = random.fork("models");
  const foundationCount = Math.max(10, Math.round(paperCount / 500));
  const foundations: ModelInfo[] = [];
  const foundationEdges: [ModelInfo, ModelInfo][] = [];
  for (let i = 0; foundations.length < foundationCount; i++) {
    const family = FAMILIES[i % FAMILIES.length] as string;
    // Families cycle first, so the most popular (lowest index) ones are different families.
    const size = SIZES[Math.floor(i / FAMILIES.length) % SIZES.length] as string;
    const round = Math.floor(i / (FAMILIES.length * SIZES.length));
    const baseName = `${family}-${size}${round > 0 ? `-r${round}` : ""}`;
    const base = { ...addNode("Model", baseName), depth: 0 };
    const instruct = { ...addNode("Model", `${baseName}-Instruct`), depth: 1 };
    foundations.push(base, instruct);
    foundationEdges.push([instruct, base]);
  }
  const foundationOf = rModels.zipf(foundations.length, 1.1);
  const derived: ModelInfo[] = [];

  const addEdge = (
    type: ExtractedEdge["type"],
    from: EndpointRef,
    to: EndpointRef,
    paper: ExtractedPaper,
    sentence: string,
    method?: BasedOnMethod,
  ) => {
    if (onPaper) return;
    const id = `${type}|${from.label}:${"key" in from ? from.key : from.id}|${to.label}:${"key" in to ? to.key : to.id}`;
    if (edgeKeys.has(id)) return;
    edgeKeys.add(id);
    edges.push({
      type,
      from,
      to,
      properties: method ? { method } : {},
      evidence: [
        {
          paperId: paper.id,
          sourceId: paper.sourceId,
          sentence,
          confidence: 0.6 + ((edgeKeys.size * 7919) % 35) / 100,
          extractor: GENERATOR_EXTRACTOR,
        },
      ],
    });
  };
  const model = (m: { key: string }): EndpointRef => ({ label: "Model", key: m.key });
  const dataset = (d: { key: string }): EndpointRef => ({ label: "Dataset", key: d.key });

  const rPapers = random.fork("papers");
  const papers: ExtractedPaper[] = [];
  const paperDatasets: { key: string; name: string }[] = [];
  const sentenceOf = (count: number) => {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(words[word()] as string);
    return `${capitalise(parts.join(" "))}.`;
  };

  for (let p = 0; p < paperCount; p++) {
    const month = 1 + (p % 12);
    const year = 20 + (Math.floor(p / 12) % 6);
    const arxiv = `${year}${String(month).padStart(2, "0")}.${String(10_000 + Math.floor(p / 72)).padStart(5, "0")}`;
    const hasArxiv = rPapers.chance(0.9);
    const id = hasArxiv ? `arxiv:${arxiv}` : `sha:${sha256(`${seed}:paper:${p}`).slice(0, 16)}`;
    const source = sources[Math.floor(p / 100)] as Source;
    const lab = orgs[orgOf()] as { key: string; name: string };
    const authorCount = 1 + rPapers.count(2, 8);
    const paperAuthors = new Set<number>();
    while (paperAuthors.size < authorCount) paperAuthors.add(authorOf());

    const sentences: string[] = [];
    const paper: ExtractedPaper = {
      id,
      title: null,
      arxivId: hasArxiv ? arxiv : null,
      sourceId: source.id,
      sourceIds: [source.id],
      abstract: "",
      codeUrls: [],
      modelUrls: [],
      urls: [],
      notes: [],
      authors: [...paperAuthors].map((a) => (authors[a] as { name: string }).name),
      date: `20${year}-${String(month).padStart(2, "0")}-01`,
    };
    const paperRef: EndpointRef = { label: "Paper", id };
    addEdge("PUBLISHED", { label: "Organization", key: lab.key }, paperRef, paper, lab.name);
    for (const a of paperAuthors) {
      const author = authors[a] as { key: string; name: string };
      addEdge("AUTHORED", { label: "Author", key: author.key }, paperRef, paper, author.name);
    }

    // What the paper introduces.
    let introducedDataset: { key: string; name: string } | undefined;
    if (rPapers.chance(0.08)) {
      const kind = rPapers.chance(0.3) ? "benchmark" : "dataset";
      introducedDataset = addNode(
        "Dataset",
        `${capitalise(pseudoWord(rPapers))}${rPapers.pick(DATASET_SUFFIXES)}`,
        { kind },
      );
      paperDatasets.push(introducedDataset);
      const sentence = `We construct ${introducedDataset.name}, a new ${kind} of ${words[word()]} ${words[word()]} examples.`;
      sentences.push(sentence);
      addEdge("INTRODUCES", paperRef, dataset(introducedDataset), paper, sentence);
    }
    if (rPapers.chance(0.05)) {
      const method = addNode(
        "Method",
        `${capitalise(pseudoWord(rPapers))} ${rPapers.pick(["Tuning", "Loss", "Sampling", "Alignment"])}`,
      );
      const sentence = `We propose ${method.name}, a ${words[word()]} objective.`;
      sentences.push(sentence);
      addEdge("INTRODUCES", paperRef, { label: "Method", key: method.key }, paper, sentence);
    }
    const modelCount = rPapers.chance(0.55) ? (rPapers.chance(0.15) ? 2 : 1) : 0;
    let titleModel: string | undefined;
    for (let m = 0; m < modelCount; m++) {
      // The base: a popular foundation model, or a derived model (chains and trees), or none.
      let base: ModelInfo | undefined;
      if (rPapers.chance(0.9)) {
        if (derived.length > 0 && rPapers.chance(0.45)) {
          const candidate = derived[
            derived.length - 1 - rPapers.int(Math.min(derived.length, 20_000))
          ] as ModelInfo;
          base = candidate.depth < MAX_LINEAGE_DEPTH ? candidate : undefined;
        }
        base ??= foundations[foundationOf()] as ModelInfo;
      }
      const family = base ? base.name.split("-").slice(0, 2).join("-") : capitalise(pseudoWord(rPapers));
      const created = {
        ...addNode("Model", `${capitalise(pseudoWord(rPapers))}-${family}`),
        depth: (base?.depth ?? -1) + 1,
      };
      derived.push(created);
      titleModel ??= created.name;
      const method = weighted(rPapers, BASED_ON_METHODS);
      const trainedOn = [
        ...(introducedDataset ? [introducedDataset] : []),
        ...Array.from({ length: rPapers.count(0.8, 3) }, () =>
          rPapers.chance(0.3) && paperDatasets.length > 0
            ? (paperDatasets[rPapers.int(paperDatasets.length)] as { key: string; name: string })
            : (datasets[datasetOf()] as { key: string; name: string }),
        ),
      ];
      const evaluatedOn = Array.from(
        { length: 1 + rPapers.count(1.5, 6) },
        () => benchmarks[benchmarkOf()] as { key: string; name: string },
      );
      const usesMethods = Array.from(
        { length: rPapers.count(1, 3) },
        () => methods[methodOf()] as { key: string; name: string },
      );

      const intro = base
        ? `We introduce ${created.name}, ${method === "adapter" ? "adapted" : "built"} from ${base.name}${usesMethods[0] ? ` with ${usesMethods[0].name}` : ""}${trainedOn[0] ? ` on ${trainedOn[0].name}` : ""}.`
        : `We introduce ${created.name}, a ${words[word()]} model trained from scratch${trainedOn[0] ? ` on ${trainedOn[0].name}` : ""}.`;
      const evaluation = `${created.name} is evaluated on ${evaluatedOn.map((b) => b.name).join(", ")}.`;
      sentences.push(intro, evaluation);
      addEdge("INTRODUCES", paperRef, model(created), paper, intro);
      if (base) {
        addEdge("BASED_ON", model(created), model(base), paper, intro, method);
        addEdge("MENTIONS", paperRef, model(base), paper, intro);
        if (rPapers.chance(0.03)) {
          const other = foundations[foundationOf()] as ModelInfo;
          if (other.key !== base.key) {
            const merge = `${created.name} merges ${base.name} with ${other.name}.`;
            sentences.push(merge);
            addEdge("BASED_ON", model(created), model(other), paper, merge, "merge");
            addEdge("MENTIONS", paperRef, model(other), paper, merge);
          }
        }
      }
      for (const d of trainedOn) {
        addEdge("TRAINED_ON", model(created), dataset(d), paper, intro);
        if (d !== introducedDataset) addEdge("MENTIONS", paperRef, dataset(d), paper, intro);
      }
      for (const b of evaluatedOn) {
        addEdge("EVALUATED_ON", model(created), dataset(b), paper, evaluation);
        addEdge("MENTIONS", paperRef, dataset(b), paper, evaluation);
      }
      for (const method of usesMethods) {
        addEdge("USES_METHOD", model(created), { label: "Method", key: method.key }, paper, intro);
        addEdge("MENTIONS", paperRef, { label: "Method", key: method.key }, paper, intro);
      }
      if (rPapers.chance(0.5)) {
        addEdge("DEVELOPED", { label: "Organization", key: lab.key }, model(created), paper, lab.name);
      }
    }
    // Comparisons with popular models (the GPT-4 effect).
    for (let c = rPapers.count(0.8, 3); c > 0; c--) {
      const compared = foundations[foundationOf()] as ModelInfo;
      const sentence = `We compare with ${compared.name}.`;
      sentences.push(sentence);
      addEdge("MENTIONS", paperRef, model(compared), paper, sentence);
    }

    // Filler sentences around the facts: abstracts of 120–250 words.
    const filler = 5 + rPapers.int(6);
    const abstract: string[] = [];
    for (let s = 0; s < filler; s++) {
      abstract.push(sentenceOf(12 + rPapers.int(14)));
      if (s === 1 || s === 3) abstract.push(...sentences.splice(0, Math.ceil(sentences.length / 2)));
    }
    abstract.push(...sentences);
    paper.abstract = abstract.join(" ");
    const titleWords = Array.from({ length: 4 + rPapers.int(5) }, () =>
      capitalise(words[word()] as string),
    ).join(" ");
    paper.title = titleModel ? `${titleModel}: ${titleWords}` : titleWords;
    if (onPaper) onPaper(paper, lab.name);
    else papers.push(paper);
  }
  if (onPaper) return { sources, papers, nodes, edges, warnings: [] };

  // Foundation models: developed by the biggest labs, instruct variants built on their bases.
  const foundationPaper = papers[0] as ExtractedPaper;
  for (const [instruct, base] of foundationEdges) {
    addEdge(
      "BASED_ON",
      model(instruct),
      model(base),
      foundationPaper,
      `${instruct.name} is post-trained from ${base.name}.`,
      "post-training",
    );
  }
  foundations.forEach((f, i) => {
    const org = orgs[i % 10] as { key: string; name: string };
    addEdge("DEVELOPED", { label: "Organization", key: org.key }, model(f), foundationPaper, org.name);
  });

  return { sources, papers, nodes, edges, warnings: [] };
}
