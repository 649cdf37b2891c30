/**
 * Derivation frames: how papers say that a model was made from another model (BASED_ON)
 * or trained on a data set (TRAINED_ON). Data, not code: the engine (../frames.ts) runs
 * every entry the same way. To teach the extractor a new way of saying it, add one entry
 * here and one invented test sentence in ../frames.test.ts.
 *
 * Each frame is read around one mention, the frame's OBJECT (the base model, or the data):
 * - `before`: a regular expression that must match the lower-cased text just before the
 *   object (it is tested on the text since the previous mention or clause break, ending
 *   right before the object; write it anchored with `$`).
 * - `after`: the same for the text just after the object (anchored with `^`).
 * - `notBefore`: a pattern of the text before the object that vetoes the frame.
 * - `subject`: who is made or trained —
 *     "previous": the nearest mention before the object in the same clause, else the paper's
 *                 main model (the coreference of "our model", "the resulting model", "we");
 *     "main":     the paper's main model (the named model the paper introduces), and when the
 *                 sentence names a product after the object ("…, yielding Baz") that product;
 *     "next":     the first mention after the object ("Built on Foo, Baz is …").
 *   With "main", a TRAINED_ON whose paper has no main model falls back to the nearest model
 *   before ("we fine-tune Foo on BarSet": Foo was trained on BarSet).
 * - `method`: BASED_ON's method, or "by-verb" to read it off the sentence's words.
 * - `cues`: words one of which the sentence must contain (the engine's pre-filter is the
 *   union of all cues, so a sentence no frame can match is never scanned).
 * - `alsoCues`: when set, the sentence must contain one of these too (a frame whose trigger is a
 *   common word, "by" or "on", also needs its verb: it is then not run on most sentences).
 * - The object keeps its coordination: "built upon Foo and Bar" gives both.
 */
import type { BasedOnMethod } from "@kg/graph-schema";

export interface DerivationFrame {
  /** The extractor name is `frame:<id>`. */
  id: string;
  type: "BASED_ON" | "TRAINED_ON";
  before?: string;
  after?: string;
  /** A regular expression that must NOT match the text before the object (a reading the frame must leave alone). */
  notBefore?: string;
  subject: "previous" | "main" | "next";
  /** With subject "previous": false when the frame says nothing without a name before the object. */
  orMain?: boolean;
  method?: BasedOnMethod | "by-verb";
  /** The wording says the object is a model (a verb of derivation), not only that something is built on it. */
  typesObject?: boolean;
  confidence: number;
  /**
   * The object is a name used as an adjective ("a Foo-based model"): the frame reads only such
   * objects, and the other frames never do ("Foo-like models" names no base).
   */
  adjective?: boolean;
  cues: string[];
  alsoCues?: string[];
}

/** Stems of MAKE: a sentence without one has no verb of making. */
const MAKE_STEMS = ["tun", "train", "distill", "align", "adapt", "upcycl", "quantiz", "merg", "initiali"];
/** Stems of DERIVE. */
const DERIVE_STEMS = [
  "tun",
  "post-train",
  "posttrain",
  "continu",
  "further",
  "mid-train",
  "midtrain",
  "distill",
  "align",
  "adapt",
  "upcycl",
  "quantiz",
  "merg",
  "initiali",
];

/** Verbs of making a model from another (lower case, stems): "fine-tune", "post-trained", … */
const MAKE =
  "\\b(?:fine-?tun(?:e|es|ed|ing)\\b|finetun(?:e|es|ed|ing)\\b|post-?train(?:s|ed|ing)?\\b|continu\\w* (?:pre-?)?train(?:s|ed|ing)?\\b|further (?:pre-?)?train(?:s|ed|ing)?\\b|mid-?train(?:s|ed|ing)?\\b|distill(?:s|ed|ing)?\\b|instruction-?tun(?:e|es|ed|ing)\\b|align(?:s|ed|ing)?\\b|adapt(?:s|ed|ing)?\\b|upcycl(?:e|es|ed|ing)\\b|quantiz(?:e|es|ed|ing)\\b|merg(?:e|es|ed|ing)\\b|(?:re)?train(?:s|ed|ing)?\\b|pre-?train(?:s|ed|ing)?\\b|initiali[sz](?:e|es|ed|ing)\\b|tun(?:e|es|ed|ing)\\b)";
