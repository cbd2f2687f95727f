import { describe, expect, it } from 'vitest';
import { looksIncompressible } from './entropy.ts';

describe('looksIncompressible', () => {
  it('flags random bytes and passes text, sparse binaries and short blocks', () => {
    const random = new Uint8Array(128 * 1024);
    for (let i = 0; i < random.length; i += 65536) globalThis.crypto.getRandomValues(random.subarray(i, i + 65536));
    expect(looksIncompressible(random)).toBe(true);
    expect(looksIncompressible(new TextEncoder().encode('plain words and more words, '.repeat(5000)))).toBe(false);
    expect(looksIncompressible(Uint8Array.from({ length: 128 * 1024 }, (_, i) => (i % 7 === 0 ? i & 0xff : 0)))).toBe(false);
    expect(looksIncompressible(random.subarray(0, 1000))).toBe(false);
  });
});
