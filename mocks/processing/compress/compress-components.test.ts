import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../store/types.ts';
import { BUCKET, makeContext, readObject } from '../uncompress/test-support.ts';
import { compressComponents } from './compress-components.ts';
import { compressFiles } from './compress-files.ts';
import { putFiles, readArchive, text } from './test-support.ts';

describe('compressComponents (JD Compress Object, reference §7)', () => {
  it('packs components under their aliases (default: the key) and stores the archive headers', async () => {
    const ctx = makeContext();
    await putFiles(ctx.store, { 'photos/a.jpg': text('A'), 'docs/b.pdf': text('B') });
    const outcome = await compressComponents(ctx, [{ Key: 'photos/a.jpg', Alias: 'a.jpg' }, { Key: 'docs/b.pdf' }, { Key: 'photos/a.jpg', Alias: '/a.jpg' }], 'path/to/zip/object', {
      putOptions: { headers: { 'cache-control': 'max-age=300' } },
    });
    expect(outcome).toMatchObject({ ok: true, result: { bucket: BUCKET, key: 'path/to/zip/object', compressFileCount: 3 } });
    const stored = await ctx.store.head(BUCKET, 'path/to/zip/object');
    expect(stored).toMatchObject({ contentType: 'application/zip', headers: { 'cache-control': 'max-age=300' } });
    expect(outcome.ok && outcome.result).toMatchObject({ size: stored?.size, eTag: stored?.etag });
    expect(readArchive('zip', (await readObject(ctx, 'path/to/zip/object')) as Uint8Array)).toEqual({ 'a.jpg': text('A'), 'docs/b.pdf': text('B'), 'a (1).jpg': text('A') });
  });

  it('fails with NoSuchKey for a missing component and InvalidArgument for an empty request', async () => {
    const ctx = makeContext();
    await putFiles(ctx.store, { 'a.txt': text('a') });
    expect(await compressComponents(ctx, [{ Key: 'a.txt' }, { Key: 'not/exist' }], 'z.zip')).toMatchObject({ ok: false, failure: { Code: 'NoSuchKey' } });
    expect(await compressComponents(ctx, [], 'z.zip')).toMatchObject({ ok: false, failure: { Code: 'InvalidArgument' } });
    expect(await readObject(ctx, 'z.zip')).toBeUndefined();
  });
});

describe('objects vanishing or failing to read mid-job', () => {
  it('fail the job without an output object, or are skipped and counted under IgnoreError', async () => {
    const ctx = makeContext();
    await putFiles(ctx.store, { 'v/a.txt': text('a'), 'v/b.txt': text('b'), 'v/c.txt': text('c') });
    const inner = ctx.store;
    // The key passes the listing, then disappears before it is read (a concurrent delete).
    const store: ObjectStore = {
      head: (b, k) => inner.head(b, k), put: (b, k, body, o) => inner.put(b, k, body, o), delete: (b, k) => inner.delete(b, k),
      list: (b, o) => inner.list(b, o), updateUserMeta: (b, k, m) => inner.updateUserMeta(b, k, m),
      get: async (b, k, r) => {
        if (k === 'v/c.txt') throw new Error('EIO: disk read error');
        return k === 'v/b.txt' ? undefined : inner.get(b, k, r);
      },
    };
    const output = { Region: ctx.region, Bucket: BUCKET, Object: 'v.zip' };
    const failed = await compressFiles({ ...ctx, store }, { Flatten: '0', Format: 'zip', Prefix: 'v/' }, output);
    expect(failed).toMatchObject({ ok: false, failure: { Code: 'NoSuchKey' } });
    expect(await readObject(ctx, 'v.zip')).toBeUndefined();
    const skipped = await compressFiles({ ...ctx, store }, { Flatten: '0', Format: 'zip', Prefix: 'v/', IgnoreError: true }, output);
    expect(skipped).toMatchObject({ ok: true, result: { CompressFileCount: 1, ErrorCount: 2, ErrorDetail: { ErrorFile: ['v/b.txt', 'v/c.txt'] } } });
    expect(readArchive('zip', (await readObject(ctx, 'v.zip')) as Uint8Array)).toEqual({ 'v/a.txt': text('a') });
  });
});
