import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHashFactory } from '../processing/hash/node-hash.node.ts';
import { FsStore } from './fs-store.node.ts';
import { chunked, readAll } from './store-model.ts';

const B = 'examplebucket-1250000000';
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const body = (key: string, round: number, size: number) => Uint8Array.from({ length: size }, (_, i) => (key.length * 13 + round * 7 + i) & 255);
const md5 = (bytes: Uint8Array) => `"${createHash('md5').update(bytes).digest('hex')}"`;

describe.each([
  ['writer threads, durable', { writerThreads: 2, durable: true }],
  ['writer threads, not durable', { writerThreads: 1, durable: false }],
  ['event loop only', { writerThreads: 0, durable: false }],
])('FsStore concurrent puts (%s)', (_name, options) => {
  it('keeps each object whole and its files consistent when many puts and deletes overlap, also on the same keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fileproc-fs-concurrent-'));
    dirs.push(dir);
    const store = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory, ...options });
    const keys = ['a', 'b/c', 'd', 'e/f/g'];
    const work: Promise<unknown>[] = [];
    for (let round = 0; round < 6; round++) {
      for (const key of keys) {
        const bytes = body(key, round, 1000 + round * 150_000 + key.length * 3);
        work.push(store.put(B, key, round % 2 ? bytes : chunked(bytes, [7, 65_536, 200_000])));
      }
      if (round === 3) work.push(store.delete(B, 'd'));
    }
    await Promise.all(work);
    const check = async (s: FsStore) => {
      for (const key of keys) {
        const meta = await s.head(B, key);
        if (!meta) continue;
        const content = await readAll(s, B, key);
        expect(content?.byteLength).toBe(meta.size);
        expect(md5(content as Uint8Array)).toBe(meta.etag);
      }
    };
    await check(store);
    const listed = (await store.list(B)).objects;
    // Only 'd' was ever deleted, so the check above saw every other key.
    expect(listed.map((o) => o.key)).toEqual(expect.arrayContaining(['a', 'b/c', 'e/f/g']));
    await store.close();
    // One body per object, nothing left in tmp/, and a reopened store sees the same objects.
    const bodies = await readdir(join(dir, 'data'), { recursive: true, withFileTypes: true });
    expect(bodies.filter((e) => e.isFile())).toHaveLength(listed.length);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    const reopened = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory, ...options });
    expect((await reopened.list(B)).objects).toEqual(listed);
    await check(reopened);
    await reopened.close();
  });
});
