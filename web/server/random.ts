/**
 * mulberry32: a small seeded generator, so the same input gives the same output (the
 * lineage map's layout, the benchmark reports' samples). The one PRNG of this kind in
 * the repository: the server and the benchmarks both import it from here.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
