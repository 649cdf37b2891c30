/**
 * Technique names that are Methods wherever they occur: adapters, preference optimisation,
 * reinforcement learning, optimisers, layers, prompting strategies, augmentations, classic text
 * representations and retrieval scores (TF-IDF, BM25, bag-of-words). Used by
 * typing. Source: techniques named across the field's papers (LoRA, DPO, GRPO, Adam).
 */
import { wordSet } from "./words.ts";

export const METHOD_NAMES = wordSet(`
  lora qlora dora adalora loha lokr ia3 peft vera prefix-tuning p-tuning prompt-tuning
  dpo ipo kto orpo simpo grpo ppo reinforce rloo remax gspo dapo trpo sac td3 ddpg dqn
  rlhf rlaif star rest distillation kd
  adam adamw sgd lion muon shampoo adagrad rmsprop lamb adafactor
  dropout batchnorm layernorm rmsnorm rope alibi flashattention flash-attention
  medprompt cot-sc self-consistency react reflexion tree-of-thoughts
  smote mixup cutmix randaugment autoaugment
  tf-idf tfidf bm25 bow bag-of-words
`);
