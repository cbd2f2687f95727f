import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileTree, treeListing } from './file-tree.ts';

const params = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 300 };

describe('fileTree', () => {
  it('yields distinct valid COS keys, none a directory of another', () => {
    fc.assert(fc.property(fileTree(), (tree) => {
      expect(tree.length).toBeGreaterThan(0);
      const paths = tree.map((file) => file.path);
      expect(new Set(paths).size).toBe(paths.length);
      for (const path of paths) {
        expect(path).not.toMatch(/^\/|\/$|\/\/|[\u0000-\u001f\u007f\\]/);
        for (const segment of path.split('/')) {
          expect(['.', '..']).not.toContain(segment);
          expect(segment.trim()).toBe(segment);
        }
        expect(paths.some((other) => other.startsWith(`${path}/`))).toBe(false);
        expect(new TextEncoder().encode(path).length).toBeLessThanOrEqual(600);
      }
    }), params);
  });

  it('produces empty files, nested paths and non-ASCII names', () => {
    const samples = fc.sample(fileTree(), { numRuns: 200, seed: 7 }).flat();
    expect(samples.some((file) => file.data.length === 0)).toBe(true);
    expect(samples.some((file) => file.path.includes('/'))).toBe(true);
    expect(samples.some((file) => /[^\x00-\x7f]/.test(file.path))).toBe(true);
    expect(samples.some((file) => new TextEncoder().encode(file.path).length > 100)).toBe(true);
  });

  it('lists a tree sorted with a prefix and hex bytes', () => {
    expect(treeListing([{ path: 'b', data: new Uint8Array([1]) }, { path: 'a', data: new Uint8Array(0) }], 'p/')).toEqual([['p/a', ''], ['p/b', '01']]);
  });
});
