import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../store/types.ts';
import { SYNC_FILEHASH_MAX_BYTES, hashObject, syncFileHash } from './file-hash.ts';
import { hashContext, inChunks } from './hash-test-support.ts';

const abc = new TextEncoder().encode('abc');
const DIGESTS = {
  MD5: '900150983cd24fb0d6963f7d28e17f72',
  SHA1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  SHA256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
};

describe('hashObject (FileHashCode job)', () => {
  it.each(['MD5', 'md5', 'Sha1', 'SHA256'])('returns only the %s digest with size, vendor time and quoted ETag', async (type) => {
    const { ctx } = hashContext();
    await ctx.store.put(ctx.bucket, 'input/abc.txt', abc);
    const outcome = await hashObject(ctx, { Object: 'input/abc.txt' }, { Type: type });
    const element = type.toUpperCase() as keyof typeof DIGESTS;
    expect(outcome).toEqual({
      ok: true,
      result: { [element]: DIGESTS[element], FileSize: 3, LastModified: '2022-06-27T15:23:12+0800', Etag: `"${DIGESTS.MD5}"` },
    });
  });

  it('adds x-cos-meta-<type> only when AddToHeader is true', async () => {
    const { ctx } = hashContext();
    await ctx.store.put(ctx.bucket, 'k', abc, { userMeta: { 'x-cos-meta-keep': 'yes' } });
    await hashObject(ctx, { Object: 'k' }, { Type: 'SHA1', AddToHeader: false });
    expect((await ctx.store.head(ctx.bucket, 'k'))!.userMeta).toEqual({ 'x-cos-meta-keep': 'yes' });
    await hashObject(ctx, { Object: 'k' }, { Type: 'SHA1', AddToHeader: true });
    expect((await ctx.store.head(ctx.bucket, 'k'))!.userMeta).toEqual({ 'x-cos-meta-keep': 'yes', 'x-cos-meta-sha1': DIGESTS.SHA1 });
  });

  it('fails with stable codes for a bad type, a missing object and an oversized object', async () => {
    const { ctx } = hashContext({ limits: { maxTotalBytes: 2 } });
    await ctx.store.put(ctx.bucket, 'k', abc);
    const code = async (p: Promise<{ ok: boolean; failure?: { Code: string; Message: string } }>) => {
      const outcome = await p;
      expect(outcome.failure?.Message).toMatch(/^\[fileproc\] /);
      return outcome.failure?.Code;
    };
    expect(await code(hashObject(ctx, { Object: 'k' }, { Type: 'CRC64' }))).toBe('InvalidArgument');
    expect(await code(hashObject(ctx, { Object: '' }, { Type: 'MD5' }))).toBe('InvalidArgument');
    expect(await code(hashObject(ctx, { Object: 'missing' }, { Type: 'MD5' }))).toBe('NoSuchKey');
    expect(await code(hashObject(ctx, { Object: 'k' }, { Type: 'MD5' }))).toBe('SizeLimitExceeded');
  });

  it('reports progress 0 → 100 monotonically by bytes', async () => {
    const { ctx, progress } = hashContext();
    await ctx.store.put(ctx.bucket, 'k', inChunks(new Uint8Array(10 * 1024 * 1024), [100 * 1024]));
    await hashObject(ctx, { Object: 'k' }, { Type: 'MD5' });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
    expect(progress.length).toBeGreaterThanOrEqual(10);
  });

  it('stops with Aborted when the signal fires mid-stream', async () => {
    const controller = new AbortController();
    const { ctx, progress } = hashContext({ signal: controller.signal });
    const record = ctx.onProgress;
    ctx.onProgress = (percent) => {
      record(percent);
      if (percent >= 30) controller.abort();
    };
    await ctx.store.put(ctx.bucket, 'k', inChunks(new Uint8Array(10 * 1024 * 1024), [100 * 1024]));
    expect(await hashObject(ctx, { Object: 'k' }, { Type: 'MD5' })).toMatchObject({ ok: false, failure: { Code: 'Aborted' } });
    // Nothing after the chunk that crossed 30 %: one 1.1 MiB chunk is 10.7 % of the object.
    expect(progress.at(-1)).toBeGreaterThanOrEqual(30);
    expect(progress.at(-1)).toBeLessThan(41);
  });

  it('turns a store failure into InternalError instead of throwing', async () => {
    const { ctx } = hashContext();
    await ctx.store.put(ctx.bucket, 'k', abc);
    const broken: ObjectStore = { ...bind(ctx.store), get: async () => ({ meta: (await ctx.store.head(ctx.bucket, 'k'))!, body: failingBody() }) };
    const outcome = await hashObject({ ...ctx, store: broken }, { Object: 'k' }, { Type: 'MD5' });
    expect(outcome).toMatchObject({ ok: false, failure: { Code: 'InternalError' } });
  });
});

describe('syncFileHash (ci-process=filehash)', () => {
  it('accepts only lower-case types and shares the job result shape', async () => {
    const { ctx } = hashContext();
    await ctx.store.put(ctx.bucket, 'wg.txt', abc);
    expect(await syncFileHash(ctx, 'wg.txt', 'sha256', true)).toMatchObject({ ok: true, result: { SHA256: DIGESTS.SHA256, FileSize: 3 } });
    expect((await ctx.store.head(ctx.bucket, 'wg.txt'))!.userMeta['x-cos-meta-sha256']).toBe(DIGESTS.SHA256);
    for (const type of ['MD5', 'Sha1', '', undefined]) {
      expect(await syncFileHash(ctx, 'wg.txt', type, false)).toMatchObject({ ok: false, failure: { Code: 'InvalidArgument' } });
    }
    expect(await syncFileHash(ctx, 'nope', 'md5', false)).toMatchObject({ ok: false, failure: { Code: 'NoSuchKey' } });
  });

  it('refuses objects above 128 MiB without reading them', async () => {
    const { ctx } = hashContext();
    await ctx.store.put(ctx.bucket, 'k', abc);
    let opened = 0;
    const sized = (size: number): ObjectStore => ({
      ...bind(ctx.store),
      head: async () => ({ ...(await ctx.store.head(ctx.bucket, 'k'))!, size }),
      get: async () => (opened++, ctx.store.get(ctx.bucket, 'k')),
    });
    const over = await syncFileHash({ ...ctx, store: sized(SYNC_FILEHASH_MAX_BYTES + 1) }, 'k', 'md5', false);
    expect(over).toMatchObject({ ok: false, failure: { Code: 'SizeLimitExceeded' } });
    expect(opened).toBe(0);
    const job = await hashObject({ ...ctx, store: sized(SYNC_FILEHASH_MAX_BYTES + 1) }, { Object: 'k' }, { Type: 'md5' });
    expect(job.ok).toBe(true);
  });
});

function bind(store: ObjectStore): ObjectStore {
  return {
    head: store.head.bind(store), get: store.get.bind(store), put: store.put.bind(store),
    delete: store.delete.bind(store), list: store.list.bind(store), updateUserMeta: store.updateUserMeta.bind(store),
  };
}

async function* failingBody(): AsyncIterable<Uint8Array> {
  yield new Uint8Array(1);
  throw new Error('disk read error');
}
