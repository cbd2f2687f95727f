/**
 * The behaviour every ObjectStore must have (COS object subset: PUT/GET with Range/HEAD/DELETE/
 * GET Bucket, ETag = quoted MD5, Last-Modified from the injected clock). Each store's test file
 * calls `describeStoreContract` with a factory; browser-safe (no node:*).
 */
import { md5 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { concatChunks } from './body.ts';
import { bytesEqual, chunked, readAll, utf8Order, walkListing } from './store-model.ts';
import { describeStoreModel } from './store-contract-model.ts';
import type { ObjectStore } from './types.ts';

/** A store under test with its clock; `close` releases it (fs: removes the folder). */
export interface StoreFixture { store: ObjectStore; setNow(ms: number): void; close(): Promise<void> }
/** Creates a fresh, empty store. */
export type StoreFactory = () => Promise<StoreFixture>;

const bytes = (text: string) => new TextEncoder().encode(text);
const B = 'examplebucket-1250000000';

/** Registers the shared contract tests for one store implementation (`propertyRuns`: fewer for slow, fsyncing stores). */
export function describeStoreContract(name: string, create: StoreFactory, propertyRuns = 60): void {
  const withStore = (test: (f: StoreFixture) => Promise<void>) => async () => {
    const fixture = await create();
    try {
      await test(fixture);
    } finally {
      await fixture.close();
    }
  };

  describe(`${name}: ObjectStore contract`, () => {
    it('puts and gets bytes and streams; HEAD reports size, quoted MD5 ETag, clock time, types', withStore(async ({ store, setNow }) => {
      setNow(1_700_000_000_123);
      const content = bytes('hello, 世界 — streamed');
      const meta = await store.put(B, 'dir/a.txt', chunked(content, [3, 9, 9]), {
        contentType: 'text/plain', userMeta: { 'x-cos-meta-a': '1' }, headers: { 'cache-control': 'no-cache' },
      });
      expect(meta).toEqual({
        bucket: B, key: 'dir/a.txt', size: content.length, etag: `"${await md5(content)}"`,
        lastModified: 1_700_000_000_123, contentType: 'text/plain',
        userMeta: { 'x-cos-meta-a': '1' }, headers: { 'cache-control': 'no-cache' },
      });
      expect(await store.head(B, 'dir/a.txt')).toEqual(meta);
      expect(await readAll(store, B, 'dir/a.txt')).toEqual(content);
      const empty = await store.put(B, 'empty', new Uint8Array(0));
      expect(empty.etag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
      expect(empty.contentType).toBe('application/octet-stream');
      expect(await readAll(store, B, 'empty')).toEqual(new Uint8Array(0));
    }));

    it('answers undefined/false for missing objects and keeps buckets apart', withStore(async ({ store }) => {
      await store.put(B, 'k', bytes('x'));
      expect(await store.head('other-1250000000', 'k')).toBeUndefined();
      expect(await store.get('other-1250000000', 'k')).toBeUndefined();
      expect(await store.updateUserMeta(B, 'missing', { 'x-cos-meta-md5': 'x' })).toBeUndefined();
      expect(await store.delete(B, 'missing')).toBe(false);
      expect((await store.list('other-1250000000')).objects).toEqual([]);
      expect(await store.delete(B, 'k')).toBe(true);
      expect(await store.head(B, 'k')).toBeUndefined();
      expect(await store.get(B, 'k')).toBeUndefined();
    }));

    it('overwrites whole objects; user metadata does not carry over', withStore(async ({ store, setNow }) => {
      setNow(1000);
      await store.put(B, 'k', bytes('old content'), { userMeta: { 'x-cos-meta-old': '1' } });
      setNow(2000);
      await store.put(B, 'k', bytes('new'));
      const meta = await store.head(B, 'k');
      expect(meta).toMatchObject({ size: 3, lastModified: 2000, userMeta: {} });
      expect(await readAll(store, B, 'k')).toEqual(bytes('new'));
    }));

    it('merges user metadata without touching content, ETag or Last-Modified', withStore(async ({ store, setNow }) => {
      setNow(5000);
      const before = await store.put(B, 'k', bytes('abc'), { userMeta: { 'x-cos-meta-a': '1' } });
      setNow(9000);
      const after = await store.updateUserMeta(B, 'k', { 'x-cos-meta-md5': await md5('abc') });
      expect(after).toEqual({ ...before, userMeta: { 'x-cos-meta-a': '1', 'x-cos-meta-md5': await md5('abc') } });
      expect(await store.head(B, 'k')).toEqual(after);
      expect(await readAll(store, B, 'k')).toEqual(bytes('abc'));
    }));

    it('hands out copies and keeps its own: changing returned metadata or a written buffer (whole or streamed) does not change the store', withStore(async ({ store }) => {
      const buffer = bytes('original');
      const meta = await store.put(B, 'k', buffer, { userMeta: { 'x-cos-meta-a': '1' } });
      buffer.fill(0);
      meta.userMeta['x-cos-meta-a'] = 'changed';
      (await store.head(B, 'k'))!.userMeta['x-cos-meta-b'] = 'added';
      (await store.list(B)).objects[0]!.userMeta['x-cos-meta-c'] = 'added';
      expect((await store.head(B, 'k'))!.userMeta).toEqual({ 'x-cos-meta-a': '1' });
      expect(await readAll(store, B, 'k')).toEqual(bytes('original'));
      // A streamed body whose producer reuses one buffer (sizes below and above the filesystem store's 256 KiB small-body path).
      for (const size of [1000, 600_000]) {
        const shared = new Uint8Array(200_000);
        async function* reusing(): AsyncIterable<Uint8Array> {
          for (let at = 0, round = 1; at < size; at += shared.length, round++) yield shared.fill(round).subarray(0, Math.min(shared.length, size - at));
        }
        await store.put(B, `streamed-${size}`, reusing());
        shared.fill(0);
        const expected = Uint8Array.from({ length: size }, (_, i) => Math.floor(i / shared.length) + 1);
        expect(bytesEqual(await readAll(store, B, `streamed-${size}`), expected)).toBe(true);
      }
    }));

    it('keeps the previous version when a body stream fails midway', withStore(async ({ store }) => {
      await store.put(B, 'k', bytes('version one'));
      async function* failing(): AsyncIterable<Uint8Array> {
        yield bytes('half of version two');
        throw new Error('client went away');
      }
      await expect(store.put(B, 'k', failing())).rejects.toThrow('client went away');
      await expect(store.put(B, 'fresh', failing())).rejects.toThrow('client went away');
      expect(await readAll(store, B, 'k')).toEqual(bytes('version one'));
      expect(await store.head(B, 'fresh')).toBeUndefined();
      expect((await store.list(B)).objects.map((o) => o.key)).toEqual(['k']);
    }));

    it('serves byte ranges (inclusive end, clamped; past the end is empty)', withStore(async ({ store }) => {
      const content = bytes('0123456789');
      await store.put(B, 'r', chunked(content, [4, 7]));
      expect(await readAll(store, B, 'r', { start: 2, end: 5 })).toEqual(bytes('2345'));
      expect(await readAll(store, B, 'r', { start: 7 })).toEqual(bytes('789'));
      expect(await readAll(store, B, 'r', { start: 8, end: 100 })).toEqual(bytes('89'));
      expect(await readAll(store, B, 'r', { start: 10 })).toEqual(new Uint8Array(0));
      expect((await store.get(B, 'r', { start: 3, end: 3 }))!.meta.size).toBe(10);
    }));

    it('reads the same bytes with transientChunks when each chunk is consumed before the next', withStore(async ({ store }) => {
      const content = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
      await store.put(B, 't', chunked(content, [1000, 150_000]));
      for (const range of [undefined, { start: 5, end: 250_000 }]) {
        const copies: Uint8Array[] = [];
        for await (const chunk of (await store.get(B, 't', range, { transientChunks: true }))!.body) copies.push(chunk.slice());
        const expected = content.slice(range?.start ?? 0, (range?.end ?? content.length) + 1);
        expect(bytesEqual(concatChunks(copies, expected.length), expected)).toBe(true);
      }
    }));

    it('lists in UTF-8 byte order, not UTF-16 order', withStore(async ({ store }) => {
      const keys = ['z', '\uFFFD', '😀', 'é', 'a/b', 'a', 'A', '\uE000', 'ａ'];
      for (const key of keys) await store.put(B, key, bytes(key));
      const listed = (await store.list(B)).objects.map((o) => o.key);
      expect(listed).toEqual([...keys].sort(utf8Order));
      expect(listed.indexOf('😀')).toBeGreaterThan(listed.indexOf('\uFFFD'));
    }));

    it('pages with prefix, delimiter, marker and max-keys like GET Bucket', withStore(async ({ store }) => {
      for (const key of ['p/a', 'p/b/1', 'p/b/2', 'p/c', 'p/d/1', 'q']) await store.put(B, key, bytes(key));
      const first = await store.list(B, { prefix: 'p/', delimiter: '/', maxKeys: 2 });
      expect(first.objects.map((o) => o.key)).toEqual(['p/a']);
      expect(first.commonPrefixes).toEqual(['p/b/']);
      expect(first).toMatchObject({ isTruncated: true, nextMarker: 'p/b/' });
      const second = await store.list(B, { prefix: 'p/', delimiter: '/', maxKeys: 2, marker: 'p/b/' });
      expect(second.objects.map((o) => o.key)).toEqual(['p/c']);
      expect(second.commonPrefixes).toEqual(['p/d/']);
      expect(second.isTruncated).toBe(false);
      expect((await walkListing(store, B, { prefix: '', maxKeys: 1 })).entries).toEqual(['p/a', 'p/b/1', 'p/b/2', 'p/c', 'p/d/1', 'q']);
    }));

    it('ends concurrent writes of one key with one complete version', withStore(async ({ store }) => {
      const versions = ['first version', 'second, longer version', 'third'].map(bytes);
      await Promise.all(versions.map((v, i) => store.put(B, 'race', chunked(v, [i + 1]))));
      const content = await readAll(store, B, 'race');
      expect(versions).toContainEqual(content);
      expect((await store.head(B, 'race'))!.etag).toBe(`"${await md5(content!)}"`);
    }));
  });

  describeStoreModel(name, create, propertyRuns);
}