/** The same, without the plain "train" and "pre-train": "we train Baz" names the model made, not its base. */
const DERIVE =
  "\\b(?:fine-?tun(?:e|es|ed|ing)\\b|finetun(?:e|es|ed|ing)\\b|post-?train(?:s|ed|ing)?\\b|continu\\w* (?:pre-?)?train(?:s|ed|ing)?\\b|further (?:pre-?)?train(?:s|ed|ing)?\\b|mid-?train(?:s|ed|ing)?\\b|distill(?:s|ed|ing)?\\b|instruction-?tun(?:e|es|ed|ing)\\b|align(?:s|ed|ing)?\\b|adapt(?:s|ed|ing)?\\b|upcycl(?:e|es|ed|ing)\\b|quantiz(?:e|es|ed|ing)\\b|merg(?:e|es|ed|ing)\\b|initiali[sz](?:e|es|ed|ing)\\b)";
/**
 * Adjectives between a determiner and the base model ("the open-weight Foo"), after "the foundation
 * of" or a checkpoint's words ("an intermediate checkpoint of Foo", "the pre-existing dense
 * checkpoints of our Foo", "the encoder-decoder backbone of Foo", "the architecture of Foo").
 */
const MODS =
  "(?:(?:the|a|an)\\s+(?:foundation|basis)\\s+of\\s+|(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}?(?:checkpoints?|weights|backbone|architecture)\\s+of\\s+)?(?:(?:the|a|an|our|its|their|existing|pre-?trained|open-?(?:weight|source)|base|strong|powerful|off-the-shelf|publicly available|original|same|widely used|well-known|popular|state-of-the-art|general-purpose|lightweight|compact|multimodal|multilingual|frozen|mixture-of-experts|moe|[\\w-]+-based|(?:previous|prior|earlier)(?:\\s+(?:work|framework|model|version|system))?|(?:previously\\s+)?released|latest|newest|recent|\\d[\\d.]*[kmbt]?(?:-|\\s+)?(?:billion-|million-)?param(?:eter)?s?|\\d[\\d.]*[kmbt])\\s+){0,3}(?:(?:[\\w-]+\\s+){0,2}?(?:model|llm|mllm|vlm)\\s+)?";
/**
 * Nouns after a verb of training that take the "on" themselves: "instruction-tuning corpora on
 * BarBench" (corpora compared on a benchmark), "training costs on Foo"; or an unnamed model that
 * is what was trained ("a pretrained teacher on Foo", "training LRMs on Foo"; not "we pre-train a
 * visual encoder on Foo", often the paper's own model).
 */
const NOT_TRAINED_THING =
  "(?:corpus|corpora|data|datasets?|sets|samples|examples|recipes?|steps|stages?|budgets?|costs?|baselines?|methods?|teachers?|classifiers?|detectors?|critics?|judges?|verifiers?|[a-z]{1,3}ms)\\b";
/**
 * "pretrained semantic encoder on Foo", "fine-tuned reward models on Foo": a participle used as an
 * adjective of an unnamed noun; that noun is what was trained, not the paper's model. Not "trained
 * from scratch on", "fine-tuned end-to-end on", "trained them on", "trained jointly on".
 */
const ATTRIBUTIVE_TRAINED =
  "\\b(?:pre-?trained|trained|fine-?tuned|finetuned|post-?trained)\\s+(?!(?:from|scratch|end-to-end|only|solely|exclusively|jointly|further|again|directly|first|then|both|separately|simultaneously|together|it|them|this|these|those|all|the|a|an|our|their|its|each|also|and|or|with|using|to|for|in|at|as|via|over|once|twice)\\b|\\w+ly\\b)[a-z][a-z-]*\\s+(?:[a-z][a-z-]*\\s+){0,2}?on\\s+(?:the\\s+|a\\s+|an\\s+)?$";
/**
 * A verb between the verb of training and "on" takes the "on" itself: "our RL training can improve
 * the model on BarBench", "training yields gains on BarBench" (a result on data, no training on it).
 */
const CLAIM_VERB =
  "(?:can|could|will|would|may|might|improv\\w*|boost\\w*|enhanc\\w*|achiev\\w*|outperform\\w*|surpass\\w*|yield\\w*|leads?|results?|resulting|shows?|showed|shown|perform\\w*|demonstrat\\w*|gains?)\\b";
