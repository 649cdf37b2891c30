/**
 * Well-known model families, and the CamelCase tails that mark a model built on one.
 * Used by typing: a name is a Model when one of its parts (the whole name, the part before a
 * version digit, a hyphen-separated part, or a CamelCase tail such as the GPT of BioGPT) is one
 * of these. Source: families that recur across the field's papers and model hubs, as stable as
 * GPT or BERT; never the name of one paper's own new model.
 */
import { wordSet } from "./words.ts";

export const MODEL_FAMILIES = wordSet(`
  gpt chatgpt gpt4 gpt4o o1 o3 o4 codex davinci instructgpt whisper dall-e dalle sora
  llama llama2 llama3 alpaca vicuna codellama tinyllama openllama
  qwen qwen2 qwen3 qwq qvq qwen-vl
  mistral mixtral codestral ministral pixtral
  gemma gemini palm palm2 bard lamda t5 flan-t5 flan mt5 bert roberta deberta albert electra distilbert
  biobert pubmedbert scibert clinicalbert bart xlnet ernie
  claude grok kimi moonshot deepseek yi baichuan chatglm glm internlm internvl intern
  minicpm phi falcon bloom bloomz pythia olmo opt-iml starcoder santacoder wizardlm wizardcoder
  orca zephyr tulu openchat nemotron granite command-r aya jamba mamba rwkv retnet hyena
  llava blip blip2 instructblip minigpt flamingo idefics cogvlm cogview fuyu kosmos paligemma
  clip siglip eva-clip openclip vit deit swin beit dino dinov2 mae convnext resnet resnext
  efficientnet mobilenet densenet vgg inception alexnet u-net unet nnu-net unetr swinunetr transunet
  sam sam2 medsam yolo detr mask2former maskformer segformer oneformer
  stable-diffusion sdxl imagen midjourney dit flux hunyuan cogvideo cogvideox
  wav2vec hubert wavlm valle vall-e tacotron fastspeech
  biogpt galactica codegen alphafold alphafold2 alphafold3 esm esm2 rosettafold
  gato rt-1 rt-2 openvla pi0 doubao ernie-bot
`);

/** Camel-case tails that mark a model built on a well-known family: BioGPT, PubMedBERT. */
export const MODEL_TAILS: readonly string[] = [
  "GPT",
  "BERT",
  "LLaMA",
  "Llama",
  "LLaVA",
  "CLIP",
  "SAM",
  "ViT",
  "Net",
  "Former",
  "former",
];
