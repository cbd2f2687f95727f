import { describe, expect, it } from 'vitest';
import { createNameDeduper, flattenedName, renamedName } from './naming.ts';

describe('flattenedName (reference §2.2)', () => {
  it('follows the documented worked example for Prefix test/data/', () => {
    const key = 'test/data/a/b.txt';
    expect(flattenedName(key, '0', 'test/data/')).toBe('test/data/a/b.txt');
    expect(flattenedName(key, '1', 'test/data/')).toBe('b.txt');
    expect(flattenedName(key, '2', 'test/data/')).toBe('data/a/b.txt');
    expect(flattenedName(key, '3', 'test/data/')).toBe('a/b.txt');
  });

  it('treats a prefix without trailing slash as naming from its directory', () => {
    expect(flattenedName('test/data/a.txt', '3', 'test/da')).toBe('data/a.txt');
    expect(flattenedName('test/data/a.txt', '2', 'test/da')).toBe('test/data/a.txt');
    expect(flattenedName('data/a.txt', '2', 'da')).toBe('data/a.txt');
  });

  it('drops directories with Flatten 1 for Key sources', () => {
    expect(flattenedName('source/test.mp4', '1')).toBe('test.mp4');
    expect(flattenedName('top.txt', '1')).toBe('top.txt');
  });

  it('takes a rename as the whole path without leading slashes', () => {
    expect(renamedName('/x/y.txt')).toBe('x/y.txt');
  });
});

describe('createNameDeduper', () => {
  it('suffixes later duplicates before the extension and keeps counting', () => {
    const unique = createNameDeduper();
    expect(['a/b.txt', 'a/b.txt', 'a/b.txt', 'a/b (1).txt', 'c', 'c', '.rc', '.rc', 'd.x/e', 'd.x/e'].map(unique))
      .toEqual(['a/b.txt', 'a/b (1).txt', 'a/b (2).txt', 'a/b (1) (1).txt', 'c', 'c (1)', '.rc', '.rc (1)', 'd.x/e', 'd.x/e (1)']);
  });
});