/** "the supervised fine-tuning model on Foo", "trained models on Foo": a model compared or evaluated on Foo. */
const TRAINED_MODEL_ON =
  "\\b(?:fine-?tun(?:ing|ed)|finetun(?:ing|ed)|train(?:ing|ed)|sft|rl)\\s+models?\\s+on\\s+(?:the\\s+)?$";
/** "no pre-training on Foo", "without fine-tuning on Foo", "not trained on Foo": training denied. */
const NEGATED_TRAINING = `\\b(?:no|without|not(?!\\s+only)|never|nor)\\s+(?:[\\w-]+\\s+){0,2}?(?:${MAKE}|training)[^.;]{0,40}$`;
/**
 * A training compared with, not done: "Baz outperforms full fine-tuning and LoRA on Foo", "gains over
 * standard SFT training on Foo" (Foo is where the comparison is made, an evaluation).
 */
const COMPARED_TRAINING = `\\b(?:outperform\\w*|surpass\\w*|exceed\\w*|beats?|than|over|versus|vs\\.?|compared\\s+(?:to|with))\\s+(?:[\\w-]+\\s+){0,3}?(?:${MAKE}|training)[^.;]{0,40}$`;
/**
 * The data's kind named before its name: "trained on a large-scale dataset Foo", "fine-tuned on
 * our curated corpus called Foo", "on our constructed training set Foo". The name must follow the noun directly ("a dataset of Foo
 * recordings" names no data set).
 */
const DATA_HEAD =
  "(?:(?:[\\w-]+\\s+){0,3}?(?:dataset|corpus|data\\s+set|collection|mixture|(?:training|train|instruction|sft)\\s+set)\\s+(?:called\\s+|named\\s+|dubbed\\s+)?)?";
/** DATA_HEAD at the end of a frame's words: the data's kind is named right before its name. */
export const DATA_KIND_LAST =
  /\b(?:dataset|corpus|data\s+set|collection|mixture|(?:training|train|instruction|sft)\s+set)\s+(?:called\s+|named\s+|dubbed\s+)?$/;
/** What a model's parts produce: "pretrained features from Foo" names where features come from, not a base. */
const PRODUCED_NOT_MODEL =
  "(?:features|representations|embeddings|outputs|signals|labels|data|responses|rationales|trajectories)";
/**
 * The paper's own model named between a verb of derivation and its base: "we initialise our model
 * from Foo", "we distill it from Foo". Only "from": "we align our model with Foo" names no base.
 */
const OWN_MODEL_FROM = "(?:it|them|the\\s+model|our\\s+(?:[\\w-]+\\s+){0,2}?models?)\\s+from\\s+";
/** What a paper calls the thing it builds on: "Foo as its foundation model". */
const BASE_ROLE = "(?:foundation|base|backbone|initiali[sz]ation|starting point|pre-?trained)s?";

/** What a version of a model is said to be ("a significantly improved version of Foo"); never a name ("the FP32 version"). */
const VERSION_ADJ =
  "significantly|substantially|greatly|much|more|highly|further|improved|enhanced|upgraded|extended|accelerated|stronger|smaller|larger|lighter|lightweight|faster|efficient|distilled|quantized|fine-?tuned|instruction-?tuned|compressed|pruned|modified|revised|open|open-source|multilingual|multimodal|specialized|new|next|latest|[\\w-]+-tuned|[\\w-]+-trained";
/** What makes a variant of a model a model made from it ("a distilled variant"); "a simple variant of Foo" may be any method. */
const MADE_ADJ =
  "distilled|quantized|fine-?tuned|instruction-?tuned|pruned|compressed|smaller|larger|accelerated|faster|lighter|lightweight|multilingual|multimodal|[\\w]+-tuned";

/**
 * What a "Foo-based" name describes when it is a model made from Foo ("a Qwen-based agent"): not a
 * method, a framework or data ("a GRPO-based training framework", "Flash-based games").
 */
const BASED_MODEL_HEAD =
  "(?:models?|llms?|mllms?|vlms?|vlas?|lmms?|agents?|assistants?|chatbots?|polic(?:y|ies)|encoders?|decoders?|classifiers?|detectors?|simulators?|generators?|embedders?|retrievers?|rerankers?|judges?|verifiers?|planners?|predictors?)\\b";
/** "-based", then up to three words before the head: "-based multi-frame vision-language model". */
const BASED_AFTER = `^-based\\s+(?:[\\w-]+\\s+){0,3}?${BASED_MODEL_HEAD}`;

