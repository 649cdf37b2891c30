/**
 * The small grammar words that tell how a name stands in its clause: coordination ("A, B and
 * C"), a preposition that governs it, an appositive or copula after it ("X, a benchmark …"),
 * an opening adverbial phrase, "such as". Used by typing and by the relation readings.
 * Source: English clause structure as abstracts write it.
 */

/** Only a list separator between two names: "A, B", "A and B", "A/B". */
export const COORDINATION = /^(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+|,\s*or\s+|\s*\/\s*)$/;
/** A preposition just before a name: the name is an object there. */
export const OBJECT_BEFORE = /\b(?:on|upon|from|of|to)\s+(?:the\s+|a\s+|an\s+)?$/;
/**
 * A name governed by a preposition ("Experiments on A and B demonstrate …", "X with Foo achieves",
 * "evaluated by Foo") is no subject of the verb after it: the data, the tool or the judge.
 */
export const GOVERNED_BEFORE =
  /\b(?:on|across|over|with|using|via|by|from|of|than|against|e\.g\.,?|i\.e\.,?|including|such as)\s+(?:the\s+|a\s+|an\s+|both\s+|all\s+)?$/;
/** A list's last link before a name: "…, and", "or", "/". */
export const LIST_LINK_BEFORE = /(?:\band|\bor|\/)\s*$/;
/** A word in lower case (hyphens allowed). */
export const LOWER_WORD = /^[a-z-]+$/;
/**
 * Right after a name, before its appositive's comma: the brackets that close it and a space
 * ("\\textbf{Long (X)}, a …", "X) , a …"). A source for the appositive patterns below and in
 * coreference-cues.ts.
 */
export const CLOSED_BEFORE_COMMA = "[)\\]}]*(?:\\s+(?=,))?";
/** "X, an open-source multimodal agentic model", "X is a ... model": an appositive or copula after a name. */
export const APPOSITIVE_AFTER = new RegExp(
  `^${CLOSED_BEFORE_COMMA}(?:,\\s*|:\\s*|\\s+(?:is|was|are|as)\\s+|,\\s*which\\s+is\\s+|,\\s*(?:is|was)\\s+)(?:a|an|the|our|one|two|three)\\s`,
);
/** Words after which a name does not end an appositive. */
export const LINKING_WORD = /^(?:with|of|for|and|to)$/;
/** An opening adverbial phrase ("On COCO, ..."): its comma is no appositive. */
export const OPENING_PHRASE =
  /^(?:under|in|on|for|with|after|before|by|at|from|to|evaluated|based|building|compared|unlike|as|through|using)\b[^,]*$/;
/** "models such as GPT-4": the head noun before "such as". */
export const SUCH_AS_BEFORE =
  /\b([\w-]+)\s*,?\s+(?:such as|including|like|e\.g\.,?|namely|called|named|dubbed|termed)\s+(?:the\s+)?$/;
/** A clause break: a subject is never found across it. */
export const CLAUSE_BREAK = /[;:]|\.\s/;
/** The last link of a list: "…, and C", "A or B". */
export const LIST_END = /\b(?:and|or)\s*$/;
/** "the Foo family built on Bar": a family named as a whole is no model made from anything (the names before it are). */
export const FAMILY_AFTER = /^\s+(?:family|families|series|line|lineage)\b/;
/**
 * Before a name: it is compared with ("improvements over … vanilla Foo", "than Foo", "the
 * performance of Foo"), is itself a source or a base ("training from Foo", "a model based on Foo
 * and a model based on Bar"; not "responses from Foo"), is what is evaluated ("we evaluate
 * Foo"), or owns what the clause is about ("the recipe from Foo adapts Bar": the model adapted
 * is unnamed) — no model made in the clause that follows.
 */
export const NOT_MADE_BEFORE =
  /(?:\b(?:over|than|versus|vs\.?|against|compared (?:to|with)|outperform\w*|surpass\w*)\s+(?:[\w-]+\s+){0,4}|\b(?:(?:train\w*|tun\w*|distill\w*|initiali[sz]\w*)\s+from|based\s+on|built\s+(?:up)?on|on\s+top\s+of|derived\s+from|(?:performance|accuracy|results?|scores?)\s+of|evaluat\w*|test|tests|tested|testing|benchmark(?:s|ed|ing)|recipes?\s+(?:from|of|by))\s+(?:the\s+|our\s+)?)$/;
