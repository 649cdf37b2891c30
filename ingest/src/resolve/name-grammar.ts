/**
 * Model names read as a grammar: family, version, size, variant.
 *
 *   Qwen2.5-7B-Instruct → family "Qwen2.5", version "2.5", size "7B", variant "Instruct"
 *   Llama 3.1 8B        → family "Llama 3.1", version "3.1", size "8B"
 *   GPT-4o-mini         → family "GPT-4o", version "4o", variant "mini"
 *
 * A name is split at separators (space, "-", "_"); the family is every piece before the
 * first size or variant word, the size is the parameter count ("7B", "8x7B", "30B-A3B"),
 * the variant is the rest. The variant words are a broad documented vocabulary of release
 * kinds (instruction tuning, chat, base, quantisation, tiers), not model names.
 */
import type { ModelNameParts } from "@kg/graph-schema";

/** Release kinds and tiers that follow a family name (lower case). */
export const VARIANT_WORDS: ReadonlySet<string> = new Set(
  (
    "instruct instruction chat base it sft dpo rlhf rl grpo preview thinking reasoning reasoner distill " +
    "distilled zero hf awq gptq gguf int4 int8 fp8 fp16 bf16 mini nano micro tiny small medium large xl xxl " +
    "turbo pro flash lite max plus ultra exp experimental latest"
  ).split(" "),
);

/** A parameter count: 7B, 1.5B, 300M, 8x7B; "A3B" (active parameters) after a size. */
const SIZE_PIECE = /^(?:\d+x)?\d{1,4}(?:\.\d{1,2})?[bmkt]$/i;
const ACTIVE_PIECE = /^a\d{1,4}(?:\.\d{1,2})?b$/i;
/** A version at the end of the family ("Qwen2.5" → "2.5", "GPT-4o" → "4o", "v3" → "3"). */
const VERSION_END = /(\d+(?:\.\d+)*[a-z]?)$/i;

interface Piece {
  text: string;
  start: number;
  end: number;
}

function pieces(name: string): Piece[] {
  const out: Piece[] = [];
  const re = /[^\s\-_/]+/g;
  for (let m = re.exec(name); m !== null; m = re.exec(name))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The parts of a model's name, or null when it has no size, variant or version to read. */
export function modelNameParts(name: string): ModelNameParts | null {
  const ps = pieces(name);
  if (ps.length === 0 || name.length > 60) return null;
  let boundary = ps.length;
  for (let i = 1; i < ps.length; i++) {
    const t = (ps[i] as Piece).text;
    if (SIZE_PIECE.test(t) || VARIANT_WORDS.has(t.toLowerCase())) {
      boundary = i;
      break;
    }
  }
  const family = name.slice(0, (ps[boundary - 1] as Piece).end).trim();
  const parts: ModelNameParts = {};
  const sizes: Piece[] = [];
  const variant: Piece[] = [];
  for (let i = boundary; i < ps.length; i++) {
    const p = ps[i] as Piece;
    const afterSize = sizes.length > 0 && sizes[sizes.length - 1] === ps[i - 1];
    if (SIZE_PIECE.test(p.text) || (afterSize && ACTIVE_PIECE.test(p.text))) sizes.push(p);
    else variant.push(p);
  }
  const version = VERSION_END.exec((ps[boundary - 1] as Piece).text);
  // A family that is only a number ("7B" alone) or no name at all is no family.
  if (!/[a-z]/i.test(family)) return null;
  if (sizes.length > 0) parts.size = sizes.map((p) => p.text).join("-");
  if (variant.length > 0)
    parts.variant = name.slice((variant[0] as Piece).start, (variant[variant.length - 1] as Piece).end);
  if (version && /\d/.test(version[1] as string) && (ps[boundary - 1] as Piece).text !== version[1])
    parts.version = version[1] as string;
  else if (version && boundary > 1) parts.version = version[1] as string;
  if (parts.size === undefined && parts.variant === undefined && parts.version === undefined) return null;
  parts.family = family;
  return parts;
}

/**
 * The names of the base a variant derives from, nearest first: the same size without the
 * variant ("Qwen2.5-7B-Instruct" → "Qwen2.5-7B"), then the family ("Qwen2.5").
 */
export function baseNamesOf(parts: ModelNameParts): string[] {
  const family = parts.family;
  if (family === undefined) return [];
  const out: string[] = [];
  if (parts.variant !== undefined && parts.size !== undefined) out.push(`${family}-${parts.size}`);
  if (parts.variant !== undefined || parts.size !== undefined) out.push(family);
  return out;
}
