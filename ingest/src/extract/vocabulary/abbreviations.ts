/**
 * Abbreviations whose final period does not end a sentence ("e.g.", "et al.", "Fig."). Used by
 * the sentence splitter. Source: the abbreviations of English scientific prose.
 */
import { wordSet } from "./words.ts";

export const ABBREVIATIONS = wordSet(`
  e.g i.e etc vs v.s al fig figs eq eqs sec secs no nos approx cf resp ca dr mr mrs ms prof inc ltd co st jr sr
  vol pp ref refs viz incl esp avg max min dept univ
`);
