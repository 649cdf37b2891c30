/**
 * A small hand-written graph whose answers can be reasoned out, shared by the query,
 * API, console and CLI integration tests. It goes through the real loader.
 *
 * Lineage: Qwen2.5-7B ← Qwen2.5-7B-Instruct ← {PET-F2I-7B, MedReason-7B};
 *          Qwen2.5-7B ← Innovator ← Innovator-Reason; LLaVA ← LLaVA-Med.
 * Related work for P1 (PET-F2I): P2 (MedReason) shares the base model, MedQA and an
 * author, so it ranks first; P6 only has a similar abstract; P3 only shares LoRA.
 */

import type { ExtractedEdge, ExtractedNode, ExtractedPaper, ExtractionResult } from "@kg/graph-schema";
import type { Database } from "@kg/queries/run";
// The loader module itself rather than the @kg/ingest barrel, so these tests do not
// depend on the rest of the ingest pipeline.
import { loadGraph } from "../support/db.ts";
import { fixturePaper } from "../support/extraction-builders.ts";

export const FEED_SOURCE = {
  id: "a".repeat(64),
  path: "seeds/med-feed.txt",
  kind: "paper-feed" as const,
  bytes: 4200,
};
export const LAB_SOURCE = {
  id: "b".repeat(64),
  path: "seeds/netease-lab.txt",
  kind: "lab-page" as const,
  bytes: 2100,
};

const paper = fixturePaper;

const P1 = paper(
  "arxiv:2501.00001",
  "PET-F2I: Fine-tuned Vision Language Model for PET Report Generation",
  "We introduce PET-F2I-7B, fine-tuned from Qwen2.5-7B-Instruct via LoRA on PET-F2I-41K, a corpus of positron emission tomography reports. PET-F2I-7B is evaluated on MedQA.",
  FEED_SOURCE.id,
);
const P2 = paper(
  "arxiv:2501.00002",
  "MedReason: Medical Reasoning with Small Language Models",
  "We present MedReason-7B, a medical reasoning model fine-tuned from Qwen2.5-7B-Instruct. MedReason-7B is evaluated on MedQA and PubMedQA.",
  FEED_SOURCE.id,
);
const P3 = paper(
  "arxiv:2501.00003",
  "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine",
  "We introduce LLaVA-Med, built on LLaVA and trained with LoRA on PMC-15M. LLaVA-Med is evaluated on VQA-RAD.",
  FEED_SOURCE.id,
);
const P4 = paper(
  "arxiv:2501.00004",
  "Innovator: Scientific Continued Pretraining with Fine-grained MoE Upcycling",
  "Innovator extends Qwen2.5-7B by upcycling it into a Mixture-of-Experts model. Innovator-Reason, which is post-trained from Innovator, improves scientific reasoning.",
  LAB_SOURCE.id,
);
const P5 = paper(
  "arxiv:2501.00005",
  "GMAI-MMBench: A Comprehensive Multimodal Evaluation Benchmark",
  "We present GMAI-MMBench, a benchmark for general medical AI. We evaluate GPT-4o on GMAI-MMBench.",
  FEED_SOURCE.id,
);
const P6 = paper(
  "sha:00000000000000a6",
  "Automated PET Report Generation",
  "Positron emission tomography reports are long; we study automated PET report generation from tomography images with vision language models.",
  LAB_SOURCE.id,
);

function entity(
  label: ExtractedNode["label"],
  key: string,
  name: string,
  extra: Partial<ExtractedNode> = {},
) {
  return { label, key, name, aliases: [name], ...extra } satisfies ExtractedNode;
}

