/**
 * Architecture classes: kinds of network that many models share (a Diffusion Transformer, a
 * Mixture-of-Experts, a U-Net), not one model that a new one was made from. "Built upon the
 * DiT architecture" says what shape a model has, not its lineage, so no BASED_ON points to
 * one (relations/derivation.ts, relations/pairs.ts). Keys as key.ts makes them. Source: the
 * generic architectures named across the field's papers.
 */
import { keyOf } from "../key.ts";
import { wordSet } from "./words.ts";

export const ARCHITECTURE_CLASSES = wordSet(`
  transformer transformers diffusion-transformer diffusion-transformers dit dits mmdit mm-dit
  multimodal-diffusion-transformer mixture-of-transformers mot mixture-of-experts moe
  u-net unet vit vision-transformer cnn rnn lstm gan vae mlp ssm state-space-model mamba
`);

/** Is the name an architecture class, or one qualified by a word before it ("adaLN DiT", "Video Diffusion Transformer")? */
export function architectureClass(surface: string): boolean {
  if (ARCHITECTURE_CLASSES.has(keyOf(surface))) return true;
  const space = surface.lastIndexOf(" ");
  return space > 0 && ARCHITECTURE_CLASSES.has(keyOf(surface.slice(space + 1)));
}
