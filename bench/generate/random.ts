/**
 * Deterministic randomness for the generators: a small seeded PRNG (sfc32, seeded
 * through splitmix32) and the samplers the corpus needs (uniform, Zipf, Poisson-ish
 * counts). Same seed, same sequence, on every machine.
 */

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A sampler of indices 0..n-1 with P(i) ∝ 1 / (i + 1)^s: a few hubs, a long tail. */
  zipf(n: number, s: number): () => number;
  /** A small count with the given mean (geometric), capped. */
  count(mean: number, max: number): number;
  /** An independent stream for one part of the generator. */
  fork(label: string): Random;
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = () => {
    // sfc32
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as never,
    zipf: (n, s) => {
      const cdf = new Float64Array(n);
      let total = 0;
      for (let i = 0; i < n; i++) {
        total += 1 / (i + 1) ** s;
        cdf[i] = total;
      }
      return () => {
        const x = next() * total;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((cdf[mid] as number) < x) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
    },
    count: (mean, max) => {
      const p = 1 / (1 + mean);
      let k = 0;
      while (k < max && next() > p) k++;
      return k;
    },
    fork: (label) => createRandom((seed ^ hashLabel(label)) >>> 0),
  };
  return random;
}
