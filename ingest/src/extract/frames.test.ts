/**
 * One invented sentence per derivation frame (rules/derivation.ts) and per failure shape of
 * issue 8; none is corpus text. A frame added to the rules gets its sentence here.
 */
import { describe, expect, it } from "vitest";
import { extractPaper, type LocalEnd, type PaperExtraction } from "./extract.ts";
import { frameGate, matchFrames } from "./frames.ts";
import { DERIVATION_FRAMES } from "./rules/derivation.ts";
import { PAIR_GATE, PAIR_RULES } from "./rules/pairs.ts";

function run(abstract: string): PaperExtraction {
  return extractPaper({
    title: null,
    abstract,
    organizations: [],
    authors: [],
    pageEvidence: null,
    urls: [],
  });
}
const entity = (x: PaperExtraction, surface: string) =>
  x.entities.find((e) => e.surfaces.some(([name]) => name === surface));
function nameOf(x: PaperExtraction, end: LocalEnd): string {
  if ("paper" in end) return "paper";
  return (x.entities[end.entity]?.surfaces[0] as [string, number])[0];
}
/** "From -> To (method)" of every edge of a type, without repeats, sorted. */
function edges(x: PaperExtraction, type: string): string[] {
  const out = x.edges
    .filter((e) => e.type === type)
    .map((e) => `${nameOf(x, e.from)} -> ${nameOf(x, e.to)}${e.method ? ` (${e.method})` : ""}`);
  return [...new Set(out)].sort();
}