/**
 * After a name: something the model produced, not the model ("trained on Foo's outputs", "extends
 * Foo's tokenizer"), or the tooling its makers built ("extends Foo's vision-language modeling stack"):
 * no base and no data. Foo's architecture or capabilities still are its own.
 */
export const OWNED_PRODUCT_AFTER =
  /^['\u2019]s\s+(?:[\w-]+\s+)?(?:tokenizers?|outputs?|responses?|behaviou?rs?|data|predictions?|labels?|generations?|traces?|trajector(?:y|ies)|answers?|feedback|judg(?:e)?ments?|annotations?|logits)\b|^['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:stack|codebase|infrastructure|pipeline|recipe|ecosystem|toolkit|library)\b/;
/** What a subject after an opening phrase is, when it is no model: "we incubated the Foo ecosystem". */
export const NOT_MODEL_HEAD_AFTER =
  /^\s+(?:ecosystem|platform|library|toolkit|toolbox|codebase|infrastructure|benchmark|dataset|suite of benchmarks)\b/;
/**
 * After a base's name, a head that calls it a way of working, not a network ("built on the Foo
 * framework"): a product named after it says nothing of Foo being a model.
 */
export const METHOD_HEAD_AFTER = /^\s+(?:framework|paradigm|pipeline|method|approach|recipe|protocol)s?\b/;
/** "o1 style", "Foo-like", "GPT-level": a name used as an adjective. */
export const NAME_AS_ADJECTIVE_AFTER = /^\s*-?\s*(?:style|like|level|type|based)\b/;
/**
 * "a Foo-based model": the name is the stem of a describing compound (mentions.ts), which says
 * what something else is; it is neither introduced nor the subject of a clause.
 */
export const ADJECTIVE_SUFFIX_AFTER = /^-based\b/;
/** "a Foo model trained from …": after a name, the kind noun it qualifies (the name is a modifier there). */
export const NAME_AS_MODIFIER_AFTER = /^\s+(?:model|llm|mllm|vlm|agent|policy|variant)\b/;

/**
 * "Baz-4B, a Foo model trained from Bar": the name at `start`, after "a"/"an" and before a kind
 * noun (`after` is the text that follows it), qualifies that noun; it is not what was made.
 */
export function nameQualifiesKind(lower: string, start: number, after: string): boolean {
  return (
    NAME_AS_MODIFIER_AFTER.test(after) && /\b(?:a|an)\s+$/.test(lower.slice(Math.max(0, start - 4), start))
  );
}
/** "models built on Foo", "methods that are based on Foo": a class of things, not the paper's model. */
export const GENERIC_MAKER_BEFORE =
  /\b(?:models|methods|approaches|systems|baselines|works|agents|llms|vlms|mllms|variants|pipelines|classifiers|detectors|networks|architectures|solutions|techniques)\s+(?:(?:that|which)\s+(?:are|were|have been)\s+|(?:are|were)\s+)?(?:\w+ly\s+)?$/;
/**
 * A plural noun of a class of ways, right before a verb of derivation, even after a name ("Existing Foo
 * approaches, predominantly built on Bar", "… architectures based on Bar"): the class is built on Bar,
 * neither the name before it nor the paper's model. Not "models": "Baz, a family of models based on Bar" is Baz.
 */
export const CLASS_OF_WAYS_BEFORE_VERB =
  /\b(?:approaches|methods|techniques|solutions|architectures|works|pipelines|baselines|paradigms|strategies)\s*,?\s+(?:(?:that|which)\s+(?:are|were|have\s+been)\s+|(?:are|were)\s+)?(?:\w+ly\s+)?$/;
/** A noun of produced content right before a verb of derivation ("dialogue distilled from"): the content is made, not a model. */
export const PRODUCT_NOUN_BEFORE_VERB =
  /\b(?:data|dialogues?|responses?|outputs?|samples?|features?|knowledge|captions?|annotations?|trajector(?:y|ies)|labels?|rationales?|traces?|instructions?|conversations?|texts?|images?|videos?|questions?|answers?|examples?|pairs?)\s*$/;
/**
 * A noun of data right before a verb of derivation ("a benchmark built upon Foo", "a dataset derived
 * from Bar"): the thing built is data, so the name before it is no model made from the object.
 */
export const DATA_NOUN_BEFORE_VERB =
  /\b(?:benchmarks?|datasets?|corpus|corpora|suites?|leaderboards?|testbeds?)\s+(?:(?:that|which)\s+(?:is|was|are|were)\s+|(?:is|was|are|were)\s+)?(?:\w+ly\s+)?$/;
