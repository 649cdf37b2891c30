import { describe, expect, it } from "vitest";
import { extractPaper, type PaperExtraction, type PaperInput } from "./extract.ts";

function run(
  abstract: string,
  title: string | null = null,
  extra: Partial<PaperInput> = {},
): PaperExtraction {
  return extractPaper({
    title,
    abstract,
    organizations: [],
    authors: [],
    pageEvidence: null,
    urls: [],
    ...extra,
  });
}
/** An entity's label and most frequent surface form (what resolve will name it). */
const nameOf = (x: PaperExtraction, end: { paper: true } | { entity: number }): string => {
  if ("paper" in end) return "paper";
  const e = x.entities[end.entity];
  const top = [...(e?.surfaces ?? [])].sort((a, b) => b[1] - a[1])[0];
  return `${e?.label}:${top?.[0]}`;
};
const edges = (x: PaperExtraction, type: string): string[] =>
  x.edges
    .filter((e) => e.type === type)
    .map((e) => `${nameOf(x, e.from)} -> ${nameOf(x, e.to)}${e.method ? ` (${e.method})` : ""}`);
const entity = (x: PaperExtraction, surface: string) =>
  x.entities.find((e) => e.surfaces.some(([s]) => s === surface));

describe("extractPaper", () => {
  it("reads BASED_ON with its method and the technique used", () => {
    const x = run(
      "Using PET-F2I-41K, we conduct an evaluation of 27 models, and we develop a domain-adapted 7B model (PET-F2I-7B) fine-tuned from Qwen2.5-7B-Instruct via LoRA.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Model:PET-F2I-7B -> Model:Qwen2.5-7B-Instruct (adapter)"]);
    expect(edges(x, "USES_METHOD")).toEqual(["Model:PET-F2I-7B -> Method:LoRA"]);
  });

  it("takes the method from the paper when the sentence has none (upcycling) and reads post-training", () => {
    const x = run(
      "In this report, we present Innovator, which solves this problem by upcycling a pre-trained dense LLM into a fine-grained Mixtures-of-Experts model. With 53.3B total parameters, Innovator extends Qwen2.5-7B using a shared general expert. Furthermore, Innovator-Reason, which is post-trained from Innovator for reasoning boosting, exhibits excellent reasoning performance.",
    );
    expect(edges(x, "BASED_ON").sort()).toEqual([
      "Model:Innovator -> Model:Qwen2.5-7B (upcycling)",
      "Model:Innovator-Reason -> Model:Innovator (post-training)",
    ]);
    // A model derived from the paper's own model is new too.
    expect(edges(x, "INTRODUCES").sort()).toEqual([
      "paper -> Model:Innovator",
      "paper -> Model:Innovator-Reason",
    ]);
  });

  it("merges an abbreviation with its long form into one entity", () => {
    const x = run(
      "We then introduce Med-PaLM Multimodal (Med-PaLM M), our proof of concept. Med-PaLM M is a large multimodal generative model. Med-PaLM M reaches performance competitive with the state of the art on all MultiMedBench tasks.",
    );
    const e = entity(x, "Med-PaLM M");
    expect(e?.label).toBe("Model");
    expect(e?.surfaces.map(([s]) => s).sort()).toEqual(["Med-PaLM M", "Med-PaLM Multimodal"]);
    expect(edges(x, "EVALUATED_ON")).toEqual(["Model:Med-PaLM M -> Dataset:MultiMedBench"]);
  });

  it("resolves 'this dataset' to the data set named just before", () => {
    const x = run(
      "To pioneer the research, we curated a well-annotated RVSD dataset, which encompasses 86 videos. Based on this dataset, we propose a Referring Shadow-Track Memory Network (RSM-Net) for addressing the task.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Model:Referring Shadow-Track Memory Network -> Dataset:RVSD"]);
  });

  it("'Built upon this foundation, we propose Baz': the data set the sentence before introduced, never a benchmark or one further back", () => {
    const x = run(
      "Therefore, we construct FashoSet-1M, a million-scale dataset that annotates fashion items. Built upon this foundation, we propose OmniVest, a unified vision-language model for fashion tasks.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Model:OmniVest -> Dataset:FashoSet-1M"]);
    const bench = run(
      "We introduce FashoBench-1K, a benchmark of fashion tasks. Built upon this foundation, we propose OmniVest, a unified vision-language model for fashion tasks.",
    );
    expect(edges(bench, "TRAINED_ON")).toEqual([]);
    const far = run(
      "We construct FashoSet-1M, a million-scale dataset that annotates fashion items. Our pipeline filters noisy labels. Built upon this foundation, we propose OmniVest, a unified vision-language model for fashion tasks.",
    );
    expect(edges(far, "TRAINED_ON")).toEqual([]);
  });

  it("'we leverage the dataset to propose a novel … model, Baz': Baz is trained on the data set named before, not on one named in the phrase", () => {
    const x = run(
      "We first introduce RadoSet-D, a dataset combining detection and segmentation. RadoSet-D covers multiple modalities. Subsequently, we leverage the dataset to propose a novel vision-language model, RadoNet-M, capable of joint detection.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Model:RadoNet-M -> Dataset:RadoSet-D"]);
    const y = run(
      "We curate ZelQA, a dataset of questions. We then use the QuorBench dataset to train ZelProver-7B, a prover.",
    );
    expect(edges(y, "TRAINED_ON").filter((e) => e.endsWith("ZelQA"))).toEqual([]);
  });

  it("reads data used 'to fine-tune a small-sized Baz' as Baz's training data", () => {
    const x = run(
      "We also collect a new dataset, QuillPairs, to fine-tune a small-sized Quillo-3B as the draft model.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Model:Quillo-3B -> Dataset:QuillPairs"]);
  });

  it("reads a model named in a purpose opening as trained on the data the main clause makes", () => {
    const x = run(
      "To train and evaluate Quillo-3B, we curate Quillset-40K, a dataset of paired sketches and programs.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Model:Quillo-3B -> Dataset:Quillset-40K"]);
    // What the main clause makes is a loss, no data: no edge.
    const loss = run("To train Quillo-3B, we introduce Quill-PO, a preference optimisation loss.");
    expect(edges(loss, "TRAINED_ON")).toEqual([]);
  });

  it("reads 'this dataset' after an unnamed one as the paper's own data set", () => {
    const x = run(
      "We first build the largest and most comprehensive PET dataset to date, comprising 11041 3D whole-body PET scans. Based on this dataset, we present SegAnyPET, an innovative foundational model.",
    );
    const name = "PET dataset (unnamed, from We first build the largest and…)";
    expect(entity(x, "SegAnyPET")?.label).toBe("Model");
    expect(edges(x, "TRAINED_ON")).toEqual([`Model:SegAnyPET -> Dataset:${name}`]);
    expect(edges(x, "INTRODUCES").sort()).toEqual([`paper -> Dataset:${name}`, "paper -> Model:SegAnyPET"]);
    const data = entity(x, name);
    expect([data?.kind, data?.scope, data?.keys]).toEqual(["dataset", "paper", ["pet-dataset"]]);
    const introduced = x.edges.find(
      (e) => e.type === "INTRODUCES" && "entity" in e.to && e.to.entity === data?.id,
    );
    expect(introduced?.sentence).toMatch(/^We first build the largest/);
  });

  it("names the unnamed data set from the paper's title, and makes none when the paper names its data", () => {
    const text =
      "We construct a new multilingual speech corpus covering 40 languages. Using this corpus, we train Polyglot-2B, a speech model.";
    const x = run(text, "Speaking Many Tongues");
    expect(edges(x, "TRAINED_ON")).toEqual([
      "Model:Polyglot-2B -> Dataset:multilingual speech corpus (unnamed, from Speaking Many Tongues)",
    ]);
    // "LinguaSet: A Multilingual Speech Corpus": the corpus has a name, the title's subject.
    const named = run(text, "LinguaSet: A Multilingual Speech Corpus");
    expect(named.entities.filter((e) => e.scope === "paper")).toEqual([]);
  });

  it("reads evaluation objects and rejects metrics", () => {
    const x = run(
      "Under the same setting, S2-UniSeg outperforms the SOTA UnSAM model, achieving notable improvements of AP+6.9 on COCO, AR+11.1 on UVO, PixelAcc+4.5 on COCOStuff-27, RQ+8.0 on Cityscapes.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:S2-UniSeg -> Dataset:COCO",
      "Model:S2-UniSeg -> Dataset:COCOStuff-27",
      "Model:S2-UniSeg -> Dataset:Cityscapes",
      "Model:S2-UniSeg -> Dataset:UVO",
    ]);
    for (const metric of ["AP", "AR", "PixelAcc", "RQ", "SOTA"]) expect(entity(x, metric)).toBeUndefined();
  });

  it("keeps metrics, modalities and generic terms out of the entities", () => {
    const x = run(
      "Beyond standard NLG metrics (e.g., BLEU-4, ROUGE-L, BERTScore), LLMs with MoE and SFT on PET/CT and MRI scans reach 0.9 AUROC and Dice with RL.",
    );
    expect(x.entities).toEqual([]);
  });

  it("keeps sizes and variants apart and pairs sizes in lists", () => {
    const x = run(
      "Experiments on the BFCL and API-Bank benchmarks show that Tool-N1-7B and Tool-N1-14B, built on Qwen-2.5-7B/14B-Instruct, achieve state-of-the-art results.",
    );
    expect(edges(x, "BASED_ON").sort()).toEqual([
      "Model:Tool-N1-14B -> Model:Qwen-2.5-14B-Instruct (other)",
      "Model:Tool-N1-7B -> Model:Qwen-2.5-7B-Instruct (other)",
    ]);
    expect(edges(x, "EVALUATED_ON").length).toBe(4);
  });

  it("reads a family of benchmarks written as a name and its members' suffixes", () => {
    const x = run(
      "We present Zorbnet-2B, a grounding model. Zorbnet-2B achieves state-of-the-art results on QuuxRef/+/g.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Zorbnet-2B -> Dataset:QuuxRef",
      "Model:Zorbnet-2B -> Dataset:QuuxRef+",
      "Model:Zorbnet-2B -> Dataset:QuuxRefg",
    ]);
  });

  it("links a repository owner to the model of the same name", () => {
    const x = run(
      "At the analysis level, we introduce UniMedVL, the first medical unified multimodal model. Code is available at https://github.com/uni-medical/UniMedVL.",
    );
    expect(edges(x, "DEVELOPED")).toEqual(["Organization:uni-medical -> Model:UniMedVL"]);
    expect(x.codeUrls).toEqual(["https://github.com/uni-medical/UniMedVL"]);
  });

  it("reads page context: the lab header publishes, the author page's person wrote", () => {
    const x = run("We study things.", null, {
      organizations: ["AI Lab, Netease"],
      authors: ["Zizhe Wang"],
      pageEvidence: "AI Lab, Netease",
    });
    expect(edges(x, "PUBLISHED")).toEqual(["Organization:AI Lab, Netease -> paper"]);
    expect(edges(x, "AUTHORED")).toEqual(["Author:Zizhe Wang -> paper"]);
  });

  it("treats a short form ending a longer name as that name", () => {
    const x = run(
      "We introduce Kimi K2.5, an open-source multimodal agentic model. K2.5 emphasizes the joint optimization of text and vision.",
    );
    expect(entity(x, "K2.5")?.surfaces.map(([s]) => s)).toEqual(["Kimi K2.5", "K2.5"]);
  });
  it("a language, a question-answering task or a plural acronym is no entity", () => {
    const x = run(
      "We present Zorblat-7B, evaluated on Polish and Korean VideoQA; unlike prior VFMs it reaches 80% on QuuxBench.",
    );
    const names = x.entities.map((e) => e.surfaces[0]?.[0]);
    expect(names).toContain("Zorblat-7B");
    for (const junk of ["Polish", "Korean", "VideoQA", "VFMs"]) expect(names).not.toContain(junk);
  });
  it("a list after 'on' is evaluated on as a whole, its unknown names typed as data", () => {
    const x = run("On QuuxBench, ZynthSet and MorvKit, Zorblat-7B surpasses prior models of its size.");
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Zorblat-7B -> Dataset:MorvKit",
      "Model:Zorblat-7B -> Dataset:QuuxBench",
      "Model:Zorblat-7B -> Dataset:ZynthSet",
    ]);
  });
  it("a model family written in two words is a model: the opening 'Built upon' names the base", () => {
    const x = run(
      "Built upon Stable Diffusion 3.5 Medium, ZorbGen-2 raises the quality of generated images.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Model:ZorbGen-2 -> Model:Stable Diffusion 3.5 Medium (other)"]);
  });
  it("'supervised' describing other approaches is no training verb: the benchmark after 'on' is evaluated on", () => {
    const x = run(
      "Despite training on coarse labels, ZorbCritic outperforms step-level supervised approaches on QuuxBench.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
    expect(edges(x, "EVALUATED_ON")).toEqual(["Model:ZorbCritic -> Dataset:QuuxBench"]);
  });
});

