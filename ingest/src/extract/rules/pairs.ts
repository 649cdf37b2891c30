/**
 * Pair rules: what the words between two adjacent names of a sentence say about them
 * ("X, fine-tuned from Y", "X trained on D", "X via M"), as data. The engine
 * (relations/pairs.ts) tests them in the order of PAIR_RULES and stops at the first that
 * matches; what each gives (edge type, direction, confidence, roles) is described beside it.
 *
 * Each rule's `stems` (substrings) and `words` (whole words) are the words it needs between
 * the names: the pre-filter PAIR_GATE is their union, so a pair with none of them is never
 * tested. A new rule brings its cue words with it and one invented test sentence in
 * ../extract.test.ts.
 */

export interface PairRule {
  /** Names the rule in the code and in the extractor names of its edges. */
  id: string;
  /** Tested on the lower-cased text between the two names. */
  pattern: RegExp;
  stems: readonly string[];
  words: readonly string[];
}

/**
 * "X, fine-tuned from Y", "X is distilled from Y", "X (trained on Y)": X BASED_ON Y (or, with
 * "on", TRAINED_ON when Y is a data set). Captures the verb and the preposition. "pretrained
 * features from Y" says where features come from, not what X was made from.
 */
export const BASED_FORWARD: PairRule = {
  id: "based-forward",
  pattern:
    /(?:^|[\s),(])(?:which\s+(?:is|was|are|were)\s+|(?:is|was|are|were)\s+|that\s+(?:is|was)\s+)?(?:(?:further|then|also|first|\w+ly)\s+)?(fine-?tuned|finetuned|post-?trained|distilled|adapted|derived|initiali[sz]ed|upcycled|merged|quantized|continu\w*[- ]pre-?trained|pre-?trained|trained|built|developed|instruction-tuned|tuned|obtained|created|aligned)\s+(?:(?!(?:features|representations|embeddings|outputs|knowledge|signals|labels|data)\b)\w+\s+){0,2}?(from|upon|off|on top of|on|based on)\s+(?:the\s+|a\s+|an\s+)?(?:\d[\d.]*[kmbt]?-param(?:eter)?s?\s+)?$/,
  stems: ["from", "upon"],
  words: ["on", "off"],
};

/** "X extends Y", "X, built upon Y", "a distilled version of Y": typing only (the edge is the frame "built-upon"'s). */
export const BASED_EXTENDS: PairRule = {
  id: "based-extends",
  pattern:
    /(?:^|[\s),])(extends|extending|extended|builds (?:up)?on|built (?:up)?on|building (?:up)?on|(?:is |are |was )?based on|on top of|initiali[sz]ed (?:from|with)|(?:a |an )?(?:fine-?tuned|distilled|quantized|merged|instruction-tuned|post-trained) (?:version|variant|model) of|(?:version|variant|successor) of|upcycl\w* from|distill\w* from)\s+(?:the\s+|a\s+|an\s+)?$/,
  stems: ["extend", "based", "upon", "version", "variant", "successor", "initiali", "from"],
  words: ["on"],
};

/** "fine-tune X to obtain Y", "distil X into Y": Y BASED_ON X. Captures the verb. */
export const BASED_REVERSE: PairRule = {
  id: "based-reverse",
  pattern:
    /\b(fine-?tun\w*|distill\w*|adapt\w*|post-?train\w*|upcycl\w*|continu\w* pre-?train\w*|train\w*|merg\w*|quantiz\w*|extend\w*)\b[^.;]{0,60}?\b(?:to obtain|to produce|to create|to build|to get|to derive|into|resulting in|yielding|yields|obtaining|producing)\s+(?:the\s+|a\s+|an\s+|our\s+)?$/,
  stems: ["into", "obtain", "produc", "result", "yield", "deriv", "train", "tun", "extend"],
  words: [],
};

/**
 * "we fine-tune X on D" (with TRAIN_VERB_BEFORE before X): D is data (a role only; the edge
 * is the frame "trained-on"'s, which gives D to the model made).
 */
export const TUNED_X_ON: PairRule = {
  id: "tuned-x-on",
  pattern: /^\s+(?:on|using)\s+(?:the\s+|our\s+|a\s+)?$/,
  stems: ["using"],
  words: ["on"],
};
/** "we fine-tune X", "training X": the verb before the first name of TUNED_X_ON. */
export const TRAIN_VERB_BEFORE =
  /\b(?:train|fine-?tun|finetun|pre-?train|post-?train)\w*\s+(?:the\s+|our\s+|a\s+)?$/;

