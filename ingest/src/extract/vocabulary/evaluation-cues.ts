/**
 * How abstracts report results: the words of a result sentence, the verbs whose subject is
 * the model evaluated ("X achieves", "X outperforms"), the prepositions before the data it
 * is evaluated on ("on", "across"), and what shows a name is a baseline, a judge or training
 * data instead. Used by the EVALUATED_ON reading (relations/evaluations.ts) and by the roles
 * the patterns give names. Source: result statements of abstracts; tuned on the dev gold.
 */

/** A sentence that reads like a result. */
export const EVAL_CUE =
  /\b(?:achiev|outperform|surpass|evaluat|benchmark|state-of-the-art|sota|accuracy|score|performance|improv|gain|validat|exceed|beat|tops?\b|reach|attain|results?\b|experiment)/;
/**
 * The verb of which the name before is the subject: "X (ours) further achieves", "X outperforms",
 * "X with Foo-8B achieves", "X, trained with this framework, achieves" (how X was made, between commas).
 */
export const SUBJECT_VERB =
  /^\s*(?:\(\S{1,30}\)\s*)?(?:,\s+(?:trained|fine-?tuned|finetuned|post-?trained|pre-?trained|built|equipped|initiali[sz]ed|distilled|optimi[sz]ed|tuned)\s[^,;.()]{0,50},\s+)?(?:(?:model|method|framework|network|system|agent|series|models)\s+)?(?:(?:with|using)\s+[\w.-]+(?:\s+[\w.-]+)?\s+)?(?:(?:\w+ly|also|further|still|even|only|then|again|and|both|all|can|could)\s+){0,4}(?:achiev|outperform|surpass|reach|obtain|attain|exceed|beat|deliver|sets?\b|establish|demonstrat(?:e|es|ed|ing)\b|shows?\b|showed|exhibit|improves?\b|improved|performs?\b|performed|scores?\b|scored|ranks?\b|ranked|match(?:es|ed)?\b|yield|tops?\b|excel|leads?\b|is evaluated|was evaluated|are evaluated|were evaluated)/;
/** "on", "across the", "over several", "on the challenging": before the data a model is evaluated on. */
export const EVAL_OBJECT_BEFORE =
  /\b(?:on|across|over)\s+(?:(?:the|all|both|several|challenging|standard|popular)\s+){0,2}$/;
/** "on the OOD grounding benchmark Foo", "across the held-out test set Foo": the head noun before the name. */
export const EVAL_HEAD_OBJECT_BEFORE =
  /\b(?:on|across|over)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?(?:benchmarks?|datasets?|test\s+sets?|leaderboards?|suites?)\s+$/;
/**
 * A list the head noun announces: "on simulated benchmarks, such as Foo", "across eight benchmarks,
 * including Foo", "on three benchmarks (Foo, …", "on benchmarks, i.e., Foo"; not data trained on
 * ("fine-tuned on datasets such as Foo"). Weaker than the head noun alone: a careless sentence lists
 * models there ("evaluate LLMs on our benchmarks such as Foo-70B").
 */
