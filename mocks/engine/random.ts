/** A source of numbers in [0, 1); injected so that job timing jitter is reproducible. */
export interface RandomSource {
  next(): number;
}

/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same sequence in every
 * runtime. Not for anything security-related — only for timing jitter.
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A uniform number in [min, max] drawn from `random`. */
export function between(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * random.next();
}
