/**
 * Deterministic generators for benchmarks and load tests:
 * - generateCorpus({ papers, seed }): an ExtractionResult that loads through the real loader;
 * - generateWireGraph({ nodes, edges, seed }): a {nodes, edges} graph for the web benchmark.
 */
export { type CorpusOptions, corpusManifestSource, generateCorpus, MAX_LINEAGE_DEPTH } from "./corpus.ts";
export { createRandom, type Random } from "./random.ts";
export { generateWireGraph, type WireGraphOptions } from "./wire.ts";
