/**
 * Head nouns that type the name they describe ("X, a large-scale benchmark", "the X dataset",
 * "X model"), each with the label it implies and a weight. Weak heads (framework, pipeline,
 * system) can be outvoted by what the text says X does. Used by typing. Source: the nouns
 * abstracts put beside a name to say what it is; weights tuned on the dev gold.
 */
export type HeadLabel = "Model" | "Dataset" | "Benchmark" | "Method" | "Reject" | "Task";

const HEAD_NOUN_GROUPS: Array<[HeadLabel, number, string]> = [
  [
    "Model",
    3,
    "model|models|llms|mllms|vlms|lvlms|lmms|llm|mllm|vlm|lvlm|lmm|slm|network|networks|net|transformer|encoder|decoder|autoencoder|backbone|checkpoint|checkpoints|agent|assistant|chatbot|classifier|detector|segmenter|generator|extractor|predictor|planner|policy|reasoner|retriever|reranker|tokenizer|evaluator|verifier|critic|captioner|embedder|recognizer|estimator|family|series|variant|variants|generalist|specialist",
  ],
  ["Model", 1.5, "system|systems|architecture|solver|simulator|engine|tool|toolkit"],
  ["Dataset", 3, "dataset|datasets|data set|corpus|corpora|collection|database|repository|cohort|atlas"],
  [
    "Benchmark",
    3,
    "benchmark|benchmarks|leaderboard|testbed|test set|test suite|suite|challenge|arena|evaluation suite",
  ],
  [
    "Method",
    3,
    "method|methods|algorithm|technique|approach|strategy|objective|loss|optimizer|optimiser|recipe|paradigm|procedure|mechanism|module|adapter|layer|regularizer|scheme|protocol|prompting|attention|operator|block|rule",
  ],
  ["Method", 0.75, "framework|platform|library|environment"],
  ["Method", 1.5, "pipeline|workflow"],
  ["Reject", 4, "metric|metrics|score|scores|measure|index|criterion|rate|coefficient|error|distance"],
  ["Task", 3, "task|tasks|problem|setting|challenge task|concept|modality|disease|format"],
];

export const HEAD_NOUNS: ReadonlyMap<string, { label: HeadLabel; weight: number }> = new Map(
  HEAD_NOUN_GROUPS.flatMap(([label, weight, words]) =>
    words.split("|").map((w) => [w, { label, weight }] as const),
  ),
);

/**
 * Weak method heads that still say what the paper calls its name: "we propose X, a scalable
 * framework that …" names a method (annotation.md: frameworks are Method) unless the text gives X
 * more model evidence (results, a base, a model word): typing labels X Method on it alone, but
 * never over a higher Model score. On the dev gold, 77 of 87 names called "a … framework" accept
 * Method, 52 accept Model.
 */
export const SELF_DESCRIBED_METHOD: ReadonlySet<string> = new Set(["framework"]);

/**
 * Words that end an appositive after a name before any head noun is found: "X, a model that …",
 * "X, a benchmark built from …" (the head comes before them or not at all).
 */
export const APPOSITIVE_STOP: ReadonlySet<string> = new Set(
  "that which who with for to from of in on by using via designed trained built based capable equipped comprising consisting containing featuring covering including spanning constructed created developed curated and or where whose whereby as".split(
    " ",
  ),
);

/** Heads that name a collection of things: "a suite of models", "a family of datasets" (the noun after "of" decides). */
export const COLLECTIVE_NOUN = /^(?:suite|family|series|collection|set|range|line|group|pair)$/;

/**
 * After a name, the count of what it holds ("X, which contains 40K high-quality videos", "X, 40K
 * annotated dense captions of videos"): a collection of data, whatever the name's shape. Counts of
 * parameters or layers are not in it.
 */
export const DATA_CONTENT_AFTER =
  /^\s*(?:\([^)]{0,40}\)\s*)?,\s*(?:(?:which|that)\s+(?:contains|comprises|consists\s+of|covers|spans|includes)\s+|containing\s+|comprising\s+|consisting\s+of\s+)?(?:over\s+|about\s+|around\s+|approximately\s+|more\s+than\s+|nearly\s+)?\d[\d,.]*\s*(?:[kmb]|million|billion|thousand)?\+?\s+(?:[\w-]+\s+){0,5}?(?:captions|videos|images|samples|examples|pairs|questions|dialogues|conversations|instructions|trajectories|documents|clips|annotations|problems|utterances|sentences|hours)\b/;

/**
 * After a method head, a model it is made from: "X, a novel approach based on a fine-tuned
 * decoder-only language model", "an approach based on the Foo architecture". Such an approach is
 * a trained model (annotation.md), unless it is training-free ("a training-free approach built
 * upon the Foo model" only runs Foo).
 */
export const MODEL_BASE_AFTER =
  /^(?:based|built)\s+(?:up)?on\s+(?:top\s+of\s+)?(?:(?:an?|the)\s+)?(?:[\w.-]+\s+){0,4}?(?:model|llm|mllm|vlm|transformer|network|architecture|backbone)s?\b/;
/** Modifiers of a method head that say nothing is trained. */
export const NOTHING_TRAINED = /^(?:training-free|tuning-free|plug-and-play|zero-shot)$/;

/**
 * Words that open the object of a verb: after "A, B and C measure" or "… score" they make the
 * metric's noun a verb ("measure both accuracy and latency", "score the outputs").
 */
export const OBJECT_AFTER_VERB = /^(?:both|the|a|an|how|whether|their|its|each|all|what)$/i;

/**
 * "in the FooWorld environment", "on the Bar suite of games": right after a name, the place an agent
 * is run and scored in, a benchmark (dev gold types named environments so). Weak, so that what the
 * text says the name does outvotes it; "X, a … environment" (a system the paper builds) keeps its
 * weak method head.
 */
export const NAMED_PLACE_AFTER: ReadonlySet<string> = new Set(["environment", "environments"]);
export const NAMED_PLACE_HEAD: { label: HeadLabel; weight: number } = { label: "Benchmark", weight: 1.5 };
