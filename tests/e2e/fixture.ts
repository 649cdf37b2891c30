/**
 * The graph the browser tests run on: the seed documents through the real extraction
 * pipeline and the real loader. With KG_E2E_FIXTURE=hand, a small hand-made extraction
 * of the same seeds is loaded instead (for working on the page while the extractor is
 * being changed).
 */

import type { ExtractedEdge, ExtractedNode, ExtractedPaper, ExtractionResult } from "@kg/graph-schema";
import { applySchema, loadExtraction } from "@kg/ingest";
import type { Database } from "@kg/queries/run";
import { extractDocuments, readDocuments } from "../../ingest/src/pipeline.ts";
import { clearGraph } from "../support/db.ts";
import { fixturePaper } from "../support/extraction-builders.ts";

export const SEEDS_DIR = "/work/shared/corpus/seeds";

const FEED = { id: "1".repeat(64), path: "seeds/000_feed.txt", kind: "paper-feed" as const, bytes: 13003 };
const LAB = { id: "2".repeat(64), path: "seeds/001_lab.txt", kind: "lab-page" as const, bytes: 11156 };

function paper(
  id: string,
  title: string,
  abstract: string,
  sourceId: string,
  authors: string[],
): ExtractedPaper {
  return fixturePaper(id, title, abstract, sourceId, authors, "2025-10-01");
}

export const PET = paper(
  "arxiv:2510.00001",
  "PET-F2I: A Benchmark and Domain-Adapted Model for PET/CT Impression Generation",
  "We introduce PET-F2I-41K, a large-scale benchmark for PET/CT impression generation. We develop a domain-adapted 7B model (PET-F2I-7B) fine-tuned from Qwen2.5-7B-Instruct via LoRA. PET-F2I-7B achieves substantial gains on PET-F2I-41K.",
  FEED.id,
  ["Zizhe Wang", "Lin Chen"],
);
export const MEDREASON = paper(
  "arxiv:2510.00002",
  "MedReason-7B: Clinical Reasoning from Discharge Notes",
  "We present MedReason-7B, fine-tuned from Qwen2.5-7B-Instruct on MIMIC-IV discharge notes. MedReason-7B is evaluated on MedQA.",
  FEED.id,
  ["Lin Chen"],
);
export const SEGANYPET = paper(
  "arxiv:2510.00003",
  "SegAnyPET: Universal Promptable Segmentation from PET Images",
  "We construct PETS-5k, the largest PET segmentation dataset. Based on this dataset, we present SegAnyPET, a promptable segmentation model. SegAnyPET is evaluated on AutoPET.",
  LAB.id,
  ["Yichi Zhang"],
);
export const INNOVATOR = paper(
  "arxiv:2510.00004",
  "Innovator: Scientific Continued Pretraining with Fine-grained MoE Upcycling",
  "Innovator extends Qwen2.5-7B by upcycling it into a Mixture-of-Experts model. Innovator-Reason, which is post-trained from Innovator, improves scientific reasoning on GPQA.",
  LAB.id,
  ["Zizhe Wang"],
);
const MIMIC = paper(
  "sha:0000000000000005",
  "Sepsis Prediction on MIMIC-IV with Clinical Language Models",
  "We train ClinicalBERT-Sepsis on MIMIC-IV to predict sepsis onset and compare it with GPT-4.",
  FEED.id,
  [],
);

function entity(
  label: ExtractedNode["label"],
  name: string,
  extra: Partial<ExtractedNode> = {},
): ExtractedNode {
  const key = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return { label, key, name, aliases: [name], ...extra };
}

const N = {
  qwenBase: entity("Model", "Qwen2.5-7B"),
  qwen: entity("Model", "Qwen2.5-7B-Instruct"),
  pet: entity("Model", "PET-F2I-7B"),
  medreason: entity("Model", "MedReason-7B"),
  seganypet: entity("Model", "SegAnyPET"),
  innovator: entity("Model", "Innovator"),
  innovatorReason: entity("Model", "Innovator-Reason"),
  sepsis: entity("Model", "ClinicalBERT-Sepsis"),
  gpt4: entity("Model", "GPT-4"),
  petData: entity("Dataset", "PET-F2I-41K", { kind: "benchmark" }),
  mimic: entity("Dataset", "MIMIC-IV", { kind: "dataset" }),
  medqa: entity("Dataset", "MedQA", { kind: "benchmark" }),
  pets5k: entity("Dataset", "PETS-5k", { kind: "dataset" }),
  autopet: entity("Dataset", "AutoPET", { kind: "benchmark" }),
  gpqa: entity("Dataset", "GPQA", { kind: "benchmark" }),
  lora: entity("Method", "LoRA"),
  moe: entity("Method", "Mixture-of-Experts"),
  netease: entity("Organization", "AI Lab, Netease"),
  shlab: entity("Organization", "Shanghai AI Laboratory"),
  zizhe: entity("Author", "Zizhe Wang"),
  lin: entity("Author", "Lin Chen"),
  yichi: entity("Author", "Yichi Zhang"),
};

type Ref = ExtractedEdge["from"];
const ref = (n: ExtractedNode): Ref => ({ label: n.label, key: n.key });
const pref = (p: ExtractedPaper): Ref => ({ label: "Paper", id: p.id });

function edge(
  type: ExtractedEdge["type"],
  from: Ref,
  to: Ref,
  p: ExtractedPaper,
  sentence: string,
  properties: ExtractedEdge["properties"] = {},
): ExtractedEdge {
  return {
    type,
    from,
    to,
    properties,
    evidence: [{ paperId: p.id, sourceId: p.sourceId, sentence, confidence: 0.9, extractor: "e2e:fixture" }],
  };
}