export const EVAL_HEAD_LIST_BEFORE =
  /\b(?:on|across|over)(?<!\b(?:trained|tuned|pre-?trained|fine-?tuned|finetuned|training|tuning)\s+(?:on|across|over))\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?(?:benchmarks|datasets|test\s+sets|leaderboards|suites)(?:\s*,?\s+(?:such\s+as|including|like|namely|e\.g\.,?|i\.e\.,?)\s+|\s*\(\s*(?:(?:e\.g\.|i\.e\.|such\s+as|including),?\s*)?)$/;
/** How far before a name EVAL_HEAD_OBJECT_BEFORE and EVAL_HEAD_LIST_BEFORE read (a few adjectives and "such as" fit). */
export const EVAL_HEAD_WINDOW = 72;
/** A comparison before a name: a baseline, not the model evaluated. */
export const COMPARISON_BEFORE =
  /\b(?:than|over|outperforms?|outperforming|surpass\w*|beats?|exceeds?|against|versus|vs\.?|baselines?|such as|including|like|compared (?:to|with))\s+(?:the\s+|strong\s+|sota\s+|leading\s+)?(?:(?:state-of-the-art|sota|strong|leading|previous|prior|open-source|proprietary|closed-source|commercial|frontier|base|baseline|best|larger|existing)\s+)?[\w-]{0,20}\s*$/;
/**
 * "we evaluate X", "benchmarking X", "evaluations on … demonstrate that X": the model evaluated
 * follows (not after the noun alone: "the grounding benchmark X" is data).
 */
export const EVAL_VERB_BEFORE =
  /(?:\b(?:evaluat(?:e|es|ed|ing)|assess(?:es|ed|ing)|validat(?:e|es|ed|ing)|tested|testing|benchmarked|benchmarking)|\b(?:we|to|and|also)\s+(?:test|tests|benchmark|benchmarks|assess))\s+(?:\w+\s+){0,2}$|\b(?:evaluations?|assessments?|experiments?|results|benchmarks?|tests)\s+(?:[\w-]+\s+){0,4}?(?:demonstrate|show|reveal|confirm|indicate)s?\s+(?:that\s+)?$/;
/**
 * "Experiments on A, B, and C demonstrate that X": the name right after "that" of a sentence
 * opened by its experiments, however long the data list between (read over 240 characters).
 */
export const EXPERIMENTS_SHOW_BEFORE =
  /\b(?:evaluations?|experiments?|results|tests)\b[^.;]{0,200}?\b(?:demonstrate|show|reveal|confirm|indicate)s?\s+that\s+$/;
/** The nouns of models that announce a list of the models evaluated ("three ASR systems (X, Y)"). */
const MODEL_LIST_NOUN =
  "(?:models?|llms?|vlms?|mllms?|lmms?|systems?|agents?|baselines?|backbones?|architectures?|networks?|detectors?|classifiers?|policies|variants?|families|checkpoints?|generators?|encoders?|retrievers?|solvers?|reasoners?|judges?|scaffolds?|transformers?|learners?|predictors?|planners?|closed-source|open-source|open-weight|proprietary)";
/** The same nouns in the plural, right before a bracketed list ("ASR systems (X, Y)", "proprietary (e.g., X)"; not "a system (SYS)"). */
const MODEL_PLURAL_NOUN =
  "(?:models|llms|vlms|mllms|lmms|systems|agents|backbones|architectures|networks|detectors|classifiers|policies|variants|families|checkpoints|generators|encoders|retrievers|solvers|reasoners|transformers|learners|predictors|planners|proprietary|open-source|closed-source|open-weight)";
/**
 * "we evaluate models including X, Y", "testing leading LLMs such as X", "we evaluate three ASR
 * systems (X, Y)": a list of the models evaluated, named by a noun of models (not "assessing …
 * audio data, such as calls and X"). A bracketed list is one only right after a plural noun and
 * outside a comparison ("we evaluate X against baselines, … models (e.g., Y, Z)", "outperforming
 * larger LLMs (e.g., Y)": baselines, which abstracts rarely report results of).
 */
export const EVAL_LIST_BEFORE = new RegExp(
  `\\b(?:evaluat\\w*|test\\w*|benchmark\\w*|assess\\w*|validat\\w*)\\b(?:[^.;]{0,160}\\b${MODEL_LIST_NOUN}(?:\\s+[\\w-]+){0,5}(?:\\s*,)?\\s+(?:including|such as|like|namely)\\s+|(?:(?!\\b(?:against|baselines?|compared|versus|than|over|outperform\\w*|surpass\\w*|beat\\w*)\\b)[^.;]){0,160}\\b${MODEL_PLURAL_NOUN}\\s*\\(\\s*(?:(?:e\\.g\\.|i\\.e\\.|such as|including|like),?\\s*)?)[^.;()]{0,60}$`,
);
/** "from" or "by" just before: a source or a judge, not a model evaluated. */
export const FROM_BY_BEFORE = /\b(?:from|by)\s+$/;
/** "by", "with", "using" just before a model: a judge or a tool ("evaluated by Foo"), not the model evaluated. */
export const JUDGE_OR_TOOL_BEFORE = /\b(?:by|with|using|via)\s+(?:the\s+|a\s+|an\s+)?$/;
/** "trained on" just before: training data, not an evaluation object. */
export const TRAINED_ON_BEFORE = /\b(?:trained|tuned|pre-?trained)\s+on\s+\S*\s*$/;
/**
 * "trained on the", "trained with our synthetic", "a subset of", "we fine-tune Foo on", "pre-training Foo and
 * Bar on": a data set that is no evaluation object (unless a claim comes between: "training can improve the
 * model on Foo").
 */
export const TRAINED_OR_PART_BEFORE =
  /\b(?:trained|tuned|pre-?trained|training|tuning|pre-?training|fine-?tuning|subset of|portion of|split of)\s+(?:(?:on|with)\s+)?(?:\S+\s+){0,3}$|\b(?:(?:pre-?|post-?|re)?train(?:s|ing)?|fine-?tun(?:es?|ing)|finetun(?:es?|ing))\s+(?:(?!(?:can|could|will|may|improv\w*|boost\w*|yield\w*|achiev\w*|gains?|outperform\w*)\b)\S+\s+){1,4}?on\s+(?:the\s+)?$/;
/**
 * "a benchmark based on Foo", "derived from Foo", "relying only on the Foo stage": the source of
 * something else, neither evaluated nor evaluated on.
 */
export const BASE_PHRASE_BEFORE =
  /\b(?:based on|derived from|built (?:on|from|upon)|constructed from|curated from|sourced from|extends?|extending|rel(?:y|ies|ying|ied)\s+(?:\w+ly\s+|only\s+)?on)\s+(?:the\s+)?$/;
/** "77.8 on X", "by 5% on X", "+3.1 points across X": a score reported on data, strong evidence of a data set. */
export const SCORE_ON_BEFORE = /\d(?:\.\d+)?\s*(?:%|\\%|points?|pp|pts)?\s+(?:on|across)\s+(?:the\s+)?$/;
/** "on the zero-shot subset of X": an evaluation on part of X is one on X. */
export const EVAL_SUBSET_BEFORE =
  /\b(?:on|across)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}(?:subsets?|splits?|portions?)\s+of\s+(?:the\s+)?$/;
