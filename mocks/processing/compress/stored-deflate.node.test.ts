import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sameBytes } from './extract.node.ts';
import { concatBytes } from './bytes.ts';
import { storedBlocks } from './stored-deflate.ts';

describe('storedBlocks', () => {
  it.each([0, 1, 65_535, 65_536, 200_000])('frames %i bytes that zlib inflates back, alone or before a final block', (size) => {
    const data = Uint8Array.from({ length: size }, (_, i) => (i * 131) & 0xff);
    expect(sameBytes(inflateRawSync(storedBlocks(data, true)), data)).toBe(true);
    const joined = concatBytes([storedBlocks(data, false), storedBlocks(Uint8Array.of(7), true)]);
    expect(sameBytes(inflateRawSync(joined), concatBytes([data, Uint8Array.of(7)]))).toBe(true);
  });
});