const s = (p: ExtractedPaper, i: number) => p.abstract.split(/(?<=\.)\s+/)[i] ?? p.abstract;

export const HAND_EXTRACTION: ExtractionResult = {
  sources: [
    { ...FEED, ingestedAt: null },
    { ...LAB, ingestedAt: null },
  ],
  papers: [PET, MEDREASON, SEGANYPET, INNOVATOR, MIMIC],
  nodes: Object.values(N),
  edges: [
    edge("INTRODUCES", pref(PET), ref(N.petData), PET, s(PET, 0)),
    edge("INTRODUCES", pref(PET), ref(N.pet), PET, s(PET, 1)),
    edge("MENTIONS", pref(PET), ref(N.qwen), PET, s(PET, 1)),
    edge("MENTIONS", pref(PET), ref(N.lora), PET, s(PET, 1)),
    edge("BASED_ON", ref(N.pet), ref(N.qwen), PET, s(PET, 1), { method: "adapter" }),
    edge("USES_METHOD", ref(N.pet), ref(N.lora), PET, s(PET, 1)),
    edge("EVALUATED_ON", ref(N.pet), ref(N.petData), PET, s(PET, 2)),
    edge("PUBLISHED", ref(N.netease), pref(PET), PET, "AI Lab, Netease"),
    edge("AUTHORED", ref(N.zizhe), pref(PET), PET, "Zizhe Wang"),
    edge("AUTHORED", ref(N.lin), pref(PET), PET, "Lin Chen"),
    edge("INTRODUCES", pref(MEDREASON), ref(N.medreason), MEDREASON, s(MEDREASON, 0)),
    edge("BASED_ON", ref(N.medreason), ref(N.qwen), MEDREASON, s(MEDREASON, 0), { method: "fine-tune" }),
    edge("TRAINED_ON", ref(N.medreason), ref(N.mimic), MEDREASON, s(MEDREASON, 0)),
    edge("EVALUATED_ON", ref(N.medreason), ref(N.medqa), MEDREASON, s(MEDREASON, 1)),
    edge("MENTIONS", pref(MEDREASON), ref(N.mimic), MEDREASON, s(MEDREASON, 0)),
    edge("AUTHORED", ref(N.lin), pref(MEDREASON), MEDREASON, "Lin Chen"),
    edge("PUBLISHED", ref(N.netease), pref(MEDREASON), MEDREASON, "AI Lab, Netease"),
    edge("INTRODUCES", pref(SEGANYPET), ref(N.pets5k), SEGANYPET, s(SEGANYPET, 0)),
    edge("INTRODUCES", pref(SEGANYPET), ref(N.seganypet), SEGANYPET, s(SEGANYPET, 1)),
    edge("TRAINED_ON", ref(N.seganypet), ref(N.pets5k), SEGANYPET, s(SEGANYPET, 1)),
    edge("EVALUATED_ON", ref(N.seganypet), ref(N.autopet), SEGANYPET, s(SEGANYPET, 2)),
    edge("AUTHORED", ref(N.yichi), pref(SEGANYPET), SEGANYPET, "Yichi Zhang"),
    edge("PUBLISHED", ref(N.shlab), pref(SEGANYPET), SEGANYPET, "Shanghai AI Laboratory"),
    edge("INTRODUCES", pref(INNOVATOR), ref(N.innovator), INNOVATOR, s(INNOVATOR, 0)),
    edge("BASED_ON", ref(N.innovator), ref(N.qwenBase), INNOVATOR, s(INNOVATOR, 0), { method: "upcycling" }),
    edge("BASED_ON", ref(N.innovatorReason), ref(N.innovator), INNOVATOR, s(INNOVATOR, 1), {
      method: "post-training",
    }),
    edge("EVALUATED_ON", ref(N.innovatorReason), ref(N.gpqa), INNOVATOR, s(INNOVATOR, 1)),
    edge("USES_METHOD", ref(N.innovator), ref(N.moe), INNOVATOR, s(INNOVATOR, 0)),
    edge("AUTHORED", ref(N.zizhe), pref(INNOVATOR), INNOVATOR, "Zizhe Wang"),
    edge("PUBLISHED", ref(N.shlab), pref(INNOVATOR), INNOVATOR, "Shanghai AI Laboratory"),
    edge(
      "BASED_ON",
      ref(N.qwen),
      ref(N.qwenBase),
      INNOVATOR,
      "Qwen2.5-7B-Instruct is post-trained from Qwen2.5-7B.",
      {
        method: "post-training",
      },
    ),
    edge("INTRODUCES", pref(MIMIC), ref(N.sepsis), MIMIC, s(MIMIC, 0)),
    edge("TRAINED_ON", ref(N.sepsis), ref(N.mimic), MIMIC, s(MIMIC, 0)),
    edge("MENTIONS", pref(MIMIC), ref(N.gpt4), MIMIC, s(MIMIC, 0)),
    edge("DEVELOPED", ref(N.netease), ref(N.pet), PET, "AI Lab, Netease"),
  ],
  warnings: [],
};

/** Extracts the seed documents with the real pipeline (unless KG_E2E_FIXTURE=hand). */
async function extractSeeds(): Promise<ExtractionResult | null> {
  if (process.env.KG_E2E_FIXTURE === "hand") return null;
  const { documents } = await readDocuments([SEEDS_DIR]);
  return extractDocuments(documents);
}

/** Clears the test graph and fills it; says which way it was built. */
export async function seedTestGraph(db: Database): Promise<"seeds" | "hand-made"> {
  await clearGraph(db);
  await applySchema(db);
  const extracted = await extractSeeds();
  await loadExtraction(db, extracted ?? HAND_EXTRACTION);
  return extracted ? "seeds" : "hand-made";
}