/** "compared with three models based on Foo": a name in a comparison or a base phrase, read over a longer span. */
export const COMPARED_OR_BASE_EARLIER =
  /\b(?:compared (?:to|with)|in comparison (?:to|with)|relative to|versus|against|baselines?|based on|built (?:on|upon))\b[^;:]{0,80}$/;
/** "improves X over Y", "gains over Y": what follows "over" is a baseline, not data evaluated on. */
export const OVER_BASELINE_BEFORE =
  /\b(?:improv\w*|gains?|advantages?|speed-?ups?|margins?|wins?|outperform\w*)\b[^,;]{0,60}\bover\s+(?:the\s+)?$/;
/** "for the A and B datasets", "in the C benchmark": the preposition before data named by its head noun. */
export const DATA_PREPOSITION_BEFORE =
  /\b(?:on|across|over|for|in|and)\s+(?:the\s+|all\s+|both\s+)?(?:[\w-]+\s+){0,2}?$/;
/** The head noun after a name (or a list) that makes it data evaluated on: "… datasets", "… benchmark". */
export const DATA_HEAD_AFTER = /^\s*(?:benchmarks?|datasets?|test\s+sets?|leaderboards?|suites?)\b/;
/** "It achieves", "On Foo, it attains": a result whose subject is a pronoun, at the sentence's start or after an opening phrase. */
export const IT_RESULT =
  /(?:^|^[^,;]{0,80},\s*)(?:it|they)\s+(?:\w+ly\s+|also\s+|further\s+)?(?:achiev|outperform|surpass|reach|obtain|sets?\b|improv|perform|scor|exceed|attain|yield|deliver)/;
