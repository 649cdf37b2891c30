/**
 * Names that look like names but are never a model, a data set or a method: natural
 * languages ("Polish", "Korean": the language a data set or model covers, not the thing),
 * tasks written like names ("VideoQA", "image-QA", "KB-VQA": a kind of question answering,
 * not one benchmark), and plural acronyms ("VFMs", "PTMs": a class of models). Used by the
 * stop-name test (lexicon.ts). Source: ISO 639 language names common in the field's papers,
 * and the modality prefixes of question-answering tasks; benchmarks of the same shape that
 * do name one thing (TextVQA, DocVQA, ChartQA, MedQA) keep their own prefixes and stay names.
 */
import { wordSet } from "./words.ts";

export const LANGUAGES = wordSet(`
  english chinese mandarin cantonese polish german french spanish italian portuguese dutch swedish
  norwegian danish finnish icelandic greek latin hebrew arabic persian farsi turkish kurdish russian
  ukrainian czech slovak hungarian romanian bulgarian serbian croatian slovenian lithuanian latvian
  estonian japanese korean vietnamese thai indonesian malay filipino tagalog hindi bengali urdu tamil
  telugu marathi gujarati kannada malayalam punjabi nepali sinhala swahili amharic yoruba hausa igbo
  zulu xhosa afrikaans basque catalan galician welsh irish sardinian maltese albanian armenian
  georgian azerbaijani kazakh uzbek mongolian tibetan burmese khmer lao
`);

/** A question-answering task by modality or source, not one benchmark: "VideoQA", "image-QA", "KB-VQA". */
export const TASK_QA = /^(?:video|image|img|kb|knowledge|visual|open-domain|multi-hop|multimodal)-?v?qa$/i;

/** "VFMs", "PTMs": an all-capital acronym in the plural names a class of things. */
export const PLURAL_ACRONYM = /^[A-Z]{2,6}s$/;
