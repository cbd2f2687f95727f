import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isHandedOver } from '../../store/body.ts';
import { zlibGunzip, zlibZipInflater } from './codecs.node.ts';
import { fflateGunzip } from './codecs.ts';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

async function* chunked(data: Uint8Array, sizes: number[]): AsyncIterable<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < data.byteLength; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    yield data.subarray(offset, offset + size);
    offset += size;
  }
}

describe('web (fflate) and Node (zlib) gunzip agree', () => {
  it('on any content, any chunking, single and multi-member', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 20_000 }), { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 }), async (members, sizes) => {
        const gz = Uint8Array.from(members.flatMap((m) => [...gzipSync(m)]));
        const expected = Uint8Array.from(members.flatMap((m) => [...m]));
        expect(await collect(fflateGunzip(chunked(gz, sizes)))).toEqual(expected);
        expect(await collect(zlibGunzip(chunked(gz, sizes)))).toEqual(expected);
      }),
      { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 40 },
    );
  });

  it('both reject truncated input', async () => {
    const gz = gzipSync(new Uint8Array(10_000).map((_, i) => (i * 7) & 0xff)).subarray(0, 200);
    await expect(collect(fflateGunzip(chunked(gz, [64])))).rejects.toThrow();
    await expect(collect(zlibGunzip(chunked(gz, [64])))).rejects.toThrow();
  });
});

describe('zlib whole-entry inflate', () => {
  it('returns exactly the declared bytes, handed over to the store only when it owns its buffer alone', async () => {
    const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 13 + (i >> 8)) & 255);
    const small = big.subarray(0, 1000);
    const bigOut = await zlibZipInflater.inflateAll(deflateRawSync(big), big.byteLength);
    const smallOut = await zlibZipInflater.inflateAll(deflateRawSync(small), small.byteLength);
    expect(Buffer.from(bigOut).equals(big)).toBe(true);
    expect(Buffer.from(smallOut).equals(small)).toBe(true);
    expect(isHandedOver(bigOut)).toBe(true);
    expect(bigOut.buffer.byteLength).toBe(big.byteLength + 1); // one chunk, no second allocation
    expect(isHandedOver(smallOut)).toBe(false); // below 4 KiB zlib's chunk comes from the shared Buffer pool
    await expect(zlibZipInflater.inflateAll(deflateRawSync(big), big.byteLength - 1)).rejects.toThrow(RangeError);
  });
});
