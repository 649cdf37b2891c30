/**
 * Generic acronyms and terms of the field: kinds of models, tasks, techniques too general to
 * name one thing, hardware, formats, sites. Used by the stop-name test: never entities ("LLMs",
 * "MoE", "RAG", "GPU"). Source: the field's common vocabulary as it appears capitalised in
 * abstracts; "MoT" (Mixture-of-Transformers) is a kind of network like "MoE", "TSFM" and "GFM" kinds of foundation models.
 */
import { wordSet } from "./words.ts";

export const GENERIC_TERMS = wordSet(`
  ai agi asi ml dl nlp nlu nlg cv llm llms mllm mllms lmm lmms lvlm lvlms vlm vlms vla vlas slm slms plm plms
  moe mixture-of-experts mixtures-of-experts mixture-of-expert mot mixture-of-transformers mixtures-of-transformers
  tsfm tsfms gfm gfms chain-of-thought vision-language vision-language-action
  i2i v2v a2v t2s q&a ner pos re nli sts mrc image-to-image video-to-video
  text-to-image text-to-video image-text image-to-text text-to-speech speech-to-text state-of-the-art sft rl rlhf rlaif rlvr irl il bc cot tot got icl rag kg kgs qa vqa ocr asr tts
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