/** Before a name: it is the base of a model ("a model based on Foo", "built upon the 4B Foo"), not the model itself. */
export const BASE_GOVERNED_BEFORE =
  /\b(?:based\s+on|built\s+(?:up)?on|on\s+top\s+of|(?:derived|initiali[sz]ed|fine-?tuned|distilled)\s+from)\s+(?:the\s+|a\s+|an\s+)?(?:\d[\d.]*[kmbt]\s+)?$/;
/**
 * What a paper calls a thing that is no model: a tool or platform ("toolkit", "library", "ecosystem"),
 * a part of one ("module", "adapter", "plug-in"), an algorithm, anything training-free ("a
 * training-free approach"), or a framework for training or serving models ("a training framework").
 * "Framework", "approach" and "method" alone are not in it: papers call their models so too; "a
 * training approach", "a search strategy", "a reinforcement learning method", "a neural architecture
 * search" are: what they name is applied to models, never one made from them.
 */
const NOT_MODEL_NOUN =
  "(?:ecosystem|toolkit|toolbox|library|platform|module|adapter|plug-?in|add-?on|algorithm|technique|recipe|simulator|engine|environment|neural\\s+architecture\\s+search|(?:training|search|optimi[sz]ation|reinforcement\\s+learning|rl|learning|fine-?tuning|alignment|distillation|pruning|quantization|compression|decoding|sampling)\\s+(?:method|approach|strategy|paradigm)|training-free\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+|(?:training|fine-?tuning|inference|serving|evaluation|deployment|data-centric)\\s+(?:[\\w-]+\\s+)?(?:framework|system|engine|pipeline))s?";
/**
 * That noun right before a verb of derivation ("a training-free approach built upon Foo", "a
 * lightweight module built on Foo"): what is built is no model, so the clause gives no BASED_ON
 * for the name before it nor for the paper's model.
 */
export const NOT_MODEL_NOUN_BEFORE_VERB = new RegExp(
  `\\b${NOT_MODEL_NOUN}\\s*,?\\s+(?:(?:that|which)\\s+(?:is|was|are|were)\\s+|(?:is|was|are|were)\\s+)?(?:\\w+ly\\s+)?$`,
);
/**
 * After a name, that noun as the head the paper gives it: "X, an ecosystem co-designed with …", "X
 * is a training-free method"; not "X is a plug-in value model"). Such a name is never the model made in a derivation, nor "our model".
 */
export const NOT_MODEL_APPOSITIVE_AFTER = new RegExp(
  `^\\s*(?:\\([^)]{0,80}\\)\\s*)?${CLOSED_BEFORE_COMMA}(?:,\\s*|\\s+(?:is|was)\\s+)(?:a|an)\\s+(?:(?!(?:model|llm|mllm|vlm|agent|network|transformer|encoder|policy|assistant|system)s?\\s)[\\w-]+\\s+){0,4}?${NOT_MODEL_NOUN}\\b(?![\\w-]*\\s+(?:[\\w-]+\\s+)?(?:model|llm|mllm|vlm|agent|network|system)s?\\b)`,
);
/**
 * After the comma of an opening phrase ("Building upon Foo, this study refines the approach …"):
 * the clause's subject is a study or a method, so the phrase says nothing of the paper's model.
 */
export const NOT_MODEL_CLAUSE_SUBJECT =
  /^,\s*(?:this|the|our)\s+(?:[\w-]+\s+)?(?:study|work|paper|report|article|approach|method|recipe|analysis|technique|algorithm|strategy)\b/;
/**
 * A title whose subject is a method ("Foo: Efficient Neural Architecture Search for …", "Foo: A
 * Simple Method for …"): what the paper does to a model ("we fine-tune Bar") makes no model Foo.
 */
export const TITLE_NOT_MODEL = new RegExp(
  `^\\s*(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,3}?(?:${NOT_MODEL_NOUN}|method|approach|strategy)\\s+(?:for|to|of|that|via|with|in)\\b`,
);
/** After a name, a head that calls it a model ("X, a model that …", "X, a family of fully open VLMs"): it overrules a method title. */
export const MODEL_APPOSITIVE_AFTER = new RegExp(
  `^\\s*(?:\\([^)]{0,80}\\)\\s*)?${CLOSED_BEFORE_COMMA}(?:,\\s*|\\s+(?:is|was)\\s+)(?:a|an|the)\\s+(?:[\\w-]+,?\\s+){0,6}?(?:model|llm|mllm|vlm|lmm|family|series)s?\\b`,
);