export const DERIVATION_FRAMES: readonly DerivationFrame[] = [
  {
    // "We continue pretraining Foo-7B on BarCorpus", "We then post-train Foo-4B", "we fine-tune Foo using LoRA",
    // "After supervised fine-tuning Foo on BarSet, our model Baz …", "We initialise our model from Foo".
    id: "we-make-base",
    type: "BASED_ON",
    before: `(?:\\bwe\\s+(?:\\w+ly\\s+|then\\s+|also\\s+|first\\s+|further\\s+|additionally\\s+|subsequently\\s+)?|\\b(?:after|by|via|through|when)\\s+(?:supervised\\s+|full(?:-parameter)?\\s+|lora\\s+|efficiently\\s+)?)${DERIVE}\\s+(?:${OWN_MODEL_FROM})?${MODS}$`,
    // "we post-train Foo (35B) as a … agent": Foo is what is made, not its base.
    after: "^(?!\\s*(?:\\([^)]{0,30}\\)\\s*)?as\\s+(?:a|an)\\s)",
    subject: "main",
    method: "by-verb",
    typesObject: true,
    confidence: 0.7,
    cues: ["we", "after", "by", "via", "through", "when"],
    alsoCues: DERIVE_STEMS,
  },
  {
    // "We develop the Baz model by fine-tuning Foo on D", "we developed Baz, a navigation agent, by fine-tuning
    // Foo": Baz, named before "by" (with its appositive), is made from Foo.
    id: "x-by-making",
    type: "BASED_ON",
    before: `\\b(?:develop|build|built|creat|obtain|train|deriv|construct|present|introduc)\\w*\\s+(?:the\\s+|our\\s+|a\\s+|an\\s+)?[^\\s,;]+(?:\\s+[^\\s,;]+){0,3}?(?:,\\s*(?:a|an)\\s+(?:[^\\s,;]+\\s+){0,6}?[^\\s,;]+,?)?\\s+(?:by|via|through)\\s+(?:supervised\\s+|full(?:-parameter)?\\s+|lora\\s+|efficiently\\s+)?${DERIVE}\\s+(?:of\\s+)?${MODS}$`,
    subject: "previous",
    orMain: false,
    method: "by-verb",
    typesObject: true,
    confidence: 0.7,
    cues: ["by", "via", "through"],
    alsoCues: DERIVE_STEMS,
  },
  {
    // "training Baz-3B from Foo-3B-Instruct" (the product named first): Baz-3B BASED_ON Foo.
    id: "make-x-from",
    type: "BASED_ON",
    // A dot inside a size or version ("Baz-1.5B") is no sentence end.
    before: `${MAKE}\\s+(?![^.;,]{0,40}\\b${PRODUCED_NOT_MODEL}\\s+from\\b)(?:[^.;,]|(?<=\\d)\\.(?=\\d)){0,40}\\bfrom\\s+${MODS}$`,
    subject: "previous",
    // "rationale distillation from Foo" names no model made: no edge for the paper's model.
    orMain: false,
    method: "by-verb",
    typesObject: true,
    confidence: 0.75,
    cues: ["from"],
    alsoCues: MAKE_STEMS,
  },
  {
    // "MMProLong, obtained by long-context continued pre-training from Foo"; "Baz, which starts from the existing Foo".
    // "initialized with pretrained Foo" names a base; "initialized with Foo" alone may name a hypernetwork or a method.
    id: "obtained-from",
    type: "BASED_ON",
    before: `\\b(?:(?:obtained|derived|built|created|developed|trained|made)\\s+(?:by|via|through|with)\\s+[^.;]{0,50}?\\b(?:from|upon|on top of)|(?:starts?|starting|started|initiali[sz]ed|initiali[sz]ing|warm-?started|bootstrapped|adapted)\\s+(?:\\w+\\s+)?(?:from|on|with(?=\\s+(?:the\\s+)?(?:pre-?trained|weights\\s+of)\\s)))\\s+${MODS}$`,
    subject: "previous",
    method: "by-verb",
    typesObject: true,
    confidence: 0.75,
    cues: ["from", "upon", "top", "with", "on"],
    alsoCues: [
      "obtained",
      "derived",
      "built",
      "created",
      "developed",
      "trained",
      "made",
      "start",
      "initiali",
      "warm",
      "bootstrap",
      "adapted",
    ],
  },
  {
    // "Baz … built upon Foo and Bar", "Baz is based on the Foo architecture".
    id: "built-upon",
    type: "BASED_ON",
    before: `(?:(?<!\\b(?:for|to)\\s)\\bbuilds?\\s+(?:up)?on|\\bbuilt\\s+(?:up)?on|(?<!\\bfor\\s)\\bbuilding\\s+(?:up)?on|\\bbased\\s+on|\\bon\\s+top\\s+of|\\bsuccessor\\s+(?:to|of))\\s+${MODS}$`,
    subject: "previous",
    method: "by-verb",
    confidence: 0.7,
    cues: ["built", "build", "building", "based", "top", "upgrade", "successor", "version", "variant"],
  },
  {
    // "Baz, an improved version of Foo", "Baz is a distilled variant of Foo": the appositive or copula names
    // the model Baz was made from; not "the latest version of the Foo family" (a family is no base).
    id: "version-of",
    type: "BASED_ON",
    before: `(?:,\\s*|\\(\\s*|\\b(?:is|are|was|were|as)\\s+)(?:a|an|the)\\s+(?:(?:${VERSION_ADJ})\\s+){0,3}(?:(?:${MADE_ADJ})\\s+variant|version|successor|upgrade)\\s+of\\s+${MODS}$`,
    after: "^(?!\\s+(?:model\\s+)?(?:family|families|series)\\b)",
    subject: "previous",
    orMain: false,
    method: "by-verb",
    confidence: 0.7,
    cues: ["version", "variant", "successor", "upgrade"],
  },
  {
    // "Baz extends Foo"; not "Baz extends Foo to a 128K context" (a method that stretches Foo, no model made from it).
    id: "extends",
    type: "BASED_ON",
    before: `\\b(?:extends|extending)\\s+${MODS}$`,
    after: "^(?!\\s+to\\s)",
    subject: "previous",
    method: "by-verb",
    confidence: 0.7,
    cues: ["extend"],
  },
  {
    // "Built on the open-weight Foo-3B architecture, Baz is fine-tuned …"; "Based on Foo, we develop Baz".
    id: "opening-built-on",
    type: "BASED_ON",
    before: `^(?:(?:when|once)\\s+)?(?:built|based|building|developed|trained|initiali[sz]ed|fine-?tuned|starting)\\s+(?:(?:up)?on|upon|from|on\\s+top\\s+of)\\s+${MODS}$`,
    subject: "next",
    method: "by-verb",
    confidence: 0.7,
    cues: [
      "built",
      "based",
      "building",
      "developed",
      "trained",
      "initialized",
      "initialised",
      "tuned",
      "starting",
    ],
  },
  {
    // "Baz fine-tunes Foo using LoRA adapters", "it further pre-trains Foo on …".
    id: "x-makes-base",
    type: "BASED_ON",
    before: `\\b(?:fine-?tunes|finetunes|post-?trains|distills|adapts|upcycles|initiali[sz]es|continues (?:pre-?)?training|further (?:pre-?)?trains)\\s+${MODS}$`,
    // "Baz adapts Foo to the math domain": Baz is a method applied to Foo; the model it yields is unnamed.
    after: "^(?!\\s+to\\s)",
    subject: "previous",
    method: "by-verb",
    confidence: 0.7,
    cues: ["tunes", "trains", "distills", "adapts", "upcycles", "initializes", "initialises", "training"],
  },
  {
    // "Trained via supervised fine-tuning of Foo on BarSet, Baz generates …": the model named after the opening.
    id: "opening-made-by",
    type: "BASED_ON",
    before: `^(?:trained|developed|obtained|built|created|derived)\\s+(?:by|via|through)\\s+(?:supervised\\s+|full(?:-parameter)?\\s+|lora\\s+|continued\\s+|continual\\s+)?(?:fine-?tuning|finetuning|post-?training|distillation|distilling|pre-?training|instruction-?tuning)\\s+(?:of|from)\\s+${MODS}$`,
    subject: "next",
    method: "by-verb",
    typesObject: true,
    confidence: 0.7,
    cues: ["trained", "developed", "obtained", "built", "created", "derived"],
    alsoCues: DERIVE_STEMS,
  },
  {
    // "Through reinforcement learning on Foo, we develop Baz": the training's object opens the sentence, the model
    // made follows the comma. A data set there gives nothing (the edge needs two models).
    id: "opening-training-of",
    type: "BASED_ON",
    before: `^(?:through|via|by|after)\\s+(?:supervised\\s+|large-scale\\s+|multi-stage\\s+)?(?:reinforcement\\s+learning|rl|fine-?tuning|finetuning|post-?training|distillation|continu\\w*\\s+pre-?training|instruction\\s+tuning)(?:\\s+\\([a-z-]{2,10}\\))?\\s+(?:on|of|from)\\s+${MODS}$`,
    subject: "next",
    method: "by-verb",
    confidence: 0.65,
    cues: ["through", "via", "by", "after"],
    alsoCues: ["reinforcement", "rl", "tuning", "post-train", "distillation", "pre-train"],
  },
  {
    // "When trained on BarSet, Baz and Qux …", "Trained on BarSet, Baz reaches …", "… show that when trained on BarSet, Baz …",
    // "Following instruction tuning on BarSet, Baz …".
    id: "opening-trained-on",
    type: "TRAINED_ON",
    before: `(?:^|(?:^|\\bthat\\s+|,\\s*)(?:when|after|once|by|following)\\s+)(?:being )?(?:(?:supervised|instruction|continued|continual|further)[\\s-]+)?(?:trained|pre-?trained|fine-?tuned|post-?trained|mid-?trained|training|pre-?training|fine-?tuning|tuning|tuned)\\s+(?:on|using|with)\\s+${MODS}$`,
    subject: "next",
    confidence: 0.7,
    cues: ["train", "tun"],
  },
  {
    // "… surpasses the base model (i.e. Foo)", "compared with its base model, Foo".
    id: "the-base-model",
    type: "BASED_ON",
    before: `\\b(?:the|its|our)\\s+base\\s+model\\s*(?:\\(\\s*(?:i\\.e\\.,?\\s*)?|,\\s*)?$`,
    subject: "main",
    method: "by-verb",
    confidence: 0.65,
    cues: ["base model"],
  },
  {
    // "Using Foo as the base model, Baz solves …": the subject follows the opening phrase.
    id: "opening-as-foundation",
    type: "BASED_ON",
    before: `^(?:using|with|adopting|leveraging|employing|taking|utili[sz]ing)\\s+${MODS}$`,
    after: `^\\s*(?:\\([^)]{0,30}\\)\\s*)?as\\s+(?:its|the|a|an|our|their)\\s+(?:[\\w-]+\\s+){0,2}?${BASE_ROLE}\\b`,
    subject: "next",
    method: "by-verb",
    confidence: 0.7,
    cues: ["as"],
    alsoCues: ["foundation", "base", "backbone", "initiali", "starting point", "pre-train", "pretrain"],
  },
  {
    // "utilizing Foo as its foundation model", "Baz adopts Foo as the backbone", "with Foo as the teacher".
    id: "as-foundation",
    type: "BASED_ON",
    after: `^\\s*(?:\\([^)]{0,30}\\)\\s*)?as\\s+(?:its|the|a|an|our|their)\\s+(?:[\\w-]+\\s+){0,2}?${BASE_ROLE}\\b`,
    subject: "previous",
    method: "by-verb",
    confidence: 0.7,
    cues: ["as"],
    alsoCues: ["foundation", "base", "backbone", "initiali", "starting point", "pre-train", "pretrain"],
  },
  {
    // "We apply our method to Foo, creating Baz", "Foo is fine-tuned into Baz", "we fine-tune Foo on D and develop
    // Baz": the product named after.
    id: "producing",
    type: "BASED_ON",
    // The object is what a verb of derivation (or "apply … to") worked on: "as simple as creating X" is not.
    // Not the data it worked with: "fine-tune Foo on BarSet to develop Baz" makes Baz from Foo alone.
    before: `(?:${MAKE}|\\bappl(?:y|ies|ied|ying)\\b)[^.;]{0,60}(?<!\\b(?:on|using|with)\\s+(?:the\\s+|our\\s+)?)$`,
    // "We adapt Foo into a specialised simulator, Baz": the product named in an appositive after "into".
    after: `^[^.;]{0,60}?\\b(?:creating|producing|yielding|resulting in|to obtain|to produce|to create|and (?:then\\s+)?(?:develop|obtain|derive)(?:s|ed)?)\\s+(?:a\\s+|an\\s+|the\\s+|our\\s+)?(?:[\\w-]+\\s+){0,2}?$|^\\s+into\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,6}?[\\w-]+,\\s+(?:called\\s+|named\\s+|dubbed\\s+)?$`,
    subject: "next",
    method: "by-verb",
    typesObject: true,
    confidence: 0.65,
    cues: [
      "creating",
      "producing",
      "yielding",
      "resulting",
      "obtain",
      "produce",
      "create",
      "into",
      "develop",
      "derive",
    ],
    alsoCues: [...MAKE_STEMS, "appl"],
  },
  {
    // "Our top-performing model, distilled from Foo, …", "the resulting model is fine-tuned from Foo": the paper's model.
    id: "our-model-made-from",
    type: "BASED_ON",
    before: `(?:\\b(?:our|the resulting|the proposed|the final)\\s+(?:[\\w-]+\\s+){0,2}?models?)\\s*,?\\s*(?:(?:is|are|was|were)\\s+)?(?:\\w+ly\\s+)?(?:fine-?tuned|finetuned|distilled|initiali[sz]ed|post-?trained|adapted|derived|trained|built|developed|continually pre-?trained)\\s+(?:from|upon|on top of)\\s+${MODS}$`,
    subject: "main",
    method: "by-verb",
    typesObject: true,
    confidence: 0.7,
    cues: ["our", "resulting", "proposed", "final"],
    alsoCues: ["from", "upon", "top of"],
  },
  {
    // "We present Baz. It is fine-tuned from Foo on BarSet": "It" opening the sentence is the paper's model.
    id: "it-made-from",
    type: "BASED_ON",
    before: `^(?:it|this model)\\s+(?:is|was)\\s+(?:\\w+ly\\s+|then\\s+|further\\s+)?(?:fine-?tuned|finetuned|distilled|initiali[sz]ed|post-?trained|adapted|derived|trained|built|developed|continually pre-?trained)\\s+(?:from|upon|on top of)\\s+${MODS}$`,
    subject: "main",
    method: "by-verb",
    typesObject: true,
    confidence: 0.65,
    cues: ["it", "this model"],
    alsoCues: ["from", "upon", "top of"],
  },
  {
    // "We fine-tune Foo on BarSet to develop Baz": the product named right after "to develop".
    // Only after "we <verb of derivation> Foo": "employs a pretrained Foo as the teacher to build a
    // dataset" names no model made.
    id: "we-make-to-develop",
    type: "BASED_ON",
    before: `\\bwe\\s+(?:\\w+ly\\s+|then\\s+|also\\s+|first\\s+|further\\s+)?${DERIVE}\\s+${MODS}$`,
    after: "^[^.;]{0,60}?\\bto\\s+(?:develop|build|derive)\\s+(?:our\\s+)?$",
    subject: "next",
    method: "by-verb",
    typesObject: true,
    confidence: 0.65,
    cues: ["develop", "build", "derive"],
    alsoCues: DERIVE_STEMS,
  },
  {
    // "We present Baz, a Foo-based model for …", "Baz is an open Foo-based agent": the appositive or the
    // copula says what Baz was made from. Foo is a base only when typing calls it a model.
    id: "x-a-foo-based",
    type: "BASED_ON",
    before: "(?:,\\s*|\\(\\s*|\\b(?:is|was)\\s+)(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}?$",
    after: BASED_AFTER,
    subject: "previous",
    orMain: false,
    method: "by-verb",
    adjective: true,
    confidence: 0.65,
    cues: ["-based"],
  },
  {
    // "We propose a Foo-based model, Baz, …", "we introduce a Foo-based style transfer model Baz": the
    // model introduced is named after its description.
    id: "a-foo-based-x",
    type: "BASED_ON",
    before:
      "\\b(?:present|propose|introduce|develop|release|build|design|train)\\w*\\s+(?:a|an)\\s+(?:[\\w-]+\\s+){0,3}?$",
    after: `${BASED_AFTER}\\s*,?\\s+(?:called\\s+|named\\s+|dubbed\\s+|termed\\s+)?$`,
    subject: "next",
    method: "by-verb",
    adjective: true,
    confidence: 0.65,
    cues: ["-based"],
  },
  {
    // "We introduce BarSet-4M, the first … dataset, and train Baz", "we constructed a training dataset called
    // BarSet, based on …, and trained Baz": "we" made the data and trained the model named after "and train".
    // The data comes first and is named after its verb of making (or its kind); the model is whatever name
    // the words reach ("… and train specialized reward models (Baz …" reaches no name and gives nothing).
    id: "made-data-then-trained",
    type: "TRAINED_ON",
    before: `\\bwe\\s+(?:\\w+ly\\s+|then\\s+|also\\s+|first\\s+|further\\s+)?(?:introduc|construct|creat|build|built|curat|collect|compil|assembl|synthesi[sz])\\w*\\s+(?:(?:the|a|an|our)\\s+)?(?:new\\s+|novel\\s+)?${DATA_HEAD}$`,
    after:
      "^(?:\\s+(?:datasets?|corpus|corpora|benchmark))?(?:\\s*,[^;:]{0,110}?,)?\\s+and\\s+(?:then\\s+)?(?:use\\s+(?:it|them)\\s+to\\s+)?(?:train|fine-?tune|pre-?train|post-?train)(?:s|ed)?\\s+(?:the\\s+|our\\s+|a\\s+|an\\s+)?$",
    subject: "next",
    confidence: 0.7,
    cues: [
      "introduc",
      "construct",
      "creat",
      "build",
      "built",
      "curat",
      "collect",
      "compil",
      "assembl",
      "synthesi",
    ],
    alsoCues: ["train", "tune"],
  },
  {
    // "we construct a training dataset, BarSet-42K, and present Baz-7B": data made for training, then the model
    // presented beside it. Only data the sentence calls training data ("an evaluation set …, and present Baz" is not).
    id: "made-training-data-then-model",
    type: "TRAINED_ON",
    before:
      "\\bwe\\s+(?:\\w+ly\\s+|then\\s+|also\\s+|first\\s+|further\\s+)?(?:construct|creat|build|built|curat|collect|compil|assembl|synthesi[sz])\\w*\\s+(?:(?:the|a|an|our)\\s+)?(?:[\\w-]+\\s+){0,2}?(?:training|train|sft|instruction[\\s-]tuning|fine-?tuning)\\s+(?:dataset|data\\s+set|set|corpus|data)\\s*,?\\s*(?:called\\s+|named\\s+|dubbed\\s+)?$",
    after:
      "^\\s*,?\\s+and\\s+(?:then\\s+)?(?:present|introduce|propose|develop|release)(?:s|d)?\\s+(?:the\\s+|our\\s+|a\\s+|an\\s+)?$",
    subject: "next",
    confidence: 0.7,
    cues: ["present", "introduce", "propose", "develop", "release"],
    alsoCues: ["train", "sft", "tuning"],
  },
  {
    // "We mid-train Foo-Base on BarMix", "after training on Bar environments", "continued pretraining with BarCorpus data",
    // "trained on the union of BarSet and QuxSet" (every part of a training mixture is training data),
    // "trained on a large-scale dataset BarSet", "supervised fine-tuning (SFT) on BarSet".
    id: "trained-on",
    type: "TRAINED_ON",
    before: `\\b(?:${MAKE}|training)(?:\\s+\\([a-z-]{2,10}\\))?\\s+(?:(?!${NOT_TRAINED_THING}|${CLAIM_VERB})(?:[a-z_][\\w.-]*|[\\d-][\\w-]*)\\s+){0,3}?(?:on|using)\\s+(?:(?:the\\s+|a\\s+)?(?:union|mixture|combination|concatenation|mix|blend)\\s+of\\s+)?(?:the\\s+|our\\s+|a\\s+|an\\s+|this\\s+|large-scale\\s+|curated\\s+|[\\d.,]+[kmbt]?\\s+(?:\\w+\\s+)?(?:from|of)\\s+|(?:over\\s+|about\\s+|~)?[\\d.,]+\\s*[kmbt]\\s+)?${DATA_HEAD}$`,
    notBefore: `${ATTRIBUTIVE_TRAINED}|${NEGATED_TRAINING}|${TRAINED_MODEL_ON}|${COMPARED_TRAINING}`,
    subject: "main",
    confidence: 0.7,
    cues: ["on", "using"],
    alsoCues: [...MAKE_STEMS, "training"],
  },
];

/**
 * After the object of a training frame: a tool, not data ("trained on the Foo platform", "fine-tuned
 * using the Foo framework"), unless its data follows ("Foo engine logs"). Not a simulator: "trained
 * on the Foo simulator" names an environment, whose typing is left to the head nouns.
 */
export const TOOL_AFTER =
  /^\s*(?:librar(?:y|ies)|toolkits?|toolbox|engines?|frameworks?|codebases?|platforms?|packages?|apis?|sdks?)\b(?!\s+(?:data|datasets?|corpus|corpora|logs|traces|trajectories)\b)/;
