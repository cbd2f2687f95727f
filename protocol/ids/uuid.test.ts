import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.ts';
import { createUuidV1Source, uuidV1Time, uuidV4Hex } from './uuid.ts';

const runs = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
const asUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

describe('UUID v1', () => {
  it('decodes the documented JobId to its CreationTime 2022-07-18T15:16:43+0800 (§3.3)', () => {
    const ms = uuidV1Time('93984788066911ed89ed352d4d9d2084');
    expect(new Date(ms as number).toISOString()).toBe('2022-07-18T07:16:43.591Z'); // §3.3 rounds to .59
  });

  it('encodes the clock time and decodes back to it, with RFC 4122 version and variant', () => {
    const instant = fc.integer({ min: -12_219_292_800_000, max: 8_000_000_000_000 });
    fc.assert(fc.property(instant, fc.integer(), (ms, seed) => {
      const hex = createUuidV1Source(() => ms, seededRandom(seed)).next();
      expect(asUuid(hex)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuidV1Time(hex)).toBe(ms);
    }), runs(300));
  });

  it('stays unique when many ids share one millisecond or the clock goes backwards', () => {
    const times = [1000, 1000, 1000, 999, 1000, 5, 1000];
    let index = 0;
    const source = createUuidV1Source(() => times[index++ % times.length] as number, seededRandom(3));
    const ids = Array.from({ length: 30_000 }, () => source.next());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map(uuidV1Time))).toEqual(new Set([1000, 999, 5]));
  });

  it('matches a BigInt reference of RFC 4122 §4.2.1 for any sequence of clock readings', () => {
    // The straightforward 60-bit arithmetic the source avoids for speed.
    const reference = (times: number[], seed: number): string[] => {
      const offset = 0x01b21dd213814000n;
      const random = seededRandom(seed);
      const node = createUuidV1Source(() => 0, random).next().slice(20); // same draws: node, then clock sequence
      let clockSeq = Number.parseInt(createUuidV1Source(() => 0, seededRandom(seed)).next().slice(16, 20), 16) & 0x3fff;
      let last = -1n;
      return times.map((ms) => {
        const msTicks = BigInt(ms) * 10_000n + offset;
        let ticks = msTicks;
        if (msTicks <= last && last + 1n < msTicks + 10_000n) ticks = last + 1n;
        else if (msTicks <= last) clockSeq = (clockSeq + 1) & 0x3fff;
        last = ticks;
        const timeHigh = ((ticks >> 48n) & 0x0fffn) | 0x1000n;
        return `${(ticks & 0xffffffffn).toString(16).padStart(8, '0')}${((ticks >> 32n) & 0xffffn).toString(16).padStart(4, '0')}${timeHigh.toString(16)}${(clockSeq | 0x8000).toString(16)}${node}`;
      });
    };
    const instant = fc.oneof(fc.integer({ min: -12_219_292_800_000, max: 103_072_857_660_684 }), fc.constantFrom(0, 1, 2, 1_700_000_000_000, 103_072_857_660_684));
    fc.assert(fc.property(fc.array(instant, { maxLength: 40 }), fc.nat(20), fc.integer(), (times, repeat, seed) => {
      const sequence = times.flatMap((ms, i) => (i % 3 === 0 ? Array<number>(repeat + 1).fill(ms) : [ms]));
      let index = 0;
      const source = createUuidV1Source(() => sequence[index++] as number, seededRandom(seed));
      expect(sequence.map(() => source.next())).toEqual(reference(sequence, seed));
    }), runs(300));
  });

  it('uses the next clock sequence after 10 000 ids in one millisecond', () => {
    const source = createUuidV1Source(() => 1000, seededRandom(5));
    const ids = Array.from({ length: 10_001 }, () => source.next());
    expect(ids[10_000]?.slice(0, 16)).toBe(ids[0]?.slice(0, 16));
    expect(ids[10_000]?.slice(16, 20)).not.toBe(ids[0]?.slice(16, 20));
  });

  it('refuses clocks the 60-bit timestamp cannot hold', () => {
    expect(() => createUuidV1Source(() => -12_219_292_800_001, seededRandom(1)).next()).toThrow(/^\[fileproc\]/);
    expect(() => createUuidV1Source(() => 103_072_857_660_685, seededRandom(1)).next()).toThrow(/^\[fileproc\]/);
    expect(() => createUuidV1Source(() => Number.NaN, seededRandom(1)).next()).toThrow(/^\[fileproc\]/);
  });

  it('rejects non-v1 hex when decoding', () => {
    expect(uuidV1Time('2911917386e148639319e13c285cc774')).toBeUndefined();
  });
});

describe('UUID v4', () => {
  it('sets version 4 and the RFC 4122 variant', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      expect(asUuid(uuidV4Hex(seededRandom(seed)))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }), runs(200));
  });
});