const NODES: ExtractedNode[] = [
  entity("Model", "qwen2-5-7b", "Qwen2.5-7B"),
  entity("Model", "qwen2-5-7b-instruct", "Qwen2.5-7B-Instruct", {
    aliases: ["Qwen2.5-7B-Instruct", "Qwen2.5 7B Instruct"],
  }),
  entity("Model", "pet-f2i-7b", "PET-F2I-7B"),
  entity("Model", "medreason-7b", "MedReason-7B"),
  entity("Model", "llava", "LLaVA"),
  entity("Model", "llava-med", "LLaVA-Med"),
  entity("Model", "innovator", "Innovator"),
  entity("Model", "innovator-reason", "Innovator-Reason"),
  entity("Model", "gpt-4o", "GPT-4o"),
  entity("Dataset", "pet-f2i-41k", "PET-F2I-41K", { kind: "dataset" }),
  entity("Dataset", "medqa", "MedQA", { kind: "benchmark" }),
  entity("Dataset", "pubmedqa", "PubMedQA", { kind: "benchmark" }),
  entity("Dataset", "pmc-15m", "PMC-15M", { kind: "dataset" }),
  entity("Dataset", "vqa-rad", "VQA-RAD", { kind: "benchmark" }),
  entity("Dataset", "gmai-mmbench", "GMAI-MMBench", { kind: "benchmark" }),
  entity("Method", "lora", "LoRA"),
  entity("Method", "mixture-of-experts", "Mixture-of-Experts"),
  entity("Organization", "ai-lab-netease", "AI Lab, Netease"),
  entity("Organization", "openai", "OpenAI"),
  entity("Organization", "qwen", "Qwen"),
  entity("Author", "zizhe-wang", "Zizhe Wang"),
  entity("Author", "jane-doe", "Jane Doe"),
];

type Ref = ExtractedEdge["from"];
const m = (key: string): Ref => ({ label: "Model", key });
const d = (key: string): Ref => ({ label: "Dataset", key });
const t = (key: string): Ref => ({ label: "Method", key });
const o = (key: string): Ref => ({ label: "Organization", key });
const a = (key: string): Ref => ({ label: "Author", key });
const p = (x: ExtractedPaper): Ref => ({ label: "Paper", id: x.id });

function edge(
  type: ExtractedEdge["type"],
  from: Ref,
  to: Ref,
  source: ExtractedPaper,
  sentence: string,
  method?: ExtractedEdge["properties"]["method"],
): ExtractedEdge {
  return {
    type,
    from,
    to,
    properties: method ? { method } : {},
    evidence: [
      { paperId: source.id, sourceId: source.sourceId, sentence, confidence: 0.9, extractor: "fixture" },
    ],
  };
}

const S = (x: ExtractedPaper, i = 0) => x.abstract.split(". ")[i] ?? x.abstract;

