import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson } from './context.ts';

const params = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 300 };

describe('cloneJson', () => {
  it('gives what a JSON round trip gives (undefined dropped, NaN null, -0 as 0, Dates as strings)', () => {
    const value = fc.anything({ withDate: true, withNullPrototype: true, withObjectString: false, withBigInt: false, withSparseArray: true });
    fc.assert(fc.property(fc.dictionary(fc.string(), value), (input) => {
      expect(cloneJson(input)).toStrictEqual(JSON.parse(JSON.stringify(input)));
    }), params);
  });

  it('shares no object with its input', () => {
    const job = { Input: { Object: 'a' }, Operation: { List: [{ Key: 'k' }] } };
    const copy = cloneJson(job);
    copy.Input.Object = 'b';
    (copy.Operation.List[0] as { Key: string }).Key = 'x';
    expect(job).toEqual({ Input: { Object: 'a' }, Operation: { List: [{ Key: 'k' }] } });
  });

  it('keeps a __proto__ member as data, as JSON.parse does', () => {
    const input = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const copy = cloneJson(input);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
