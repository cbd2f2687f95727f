import { describe, expect, it } from 'vitest';
import { cryptoRandom, randomBytes, seededRandom, toHex } from './random.ts';

const draw = (random: () => number, count: number) => Array.from({ length: count }, random);

describe('seededRandom', () => {
  it('repeats a sequence for the same seed, number or text', () => {
    expect(draw(seededRandom(42), 20)).toEqual(draw(seededRandom(42), 20));
    expect(draw(seededRandom('demo'), 20)).toEqual(draw(seededRandom('demo'), 20));
  });

  it('gives different sequences for different seeds, including seeds beyond 32 bits', () => {
    const sequences = [1, 2, 2 ** 32 + 1, 2 ** 40, 'a', 'b', '1'].map((seed) => draw(seededRandom(seed), 4).join());
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('stays in [0, 1) and spreads evenly over 16 buckets (chi-square, fixed seeds)', () => {
    for (const seed of [0, 7, 20261121, 'fileproc']) {
      const values = draw(seededRandom(seed), 16_000);
      expect(values.filter((value) => !(value >= 0 && value < 1))).toEqual([]);
      const buckets = new Array<number>(16).fill(0);
      for (const value of values) buckets[Math.floor(value * 16)]! += 1;
      const chiSquare = buckets.reduce((sum, observed) => sum + (observed - 1000) ** 2 / 1000, 0);
      expect(chiSquare).toBeLessThan(37.7); // p = 0.001 with 15 degrees of freedom
    }
  });
});

describe('byte helpers', () => {
  it('draw bytes from any source and print lower-case hex', () => {
    expect(toHex(randomBytes(() => 0.999, 3))).toBe('ffffff');
    expect(toHex(randomBytes(() => 0, 2))).toBe('0000');
    expect(randomBytes(cryptoRandom, 32).length).toBe(32);
  });
});