describe("EVALUATED_ON in result sentences", () => {
  it("reads the whole benchmark list of 'Experiments on A and B demonstrate that X …'", () => {
    const x = run(
      "We present Quillor, an agent for web tasks. Experiments on BorvexQA and Tandrel-Bench demonstrate that Quillor outperforms strong baselines.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Quillor -> Dataset:BorvexQA",
      "Model:Quillor -> Dataset:Tandrel-Bench",
    ]);
  });

  it("takes 'it' after an opening phrase and 'our pipeline' as the paper's model", () => {
    const x = run(
      "We introduce Pelmora-9B, a model for polyp segmentation. On the Vastel-seg benchmark, it attains a Dice score of 0.91. Our pipeline also outperforms existing methods on the Quenby dataset.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Pelmora-9B -> Dataset:Quenby",
      "Model:Pelmora-9B -> Dataset:Vastel-seg",
    ]);
  });

  it("reads no evaluation on data a benchmark is based on, on a baseline after 'improves … over', or of a compared base", () => {
    const x = run(
      "We present Halvard-2, a retriever for long documents. On Trevik-Bench, Halvard-2 improves accuracy over SennetQA. To evaluate it, we also introduce Kestrel-Edits, a benchmark based on Morlan VOC 2012. Experiments on DorrinQA show that, compared with models based on Ulmo-2B, Halvard-2 achieves better F1.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Halvard-2 -> Dataset:DorrinQA",
      "Model:Halvard-2 -> Dataset:Trevik-Bench",
    ]);
  });

  it("reads a score on a versioned name and an evaluation on a subset of a benchmark", () => {
    const x = run(
      "We present Zorbit-8B, an embedding model. Zorbit-8B attains an overall score of 77.8 on QarbEval-V2. Notably, on the zero-shot subset of GrumQA-2, Zorbit-8B achieves up to an 11.1% relative improvement.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Zorbit-8B -> Dataset:GrumQA-2",
      "Model:Zorbit-8B -> Dataset:QarbEval-V2",
    ]);
  });

  it("reads 'on the … benchmark Foo' as data, not 'benchmarking Foo'", () => {
    const x = run(
      "We present Kavu-R1-3B, a GUI agent. On the OOD GUI grounding benchmark ScreenZot-Pro, our model surpasses the base model by 6.0%.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual(["Model:Kavu-R1-3B -> Dataset:ScreenZot-Pro"]);
  });

  it("'our model' is evaluated on the paper's own benchmark where the sentence says 'on', not where it only presents it", () => {
    const x = run(
      "We present Tarvek-7B, a model for chart reasoning. We also introduce Morlin-Bench, a benchmark of 2K charts. Extensive experiments with strong baselines confirm the difficulty of Morlin-Bench and demonstrate the effectiveness of our model.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
    const y = run(
      "We present Tarvek-7B, a model for chart reasoning. We also introduce Morlin-Bench, a benchmark of 2K charts. Our model achieves the best accuracy on both public charts and the Morlin-Bench benchmark.",
    );
    expect(edges(y, "EVALUATED_ON")).toEqual(["Model:Tarvek-7B -> Dataset:Morlin-Bench"]);
  });

  it("a list after 'such as' is of models evaluated only when a noun of models names it", () => {
    const x = run(
      "We introduce Quarnet-Bench, a benchmark for assessing speech models in meetings, where audio data, such as earnings calls and ZRB speeches, are crucial.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
    const y = run(
      "We introduce Quarnet-Bench, a benchmark for testing interactive performance in leading models such as Zorb-7B and Quill-70B.",
    );
    expect(edges(y, "EVALUATED_ON").sort()).toEqual([
      "Model:Quill-70B -> Dataset:Quarnet-Bench",
      "Model:Zorb-7B -> Dataset:Quarnet-Bench",
    ]);
  });

  it("'Experiments on A, B, and C demonstrate that X …': X, a model, is evaluated on the whole list", () => {
    const x = run(
      "Extensive experiments on long-horizon benchmarks, including Morlin-QA-Long, Brask-Bench-Hard, Quenby-Search and Vellum-Eval-Pro, demonstrate that Tarvek-7B reduces tool calls by half.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Tarvek-7B -> Dataset:Brask-Bench-Hard",
      "Model:Tarvek-7B -> Dataset:Morlin-QA-Long",
      "Model:Tarvek-7B -> Dataset:Quenby-Search",
      "Model:Tarvek-7B -> Dataset:Vellum-Eval-Pro",
    ]);
  });

  it("'on simulated benchmarks, such as A (98.9%) and B (53.9%)': the list the head noun announces is evaluated on, not a name that qualifies it", () => {
    const x = run(
      "We introduce Vantor-H1, a robot policy. We show that Vantor-H1 achieves state-of-the-art results on simulated benchmarks, such as KelvoSim (98.9%) and DrumStead (53.9%), and on real robots.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Vantor-H1 -> Dataset:DrumStead",
      "Model:Vantor-H1 -> Dataset:KelvoSim",
    ]);
    const y = run(
      "We present Pellor, a search agent that extends TarnexGPT. Evaluated on TarnexGPT benchmarks (QuivoQA, BrendalQA), the system achieves state-of-the-art accuracy among open models. On three benchmarks (KorrQA, LindQA and VarrQA), Pellor outperforms larger agents.",
    );
    expect(edges(y, "EVALUATED_ON").sort()).toEqual([
      "Model:Pellor -> Dataset:KorrQA",
      "Model:Pellor -> Dataset:LindQA",
      "Model:Pellor -> Dataset:VarrQA",
    ]);
  });

  it("'…, achieving a 34% improvement in the Foo benchmark': data named by its head noun after 'in' is evaluated on", () => {
    const x = run(
      "We introduce the Quorin Review Tool (QRT), an agentic framework for review. By scaling inference, QRT is able to find deeper errors, achieving a 34% improvement in recall in the VELK benchmark.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual(["Model:QRT -> Dataset:VELK"]);
  });

  it("'surpass the SOTA models A and B', 'surpassing the state-of-the-art model C': baselines named after a describing word are not the models evaluated", () => {
    const x = run(
      "We present Vorel-7B, a multimodal model. For instance, our trained models notably surpass the SOTA models Qorm-4V and Brill on the MMVQ benchmark.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
    const y = run(
      "By applying our strategy to Janro-Pro, we achieve a 13% improvement on the WISQ benchmark, even surpassing the state-of-the-art model FLOX.1.",
    );
    expect(edges(y, "EVALUATED_ON")).toEqual([]);
  });

  it("'relying only on the Foo stage': what a model relies on is no data it is evaluated on", () => {
    const x = run(
      "Moreover, relying only on the QPT and supervised fine-tuning stages, Zorb-Coder-8B achieves stronger performance than a wide range of baselines.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
    expect(entity(x, "QPT")?.label).not.toBe("Dataset");
  });

  it("'X achieves … On the challenging A and B subsets, it attains …': 'it' is the model named as the subject just before", () => {
    const x = run(
      "We introduce Vorlin, a framework for building proof data. We then train Vorlin-8B on it. Across six benchmarks, Vorlin-8B achieves an average pass rate of 88%. On the challenging Quell-H and Quell-X subsets, it attains pass rates of 63% and 37%.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Vorlin-8B -> Dataset:Quell-H",
      "Model:Vorlin-8B -> Dataset:Quell-X",
    ]);
  });

  it("'On A, X with Foo-8B achieves …': X, run with a backbone, is the subject", () => {
    const x = run(
      "We present Tavi-Travel, a hierarchical multi-agent framework for planning. On QuorraPlan, Tavi-Travel with Bralm-8B achieves a 52% pass rate.",
      "Tavi-Travel: Hierarchical Multi-Agent Planning",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual(["Model:Tavi-Travel -> Dataset:QuorraPlan"]);
  });

  it("models named where a data set is presented for testing them are evaluated on that data set, not on the paper's benchmark", () => {
    const x = run(
      "We introduce Quarnet-Bench, a benchmark of interactive tasks. Additionally, we present Quarnet-Human, a newly collected dataset of 120 cases designed for manually testing interactive performance in leading models such as Zorb-7B and Quill-70B.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Quill-70B -> Dataset:Quarnet-Human",
      "Model:Zorb-7B -> Dataset:Quarnet-Human",
    ]);
  });

  it("'Foo-1K demonstrations' is a noun, not a result verb of which Foo-1K is the subject", () => {
    const x = run(
      "We introduce Quarnet-Bench, a benchmark of robot tasks. Our GripCam-2 demonstrations, each validated through simulation replay, cover 40 tasks.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
    expect(entity(x, "GripCam-2")?.label).not.toBe("Model");
  });

  it("a benchmark paper's 'we benchmark leading models (A, B) and C' evaluates each; a harness it runs them on is no model evaluated", () => {
    const x = run(
      "We introduce Quarnet-Bench, a benchmark of chart tasks. We benchmark leading video models (Zorb-3, Quill-2.2) and image models (Marlo-7B), revealing strong gaps across domains.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Marlo-7B -> Dataset:Quarnet-Bench",
      "Model:Quill-2.2 -> Dataset:Quarnet-Bench",
      "Model:Zorb-3 -> Dataset:Quarnet-Bench",
    ]);
    const y = run(
      "We introduce Quarnet-Bench, a benchmark of chart tasks. We evaluate 23 frontier LLMs on the Bramble-2 agent harness.",
    );
    expect(edges(y, "EVALUATED_ON")).toEqual([]);
  });

  it("'on A (57% to 90%) and B (67% to 83%)': each item of a list carrying its scores is evaluated on", () => {
    const x = run(
      "Zorb-Coder-8B shows state-of-the-art performance on Quellbench-Pro (40.7%), Marrow-QA (42.6%), and TindleMath-500 (55.7%).",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Zorb-Coder-8B -> Dataset:Marrow-QA",
      "Model:Zorb-Coder-8B -> Dataset:Quellbench-Pro",
      "Model:Zorb-Coder-8B -> Dataset:TindleMath-500",
    ]);
  });

  it("keeps TRAINED_ON and drops EVALUATED_ON when one sentence fine-tunes a model on the data", () => {
    const x = run(
      "Fine-tuning the Farro-7B model on the Zelkova-CoT training corpus results in an improvement of 12% in accuracy.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Model:Farro-7B -> Dataset:Zelkova-CoT"]);
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
  });
});