/** "We benchmark a … model (A) against a … B model": every model of the clause is one benchmarked. */
export const WE_EVALUATE_CLAUSE =
  /\bwe\s+(?:\w+ly\s+)?(?:benchmark|evaluate|test|assess|compare)\s+(?:[^.;:]|\.\d){0,100}$/;
/**
 * "on the Foo agent harness", "under both the ReAct framework and the Foo harness": the setting of
 * an evaluation, not a model evaluated (read over 80 characters, within the clause).
 */
export const SETTING_BEFORE = /\b(?:on|under|within|inside)\s+[^,;()]{0,50}$/;
/** Between two list items that each carry a score: "A (57% to 90%) and B", "A (+3.1), B". */
export const SCORED_ITEM_GAP =
  /^\s*\([^()]{0,40}\d[^()]{0,40}\)\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/;
/** Words of evaluation. */
export const EVALUATION_WORD = /\b(?:benchmark|evaluat|test|assess)\w*\b/;
/** "… on the LIBERO benchmark": data named as a benchmark is evaluated on, not trained on. */
export const BENCHMARK_AFTER = /^\s*(?:benchmarks?|leaderboards?|test sets?)\b/;
/** "models trained on", "a reward model trained on": a common noun (plural, or with an article) as the subject of training. */
export const GENERIC_PLURAL_SUBJECT =
  /(?:\b(?:models|baselines|methods|systems|approaches|networks|classifiers|policies|agents|llms|vlms|mllms|variants|students|counterparts)|\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:model|baseline|method|system|network|classifier|policy|agent|llm|vlm))\s+(?:(?:that|which)\s+(?:is|are|was|were|has been|have been)\s+|(?:is|are|was|were)\s+)?$/;
/** The words between a name and a noun that describe it: ", a family of … models", " is a … model". */
export const APPOSITIVE_GAP =
  /^\s*(?:,\s+|\s+(?:is|are|was|were)\s+(?=(?:a|an|the|one|two|three|our|its)\s))(?!(?:and|or|but|while|where|which|whereas)\b)[^,;]*$/;
/** "training on Foo NPUs", "deployed on Bar processors": hardware, never training data. */
export const HARDWARE_AFTER =
  /^\s*(?:npus?|gpus?|tpus?|processors?|chips?|clusters?|hardware|devices?|accelerators?|systems?|supercomputers?)\b/;
/** "Experiments on", "Extensive evaluations across": a sentence opening whose list names the data evaluated on. */
export const EVAL_OPENING =
  /^(?:(?:extensive|comprehensive|further|additional|our|empirical|the)\s+)?(?:experiments?|experimental results?|results?|evaluations?)\s+(?:[\w-]+\s+){0,3}?(?:on|across|over)\s+(?:the\s+)?/;
/** The separators of a list of names: ", ", ", and ", " or ", "/". */
export const LIST_SEPARATORS = /\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\/\s*/;
/**
 * A word that is no part of a data list: a verb or a clause word ("Evaluations show that across
 * …"), or a noun of models ("experiments on models like Foo and Bar": models, not data).
 */
export const NOT_LIST_ITEM_WORD =
  /\b(?:that|which|show\w*|demonstrat\w*|reveal\w*|indicat\w*|confirm\w*|achiev\w*|outperform\w*|is|are|was|were|we|models?|llms?|vlms?|mllms?|backbones?|architectures?|agents?|baselines?|methods?|policies|networks?|encoders?|detectors?|generators?)\b/;
/**
 * A comparison study: "the first empirical comparison of A, B against C on D", "we compare A, B
 * and C on D". The models compared are the models evaluated on the data after "on".
 */
export const COMPARISON_STUDY =
  /\b(?:(?:an?|the|our)\s+(?:[\w-]+\s+){0,3}?comparison\s+of|we\s+(?:\w+ly\s+)?(?:compare|benchmark))\s/;
/** "on the challenging Foo dataset", "on Foo": the preposition of the data of a comparison (read before the name). */
export const COMPARISON_DATA_BEFORE = /\bon\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$/;