const EDGES: ExtractedEdge[] = [
  edge("BASED_ON", m("pet-f2i-7b"), m("qwen2-5-7b-instruct"), P1, S(P1), "adapter"),
  edge("BASED_ON", m("medreason-7b"), m("qwen2-5-7b-instruct"), P2, S(P2), "fine-tune"),
  edge("BASED_ON", m("qwen2-5-7b-instruct"), m("qwen2-5-7b"), P4, S(P4), "post-training"),
  edge("BASED_ON", m("innovator"), m("qwen2-5-7b"), P4, S(P4), "upcycling"),
  edge("BASED_ON", m("innovator-reason"), m("innovator"), P4, S(P4, 1), "post-training"),
  edge("BASED_ON", m("llava-med"), m("llava"), P3, S(P3), "fine-tune"),
  edge("TRAINED_ON", m("pet-f2i-7b"), d("pet-f2i-41k"), P1, S(P1)),
  edge("TRAINED_ON", m("llava-med"), d("pmc-15m"), P3, S(P3)),
  edge("EVALUATED_ON", m("pet-f2i-7b"), d("medqa"), P1, S(P1, 1)),
  edge("EVALUATED_ON", m("medreason-7b"), d("medqa"), P2, S(P2, 1)),
  edge("EVALUATED_ON", m("medreason-7b"), d("pubmedqa"), P2, S(P2, 1)),
  edge("EVALUATED_ON", m("llava-med"), d("vqa-rad"), P3, S(P3, 1)),
  edge("EVALUATED_ON", m("gpt-4o"), d("gmai-mmbench"), P5, S(P5, 1)),
  edge("USES_METHOD", m("pet-f2i-7b"), t("lora"), P1, S(P1)),
  edge("USES_METHOD", m("llava-med"), t("lora"), P3, S(P3)),
  edge("USES_METHOD", m("innovator"), t("mixture-of-experts"), P4, S(P4)),
  edge("PUBLISHED", o("ai-lab-netease"), p(P1), P1, "AI Lab, Netease"),
  edge("PUBLISHED", o("ai-lab-netease"), p(P4), P4, "AI Lab, Netease"),
  edge("DEVELOPED", o("openai"), m("gpt-4o"), P5, S(P5, 1)),
  edge("DEVELOPED", o("qwen"), m("qwen2-5-7b"), P4, S(P4)),
  edge("DEVELOPED", o("qwen"), m("qwen2-5-7b-instruct"), P1, S(P1)),
  edge("AUTHORED", a("zizhe-wang"), p(P1), P1, "Zizhe Wang"),
  edge("AUTHORED", a("zizhe-wang"), p(P2), P2, "Zizhe Wang"),
  edge("AUTHORED", a("jane-doe"), p(P3), P3, "Jane Doe"),
  edge("INTRODUCES", p(P1), m("pet-f2i-7b"), P1, S(P1)),
  edge("INTRODUCES", p(P1), d("pet-f2i-41k"), P1, S(P1)),
  edge("INTRODUCES", p(P2), m("medreason-7b"), P2, S(P2)),
  edge("INTRODUCES", p(P3), m("llava-med"), P3, S(P3)),
  edge("INTRODUCES", p(P4), m("innovator"), P4, S(P4)),
  edge("INTRODUCES", p(P4), m("innovator-reason"), P4, S(P4, 1)),
  edge("INTRODUCES", p(P5), d("gmai-mmbench"), P5, S(P5)),
  edge("MENTIONS", p(P1), m("qwen2-5-7b-instruct"), P1, S(P1)),
  edge("MENTIONS", p(P1), d("medqa"), P1, S(P1, 1)),
  edge("MENTIONS", p(P1), t("lora"), P1, S(P1)),
  edge("MENTIONS", p(P2), m("qwen2-5-7b-instruct"), P2, S(P2)),
  edge("MENTIONS", p(P2), d("medqa"), P2, S(P2, 1)),
  edge("MENTIONS", p(P2), d("pubmedqa"), P2, S(P2, 1)),
  edge("MENTIONS", p(P3), m("llava"), P3, S(P3)),
  edge("MENTIONS", p(P3), d("pmc-15m"), P3, S(P3)),
  edge("MENTIONS", p(P3), d("vqa-rad"), P3, S(P3, 1)),
  edge("MENTIONS", p(P3), t("lora"), P3, S(P3)),
  edge("MENTIONS", p(P4), m("qwen2-5-7b"), P4, S(P4)),
  edge("MENTIONS", p(P4), t("mixture-of-experts"), P4, S(P4)),
  edge("MENTIONS", p(P5), m("gpt-4o"), P5, S(P5, 1)),
];

export const FIXTURE_PAPERS = { P1, P2, P3, P4, P5, P6 };

export function fixtureExtraction(): ExtractionResult {
  return {
    sources: [
      { ...FEED_SOURCE, ingestedAt: null },
      { ...LAB_SOURCE, ingestedAt: null },
    ],
    papers: [P1, P2, P3, P4, P5, P6],
    nodes: NODES,
    edges: EDGES,
    warnings: [],
  };
}

/** Empties the test database and loads the fixture through the real loader. */
export async function loadFixture(db: Database): Promise<void> {
  await loadGraph(db, fixtureExtraction(), "2025-06-01T00:00:00Z");
}
