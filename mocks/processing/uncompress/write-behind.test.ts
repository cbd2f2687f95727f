import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectBody } from '../../store/body.ts';
import type { Body, ObjectMeta } from '../../store/types.ts';
import { WriteBehind, type WriteBehindLimits } from './write-behind.ts';

const LIMITS: WriteBehindLimits = { memberBytes: 64, bytesInFlight: 200, writesInFlight: 3 };
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* chunks(data: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < data.byteLength; at += size) yield data.subarray(at, at + size);
}

/** A fake store whose puts take the given delays; records the final content per key and the peak load. */
function slowStore(delays: number[]) {
  const objects = new Map<string, Uint8Array>();
  let calls = 0;
  let inFlight = 0;
  let bytes = 0;
  const peak = { writes: 0, bytes: 0 };
  const put = async (key: string, body: Body): Promise<ObjectMeta> => {
    const delay = delays[calls++ % delays.length] ?? 0;
    await tick(delay / 2); // reads the body late: a buffer given back too early would show here
    // A copy, as real stores keep (ObjectStore.put): the writer may reuse its buffers once the put settled.
    const data = (await collectBody(body)).slice();
    inFlight++;
    bytes += data.byteLength;
    peak.writes = Math.max(peak.writes, inFlight);
    peak.bytes = Math.max(peak.bytes, bytes);
    await tick(delay);
    objects.set(key, data);
    inFlight--;
    bytes -= data.byteLength;
    return { bucket: 'b', key, size: data.byteLength, etag: '""', lastModified: 0, contentType: '', userMeta: {}, headers: {} };
  };
  return { put, objects, peak };
}

describe('WriteBehind', () => {
  it('writes every member whole, the last one of a key wins, and reports archive order, whatever the write timing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), size: fc.integer({ min: 0, max: 150 }), chunk: fc.integer({ min: 1, max: 40 }) }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }),
        async (members, delays) => {
          const store = slowStore(delays);
          const written: number[] = [];
          const behind = new WriteBehind(store.put, (index) => written.push(index), LIMITS);
          const expected = new Map<string, Uint8Array>();
          for (const [index, member] of members.entries()) {
            const data = Uint8Array.from({ length: member.size }, (_, i) => (i + index) & 0xff);
            expected.set(member.key, data);
            await behind.write(index, member.key, chunks(data, member.chunk), member.size, index % 2 === 0);
          }
          await behind.flush();
          expect([...written].sort((x, y) => x - y)).toEqual(members.map((_, i) => i));
          expect(store.objects).toEqual(expected);
          expect(store.peak.writes).toBeLessThanOrEqual(LIMITS.writesInFlight + 1); // + one foreground (large) write
          expect(store.peak.bytes).toBeLessThanOrEqual(LIMITS.bytesInFlight + 150);
        },
      ),
      { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 60 },
    );
  });

  it('a member longer than its claimed size is still written whole (the claim only picks the path)', async () => {
    const store = slowStore([0]);
    const behind = new WriteBehind(store.put, () => undefined, LIMITS);
    const data = Uint8Array.from({ length: 100 }, (_, i) => i);
    await behind.write(0, 'liar', chunks(data, 7), 10, false);
    await behind.flush();
    expect(store.objects.get('liar')).toEqual(data);
  });

  it('copies chunks that are not fresh: a producer reusing its buffer does not corrupt held members', async () => {
    const store = slowStore([5]);
    const behind = new WriteBehind(store.put, () => undefined, LIMITS);
    const shared = new Uint8Array(8);
    async function* reusing(): AsyncIterable<Uint8Array> {
      for (let round = 1; round <= 3; round++) {
        shared.fill(round);
        yield shared;
      }
    }
    await behind.write(0, 'x', reusing(), 24, false);
    shared.fill(9);
    await behind.flush();
    expect(store.objects.get('x')).toEqual(Uint8Array.from([...Array(8).fill(1), ...Array(8).fill(2), ...Array(8).fill(3)]));
  });

  it('a failed background write surfaces at the next write or flush; settle waits without throwing', async () => {
    const behind = new WriteBehind(async () => {
      await tick(1);
      throw new Error('disk full');
    }, () => undefined, LIMITS);
    await behind.write(0, 'a', chunks(new Uint8Array(10), 10), 10, true);
    await behind.settle();
    await expect(behind.write(1, 'b', chunks(new Uint8Array(10), 10), 10, true)).rejects.toThrow('disk full');
    await expect(behind.flush()).rejects.toThrow('disk full');
  });
});
