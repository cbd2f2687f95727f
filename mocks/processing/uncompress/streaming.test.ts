import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ByteRange, Body } from '../../store/types.ts';
import { makeTar } from '../fixtures/make-tar.ts';
import { makeZip } from '../fixtures/make-zip.ts';
import { BUCKET, makeContext, progressIsMonotonic } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

const MiB = 1024 * 1024;
const OUTPUT = { Region: 'ap-chongqing', Bucket: BUCKET };
const member = Uint8Array.from({ length: 8 * MiB }, (_, i) => (i * 2654435761) >>> 27);

/** A context whose store records how big the reads and the written chunks get. */
function observedContext() {
  const ctx = makeContext();
  const seen = { largestRead: 0, largestWrittenChunk: 0, bufferedPuts: 0 };
  const { store } = ctx;
  const get = store.get.bind(store);
  const put = store.put.bind(store);
  store.get = async (bucket: string, key: string, range?: ByteRange) => {
    const object = await get(bucket, key, range);
    if (object && range) seen.largestRead = Math.max(seen.largestRead, (range.end ?? object.meta.size - 1) - range.start + 1);
    return object;
  };
  store.put = async (bucket: string, key: string, body: Body, options?: object) => {
    if (body instanceof Uint8Array) seen.bufferedPuts++;
    async function* watch(source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        seen.largestWrittenChunk = Math.max(seen.largestWrittenChunk, chunk.byteLength);
        yield chunk;
      }
    }
    return put(bucket, key, body instanceof Uint8Array ? body : watch(body), options);
  };
  return { ctx, seen };
}

describe('extraction streams: no archive or member is held whole', () => {
  it.each([
    ['big.zip', () => makeZip([{ name: 'm.bin', content: member, deflate: true }])],
    ['big.tar.gz', () => gzipSync(makeTar([{ name: 'm.bin', content: member }]))],
    ['big.tar', () => makeTar([{ name: 'm.bin', content: member }])],
  ])('%s: an 8 MiB member goes to the store in chunks of at most 1 MiB', async (name, make) => {
    const { ctx, seen } = observedContext();
    const archive = make();
    // Stored in 64 KiB chunks, as the filesystem store reads them.
    await ctx.store.put(BUCKET, name, (async function* () {
      for (let at = 0; at < archive.byteLength; at += 65536) yield archive.subarray(at, at + 65536);
    })());
    seen.bufferedPuts = 0;
    const outcome = await uncompressArchive(ctx, { Object: name }, {}, OUTPUT);
    expect(outcome.ok).toBe(true);
    expect(seen.bufferedPuts).toBe(0);
    expect(seen.largestWrittenChunk).toBeGreaterThan(0);
    expect(seen.largestWrittenChunk).toBeLessThanOrEqual(MiB);
    expect(seen.largestRead).toBeLessThanOrEqual(MiB); // zip: ranged reads only; tar: none
    expect(progressIsMonotonic(ctx.progress)).toBe(true);
    expect(ctx.progress.length).toBeGreaterThanOrEqual(3); // 0, at least one step by input bytes, 100
  });

  it('an aborted signal stops the job with Aborted', async () => {
    const ctx = makeContext();
    const controller = new AbortController();
    controller.abort();
    ctx.signal = controller.signal;
    await ctx.store.put(BUCKET, 'a.tar', makeTar([{ name: 'a', content: member.subarray(0, 1000) }]));
    const outcome = await uncompressArchive(ctx, { Object: 'a.tar' }, {}, OUTPUT);
    expect(!outcome.ok && outcome.failure.Code).toBe('Aborted');
  });
});
