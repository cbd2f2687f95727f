import { describe, expect, it } from 'vitest';
import { seededRandom } from './ids.ts';
import { createRequestIdGenerator, decodeRequestId } from './request-id.ts';

describe('request ids', () => {
  it('decodes the documented example (§3.3)', () => {
    expect(decodeRequestId('NjMxMDJhYTNfMThhYTk0MGFfYmU1OV8zZjc=')).toEqual({ unixSeconds: 0x63102aa3, fields: ['18aa940a', 'be59', '3f7'] });
  });

  it('carries the clock time, is unique per call and reproducible per seed', () => {
    const now = Date.UTC(2022, 8, 1, 3, 4, 5, 678);
    const make = () => createRequestIdGenerator({ now: () => now, random: seededRandom(9) });
    const generator = make();
    const ids = Array.from({ length: 1000 }, () => generator());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(decodeRequestId(id)).toMatchObject({ unixSeconds: Math.floor(now / 1000) });
      expect(decodeRequestId(id)?.fields.slice(0, 2).map((f) => f.length)).toEqual([8, 4]);
    }
    const again = make();
    expect(Array.from({ length: 3 }, () => again())).toEqual(ids.slice(0, 3));
  });

  it.each(['', 'not base64!', btoa('hello'), btoa('63102aa3_18aa940a_be59')])('treats %j as not vendor-shaped', (id) => {
    expect(decodeRequestId(id)).toBeUndefined();
  });
});
