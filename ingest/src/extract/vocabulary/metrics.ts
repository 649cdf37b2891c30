/**
 * Metric names. Used by the stop-name test: a metric (or a metric with a suffix, "BLEU-4",
 * "Recall@10", "Dice Similarity Coefficient") is never an entity. Source: the evaluation
 * measures reported across NLP, vision, speech, medical imaging and retrieval papers.
 */
import { wordSet } from "./words.ts";

export const METRICS = wordSet(`
  bleu bleu-1 bleu-2 bleu-3 bleu-4 rouge rouge-1 rouge-2 rouge-l rouge-lsum meteor cider spice bertscore bleurt
  chrf comet mauve perplexity ppl auroc auc auprc roc prc dice dsc iou miou iou-3d ap ap50 ap75 ar map mar
  f1 f1-score micro-f1 macro-f1 em exact-match acc accuracy precision recall specificity sensitivity
  psnr ssim ms-ssim lpips fid fvd kid is clipscore clip-score mae mse rmse mape smape r2 nse ece brier
  pass@1 pass@k pass@10 wer cer ter ndcg mrr hits@1 hits@10 hd hd95 nsd asd assd pq sq rq pixelacc
  top-1 top-5 elo win-rate lc gflops flops tflops fps mos pesq stoi si-sdr sdr kendall spearman pearson
`);