/** "X, trained on D", "X fine-tuned with D": X TRAINED_ON D (the verb close after X). */
export const TRAINED_FORWARD: PairRule = {
  id: "trained-forward",
  pattern:
    /\b(?:trained|fine-?tuned|finetuned|pre-?trained|tuned|post-?trained|learned|optimi[sz]ed|distilled|trains|train)\s+(?:[\w-]+\s+){0,4}?(?:on|using|with)\s+(?:the\s+|a\s+|an\s+|our\s+|over\s+|large-scale\s+|\d[\w.,]*\s+\w+\s+(?:from|of)\s+)?$/,
  stems: ["train", "tun", "using"],
  words: ["on"],
};
/** "on" just before the second name of TRAINED_FORWARD: it is data. */
export const ON_BEFORE = /\bon\s+(?:the\s+|a\s+|an\s+|our\s+)?$/;

/** "D is used to train X", "D for fine-tuning X", "D, to fine-tune a small-sized X": X TRAINED_ON D. */
export const TRAINED_BY_DATA: PairRule = {
  id: "trained-by-data",
  pattern:
    /\b(?:to train|to fine-?tune|to pre-?train|for training|for fine-?tuning|to build)\s+(?:(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}?)?$/,
  stems: ["train", "tun"],
  words: [],
};

/** "X via M", "X trained with M", "X by applying M": X USES_METHOD M. */
export const USES_METHOD: PairRule = {
  id: "uses-method",
  pattern:
    /^[^.;]{0,50}?\b(?:via|using|through|by applying|adopting|applying|employing|(?:trained|tuned|optimi[sz]ed|aligned|equipped) with)\s+(?:the\s+|a\s+|an\s+)?$/,
  stems: ["via", "using", "through", "apply", "adopt", "employ", "equipped", "aligned", "train", "tun"],
  words: ["by"],
};

/** Every pair rule, in the order the engine tests them. */
export const PAIR_RULES: readonly PairRule[] = [
  BASED_FORWARD,
  BASED_EXTENDS,
  BASED_REVERSE,
  TUNED_X_ON,
  TRAINED_FORWARD,
  TRAINED_BY_DATA,
  USES_METHOD,
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The pre-filter: one of the rules' cue words between the names (derived, never kept by hand). */
export const PAIR_GATE = new RegExp(
  [
    ...[...new Set(PAIR_RULES.flatMap((r) => r.stems))].sort().map(escapeRegExp),
    ...[...new Set(PAIR_RULES.flatMap((r) => r.words))].sort().map((w) => `\\b${escapeRegExp(w)}\\b`),
  ].join("|"),
);

/**
 * Data named first: "Based on this dataset, we present Baz", "After scaling up to … D, Baz …":
 * the model after the comma TRAINED_ON the data before it.
 */
export const DATA_FIRST_OPENING =
  /^(?:based on|building (?:up)?on|built (?:up)?on|using|leveraging|with|trained on|pre-?trained on|fine-?tuned on|after (?:scaling|training|pre-?training|fine-?tuning) (?:up )?(?:to|on)|scaling (?:up )?to|(?:by|through) (?:training|pre-?training|fine-?tuning) on)\b/;
/** Openings that as often name a tool as data: they need the model right after the comma. */
export const AMBIGUOUS_OPENING = /^(?:using|leveraging|with)\b/;
/** What follows the comma of DATA_FIRST_OPENING: "we train", "the", or the model itself. */
export const TRAINING_VERB_AFTER_COMMA =
  /^,\s*(?:we\s+(?:\w+\s+)?(?:train|fine-?tune|pre-?train|present|propose|develop|build|introduce|obtain|derive|construct|design|learn)\w*\b|the\s+)?/;

/**
 * Model named in a purpose opening, data made in the main clause: "To train Baz, we curate Foo-1M, a …",
 * "To train and evaluate Baz, we construct a benchmark, Foo". Baz TRAINED_ON the first name after it;
 * that name must end up a data set ("To train Baz, we introduce Foo-PO, a loss …" gives nothing).
 */
export const TRAINING_PURPOSE_OPENING =
  /^(?:to|in order to)\s+(?:train|fine-?tune|pre-?train|post-?train)(?:\s+and\s+(?:evaluate|test|benchmark|validate))?\s+(?:the\s+|our\s+)?$/;
/** Between the model of TRAINING_PURPOSE_OPENING and its data: "we" and a verb that makes data. */
export const DATA_MADE_AFTER_PURPOSE =
  /^\s*,?\s*we\s+(?:first\s+|also\s+|further\s+)?(?:introduce|construct|create|build|curate|collect|present|release|develop|assemble|compile|synthesi[sz]e|generate)(?:\s+and\s+release)?\s+(?:(?:a|an|the)\s+(?:[\w-]+,?\s+){0,5}?(?:dataset|corpus|benchmark|collection|data)\s*,?\s*(?:called\s+|named\s+)?)?$/;

/** "X from NVIDIA", "X by DKFZ": only "from" or "by" between a model or data set and an organisation (DEVELOPED). */
export const FROM_BY_BETWEEN = /^\s+(?:from|by)\s+$/;
/** "distilled", "trained" just before X: "X trained from Y" is no organisation. */
export const MADE_FROM_BEFORE = /\b(?:distill\w*|trained|tuned|derived|initiali[sz]ed)\s*$/;
