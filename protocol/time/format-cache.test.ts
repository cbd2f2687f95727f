import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJobTime, parseJobTime } from './vendor-time.ts';

const params = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 500 };

describe('formatJobTime with its per-second cache', () => {
  it('answers the same instant alike at every offset, whatever was formatted before', () => {
    const instant = fc.integer({ min: 86_400_000, max: 253_402_128_000_000 }) // a day inside years 0000–9999 at any offset;
    const offset = fc.integer({ min: -1439, max: 1439 });
    fc.assert(fc.property(fc.array(fc.tuple(instant, offset), { minLength: 1, maxLength: 20 }), (calls) => {
      for (const [ms, minutes] of calls) {
        const text = formatJobTime(ms, minutes);
        expect(formatJobTime(ms, minutes)).toBe(text);
        expect(parseJobTime(text)).toBe(Math.floor(ms / 1000) * 1000);
      }
    }), params);
  });

  it('keeps slot-sharing seconds apart (256 s apart share a slot)', () => {
    expect(formatJobTime(0)).toBe('1970-01-01T08:00:00+0800');
    expect(formatJobTime(256_000)).toBe('1970-01-01T08:04:16+0800');
    expect(formatJobTime(0, 0)).toBe('1970-01-01T00:00:00+0000');
    expect(formatJobTime(0)).toBe('1970-01-01T08:00:00+0800');
  });
});
