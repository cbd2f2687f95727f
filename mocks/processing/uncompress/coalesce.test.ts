import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce.ts';

const KiB = 1024;

async function* from(chunks: Uint8Array[]) {
  yield* chunks;
}

describe('coalesce', () => {
  it('keeps bytes and order; writes are ≤ 1 MiB and small only when the next would overflow, or last', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 700 * KiB }), { maxLength: 10 }), async (sizes) => {
        const chunks = sizes.map((n, i) => new Uint8Array(n).fill(i + 1));
        const out: Uint8Array[] = [];
        for await (const chunk of coalesce(from(chunks))) out.push(chunk.slice());
        expect(Buffer.compare(Buffer.concat(out), Buffer.concat(chunks))).toBe(0);
        expect(out.filter((c) => c.byteLength > 1024 * KiB)).toEqual([]);
        const needless = out.slice(0, -1).filter((c, i) => c.byteLength < 256 * KiB && c.byteLength + (out[i + 1]?.byteLength ?? 0) <= 1024 * KiB);
        expect(needless).toEqual([]);
      }),
      { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 40 },
    );
  });
});