describe("derivation frames", () => {
  it("continued pretraining with a named product: the product is made, and trained on the data", () => {
    const x = run(
      "We present Foo-7B, a model for code. We continue pretraining Bar-7B on BazCorpus, yielding Qux-7B.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Qux-7B -> Bar-7B (continued-pretraining)"]);
    expect(edges(x, "TRAINED_ON")).toEqual(["Qux-7B -> BazCorpus"]);
  });

  it("post-training producing a named model", () => {
    const x = run(
      "We then post-train Bar-4B with reinforcement learning on QuxMath, producing Baz-4B-Think.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Baz-4B-Think -> Bar-4B (post-training)"]);
  });

  it("'Built upon the encoder-decoder backbone of Y, X …': the part's words lead to the base; a name qualifying the part is no model made", () => {
    const x = run(
      "We propose Zelnet, a network for road extraction. Built upon the encoder-decoder backbone of Q-LinkNet, Zelnet introduces three key modules.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zelnet -> Q-LinkNet (other)"]);
    const y = run(
      "We present Zarvo-7B, a model for audio. Zarvo-7B extends the QormDiT architecture of Bralm-3B and adds an audio decoder.",
    );
    expect(edges(y, "BASED_ON")).toEqual(["Zarvo-7B -> Bralm-3B (other)", "Zarvo-7B -> QormDiT (other)"]);
  });

  it("'based on a pre-trained … model Y': the adjective names no continued pretraining", () => {
    const x = run(
      "We propose ZorbTrack, a tracking framework based on a pre-trained vision-language model Quen2.5-VL.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["ZorbTrack -> Quen2.5-VL (other)"]);
  });

  it("training X from Y", () => {
    const x = run("We describe training Baz-3B from Bar-3B-Instruct with a new recipe.");
    expect(edges(x, "BASED_ON")).toEqual(["Baz-3B -> Bar-3B-Instruct (other)"]);
  });

  it("X, which starts from Y and distils", () => {
    const x = run(
      "We introduce BazEncoder, which starts from the existing BarEncoder and improves it by distilling a larger teacher.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["BazEncoder -> BarEncoder (distillation)"]);
  });

  it("an opening 'Built on Y, X is fine-tuned with LoRA on A, B and C'", () => {
    const x = run(
      "Built on the open-weight Bar-3B architecture, BazMed is fine-tuned with LoRA on MedSetA-10K, MedSetB-20K and MedSetC-5K.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["BazMed -> Bar-3B (adapter)"]);
    expect(edges(x, "TRAINED_ON")).toContain("BazMed -> MedSetB-20K");
    expect(edges(x, "TRAINED_ON")).toContain("BazMed -> MedSetC-5K");
  });

  it("Y as its foundation model, further pre-trained on D", () => {
    const x = run(
      "We present BazGeo, utilizing Bar-8B as its foundation model and further pre-trained on GeoCorpus-2M.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["BazGeo -> Bar-8B (other)"]);
    expect(edges(x, "TRAINED_ON")).toContain("BazGeo -> GeoCorpus-2M");
  });

  it("across two sentences: the paper's model is the one made from the base, and trained on the data", () => {
    const x = run("We present BazCoder-7B, a code model. We fine-tune Bar-7B-Base using LoRA on CodeMix-1M.");
    expect(edges(x, "BASED_ON")).toEqual(["BazCoder-7B -> Bar-7B-Base (adapter)"]);
    expect(edges(x, "TRAINED_ON")).toEqual(["BazCoder-7B -> CodeMix-1M"]);
  });

  it("mid-training a named model with no product: the model was trained on the data", () => {
    const x = run("We mid-train Bar-Base on the QuxMix-2M dataset to obtain stronger reasoning.");
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(edges(x, "TRAINED_ON")).toEqual(["Bar-Base -> QuxMix-2M"]);
  });

  it("'after training on D' is training, not evaluation", () => {
    const x = run(
      "We present BazAgent-8B, an agent model. After training on QuxWorld-10K, BazAgent-8B solves 60% of tasks.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["BazAgent-8B -> QuxWorld-10K"]);
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
  });

  it("a distillation inside another model's description gives the paper's model no base", () => {
    const x = run(
      "We present BazVision-7B, a vision model. Our recipe includes rationale distillation from Bar-72B.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("an introduction without 'we propose' wording that builds upon a base", () => {
    const x = run(
      "BAZNET, a lightweight segmentation framework that builds upon Bar-UNet, reaches 90 Dice on QuxSeg.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["BAZNET -> Bar-UNet (other)"]);
  });

  it("X fine-tunes Y using LoRA adapters", () => {
    const x = run("Baz-R1-7B fine-tunes Bar-7B using LoRA adapters on QuxSet-20K.");
    expect(edges(x, "BASED_ON")).toEqual(["Baz-R1-7B -> Bar-7B (adapter)"]);
  });

  it("'When trained on D, X and Y …' gives D to both", () => {
    const x = run("When trained on QuxSet-1M, BazA-7B and BazB-7B outperform the baselines.");
    expect(edges(x, "TRAINED_ON")).toEqual(["BazA-7B -> QuxSet-1M", "BazB-7B -> QuxSet-1M"]);
  });

  it("'X and Y trained on D': what a model is trained on is data, unless more says otherwise", () => {
    const x = run("Applied to Zorbert-2B and Velta-7B trained on FLIMNLI, our pipeline rediscovers biases.");
    expect(edges(x, "TRAINED_ON")).toEqual(["Velta-7B -> FLIMNLI", "Zorbert-2B -> FLIMNLI"]);
  });

  it("'… show that when trained on D, X and Y …' inside a sentence", () => {
    const x = run(
      "Results show that when trained on QuxSet-1M, BazA-7B and BazB-7B outperform the baselines.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["BazA-7B -> QuxSet-1M", "BazB-7B -> QuxSet-1M"]);
  });

  it("'applying a recipe to Y, creating X'", () => {
    const x = run("We apply our recipe to Bar-VL-3B, creating Baz-VL-3B.");
    expect(edges(x, "BASED_ON")).toEqual(["Baz-VL-3B -> Bar-VL-3B (other)"]);
  });

  it("each variant keeps its own base, and sizes pair up", () => {
    expect(
      edges(run("Baz-S, based on BarBERT, and Baz-L, built on QuxLM-7B, are our two variants."), "BASED_ON"),
    ).toEqual(["Baz-L -> QuxLM-7B (other)", "Baz-S -> BarBERT (other)"]);
    expect(edges(run("Baz-7B and Baz-14B, fine-tuned from Bar-7B/14B, are released."), "BASED_ON")).toEqual([
      "Baz-14B -> Bar-14B (fine-tune)",
      "Baz-7B -> Bar-7B (fine-tune)",
    ]);
  });

  it("'the base model (i.e. Y)' is the base of the paper's model", () => {
    const x = run(
      "We present BazUI-3B, a GUI agent. On QuxBench, our model surpasses the base model (i.e. Bar-VL-3B) by 6%.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["BazUI-3B -> Bar-VL-3B (other)"]);
  });

  it("initialised with pretrained weights is no continued pretraining", () => {
    const x = run(
      "We present BazSeg, which uses two encoders initialized with pretrained QuxNet and FooNet.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["BazSeg -> FooNet (other)", "BazSeg -> QuxNet (other)"]);
  });

  it("trained on data whose kind is named before its name", () => {
    const x = run(
      "We present BazScore, a video judge. Our model is trained on a large-scale dataset QuxFeedback of 20K videos.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["BazScore -> QuxFeedback"]);
    // "a dataset of Qux recordings": the name after "of" is no data set.
    const y = run(
      "We present BazNav, an agent. BazNav is trained on a large-scale dataset of QuxCity recordings.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual([]);
  });

  it("trained on data after a training verb and its abbreviation", () => {
    const x = run(
      "We present BazNav, an agent. Knowledge is injected via Supervised Fine-Tuning (SFT) on QuxView-100K.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["BazNav -> QuxView-100K"]);
  });

  it("a system built on a benchmark is not trained on it", () => {
    const x = run("We present BazSearch, a table-driven search framework built on the QuxTables benchmark.");
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });

  it("'X, a Foo-based model': the appositive names X's base", () => {
    const x = run("We present BazMath, a Bar-7B-based model for geometry problems.");
    expect(edges(x, "BASED_ON")).toEqual(["BazMath -> Bar-7B (other)"]);
    expect(edges(x, "INTRODUCES")).toEqual(["paper -> BazMath"]);
  });

  it("'X is a Foo-based agent': the copula names X's base", () => {
    const x = run("BazVLA is a Bar-7B-based agent for household robots.");
    expect(edges(x, "BASED_ON")).toEqual(["BazVLA -> Bar-7B (other)"]);
  });

  it("'we propose a Foo-based model, X': the model is named after its description, and Foo is not introduced", () => {
    const x = run("We propose a Bar-7B-based embedding model, BazEmbed, for code retrieval.");
    expect(edges(x, "BASED_ON")).toEqual(["BazEmbed -> Bar-7B (other)"]);
    expect(edges(x, "INTRODUCES")).toEqual(["paper -> BazEmbed"]);
  });

  it("'a Foo-based' method or an unknown Foo is no base, and the head noun after '-based' is not Foo's", () => {
    expect(edges(run("We present BazSampler, a GRPO-based reward model for images."), "BASED_ON")).toEqual(
      [],
    );
    const x = run("We present BazDet, a Quxa-based detector for small objects.");
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(entity(x, "Quxa")?.label).not.toBe("Model");
  });

  it("'X, a Foo-based model fine-tuned on D': X is trained on D, not Foo", () => {
    const x = run("We release BazA-8B, a Bar-7B-based model fine-tuned on CitSet-10K.");
    expect(edges(x, "TRAINED_ON")).toEqual(["BazA-8B -> CitSet-10K"]);
    expect(edges(x, "BASED_ON")).toEqual(["BazA-8B -> Bar-7B (fine-tune)"]);
  });

  it("an acronym's unbracketed long form is the same name, not a second subject", () => {
    const x = run(
      "We propose BAZ-GPT Bounded Alpha's Zeta GPT, a tabular framework built on QuxGPT-7B and fine-tuned for classification.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["BAZ-GPT -> QuxGPT-7B (fine-tune)"]);
  });

  it("a judge is not evaluated", () => {
    const x = run("Answers of BazChat are evaluated by Bar-31B as a judge on QuxBench.");
    expect(edges(x, "EVALUATED_ON").filter((e) => e.startsWith("Bar-31B"))).toEqual([]);
  });
});

describe("the frames engine", () => {
  it("derives its pre-filter from every frame's cues and also-cues", () => {
    for (const f of DERIVATION_FRAMES)
      for (const c of f.cues)
        for (const a of f.alsoCues ?? [""]) expect(frameGate(`x ${c} y ${a} z`), `${c} + ${a}`).toBe(true);
    // Common words alone ("on", "as", "from", "we") open no frame: their frames also need a rarer verb.
    expect(frameGate("we report results on the test set as before, from scratch")).toBe(false);
    expect(matchFrames("a sentence with no cue at all", [{ start: 2, end: 10 }])).toEqual([]);
  });
});

describe("pair rules", () => {
  it("the pair pre-filter admits every rule's cue words and nothing is kept by hand", () => {
    for (const r of PAIR_RULES) {
      for (const c of r.stems) expect(PAIR_GATE.test(` x${c}x `), c).toBe(true);
      for (const w of r.words) expect(PAIR_GATE.test(` ${w} `), w).toBe(true);
    }
    // A whole-word cue does not open the gate inside another word.
    expect(PAIR_GATE.test(" bygone ")).toBe(false);
  });
});

describe("derivation precision: no edge from comparisons, siblings, evaluations or unnamed subjects", () => {
  it("a benchmark that corpora are compared on is no training data", () => {
    const x = run(
      "We introduce Kolo-7B, a tutor model. Under a matched budget, Kolo-7B consistently outperforms equally sized subsets of eight mainstream instruction-tuning corpora on QuarkBench.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });

  it("two bases in a list are not made from each other ('training from A …, training from B')", () => {
    const x = run(
      "Models fine-tuned on WebQuark demonstrate gains: (1) training from Lava-OV-mid shows 10-20% absolute point gains, (2) training from Mammo-VL-7B shows 5% absolute gain.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("what is evaluated on top of a model is not built on it", () => {
    const x = run(
      "We evaluate UniZorb on top of Showy-7B and Janu-7B, achieving a GenEval score of 0.77 for Showy-7B.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("a baseline based on a model gives no BASED_ON", () => {
    const x = run(
      "Optimo shows consistent improvements over single-agent baselines and vanilla MAS based on Lama-3-8B, achieving up to 2.8x gains.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'Baz, a family of … models trained on D' is an appositive: Baz is trained on D", () => {
    const x = run(
      "Finally, we release LAMACIT-8B and GEMCIT-12B, Lama- and Gem-based models finetuned on ZORBCITIZENS, which outperform baselines.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["GEMCIT-12B -> ZORBCITIZENS", "LAMACIT-8B -> ZORBCITIZENS"]);
  });

  it("'X improves a reward model trained on Foo': X is not what was trained", () => {
    const x = run(
      "Our RRZ improves the performance of a pairwise reward model trained on Gemmo-2-9B-it, on RewardZ, increasing accuracy.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });

  it("'models trained on D' names no model: the name coordinated before gets nothing", () => {
    const x = run(
      "To scale up the data collection, FLARE is collected in two components: FLARE-100K and FLARE-1M, where FLARE-100K is generated by Zorb-7B, and FLARE-1M is freely generated via models trained on FLARE-100K.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });
});

describe("derivation subjects that are bases or baselines themselves", () => {
  it("'a model based on A and a model based on B': B is no product of A", () => {
    const x = run(
      "We present Bielo Guard, a family of compact safety classifiers comprising two model variants: a 0.1B parameter model based on Zorberta-base and a 0.5B parameter model based on Quokberta-8k.",
    );
    expect(edges(x, "BASED_ON").some((e) => e.startsWith("Zorberta-base"))).toBe(false);
  });

  it("'matches the performance of A using only B as the base model': A is a baseline", () => {
    const x = run(
      "Moreover, UI-Zim-Grow matches the performance of Lamo-3-70B-Instruct using only Lamo-3-8B-Instruct as the base model.",
    );
    expect(edges(x, "BASED_ON").some((e) => e.startsWith("Lamo-3-70B-Instruct"))).toBe(false);
  });

  it("'versions on top of A and B': the paper's model listed beside the base is no product of it", () => {
    const x = run(
      "We are releasing base, instruct, and aligned versions on top of SaulZ-54B and SaulZ-141B under the MIT License.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });
});

describe("hardware is no training data", () => {
  it("'training and inference on Foo NPUs' gives no TRAINED_ON", () => {
    const x = run(
      "We present MoZE-7B. Our experiments indicate that MoZE-7B leads to more efficient execution for both model training and inference on Ascenda NPUs.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });
});

describe("derivation shapes read on real abstracts (issue 8, session 4)", () => {
  it("'The model is trained on D' after the paper names its model: the paper's model is trained on D", () => {
    const x = run(
      "We present Zorbit, an open-weight vision-language model for text recognition. The model is trained on QuillSet-DS, the largest recognition dataset to date.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorbit -> QuillSet-DS"]);
  });

  it("'a reward model trained on D' stays an unnamed model", () => {
    const x = run("We present Zorbit. Zorbit improves a pairwise reward model trained on QuillPairs.");
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });

  it("'Built on the lightweight language model Foo, Baz …': a role noun before the base", () => {
    const x = run("Built on the lightweight language model Grobo-2, Zorbit features three key innovations.");
    expect(edges(x, "BASED_ON")).toEqual(["Zorbit -> Grobo-2 (other)"]);
  });

  it("'built on the foundation of Foo'", () => {
    const x = run(
      "We propose Zorbit-Net, an efficient discriminative model built on the foundation of Quill-Net.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorbit-Net -> Quill-Net (other)"]);
  });

  it("'Built upon a Foo foundation model, Baz …' never reads Baz as the base", () => {
    const x = run(
      "Built upon a Grobo foundation model, ZIMA 2 represents a step toward embodied interaction.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["ZIMA 2 -> Grobo (other)"]);
  });

  it("'Trained on top of Foo, our resulting model, Baz, …'", () => {
    const x = run(
      "Trained on top of Grobo 3, our resulting reasoning model, Grobo3-Zed-70B, achieves a 41.0% solve rate on QuillBench.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Grobo3-Zed-70B -> Grobo 3 (other)"]);
  });

  it("'Our top-performing model, distilled from Foo' is the paper's model", () => {
    const x = run(
      "We present Zorbit, a hybrid reasoning model for math. Our top-performing model, distilled from Grobo3-8B-Instruct, achieves a 29.61 win rate on QuillEval 2.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorbit -> Grobo3-8B-Instruct (distillation)"]);
  });

  it("'We fine-tune Foo on D to develop Baz-2B/4B/8B': every size made from Foo and trained on D", () => {
    const x = run("We fine-tune Grobo-VL-Instruct on QuillReason to develop Zorbit-2B/4B/8B versions.");
    expect(edges(x, "BASED_ON")).toEqual([
      "Zorbit-2B -> Grobo-VL-Instruct (fine-tune)",
      "Zorbit-4B -> Grobo-VL-Instruct (fine-tune)",
      "Zorbit-8B -> Grobo-VL-Instruct (fine-tune)",
    ]);
    expect(edges(x, "TRAINED_ON")).toEqual([
      "Zorbit-2B -> QuillReason",
      "Zorbit-4B -> QuillReason",
      "Zorbit-8B -> QuillReason",
    ]);
  });

  it("'employs a pretrained Foo as the teacher to develop a dataset' names no model made", () => {
    const x = run(
      "The framework employs a Generative Pretrained Transformer (GPT) model as the teacher model to develop a QuillTopic training dataset.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'Baz, fine-tuned from Foo on D': Baz is trained on D, not Foo", () => {
    const x = run(
      "We present Zorbit-7B, a reasoning model fine-tuned from Grobo2.5-7B-Instruct on QuillMath-12K. Zorbit-7B outperforms Grobo-4o on QuillBench.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorbit-7B -> Grobo2.5-7B-Instruct (fine-tune)"]);
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorbit-7B -> QuillMath-12K"]);
  });

  it("'trained on Foo's behaviour', 'extends Foo's tokenizer': no edge to Foo", () => {
    const x = run(
      "A model Zed-2 should predict Zed-1's behavior even if Zed-2 is trained on Zed-1's ground-truth behavior. Grobo3 extends Quill-3.5's tokenizer with multilingual tokens.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });
});

describe("derivation subjects across sentences and opening phrases", () => {
  it("'We previously introduced Foo … we release Foo-Chat … Built on Foo, it …': Foo-Chat is made from Foo", () => {
    const x = run(
      "We previously introduced Zorbit-8B, a security-focused LLM. That model was not designed for chat. In this report, we release Zorbit-8B-Chat: a model specifically trained for dialogue. Built on Zorbit-8B, it combines domain knowledge with instruction-following.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorbit-8B-Chat -> Zorbit-8B (other)"]);
  });

  it("'When initialized from Foo, a continually-finetuned Baz …'", () => {
    const x = run(
      "When initialized from Quill-8B, a continually-finetuned Quill-Code outperforms Grobo-20B by 65%.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Quill-Code -> Quill-8B (fine-tune)"]);
  });
});

describe("derivation subjects: products before 'by', colons, classes and non-models", () => {
  it("'We develop the Baz model by fine-tuning Foo on D': Baz is made from Foo and trained on D", () => {
    const x = run(
      "We present QuillSet, a dataset for feedback. We develop the Quill-Grobo model by fine-tuning Grobo-7B on QuillSet-100K, which shows strong refinement.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Quill-Grobo -> Grobo-7B (fine-tune)"]);
    expect(edges(x, "TRAINED_ON")).toEqual(["Quill-Grobo -> QuillSet-100K"]);
  });

  it("'We fine-tune Baz on D' where the paper introduces Baz: no base of its own model", () => {
    const x = run(
      "In this paper, we propose ZAMA, a novel general-purpose audio-language model. We fine-tune ZAMA on a large-scale audio-language dataset. Next, we propose Quill-R, a synthetically generated instruction dataset. We instruction-tune ZAMA with Quill-R to endow it with reasoning abilities.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'Baz: an ultra-lightweight module based on Foo': the name before the colon", () => {
    const x = run(
      "We present Quill-Suite. Quill-Det2: An ultra-lightweight model (0.6M parameters) based on the Grobo-Net encoder, supporting streaming detection.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Quill-Det2 -> Grobo-Net (other)"]);
  });

  it("'a set of open RLMs built on Foo': a class acronym is no subject", () => {
    const x = run(
      "We introduce the Quill-M1 series, a set of fully open-source RLMs built on the Grobo-2.5 backbone that match existing RLMs.",
    );
    expect(edges(x, "BASED_ON").some((e) => e.startsWith("RLM"))).toBe(false);
  });

  it("'Built upon Foo, we incubated the Baz ecosystem': an ecosystem is no model", () => {
    const x = run(
      "Built upon GroboMaster, we incubated the QuillMaster ecosystem across domains such as physics.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'Baz extends Foo to a longer context' is a method; 'Baz extends Foo' is a model made from Foo", () => {
    expect(
      edges(run("Remarkably, QuillRoPE extends Grobo3-8B to achieve a 128K context length."), "BASED_ON"),
    ).toEqual([]);
    expect(edges(run("Quill-ER extends Grobo-2 with spatial understanding."), "BASED_ON")).toEqual([
      "Quill-ER -> Grobo-2 (other)",
    ]);
  });

  it("'we post-train Foo (35B) as a … agent': Foo is the model made, no base", () => {
    const x = run(
      "We present QuillMLE. On this stack we post-train Grobo-MA1 (35B) as a meta-evolution agent.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });
});

describe("no derivation from unnamed classes or names used as adjectives", () => {
  it("'Compared with the latest models built on Foo, our models …' gives no edge", () => {
    const x = run(
      "We present Quill Anything V2. Compared with the latest models built on Grobo Diffusion 3, our models are significantly more efficient.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'a model that extends o1 style reasoning' is not made from o1", () => {
    const x = run(
      "We present Quill Reasoner, a model that extends z1 style reasoning to interactive search tasks.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });
});

describe("versions and variants", () => {
  it("'Baz, an improved version of Foo' and 'Baz is a distilled variant of Foo'", () => {
    expect(
      edges(
        run("We present Zorbit-2, a significantly improved version of Zorbit-1 for geometry."),
        "BASED_ON",
      ),
    ).toEqual(["Zorbit-2 -> Zorbit-1 (other)"]);
    expect(
      edges(run("Quill-Lamo3 is a distilled variant of Lamo3-8B with linear attention."), "BASED_ON"),
    ).toEqual(["Quill-Lamo3 -> Lamo3-8B (distillation)"]);
  });

  it("'Baz, the latest version of the Foo model family' is no edge to the family", () => {
    const x = run("In this work, we present Grobo3, the latest version of the Grobo model family.");
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'Baz, that generates dialogue distilled from Foo': the dialogue is distilled, not Baz", () => {
    const x = run(
      "We propose a contextualization framework, Quill-Mcx, that generates long-term dialogue distilled from GroboChat-4 and an image aligner.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });
});

describe("session 5: wider objects and guards", () => {
  it("'builds upon our previous framework Foo' and 'based on our previous Foo model'", () => {
    expect(
      edges(
        run(
          "We present ZorbGPT-v1.1, an advanced visual model that builds upon our previous framework ZorbGPT.",
        ),
        "BASED_ON",
      ),
    ).toEqual(["ZorbGPT-v1.1 -> ZorbGPT (other)"]);
    expect(
      edges(
        run("We introduce Quillon-M2. The model is developed based on our previous Quillon-Text-1 model."),
        "BASED_ON",
      ),
    ).toEqual(["Quillon-M2 -> Quillon-Text-1 (other)"]);
  });

  it("a size before the base: 'derived from the 770M-parameter Foo model'", () => {
    const x = run(
      "We introduce Grobo-JX, a custom architecture derived from the 770M-parameter GroboT5 model.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Grobo-JX -> GroboT5 (other)"]);
  });

  it("a parenthesis: 'Baz-30B (a Foo-trained version of Bar-30B)', 'Baz (derived from Bar)'", () => {
    expect(
      edges(
        run("Our Quillo-30B (a GRPO-trained version of Zorbo-30B) achieves 33.3% on hard tasks."),
        "BASED_ON",
      ),
    ).toEqual(["Quillo-30B -> Zorbo-30B (post-training)"]);
    expect(
      edges(run("Our Grobo-Sec-8B base model (derived from Lamo-3.1-8B-Base) is small."), "BASED_ON"),
    ).toEqual(["Grobo-Sec-8B -> Lamo-3.1-8B-Base (other)"]);
  });

  it("'Baz, a suite of translation models based on Foo': the suite's head is 'models', a Model", () => {
    const x = run(
      "We present QuillTrans, a suite of open machine translation models based on the GroboLM-3 foundation models.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["QuillTrans -> GroboLM-3 (other)"]);
  });

  it("'Baz, a benchmark built upon Foo' makes no model from Foo", () => {
    const x = run(
      "We propose Zorb-CI, the first repository-level benchmark built upon the Quillon Loop framework.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("a clause after ', but' has its own subject: 'A and B, but no methods based on Foo'", () => {
    const x = run(
      "Many methods exist for UNet-based models (Grobo1.5, GroboXL), but there are still no implementations based on the recent Zorbo-DiT architecture.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("an adverb before the verb: 'Foo-8B supervisedly fine-tuned on BarSet'", () => {
    const x = run("Lamo-8B-Instruct supervisedly fine-tuned on QuillRefuse-50K refuses less often.");
    expect(edges(x, "TRAINED_ON")).toEqual(["Lamo-8B-Instruct -> QuillRefuse-50K"]);
  });

  it("'counterparts trained on 1M Foo data' is not the earlier name trained on Foo", () => {
    const x = run(
      "A dataset produced by Zorbflow enables base models to surpass counterparts trained on 1M Quill-Instruct data.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'Through training on BarSet, we develop an evaluator named Baz'", () => {
    const x = run("Through training on QuillSet, we develop an LLM-based evaluator named Zorbix.");
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorbix -> QuillSet"]);
  });

  it("a token count before the data: 'pre-trained on 100B BarSet tokens' (what is pre-trained on is data)", () => {
    const x = run(
      "We present Zorbnet-2, a language model. The model is pre-trained on 100B QuillSet-DS tokens.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorbnet-2 -> QuillSet-DS"]);
    expect(entity(x, "QuillSet-DS")?.label).toBe("Dataset");
  });

  it("'trained using Foo loss' gives Foo no vote as data", () => {
    const x = run(
      "We propose Zorbnet-3, a detection pipeline trained using QuillIoU loss and strong augmentations.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });
});

describe("architecture classes", () => {
  it("'based on the DiT architecture', 'Built upon a Mixture-of-Transformers (MoT) architecture' give no base", () => {
    expect(
      edges(
        run("In this paper, we introduce QuillDrive-X, a novel approach based on the DiT architecture."),
        "BASED_ON",
      ),
    ).toEqual([]);
    expect(
      edges(
        run(
          "Built upon a Mixture-of-Transformers (MoT) architecture, Zorbix-01 decouples understanding and generation.",
        ),
        "BASED_ON",
      ),
    ).toEqual([]);
    // A named model in the same frame still is a base.
    expect(
      edges(
        run("In this paper, we introduce QuillDrive-X, a novel model based on the Zorbo-7B architecture."),
        "BASED_ON",
      ),
    ).toEqual(["QuillDrive-X -> Zorbo-7B (other)"]);
  });
});

describe("what a model is pre-trained on", () => {
  it("is data even when its name ends in a size: 'Baz is pre-trained on FooPajama-627B and fine-tuned on BarSet'", () => {
    const x = run(
      "We present ZorbLM, a small language model. ZorbLM is pre-trained on QuillPajama-627B and fine-tuned on QuillAssist, our constructed dataset.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["ZorbLM -> QuillAssist", "ZorbLM -> QuillPajama-627B"]);
    expect(entity(x, "QuillPajama-627B")?.label).toBe("Dataset");
  });
});

describe("the product named before 'by', with its appositive", () => {
  it("'Using BarSet, we developed Baz, a navigation agent by fine-tuning the Foo model'", () => {
    const x = run(
      "Leveraging Quill Odyssey, we developed ZorbAgent, a multimodal cross-app navigation agent by fine-tuning the Grobo-VL model with a resampling module.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["ZorbAgent -> Grobo-VL (fine-tune)"]);
  });
});

describe("read against the corpus sample: wrong readings removed", () => {
  it("'fuses pretrained features from Foo and Bar' names no base of the model before", () => {
    const x = run(
      "Grobo-VL builds on a Lamo 2 language model combined with a visual encoder that fuses pretrained features from Zorb-V2 and QuillLIP.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Grobo-VL -> Lamo 2 (other)"]);
  });

  it("'tutorials for building upon Foo' makes nothing from Foo", () => {
    const x = run(
      "We release Zorbmed 1.5 4B. Resources and tutorials for building upon Zorbmed 1.5 can be found online.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'based on adaLN DiT': a qualified architecture class is no base", () => {
    const x = run(
      "We present QuillDiT. QuillDiT modeling is based on adaLN DiT with varying time embedding.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'a model based on Foo, pretrained on D': D trains the model made, not its base", () => {
    const x = run(
      "We present ZorbVLA. We present a compact VLA model based on 4B Grobo-3-Vision, pretrained on the Quill-X-Embodiment and finetuned on our dataset.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["ZorbVLA -> Quill-X-Embodiment"]);
  });
});

describe("an unnamed model between the verb and 'on' is what was trained", () => {
  it("'a pretrained teacher on D', 'Training LRMs on D' give the paper's model no data", () => {
    expect(
      edges(
        run(
          "We present ZorbREPA. It collapses diversity on subsets clustered in the space of a pretrained teacher on QuillNet-1K.",
        ),
        "TRAINED_ON",
      ),
    ).toEqual([]);
    expect(
      edges(
        run("We present ZorbGen, a question generator. Training LRMs on ZorbGen-Corpus improves reasoning."),
        "TRAINED_ON",
      ),
    ).toEqual([]);
    // The paper's own model, named, still is.
    expect(
      edges(
        run("We present ZorbGen, a question generator. We fine-tune ZorbGen on QuillCorpus-44K."),
        "TRAINED_ON",
      ),
    ).toEqual(["ZorbGen -> QuillCorpus-44K"]);
  });
});

/** The BASED_ON and TRAINED_ON edges of one abstract, without repeats, sorted. */
const lineage = (abstract: string): string[] => {
  const x = run(abstract);
  return [...edges(x, "BASED_ON"), ...edges(x, "TRAINED_ON")];
};

describe("precision: what is made, and from what (issue 8, corpus sample)", () => {
  it("a version written after an acronym's bracket stays in the base's name", () => {
    const x = run(
      "We present ZorbaSeg. By fine-tuning the Quux Anything Model (QAM) 3 architecture on medical images, our ZorbaSeg enables segmentation.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["ZorbaSeg -> QAM 3 (fine-tune)"]);
  });

  it("a training-free approach, a module or an ecosystem is no model made", () => {
    expect(
      lineage(
        "To address this, we introduce ZorbaPaint, a training-free approach built upon the Quxel model.",
      ),
    ).toEqual([]);
    expect(
      lineage(
        "We present NavZed. We introduce Quxel-adapter, a lightweight geometric module built on the pre-trained Quxel model, which aligns features.",
      ),
    ).toEqual([]);
    expect(
      lineage(
        "We introduce ZorbaMed, an ecosystem co-designed with surgeons. It features ZorbaMed-90k, a dataset of instructions. Our model fine-tuned on ZorbaMed-90k improves on all tasks.",
      ),
    ).toEqual([]);
    expect(
      lineage("We present ZorbaFlex, a data-centric training framework built upon the Quxel-Factory system."),
    ).toEqual([]);
    // A plug-in value MODEL is still a model.
    expect(
      lineage(
        "We present ZorbaPRM. ZorbaPRM is a plug-in value model for agents. A ZorbaPRM trained on QuxMath-8K transfers well.",
      ),
    ).toEqual(["ZorbaPRM -> QuxMath-8K"]);
  });

  it("phrases and stage names are no model names", () => {
    expect(
      lineage(
        "We present ZorbaGen. Specifically, we build on a pre-trained single-image-to-3D model, preserving consistency.",
      ),
    ).toEqual([]);
    expect(
      lineage(
        "We propose ZorbaWorld. ZorbaWorld operates in two stages: (i) Reconstruction, which extends Quxel and adds a loss; (ii) Generation, which renders videos.",
      ),
    ).toEqual([]);
  });

  it("what initialises a model is not its base", () => {
    expect(
      lineage(
        "We show that language models (i.e., ViT and Quxel-2) initialized with ZorbaHyper achieve better performance.",
      ),
    ).toEqual([]);
  });

  it("an attributive participle, a denial, a method adapting a model: no training of the paper's model", () => {
    expect(
      lineage(
        "We present ZorbaREPA. Alignment collapses diversity in the representation space of pretrained semantic encoder on QuxNet-1K.",
      ),
    ).toEqual([]);
    expect(
      lineage(
        "We present ZorbaVLA. Even with no pre-training on the Quxel-X dataset, our model ZorbaVLA achieves robustness.",
      ),
    ).toEqual([]);
    expect(
      lineage(
        "We present ZorbaChef. Notably, ZorbaChef adapts Quxel-1.7B-Base to the math domain, surpassing Quxel-1.7B.",
      ),
    ).toEqual([]);
    expect(
      lineage(
        "We present ZorbaLaw. Building upon Quxel-7B, this study refines the approach to produce a better model.",
      ),
    ).toEqual([]);
  });

  it("the model made is the name a modifier qualifies, not the modifier; a network class trains nothing", () => {
    expect(
      lineage(
        "We release two models. The first is Zorba-Search-4B, a DeepFoo model trained from Quxel-4B and optimized for search.",
      ),
    ).toEqual(["Zorba-Search-4B -> Quxel-4B (other)"]);
    expect(
      lineage(
        "We present ZorbaDepth. During training we concatenate latents in the DiT backbone and co-train on ZorbaSet-3D and other data, yielding consistent predictions.",
      ),
    ).toEqual(["ZorbaDepth -> ZorbaSet-3D"]);
  });

  it("a name joined to a cited one is cited too, never introduced", () => {
    const x = run(
      "We propose a two-stage framework. Our developed critique model built on Quxel-7B outperforms existing critics (including the same-sized Zorba-distill models and Quxel-4o) on benchmarks.",
    );
    expect(edges(x, "INTRODUCES")).toEqual([]);
    expect(edges(x, "BASED_ON")).toEqual([]);
  });
});

describe("precision: the subject of an upgrade, and simulators", () => {
  it("'Baz 2 is an upgrade of the Baz model based on Foo 2': the new version is made from Foo 2", () => {
    expect(
      lineage(
        "PaliZorb 2 is an upgrade of the PaliZorb open Vision-Language Model (VLM) based on the Quxel 2 family of language models.",
      ),
    ).toEqual(["PaliZorb 2 -> Quxel 2 (other)"]);
  });

  it("a simulator built on top of an engine is no model made", () => {
    expect(
      lineage("We present ZorbaDrive, a GPU-accelerated simulator built on top of the Quxel Game Engine."),
    ).toEqual([]);
  });
});

describe("a paper whose named contribution is a method", () => {
  const withTitle = (title: string, abstract: string): PaperExtraction =>
    extractPaper({ title, abstract, organizations: [], authors: [], pageEvidence: null, urls: [] });
  it("'Baz: Efficient Neural Architecture Search for …' + 'we fine-tune Foo-7B' gives Baz no base", () => {
    const x = withTitle(
      "Mistral-Zorb: Efficient Neural Architecture Search for Language Models",
      "We fine-tune Quillama-7B only once and then search for smaller sub-networks.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });
  it("'Baz, a reinforcement learning method, applied to Foo' gives no base; a model title still does", () => {
    expect(
      edges(
        run(
          "We propose Mistral-Zorb, a reinforcement learning method. We fine-tune Quillama-7B with it on QuillMath.",
        ),
        "BASED_ON",
      ),
    ).toEqual([]);
    const x = withTitle(
      "Zorbchat: A Chat Model for Law",
      "We fine-tune Quillama-7B on QuillLaw to obtain Zorbchat.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorbchat -> Quillama-7B (fine-tune)"]);
  });
});

describe("a method title overruled by the abstract", () => {
  it("'Baz: A Post-Training Recipe for …' + 'We introduce Baz, a model …' keeps Baz's base", () => {
    const x = extractPaper({
      title: "Mistral-Zorb: A Post-Training Recipe for Long Contexts",
      abstract:
        "We introduce Mistral-Zorb, a model for long contexts. Starting from Quillama-7B, Mistral-Zorb outperforms larger models.",
      organizations: [],
      authors: [],
      pageEvidence: null,
      urls: [],
    });
    expect(edges(x, "BASED_ON")).toEqual(["Mistral-Zorb -> Quillama-7B (other)"]);
  });
});

describe("a data set used as a base", () => {
  it("'we construct Baz4Clip, which contains 40K videos. Based on Baz4Clip, we develop Qux' trains Qux on it, no base", () => {
    const x = run(
      "We construct Zorb4Clip, which contains 40K high-quality videos with dense captions. Based on Zorb4Clip, we further develop QuillCap-Video, a captioner for arbitrary videos.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(edges(x, "TRAINED_ON")).toEqual(["QuillCap-Video -> Zorb4Clip"]);
  });
  it("a model's parameter count is no data: 'Baz, which contains 7B parameters' stays a base", () => {
    const x = run(
      "We build on Zorb-7B, which contains 7 billion parameters. Based on Zorb-7B, we develop QuillChat, a chat model.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["QuillChat -> Zorb-7B (other)"]);
  });
});

describe("generic architecture and model-class acronyms", () => {
  it("'a frozen time-series foundation model (TSFM) … we use Foo as a frozen backbone' bases no TSFM on Foo", () => {
    const x = run(
      "We leverage a frozen pretrained time-series foundation model (TSFM) and combine it with a small head. More specifically, we use Zorbos-2 as a frozen backbone to extract features.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(entity(x, "TSFM")).toBeUndefined();
  });
  it("'Mixture-of-Transformers (MoT)' is a kind of network, never an entity", () => {
    const x = run(
      "We adopt a Mixture-of-Transformers (MoT) architecture. Our Zorbix-2B model outperforms others.",
    );
    expect(entity(x, "MoT")).toBeUndefined();
  });
});

describe("recall: training mixtures, data referred back to, evaluation lists", () => {
  it("'trained on the union of A and B' and 'fine-tuned on A, B and C': every part is training data", () => {
    const x = run(
      "We propose Zorblat, a retrieval model. Zorblat is trained on the union of QuarkSet and FooCorpus.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorblat -> FooCorpus", "Zorblat -> QuarkSet"]);
    const y = run(
      "We propose Zorblat-3B, a retrieval model. We fine-tune Zorblat-3B on QuarkSet, FooCorpus and BazText.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual([
      "Zorblat-3B -> BazText",
      "Zorblat-3B -> FooCorpus",
      "Zorblat-3B -> QuarkSet",
    ]);
  });

  it("'we construct BarSet … and train Baz on it', 'we train Baz on this dataset', 'use it to fine-tune Baz'", () => {
    expect(
      edges(run("We construct QuarkSet, a dataset of 2M proofs, and train Zorblat-3B on it."), "TRAINED_ON"),
    ).toEqual(["Zorblat-3B -> QuarkSet"]);
    expect(
      edges(
        run("We construct QuarkSet, a dataset of 2M proofs. We train Zorblat-3B on this dataset."),
        "TRAINED_ON",
      ),
    ).toEqual(["Zorblat-3B -> QuarkSet"]);
    const x = run(
      "We further construct QuarkSet, a synthetic corpus of hard negatives, and use it to LoRA fine-tune Zorblat-4B from Quxen-Embed-4B.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorblat-4B -> QuarkSet"]);
    expect(edges(x, "BASED_ON")).toEqual(["Zorblat-4B -> Quxen-Embed-4B (adapter)"]);
  });

  it("'fine-tune Foo on this dataset and develop Baz': the data trained Baz, not Foo; an unnamed model trains nothing", () => {
    const x = run(
      "We build QuarkSet, a dataset of edits. We fine-tune Zorblat-7B on this dataset and develop Zorblat-Edit-7B, which improves editing.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorblat-Edit-7B -> QuarkSet"]);
    const y = run("We introduce QuarkSet, a dataset of proofs. We train a small model on it.");
    expect(edges(y, "TRAINED_ON")).toEqual([]);
  });

  it("'Experiments on A, B/C, and D show …': the list's last name is data, not the subject of 'show'", () => {
    const x = run(
      "We introduce Zorblat, an agent for charts. Experiments on V*, PlotBench-4K/8K, FigVQA-Lite, TabStar, and ReasonBar show consistent gains over the backbone.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual([
      "Zorblat -> FigVQA-Lite",
      "Zorblat -> PlotBench-4K",
      "Zorblat -> PlotBench-8K",
      "Zorblat -> ReasonBar",
      "Zorblat -> TabStar",
      "Zorblat -> V*",
    ]);
  });

  it("'Experiments on models like A and B', 'Evaluations show that across … tasks, X': no data list", () => {
    const x = run(
      "We introduce Zorbcache, a cache for video models. Extensive experiments on state-of-the-art models like QuillVid-2 and Marlo-1 demonstrate that Zorbcache achieves speedups.",
    );
    expect(entity(x, "Marlo-1")?.label).not.toBe("Dataset");
    const y = run(
      "We introduce ZorbVLA, a robot policy. Extensive evaluations show that across 17 simulation tasks, ZorbVLA achieves gains over QuarkBench-Mem.",
    );
    expect(entity(y, "ZorbVLA")?.label).toBe("Model");
  });
});

describe("a cited method is not what the paper introduces", () => {
  it("'such as Foo Bar Optimization (FBO)': the abbreviation of a cited name is cited, and 'our model' stays the paper's model", () => {
    const x = run(
      "We also introduce a unified reward, enabling optimization via algorithms such as Quill Relative Policy Optimization (QRPO). Results demonstrate that our proposed model, Zorb-R1-3B, achieves gains. On the grounding benchmark QuarkSpot-Pro, our model surpasses the base model (i.e. Quxen-VL-3B) by 6.0%.",
    );
    expect(edges(x, "INTRODUCES")).toEqual(["paper -> Zorb-R1-3B"]);
    expect(edges(x, "EVALUATED_ON")).toEqual(["Zorb-R1-3B -> QuarkSpot-Pro"]);
    expect(edges(x, "BASED_ON")).toEqual(["Zorb-R1-3B -> Quxen-VL-3B (other)"]);
  });
});

describe("'It' opening the sentence after the one that presents the model", () => {
  it("'We present Baz-3B. It is fine-tuned from Foo-3B' gives Baz-3B its base; a method's 'It is derived from' gives none", () => {
    expect(
      edges(
        run("We present Zorblat-3B, a model for proofs. It was distilled from Quxen-72B with a new loss."),
        "BASED_ON",
      ),
    ).toEqual(["Zorblat-3B -> Quxen-72B (distillation)"]);
    expect(
      edges(run("We present Zorblat, a method for pruning. It is derived from Quxen-7B."), "BASED_ON"),
    ).toEqual([]);
  });
});

describe("a comparison study", () => {
  it("'the first comparison of A and B against C on the D dataset': every model compared is evaluated on D", () => {
    const x = run(
      "This study presents the first empirical comparison of open models, including Zorb-Vision and QuillNet, against classic models Marlo-50 and Quxnet-B0 on the challenging QuarkFace-2013 dataset.",
    );
    expect(edges(x, "EVALUATED_ON")).toEqual([
      "Marlo-50 -> QuarkFace-2013",
      "QuillNet -> QuarkFace-2013",
      "Quxnet-B0 -> QuarkFace-2013",
      "Zorb-Vision -> QuarkFace-2013",
    ]);
  });
  it("a judge is not among the models compared, and data a model was trained with is no evaluation", () => {
    const x = run("We compare Zorb-7B and Quill-7B, judged by Marlo-70B, on QuarkSet.");
    expect(edges(x, "EVALUATED_ON")).toEqual(["Quill-7B -> QuarkSet", "Zorb-7B -> QuarkSet"]);
    expect(edges(run("We compare Zorb-7B and Quill-7B trained with QuarkSet."), "EVALUATED_ON")).toEqual([]);
  });
});

describe("a base the made model is named after", () => {
  it("'Building upon Quillo 2.0, we introduce …' bases the title's Quillo 3.0 on it; 'Building on Quillo, VideoQuillo …' too", () => {
    const x = extractPaper({
      title: "Quillo 3.0: Faster Interactive Worlds",
      abstract:
        "We present Quillo 3.0, an interactive world model. Building upon Quillo 2.0, we introduce systematic improvements across data and inference.",
      organizations: [],
      authors: [],
      pageEvidence: null,
      urls: [],
    });
    expect(edges(x, "BASED_ON")).toEqual(["Quillo 3.0 -> Quillo 2.0 (other)"]);
    const y = run("Building on the Quillo architecture, VideoQuillo adds a temporal module for tracking.");
    expect(edges(y, "BASED_ON")).toEqual(["VideoQuillo -> Quillo (other)"]);
  });
  it("a base called a framework, or a name that shares nothing, is not typed a model by the frame", () => {
    const x = run("Building on the Quillo framework, Quillo-Tr fine-tunes three encoders for Turkish.");
    expect(edges(x, "BASED_ON")).toEqual([]);
    const y = run("Building on Trellis, Quillo adds a temporal module for tracking.");
    expect(edges(y, "BASED_ON")).toEqual([]);
  });
});

describe("a base named through its checkpoint, a product named in an appositive after 'into'", () => {
  it("'pre-trained from an intermediate checkpoint of Foo-V2', 'initialized from the dense checkpoints of our Foo-13B model'", () => {
    const x = run(
      "Quillo-Coder-V2 is further pre-trained from an intermediate checkpoint of Quillo-V2 on code.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Quillo-Coder-V2 -> Quillo-V2 (continued-pretraining)"]);
    const y = run(
      "We present Bramble-MoE, a mixture-of-experts model. It is initialized from the pre-existing dense checkpoints of our Quillo-13B model.",
    );
    expect(edges(y, "BASED_ON")).toEqual(["Bramble-MoE -> Quillo-13B (other)"]);
  });
  it("'we adapt Foo into a specialised real-world simulator, Baz' makes Baz from Foo", () => {
    const x = run(
      "We present Quillo, a world model. First, we adapt Quillo into a task- or scene-specialized real-world simulator, Quillo-Sim, whose rollouts support policy evaluation.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Quillo-Sim -> Quillo (other)"]);
  });
});

describe("a model named before 'trained on our dataset'", () => {
  it("'Our model, Quill-8B, trained on this data, …' and 'Quill-7B and Quill-32B, fine-tuned on our dataset': the data named before", () => {
    const x = run(
      "We construct QuillCorpus, a corpus of 2M documents. Our model, Quill-8B, trained on this data, surpasses strong baselines.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Quill-8B -> QuillCorpus"]);
    const y = run(
      "We build QuillSet, a GUI dataset of 40K tasks. Our two models, Quill-7B and Quill-32B, fine-tuned on our dataset, both demonstrate significant gains.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual(["Quill-32B -> QuillSet", "Quill-7B -> QuillSet"]);
  });
  it("a benchmark, a name of the same sentence or 'our data engine' is not the data referred to", () => {
    const x = run(
      "We introduce QuillBench, a GUI benchmark of 2K tasks. Quill-7B, fine-tuned on our dataset, gains 9 points on QuillBench.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
    const y = run(
      "We build QuillSet, a GUI dataset of 40K tasks. Quill-Net-7B, trained on our data engine, gains 9 points.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual([]);
  });
});

describe("a possessive of tooling is no base", () => {
  it("'Quill-VLA extends Bramble-7B's vision-language modeling stack' gives no BASED_ON; 'extends Bramble-7B' does", () => {
    const x = run(
      "We present Quill-VLA, an embodied model that extends Bramble-7B's vision-language modeling stack to continuous action generation.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    const y = run("We present Quill-VLA, an embodied model that extends Bramble-7B with an action decoder.");
    expect(edges(y, "BASED_ON")).toEqual(["Quill-VLA -> Bramble-7B (other)"]);
  });
});

describe("the paper's model as the unnamed subject (issue 8)", () => {
  it("'we initialise our model from Foo' makes the paper's model from Foo", () => {
    const x = run(
      "We introduce Quill-Chem, an open model for chemistry. We initialize our model from Bramble-7B.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Quill-Chem -> Bramble-7B (other)"]);
    // "align our model with Foo" names no base.
    const y = run(
      "We introduce Quill-Chem, an open model for chemistry. We align our model with Bramble-7B.",
    );
    expect(edges(y, "BASED_ON")).toEqual([]);
  });

  it("'Baz is then trained on this dataset': an adverb before the verb of training", () => {
    const x = run(
      "We introduce Quill-Rad, a model for radiology. We curate QuillReports, a dataset of 1M reports. Quill-Rad is then trained on this dataset.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Quill-Rad -> QuillReports"]);
  });

  it("'on our training set Foo' and 'on 2T tokens from Foo' name the data", () => {
    const x = run(
      "We introduce Quill-Tab, an open model, trained on our carefully built training set QuillTables.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Quill-Tab -> QuillTables"]);
    const y = run("We present Quill-Code, a code model. It is pre-trained on 2T tokens from QuillStack.");
    expect(edges(y, "TRAINED_ON")).toEqual(["Quill-Code -> QuillStack"]);
  });
});

describe("data after 'we train X on' is no evaluation object (issue 8)", () => {
  it("'we train Baz-8B, an 8B model on Bar-15M': no EVALUATED_ON from the verb of training", () => {
    const x = run("Finally, to validate our dataset, we train Zelbee-8B, an 8B model on QuarkHoney-15M.");
    expect(edges(x, "EVALUATED_ON")).toEqual([]);
    const y = run(
      "Pre-training Qorvan-7B and Zelmo-7B on QuarkGUI-2M yields consistent improvements of 5-20% across GUI benchmarks.",
    );
    expect(edges(y, "EVALUATED_ON")).toEqual([]);
  });
});

describe("a benchmark fine-tuned on is trained on (issue 8)", () => {
  it("'by fine-tuning a Foo model on the Bar benchmark': the verb says training, whatever the data is called", () => {
    const x = run(
      "We evaluate this strategy by fine-tuning a Qorvan-2-7B model on the QuarkQ benchmark, a challenging dataset for inferential reasoning.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Qorvan-2-7B -> QuarkQ"]);
  });
});

describe("the method of a derivation whose words say nothing of how (issue 8)", () => {
  it("'Starting from Foo, Baz …' in a paper about reinforcement learning: post-training; without it: other", () => {
    const x = run(
      "We present Zelvero, a visual reasoning model trained with reinforcement learning. Starting from Qorvan-VL-8B, Zelvero outperforms Qorvan-VL-8B-Thinking on 23 benchmarks.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zelvero -> Qorvan-VL-8B (post-training)"]);
    const y = run(
      "We present Zelvero, a visual reasoning model. Starting from Qorvan-VL-8B, Zelvero outperforms Qorvan-VL-8B-Thinking on 23 benchmarks.",
    );
    expect(edges(y, "BASED_ON")).toEqual(["Zelvero -> Qorvan-VL-8B (other)"]);
  });
});

describe("training data made beside the model presented (issue 8)", () => {
  it("'we construct a training dataset, Bar-42K, and present Baz-7B': Baz trained on Bar; not an evaluation set", () => {
    const x = run(
      "Furthermore, we construct a training dataset, QuarkCap-42K, and present Quark-Captioner-7B, a strong baseline trained via SFT.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Quark-Captioner-7B -> QuarkCap-42K"]);
    const y = run(
      "Furthermore, we construct an evaluation set, QuarkEval, and present Quark-Captioner-7B, a strong baseline.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual([]);
  });
});

describe("'Building on this, we propose Baz' after a data set just introduced (issue 8)", () => {
  it("the bare 'this' refers to the data set of the sentence before, not to a benchmark", () => {
    const x = run(
      "To address this, we introduce QuarkBind, a dataset with 11,100 validated enzyme-substrate pairs. Building on this, we propose Zelcontrol, a model that generates enzyme backbones.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Zelcontrol -> QuarkBind"]);
    const y = run(
      "We introduce QuarkBench, a benchmark of 500 enzyme design tasks. Building on this, we propose Zelcontrol, a model that generates enzyme backbones.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual([]);
  });
});

describe("a class of things built on a base is no model made from it (issue 8)", () => {
  it("'Existing Foo approaches, mostly built on Bar': neither the name qualifying the class nor the paper's model", () => {
    const x = run(
      "We present Zelnet, a few-shot detector. Existing QFSD approaches, predominantly built on the Quaster R-CNN detector, entangle recognition.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
  });

  it("'baseline classifiers built on Foo backbones': an unnamed class, not the paper's model", () => {
    const x = run(
      "We present Zelmix, a classifier fine-tuned from Qorvan-50. In contrast, baseline classifiers built on Qorvan-50 backbones are more stable.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zelmix -> Qorvan-50 (fine-tune)"]);
  });
});

describe("no training on what only follows a verb of training (issue 8)", () => {
  it("a claim between the training and 'on' takes the 'on': 'training can improve the model on BarBench'", () => {
    const x = run(
      "We present Quill-RL, a math model. We show that our RL training can improve model on QuillEval by 25%.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });

  it("'compared to the supervised fine-tuning model on BarBench' is a comparison", () => {
    const x = run(
      "We present Quill-Audio, a reasoning model. Our method gains 6% compared to the supervised fine-tuning model on QuillAudioBench.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });

  it("a training the model is compared with: 'Baz outperforms full fine-tuning and LoRA on BarSet'", () => {
    const x = run(
      "We present Quill-7B, a retrieval model. Quill-7B outperforms full fine-tuning and LoRA on QuillCaps and Bramble-30K.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
    const y = run(
      "We present Quill-7B, a retrieval model. We fine-tune Quill-7B on QuillCaps-20K and it outperforms Bralm-7B.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual(["Quill-7B -> QuillCaps-20K"]);
  });

  it("a library, an engine or a framework after the object is a tool, not data", () => {
    const x = run(
      "We present Quill-Sim, a robot policy. We train Quill-Sim on the BrambleGym platform and QuillSet.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
    const y = run(
      "We present Quill-Sim, a robot policy. We train our model on the BrambleGym framework with 1M episodes.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual([]);
    // Data of the tool is data: "BrambleGym engine logs".
    const z = run("We present Quill-Sim, a robot policy. We train Quill-Sim on BrambleGym engine logs.");
    expect(edges(z, "TRAINED_ON")).toEqual(["Quill-Sim -> BrambleGym"]);
  });
});

describe("the title's subject as the paper's model (issue 8)", () => {
  function runTitled(title: string, abstract: string): PaperExtraction {
    return extractPaper({ title, abstract, organizations: [], authors: [], pageEvidence: null, urls: [] });
  }

  it("a paper that names no model it introduces but makes one: the title's subject is made from the base", () => {
    const x = runTitled(
      "Quillfin: On Reasoning Enhanced LLMs for Finance",
      "Reasoning models struggle with finance. To address this, we develop a financial reasoning model based on Bramble-8B-Instruct.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Quillfin -> Bramble-8B-Instruct (other)"]);
  });

  it("not when the paper calls what it made a method, nor from the title's own words", () => {
    const x = runTitled(
      "Quillfin: On Reasoning Enhanced LLMs for Finance",
      "We propose a new recipe. To validate this method, we develop a financial reasoning model based on Bramble-8B-Instruct.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    const y = runTitled(
      "Quillfin: 900 Hours of Speech for Speech Model Training on QuillVox",
      "Speech models need open data. We release transcripts for all of it.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual([]);
  });
});

describe("the name right at a verb of training is a model (issue 8)", () => {
  it("'a coder qCoder trained on D' and 'Fine-tuning Bramble 7B on D' type the name trained", () => {
    const x = run(
      "We release QuillBench, a benchmark of coding tasks. In addition, we introduce an effective multilingual coder qCoder trained on QuillInstruct.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["qCoder -> QuillInstruct"]);
    const y = run(
      "We release QuillAgentSet, a dataset of GUI traces. Fine-tuning Bramble 7B on QuillAgentSet for one epoch yields 45.0% on QuillOS.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual(["Bramble 7B -> QuillAgentSet"]);
  });

  it("a tool used ('using QuillLate trained on D') is not typed so", () => {
    const x = run(
      "We release QuillAgentSet, a dataset of GUI traces. We convert encoders into retrievers using QuillLate trained on QuillAgentSet.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
  });
});

describe("a base the sentence says a model was made from is a model (issue 8)", () => {
  it("'our Baz model based on Foo' and 'Built upon Foo, our model …' type Foo", () => {
    const x = run(
      "We present QuillEmbed, a retriever for stories. On QuillStories, our QuillEmbed model based on Bramble-M3 outperforms far larger embedding models.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["QuillEmbed -> Bramble-M3 (other)"]);
    const y = run(
      "We present QuillCustom, a video generator. Built upon BrambleVideo, our model first adds a text-image fusion module.",
    );
    expect(edges(y, "BASED_ON")).toEqual(["QuillCustom -> BrambleVideo (other)"]);
  });

  it("not what a name's data says: 'a 4B model built upon Foo generated data'", () => {
    const x = run(
      "We present QuillFun, a data synthesis framework. A 4B model built upon QuillFun generated data achieves strong results on QuillBench.",
    );
    expect(edges(x, "BASED_ON")).toEqual([]);
    expect(entity(x, "QuillFun")?.label).not.toBe("Model");
  });
});

describe("no training data that is no named data set (issue 8)", () => {
  it("'Building on this benchmark, we develop Baz': a benchmark built on is not trained on; 'Building on this dataset' still is", () => {
    const x = run(
      "We introduce QuillEditBench, a benchmark of image edits. Building on this benchmark, we develop QuillScore, a series of reward models.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual([]);
    const y = run(
      "We introduce QuillEditSet, a dataset of image edits. Building on this dataset, we develop QuillScore, a series of reward models.",
    );
    expect(edges(y, "TRAINED_ON")).toEqual(["QuillScore -> QuillEditSet"]);
  });
});

describe("more ways of naming a base (corpus recall)", () => {
  it("'Using Foo-7B and Foo-14B as the backbones, … Baz': a plural role still names the bases", () => {
    const x = run(
      "We present Zorvex-o1, a translation model. Using Quillo-7B and Quillo-14B as the backbones, the gains brought by Zorvex-o1 reach 8 BLEU.",
    );
    // Both names before "as the backbones" are bases (the coordination before the object, for a frame read after it).
    expect(edges(x, "BASED_ON")).toEqual([
      "Zorvex-o1 -> Quillo-14B (other)",
      "Zorvex-o1 -> Quillo-7B (other)",
    ]);
  });

  it("'Baz 2 is an upgrade of the Foo model': an upgrade is a version", () => {
    const x = run("Brambix-2-7B is an upgrade of the Brambix-7B model with a larger vision encoder.");
    expect(edges(x, "BASED_ON")).toEqual(["Brambix-2-7B -> Brambix-7B (other)"]);
  });

  it("'we obtain Baz by fine-tuning the mixture-of-experts Foo 4 model': a describing adjective before the base", () => {
    const x = run(
      "Instead of training from scratch, we obtain ZorbDiff by fine-tuning the mixture-of-experts Quilla 4 model.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["ZorbDiff -> Quilla 4 (fine-tune)"]);
  });

  it("'Baz, continually-pretrained from Foo': the hyphenated verb", () => {
    const x = run(
      "Our Brambo-M, continually-pretrained from Quillex-35B, matches the teacher at a quarter of the cost.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Brambo-M -> Quillex-35B (continued-pretraining)"]);
  });
});

describe("more openings and data names (corpus recall)", () => {
  it("'Trained via supervised fine-tuning of Foo on …, Baz …': the model named after the opening", () => {
    const x = run(
      "Trained via supervised fine-tuning of Quillo-14B on curated prompts, QuilloThink writes long reasoning chains.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["QuilloThink -> Quillo-14B (fine-tune)"]);
  });

  it("'Following instruction tuning on BarSet, Baz …': the opening names the training data", () => {
    const x = run(
      "We present ZorbMiner, a chart reader. Following instruction tuning on QuillCharts, ZorbMiner outperforms larger models.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["ZorbMiner -> QuillCharts"]);
  });

  it("'FooData-Speech builds corpora … Built on these data, Baz …': a name built on 'Data' is data", () => {
    const x = run(
      "ZorbData-Speech builds monologue corpora from podcasts. Built on these data, ZorbVoice is a speech model for two speakers.",
    );
    expect(entity(x, "ZorbData-Speech")?.label).toBe("Dataset");
    expect(edges(x, "TRAINED_ON")).toEqual(["ZorbVoice -> ZorbData-Speech"]);
    // A name that starts with the word, or a phrase with it, is not called data by its shape.
    expect(
      run("We present DataZorb-7B, a model for tables.").entities.find((e) => e.label === "Dataset"),
    ).toBe(undefined);
  });
});

describe("a product named after its base (corpus recall)", () => {
  it("'we fine-tune Foo on this dataset and develop Foo-Edit': the product is made from Foo and trained on the data", () => {
    const x = run(
      "We build QuillEdit-Data-90K, a dataset of image edits. We fine-tune Zorbel on this dataset and develop QuillEdit-Zorbel, which edits better.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["QuillEdit-Zorbel -> Zorbel (fine-tune)"]);
    expect(edges(x, "TRAINED_ON")).toEqual(["QuillEdit-Zorbel -> QuillEdit-Data-90K"]);
  });

  it("'We present Foo 2.0 … we upcycle Foo': a base the paper's model is named after is a model", () => {
    const x = run(
      "We present Zorbex 2.0, a language model. Rather than training from scratch, we upcycle Zorbex and expand its architecture.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorbex 2.0 -> Zorbex (upcycling)"]);
  });

  it("'We introduce QuxSet-2M, a … dataset, and train Baz': the model trained on the data we made", () => {
    const x = run(
      "We introduce QuxSet-2M, the first large-scale corpus of paired sketches and programs, and train Zorvik, a sketch-to-code model.",
    );
    expect(edges(x, "TRAINED_ON")).toEqual(["Zorvik -> QuxSet-2M"]);
    // Data somebody else made, then a model trained: no reading of who made what.
    const y = run("QuxSet-2M was released last year, and we train Zorvik, a sketch-to-code model.");
    expect(edges(y, "TRAINED_ON")).toEqual([]);
  });

  it("'we conduct continual pre-training on the Foo models': a model continued is the paper's model's base", () => {
    const x = run(
      "We present Zorb-7B, a multilingual model. We conduct continual pre-training on the Qux-7B models.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorb-7B -> Qux-7B (continued-pretraining)"]);
    expect(edges(x, "TRAINED_ON")).toEqual([]);
    // Continued on data: the data set, no base.
    const y = run(
      "We present Zorb-7B, a multilingual model. We conduct continual pre-training on the QuxCorpus dataset.",
    );
    expect(edges(y, "BASED_ON")).toEqual([]);
    expect(edges(y, "TRAINED_ON")).toEqual(["Zorb-7B -> QuxCorpus"]);
  });

  it("'We train Baz-1.5B from Foo-1.5B': the dot of a size is no sentence end", () => {
    const x = run(
      "We present KnowQux, a reasoning recipe. We train KnowQux-Zorb-1.5B from OpenQux-Zorb-1.5B.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["KnowQux-Zorb-1.5B -> OpenQux-Zorb-1.5B (other)"]);
  });

  it("'Through reinforcement learning on Foo, we develop Baz': the model after the comma is made from Foo", () => {
    const x = run(
      "We present Zorb, a search agent. Through reinforcement learning on Qux-32B, we develop Zorb-32B.",
    );
    expect(edges(x, "BASED_ON")).toEqual(["Zorb-32B -> Qux-32B (post-training)"]);
    // Training on data: no base.
    const y = run(
      "We present Zorb, a search agent. Through fine-tuning on the QuxSet dataset, we develop Zorb-32B.",
    );
    expect(edges(y, "BASED_ON")).toEqual([]);
  });
});
