/**
 * Organisations: well-known companies and labs of the field, and the words that make a name
 * an organisation's ("… University", "… Lab"). Used for "X from NVIDIA" (DEVELOPED) and to keep
 * a company named alone from being typed as a model. Source: the field's main publishers of
 * models and data sets, and the usual words of institution names.
 */
import { wordSet } from "./words.ts";

export const KNOWN_ORGANIZATIONS = wordSet(`
  openai google deepmind google-deepmind meta facebook fair microsoft msr nvidia apple amazon aws ibm intel amd
  anthropic mistral cohere huggingface hugging-face alibaba tencent baidu bytedance huawei xiaomi sensetime
  megvii zhipu moonshot deepseek 01-ai stability stabilityai salesforce adobe samsung sony netease meituan
  jd kuaishou ant antgroup shanghai-ai-lab allenai ai2 eleutherai laion
`);

export const ORGANIZATION_WORDS = wordSet(`
  university universität université universidad institute institut lab labs laboratory laboratories
  inc ltd llc corp corporation company research academy college school hospital center centre foundation
  group team
`);