describe("BASED_ON subjects", () => {
  it("takes the models a family sentence names, not the family ('extensions of the Foo family built on Bar')", () => {
    const x = run(
      "In this report, we introduce the Zenku3-VL-Embed and Zenku3-VL-Rerank model series, the latest extensions of the Zenku family built on the Zenku3-VL foundation model.",
    );
    expect(edges(x, "BASED_ON").sort()).toEqual([
      "Model:Zenku3-VL-Embed -> Model:Zenku3-VL (other)",
      "Model:Zenku3-VL-Rerank -> Model:Zenku3-VL (other)",
    ]);
  });

  it("reads no name in a suspended hyphen ('Lama- and Gem-based models')", () => {
    const x = run(
      "Finally, we release LAMACIT-8B and GEMCIT-12B, Lamaz- and Gemz-based models finetuned on ZORBCITIZENS, which outperform GPT-o4-mini by 5.5% on in-distribution evaluations.",
    );
    expect(entity(x, "Lamaz-")).toBeUndefined();
    expect(edges(x, "TRAINED_ON").sort()).toEqual([
      "Model:GEMCIT-12B -> Dataset:ZORBCITIZENS",
      "Model:LAMACIT-8B -> Dataset:ZORBCITIZENS",
    ]);
  });

  it("reads no model in a describing compound ('Pareto-optimal', 'Zorbian-ready')", () => {
    const x = run(
      "We propose finding Pareto-optimal architectures based on Llama-9B. We build a Zorbian-ready model based on Qwix-3B.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(entity(x, "Pareto-optimal")).toBeUndefined();
    expect(entity(x, "Zorbian-ready")).toBeUndefined();
  });
});

describe("names the paper calls a method", () => {
  it("'\\textbf{Long Form (X)}, a self-guided, training-free strategy': X stays a Method though X outperforms and is evaluated", () => {
    const x = run(
      "We propose \\textbf{Layered Probe Replay (LPR)}, a self-guided, training-free strategy that reuses search traces. Experiments on Quorvex-Bench and Daltry-QA show that LPR consistently outperforms strong baselines.",
    );
    expect(entity(x, "LPR")?.label).toBe("Method");
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
  });

  it("'X is a new method' outvotes 'X achieves … X outperforms …'", () => {
    const x = run(
      "DraVik is a new method for multi-turn code generation. DraVik achieves 41.2 on Quorvex-Bench. DraVik outperforms two online baselines on Daltry-QA.",
    );
    expect(entity(x, "DraVik")?.label).toBe("Method");
  });

  it("'our approach, X,' names X a Method", () => {
    const x = run(
      "We study long-context retrieval. Our approach, Pellucid, compresses the cache. Pellucid outperforms all baselines on Quorvex-Bench.",
    );
    expect(entity(x, "Pellucid")?.label).toBe("Method");
  });

  it("a model noun among the modifiers or elsewhere keeps X a Model: 'a Transformer-based approach', 'X, a reasoning model'", () => {
    const a = run(
      "We present ZenTrix, a Transformer-based approach for point tracking. ZenTrix achieves 61.2 AJ on Quorvex-Bench. ZenTrix outperforms prior trackers on Daltry-QA.",
    );
    // Without the model word ("a training-free approach") the paper's own words would make it a Method.
    expect(entity(a, "ZenTrix")?.label).not.toBe("Method");
    const b = run(
      "We present Orvalis, a novel reconstruction model for 4D scenes. At the core of Orvalis is our proposed surfel technique. Orvalis achieves 31.2 PSNR on Quorvex-Bench.",
    );
    expect(entity(b, "Orvalis")?.label).toBe("Model");
  });

  it("an approach made from a model, or whose long form ends in a model word, stays a Model", () => {
    const a = run(
      "In this paper, we introduce SaDeed, a novel approach based on a fine-tuned decoder-only language model adapted from Kuwa-1.5B. SaDeed achieves 91.2 on Quorvex-Bench.",
    );
    expect(entity(a, "SaDeed")?.label).toBe("Model");
    const b = run(
      "We introduce Transformer-based 3-Dimensional Tokenizer (TriTok), an innovative approach that tokenizes images. TriTok achieves 1.9 FID on Quorvex-Bench. TriTok outperforms prior tokenizers.",
    );
    expect(entity(b, "TriTok")?.label).toBe("Model");
    // Running a model is no making one: "a training-free approach built upon the Foo model" is a Method.
    const c = run(
      "We introduce DreVant, a training-free approach built upon the Quillon model. DreVant achieves 0.91 on Quorvex-Bench. DreVant outperforms prior editors.",
    );
    expect(entity(c, "DreVant")?.label).toBe("Method");
  });

  it("'we propose X, a … framework': a method, unless results call it a model", () => {
    const x = run(
      "To address this, we propose Zorvane, a scalable framework that splits planning tasks into parts.",
    );
    expect(entity(x, "Zorvane")?.label).toBe("Method");
    expect(edges(x, "INTRODUCES")).toEqual(["paper -> Method:Zorvane"]);
    // The subject of results on named benchmarks keeps its model label and its lineage edges.
    const y = run(
      "We present QR-Nav, a dual-scale framework for navigation. Experiments on QuillGoal-3D and BrixGoal benchmarks show that QR-Nav achieves state-of-the-art performance.",
      "QR-Nav: Dual-Scale Navigation via Sparse Memory",
    );
    expect(entity(y, "QR-Nav")?.label).toBe("Model");
    expect(edges(y, "EVALUATED_ON").length).toBe(2);
  });

  it("'X (Long Form via Y), a framework' describes X, not the piece of its long form", () => {
    const x = run(
      "We present Vexa, combining ZIRK (Zoned Iterative Retrieval via Knowledge Signals), a closed-loop framework that finds gaps in evidence.",
    );
    expect(entity(x, "Knowledge Signals")?.label).not.toBe("Method");
    // "Foo: Quill-Oriented Bar Enhancement, a framework": the tail of a longer phrase is no name described.
    const y = run(
      "Additionally, we propose BROSK: Quill-Oriented Graph Enhancement, a plug-and-play framework for segmentation.",
    );
    expect(entity(y, "Graph Enhancement")?.label).not.toBe("Method");
  });

  it("'On X, the model achieves …': the subject of the main clause does not describe X", () => {
    const x = run(
      "Zorvit-7B is trained on image-text pairs. On QUIX-Cap, the model achieves a recall of 67%.",
    );
    expect(entity(x, "QUIX-Cap")?.label).toBe("Dataset");
    // An appositive after an opening phrase still types its name.
    const y = run("Built on Quarnet, a multimodal model, we develop Zorvit-7B.");
    expect(entity(y, "Quarnet")?.label).toBe("Model");
  });

  it("TF-IDF and BM25 are methods wherever they occur", () => {
    const x = run(
      "We compare Zorvit-7B with BM25 and TF-IDF retrievers on QuarQA, where Zorvit-7B achieves 71%.",
    );
    expect(entity(x, "BM25")?.label).toBe("Method");
    expect(entity(x, "TF-IDF")?.label).toBe("Method");
  });

  it("'X, a … stopping rule' names a method, even when X is the subject of results", () => {
    const x = run(
      "We introduce QUORL, a margin-based stopping rule for sampling. Across three benchmarks, QUORL saves 40% of tokens on QuarMath.",
    );
    expect(entity(x, "QUORL")?.label).toBe("Method");
  });

  it("'… to create the X benchmark dataset': what the sentence makes is introduced, not what describes it", () => {
    const x = run(
      "We apply Zorvane to a large video corpus to create the QUARK4D benchmark dataset, which spans 4,000 scenes.",
    );
    expect(edges(x, "INTRODUCES")).toEqual(["paper -> Dataset:QUARK4D"]);
    const y = run(
      "We then employ Zorvit-7B to build a QGT synthesis pipeline with quality control. Experiments show that QGT outperforms prior pipelines on QuarQA.",
    );
    expect(edges(y, "INTRODUCES")).toEqual([]);
  });

  it("a known benchmark or data set with a year or size glued on ('AIME24', 'ModelNet40') is a Dataset", () => {
    const x = run("On AIME24 and ModelNet40, Zorvit-7B reaches 71% and 93%.");
    expect(entity(x, "AIME24")?.label).toBe("Dataset");
    expect(entity(x, "ModelNet40")?.label).toBe("Dataset");
  });

  it("'we present an evaluation by extending the X benchmark': X is cited, not introduced", () => {
    const x = run(
      "We present a systematic evaluation by extending the QuarCausal benchmark with contested cases.",
    );
    expect(edges(x, "INTRODUCES")).toEqual([]);
    const y = run(
      "We propose ZorVit-ASR, a recognition model leveraging the Quarnet-2 architecture as its encoder.",
    );
    expect(edges(y, "INTRODUCES")).toEqual(["paper -> Model:ZorVit-ASR"]);
  });

  it("'we study Foo and propose Baz': a verb of introduction joined to a clause of 'we' introduces", () => {
    const x = run(
      "We study the long-context limits of Qorvan models and propose Zelmix-7B, a model for long inputs.",
    );
    expect(edges(x, "INTRODUCES")).toEqual(["paper -> Model:Zelmix-7B"]);
    const y = run(
      "We construct a training dataset, QuarkCap-42K, and present Quark-Captioner-7B, a strong baseline trained via SFT.",
    );
    expect(edges(y, "INTRODUCES").sort()).toEqual([
      "paper -> Dataset:QuarkCap-42K",
      "paper -> Model:Quark-Captioner-7B",
    ]);
    // Without "we" the "and" joins nothing of the paper's.
    const z = run("Prior work studied Qorvan-7B and proposed Zelmix-7B for long inputs.");
    expect(edges(z, "INTRODUCES")).toEqual([]);
  });

  it("'our resulting model, Baz-7B': the paper names its own model; not a name after 'our model outperforms'", () => {
    const x = run(
      "Starting from Qorvan-7B, our recipe improves math reasoning. Our resulting model, Zelmix-7B-RL, surpasses Qorvan-7B-Instruct on seven benchmarks.",
    );
    expect(edges(x, "INTRODUCES")).toEqual(["paper -> Model:Zelmix-7B-RL"]);
    const y = run("Our model outperforms Qorvan-7B on reasoning benchmarks.");
    expect(edges(y, "INTRODUCES")).toEqual([]);
    const z = run("Results show that our finetuned model, Zelstress-1B, detects sentence stress well.");
    expect(edges(z, "INTRODUCES")).toEqual(["paper -> Model:Zelstress-1B"]);
  });
});

describe("typing precision on unseen papers (issue 8, session 13)", () => {
  it("the acronym of a lower-case description is no model, unless the paper builds it", () => {
    const x = run(
      "The former employs a large base model, while the latter leverages a lightweight cascaded glyph super-resolution (GSR) model to reach high resolution. We study cascaded GSR models.",
    );
    expect(x.entities.filter((e) => e.label === "Model").map((e) => e.surfaces[0]?.[0])).toEqual([]);
    const y = run(
      "We build a flow-based glyph model (FGM) that denoises one-hot tokens. FGM reaches 71.2 on QuarBench, outperforming discrete diffusion models.",
    );
    expect(entity(y, "FGM")?.label).toBe("Model");
    expect(edges(y, "EVALUATED_ON")).toEqual(["Model:FGM -> Dataset:QuarBench"]);
  });

  it("'we evaluate three guardrail model families (A, B, C) on Bench': the bracketed models are evaluated, baselines in a comparison are not", () => {
    const x = run(
      "We propose Zorvex, a compression scheme for dialogue histories. We evaluate Zorvex across three guardrail model families (QuarGuard-3, Nembrix-7B, VellumGuard-2) on QuarDialBench, a multi-turn jailbreak benchmark.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Nembrix-7B -> Dataset:QuarDialBench",
      "Model:QuarGuard-3 -> Dataset:QuarDialBench",
      "Model:VellumGuard-2 -> Dataset:QuarDialBench",
    ]);
    const y = run(
      "With Zorvit-4B as the backbone, our framework achieves the strongest performance on QuarBench, outperforming larger proprietary LLMs (e.g., Quarion-5, Nembrix-Pro).",
    );
    expect(edges(y, "EVALUATED_ON").filter((e) => e.includes("Quarion") || e.includes("Nembrix"))).toEqual(
      [],
    );
  });

  it("'X, trained with this framework, achieves … on A and B': X is evaluated, the data of the aside is not", () => {
    const x = run(
      "We introduce Zorvex-R1, a post-training framework for image editing based on policy optimization. QuarEdit-V2, trained with this framework, achieves state-of-the-art results on the ImgQuar and QEdit-Bench benchmarks.",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:QuarEdit-V2 -> Dataset:ImgQuar",
      "Model:QuarEdit-V2 -> Dataset:QEdit-Bench",
    ]);
    const y = run(
      "We show that our Zorvit-Zero-7B, trained with our fully synthesized QuarVerse dataset, can achieve high quality in the reconstruction of real objects.",
    );
    expect(edges(y, "EVALUATED_ON")).toEqual([]);
  });

  it("'The system achieves … on A and B': the subject 'the system' of a result is the paper's model", () => {
    const x = run(
      "We present Quarion, a visual agent that orchestrates specialised tools. Quarion is designed for visual tasks. The system achieves competitive performance on QuarMMU and DocQuar while extending monolithic models.",
      "Quarion: A Unified Visual Agent for Multimodal Perception",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Quarion -> Dataset:DocQuar",
      "Model:Quarion -> Dataset:QuarMMU",
    ]);
  });

  it("a name whose long form ends in a method's noun ('… Optimization (FGQO)') is a Method, whatever its results say", () => {
    const x = run(
      "We propose Fine-Grained Quarble Optimization (FGQO), which reweights rollouts by difficulty. Evaluation across QuarWorld and QuarQA benchmarks demonstrate that FGQO outperforms existing approaches by 3 points. FGQO achieves 71.2 on QuarBench.",
    );
    expect(entity(x, "FGQO")?.label).toBe("Method");
    // EVALUATED_ON is Model -> Dataset (graph-model.md): a method gets none.
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
  });

  it("'Evaluated using Foo-3 4B, BazPO improved … on A and B': the model a method runs with is evaluated, a judge is not", () => {
    const x = run(
      "We propose Zorvex Policy Optimization (ZorPO), a training algorithm. Evaluated using Quarma-3 4B, ZorPO improved Macro F1 scores on QuarSet (57% to 90%) and QuarNLI (67% to 83%).",
    );
    expect(edges(x, "EVALUATED_ON").sort()).toEqual([
      "Model:Quarma-3 4B -> Dataset:QuarNLI",
      "Model:Quarma-3 4B -> Dataset:QuarSet",
    ]);
    const y = run(
      "We propose Zorvex Policy Optimization (ZorPO), a training algorithm, and compare it with the Quarma-4o model. Using Quarma-4o as the judge, ZorPO improves win rates on QuarSet by 9 points.",
    );
    expect(edges(y, "EVALUATED_ON")).toEqual([]);
  });
  it("'we introduce Zorvention, a …': a coined word of an abstract noun's shape is a name; the bare word is not", () => {
    const x = run(
      "We introduce Zorvention, a novel attention mechanism for long inputs. Zorvention improves accuracy on QuarBench by 3 points.",
    );
    expect(entity(x, "Zorvention")?.label).toBe("Method");
    expect(edges(x, "INTRODUCES")).toContain("paper -> Method:Zorvention");
    const y = run(
      "Retention matters for long inputs. Our model improves Retention on QuarBench by 3 points.",
    );
    expect(entity(y, "Retention")).toBeUndefined();
  });
  it("'achieves … on Slakey and VQA-RAD': a radiology VQA benchmark is a data set, not the generic task 'VQA'", () => {
    const x = run(
      "We propose Zorgrad, a model for radiology. Zorgrad achieves the best accuracy on QuarVQA and VQA-RAD.",
    );
    expect(entity(x, "VQA-RAD")?.label).toBe("Dataset");
    expect(edges(x, "EVALUATED_ON")).toContain("Model:Zorgrad -> Dataset:VQA-RAD");
  });
  it("'Evaluations on QuarSet, ZorBench, and Plix-QA measure both accuracy and latency': 'measure' is a verb, the names are data", () => {
    const x = run(
      "Evaluations on QuarSet, ZorBench, and Plix-QA measure both localization accuracy and system efficiency.",
    );
    expect(entity(x, "ZorBench")?.label).toBe("Dataset");
    expect(entity(x, "Plix-QA")?.label).toBe("Dataset");
    const y = run("The QuarSet and ZorBench scores are reported.");
    expect(entity(y, "ZorBench")).toBeUndefined();
  });
  it("'We evaluate Zorbot in the QuarWorld environment': a name right after 'the' before 'environment' is a benchmark", () => {
    const x = run(
      "We propose Zorbot, an agent with spatial memory. We evaluate Zorbot in the QuarWorld environment on 32 tasks.",
    );
    expect(entity(x, "QuarWorld")?.label).toBe("Dataset");
    expect(edges(x, "EVALUATED_ON")).toContain("Model:Zorbot -> Dataset:QuarWorld");
    const y = run("We propose Zorbot, an agent. We train Zorbot in a high-fidelity Plix-Tool environment.");
    expect(entity(y, "Plix-Tool")?.label).not.toBe("Dataset");
  });
});
