/**
 * The extractor's vocabulary: every word list and naming pattern it relies on, in one
 * place, so that what it "knows" is visible and reviewable. These are broad, field-wide
 * lists (well-known model families, benchmark naming conventions, metric and modality
 * names, generic acronyms, type-bearing head nouns). No name of a paper's own new model,
 * data set or method belongs here: those must be read from the text by the patterns.
 *
 * All lookups are on lower-cased strings or normalised keys, through Sets, in O(1).
 */
import { keyOf } from "./key.ts";

const set = (words: string): ReadonlySet<string> =>
  new Set(
    words
      .split(/[\s|]+/)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w.length > 0),
  );

/**
 * Well-known model families. A name is a Model when one of its parts (the whole name,
 * the part before a version digit, a hyphen-separated part, or a CamelCase tail such as
 * the GPT of BioGPT) is one of these.
 */
export const MODEL_FAMILIES = set(`
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

/**
 * Well-known data sets and benchmarks, by normalised key prefix. Only names whose
 * meaning is stable across the field (the way GPT or BERT are) are listed.
 */
export const KNOWN_BENCHMARKS = set(`
  mmlu mmlu-pro gsm8k math humaneval mbpp hellaswag winogrande arc truthfulqa bbh big-bench gpqa
  aime livecodebench swe-bench mt-bench alpacaeval arena-hard chatbot-arena ifeval
  mmmu mathvista mmbench seed-bench pope mme textvqa docvqa chartqa vqav2 gqa okvqa scienceqa
  medqa pubmedqa medmcqa glue superglue squad drop race boolq piqa siqa openbookqa commonsenseqa
  triviaqa naturalquestions hotpotqa imagenet-a imagenet-r
`);
export const KNOWN_DATASETS = set(`
  coco ms-coco imagenet cifar cifar-10 cifar-100 mnist fashion-mnist svhn lsun celeba ffhq
  cityscapes ade20k pascal voc kitti nuscenes waymo kinetics ucf101 hmdb51 something-something
  laion laion-5b laion-400m cc3m cc12m conceptual captions flickr30k visual-genome objects365 lvis
  openimages sa-1b the-pile pile c4 redpajama refinedweb fineweb dolma slimpajama wikitext
  bookcorpus openwebtext sharegpt ultrachat ultrafeedback dolly oasst1 flan
  mimic mimic-iii mimic-iv mimic-cxr chexpert chestx-ray14 padchest brats lidc lidc-idri
  kvasir isic camelyon tcga ukbiobank uk-biobank totalsegmentator amos btcv librispeech
  commonvoice common-voice audioset vctk wikipedia wikidata dbpedia freebase conceptnet yago
`);

/** Benchmark naming conventions: MedQ-Bench, MMBench, MedQA, AlpacaEval, Arena-Hard. */
export function benchmarkShape(name: string): boolean {
  const n = name.replace(/[\s~]+\d+(?:\.\d+)?$/, "");
  return (
    /bench(?:mark)?(?:[-\s]?[A-Za-z0-9.]{1,12})?$/i.test(n) ||
    /[a-z0-9]QA(?:[-\s]?\d{0,4})?$/.test(n) ||
    /[a-z]Eval$|-Eval$|EVAL$/.test(n) ||
    /-(?:Hard|Test|Arena)$|Arena$/.test(n)
  );
}

/** Metric names (never entities): BLEU-4, ROUGE-L, AUROC, Dice, F1, mIoU... */
export const METRICS = set(`
  bleu bleu-1 bleu-2 bleu-3 bleu-4 rouge rouge-1 rouge-2 rouge-l rouge-lsum meteor cider spice bertscore bleurt
  chrf comet mauve perplexity ppl auroc auc auprc roc prc dice dsc iou miou iou-3d ap ap50 ap75 ar map mar
  f1 f1-score micro-f1 macro-f1 em exact-match acc accuracy precision recall specificity sensitivity
  psnr ssim ms-ssim lpips fid fvd kid is clipscore clip-score mae mse rmse mape smape r2 nse ece brier
  pass@1 pass@k pass@10 wer cer ter ndcg mrr hits@1 hits@10 hd hd95 nsd asd assd pq sq rq pixelacc
  top-1 top-5 elo win-rate lc gflops flops tflops fps mos pesq stoi si-sdr sdr kendall spearman pearson
`);

/** Imaging and sensing modalities (never entities): CT, MRI, PET... */
export const MODALITIES = set(`
  ct mri pet pet/ct pet/mri pet-ct pet-mri spect fmri dmri dti t1 t1w t2 t2w flair dwi adc
  x-ray xray cxr us oct octa fundus eeg ecg ekg emg meg wsi h&e ihc rgb rgb-d rgbd lidar radar sar
  ir nir msi hsi cbct mra cta pet/ct-based
`);

/**
 * Generic acronyms and terms of the field (never entities): kinds of models, tasks,
 * techniques too general to name one thing, hardware, formats.
 */
export const GENERIC_TERMS = set(`
  ai agi asi ml dl nlp nlu nlg cv llm llms mllm mllms lmm lmms lvlm lvlms vlm vlms vla vlas slm slms plm plms
  moe mixture-of-experts mixtures-of-experts mixture-of-expert chain-of-thought vision-language vision-language-action
  i2i v2v a2v t2s q&a ner pos re nli sts mrc image-to-image video-to-video
  text-to-image text-to-video image-text image-to-text text-to-speech speech-to-text state-of-the-art sft rl rlhf rlaif rlvr irl il bc cot tot got icl rag kg kgs qa vqa vqa-rad ocr asr tts
  gui guis api apis gpu gpus cpu tpu npu fp16 bf16 fp8 int8 int4 json html xml sql pdf url urls
  mlp mlps cnn cnns rnn rnns lstm gru gnn gnns gcn transformer transformers vit-based attention ffn ffns
  sota ood id iid nerf gan gans vae vaes ddpm ldm dm dms ssm ssms hmm crf svm knn pca
  llm-based ai-based 3d 2d 4d 1d rgb hd uhd 4k 8k ui ux io os ar vr xr iot
  gmai gai agentic agents agent chatbot chatbots t2i t2v i2v t2a tts stt asr nmt mt
  lora-based sae saes kl ce bce nll mle map
  eq fig figs sec tab appendix stem steam
  lrm lrms rm rms prm prms orm orms sd mdm mdms dllm dllms vlm-based github huggingface hugging-face arxiv twitter reddit youtube
  bench benchmark benchmarks dataset datasets model models network framework method methods
`);

/** Technique names that are Methods wherever they occur (LoRA, DPO, GRPO...). */
export const METHOD_NAMES = set(`
  lora qlora dora adalora loha lokr ia3 peft vera prefix-tuning p-tuning prompt-tuning
  dpo ipo kto orpo simpo grpo ppo reinforce rloo remax gspo dapo trpo sac td3 ddpg dqn
  rlhf rlaif star rest distillation kd
  adam adamw sgd lion muon shampoo adagrad rmsprop lamb adafactor
  dropout batchnorm layernorm rmsnorm rope alibi flashattention flash-attention
  medprompt cot-sc self-consistency react reflexion tree-of-thoughts
  smote mixup cutmix randaugment autoaugment
`);

/**
 * Head nouns that type the name they describe ("X, a large-scale benchmark", "the X
 * dataset", "X model"), each with the label it implies and a weight. Weak heads
 * (framework, pipeline, system) can be outvoted by what the text says X does.
 */
export type HeadLabel = "Model" | "Dataset" | "Benchmark" | "Method" | "Reject" | "Task";
const HEAD_NOUN_GROUPS: Array<[HeadLabel, number, string]> = [
  [
    "Model",
    3,
    "model|models|llms|mllms|vlms|lvlms|lmms|llm|mllm|vlm|lvlm|lmm|slm|network|networks|net|transformer|encoder|decoder|autoencoder|backbone|checkpoint|checkpoints|agent|assistant|chatbot|classifier|detector|segmenter|generator|extractor|predictor|planner|policy|reasoner|retriever|tokenizer|family|series|variant|variants|generalist|specialist",
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
    "method|methods|algorithm|technique|approach|strategy|objective|loss|optimizer|optimiser|recipe|paradigm|procedure|mechanism|module|adapter|layer|regularizer|scheme|protocol|prompting|attention|operator|block",
  ],
  ["Method", 0.75, "framework|platform|library|environment"],
  ["Method", 1.5, "pipeline|workflow"],
  [
    "Reject",
    4,
    "metric|metrics|score|scores|measure|index|criterion|rate|coefficient|error|distance|accuracy",
  ],
  ["Task", 3, "task|tasks|problem|setting|challenge task|concept|modality|disease|format"],
];
export const HEAD_NOUNS: ReadonlyMap<string, { label: HeadLabel; weight: number }> = new Map(
  HEAD_NOUN_GROUPS.flatMap(([label, weight, words]) =>
    words.split("|").map((w) => [w, { label, weight }] as const),
  ),
);

/** Last words of a long form that make it a task, not a thing: "... Segmentation (RVOS)". */
export const TASK_TAILS = set(`
  segmentation detection assessment grounding recognition compression answering captioning retrieval
  classification estimation tracking prediction forecasting translation summarization localization
  registration reconstruction synthesis diagnosis analysis understanding generation editing parsing
  comprehension matching completion inpainting super-resolution denoising restoration planning navigation manipulation
  tomography imaging resonance ophthalmoscopy
`);
/** Last words of a long form that make it a Model: "... Memory Network (RSM-Net)". */
export const MODEL_TAILS_WORDS = set(`
  model network net transformer encoder decoder agent assistant llm gpt bert former machine
`);
/** Last words of a long form that make it a Method: "... Policy Optimization (GRPO)". */
export const METHOD_TAILS_WORDS = set(`
  optimization learning tuning fine-tuning training attention pooling adapter adaptation distillation
  alignment prompting regularization normalization sampling decoding search reward rewards loss
  mechanism module strategy algorithm paradigm aligner scheme embedding encoding augmentation
  parametrization parameterization preconditioning routing merging quantization pruning
`);
/** Last words of a long form that make it a Dataset or Benchmark. */
export const DATASET_TAILS_WORDS = set(
  `dataset corpus benchmark bench collection database challenge suite set`,
);

/** Words that may follow a model name as part of it: "GPT-4 Turbo", "Qwen2.5 Instruct". */
export const VARIANT_WORDS = set(`
  turbo pro mini max plus ultra instruct chat base large small medium tiny nano micro flash lite
  vision coder code math omni preview thinking reasoning reasoner distill xl xxl light air edge
  sonnet opus haiku
`);

/** Capitalised words that end a name after a name-shaped token: "Evolving WKV Attention", "RSM Network". */
export const NAME_TAIL_WORDS = set(`
  attention module network net loss block layer encoder decoder adapter transformer aligner former
  model models agent
`);

/** Capitalised type words that belong to a name when a number follows: "FeTA Challenge 2022". */
export const NAME_HEAD_WORDS = set(`challenge benchmark dataset corpus arena leaderboard`);

/** Known organisations of the field (companies, labs) for "X from NVIDIA" and similar. */
export const KNOWN_ORGANIZATIONS = set(`
  openai google deepmind google-deepmind meta facebook fair microsoft msr nvidia apple amazon aws ibm intel amd
  anthropic mistral cohere huggingface hugging-face alibaba tencent baidu bytedance huawei xiaomi sensetime
  megvii zhipu moonshot deepseek 01-ai stability stabilityai salesforce adobe samsung sony netease meituan
  jd kuaishou ant antgroup shanghai-ai-lab allenai ai2 eleutherai laion
`);

/** Organisation words: "... University", "... Lab", "Inc." */
export const ORGANIZATION_WORDS = set(`
  university universität université universidad institute institut lab labs laboratory laboratories
  inc ltd llc corp corporation company research academy college school hospital center centre foundation
  group team
`);

/** Abbreviations whose final period does not end a sentence. */
export const ABBREVIATIONS = set(`
  e.g i.e etc vs v.s al fig figs eq eqs sec secs no nos approx cf resp ca dr mr mrs ms prof inc ltd co st jr sr
  vol pp ref refs viz incl esp avg max min dept univ
`);

const stopCache = new Map<string, boolean>();

/** Is this key a metric, a modality or a generic term (never an entity)? Memoised. */
export function isStopName(name: string): boolean {
  const hit = stopCache.get(name);
  if (hit !== undefined) return hit;
  if (stopCache.size > 200_000) stopCache.clear();
  const v = stopName(name);
  stopCache.set(name, v);
  return v;
}

function stopName(name: string): boolean {
  const lower = name.toLowerCase();
  // "Dice Similarity Coefficient", "BLEU score": a metric's name followed by more words.
  const space = lower.indexOf(" ");
  if (space > 0 && METRICS.has(lower.slice(0, space))) return true;
  const key = keyOf(name);
  if (METRICS.has(lower) || MODALITIES.has(lower) || GENERIC_TERMS.has(lower)) return true;
  if (METRICS.has(key) || MODALITIES.has(key) || GENERIC_TERMS.has(key)) return true;
  // Plurals of generic acronyms (LLMs, CNNs, VLMs) and "-based" compounds.
  if (/^[A-Z]{2,6}s$/.test(name) && GENERIC_TERMS.has(lower.slice(0, -1))) return true;
  if (/[A-Z]{2,}s$/.test(name) && /(?:LLM|LM|VLM|GNN|CNN|RNN|GAN|VAE|MLP|API|GPU|GUI)s$/.test(name))
    return true;
  if (/-(?:based|like|style|level|wise|free|aware|guided|driven|only|scale|specific)$/i.test(name))
    return true;
  // Metric with a number or suffix: BLEU-4, ROUGE-L, F1@5, Recall@10, mAP@0.5.
  const head = lower.split(/[-@:]/)[0] ?? lower;
  if (
    METRICS.has(head) &&
    /^[a-z]+(?:[-@][a-z0-9.]{1,4})?$/i.test(lower) &&
    !/[a-z]{5,}$/.test(lower.slice(head.length))
  )
    return true;
  if (/acc$/i.test(name) && name.length <= 10) return true;
  // Hardware: "A100", "H100", "RTX 4090", "MI210", "TPU v4".
  if (
    /^(?:[AHBLVT]\d{2,3}|RTX ?\d{4}|MI\d{3}X?|TPU ?v?\d|[A-Z]{2,5} (?:[AHBLVT]\d{2,3}|MI\d{3}X?|RTX ?\d{4}))$/.test(
      name,
    )
  )
    return true;
  return false;
}

/** Does this name belong to a well-known model family (GPT-4o, Qwen2.5-7B, Med-PaLM, BioGPT)? */
export function modelFamily(name: string): boolean {
  const lower = name.toLowerCase();
  const parts = lower.split(/[\s/_]+/);
  for (const part of parts) {
    const pieces = part.split("-");
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k] as string;
      if (MODEL_FAMILIES.has(piece)) return k === 0 || piece.length >= 3;
      // Family followed by a version: qwen2.5, llama3, gpt4o, internvl2.
      const m = /^([a-z]+)[0-9]/.exec(piece);
      if (m?.[1] && MODEL_FAMILIES.has(m[1]) && m[1].length >= 2) return true;
      if (k === 0 && pieces.length > 1 && MODEL_FAMILIES.has(`${piece}-${pieces[1]}`)) return true;
    }
  }
  // "IndicBERTv2", "BioGPT-2": a family tail with a version.
  const bare = name.replace(/-?v?\d+(?:\.\d+)?$/, "");
  for (const tail of MODEL_TAILS) {
    if (
      bare.length > tail.length + 1 &&
      bare.endsWith(tail) &&
      /[A-Za-z]/.test(bare.charAt(bare.length - tail.length - 1))
    ) {
      if (tail === "Net" && !/[a-z]Net$|-Net$|[A-Z]Net$/.test(bare)) continue;
      return true;
    }
  }
  return false;
}

/** Is this name a well-known benchmark or data set, or does it follow a benchmark naming pattern? */
export function datasetVocabulary(name: string): "benchmark" | "dataset" | null {
  const key = keyOf(name);
  const base = key.replace(/-\d+(?:-\d+)*$/, "");
  if (KNOWN_BENCHMARKS.has(key) || KNOWN_BENCHMARKS.has(base)) return "benchmark";
  if (KNOWN_DATASETS.has(key) || KNOWN_DATASETS.has(base)) return "dataset";
  if (benchmarkShape(name)) return "benchmark";
  return null;
}

/** Is this a known technique name (LoRA, DPO, GRPO, Adam)? Preference-optimisation names end in PO. */
export function methodVocabulary(name: string): boolean {
  const key = keyOf(name);
  if (METHOD_NAMES.has(key)) return true;
  return /^[A-Z][A-Za-z-]{0,12}PO$/.test(name) && name.length <= 12;
}
