import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHashFactory } from '../processing/hash/node-hash.node.ts';
import { FsLayout } from './fs-layout.node.ts';
import { FsStore } from './fs-store.node.ts';
import { readAll } from './store-model.ts';

const B = 'examplebucket-1250000000';
const bytes = (text: string) => new TextEncoder().encode(text);
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'fileproc-fs-recovery-'));
  dirs.push(parent);
  return join(parent, 'data');
}
const openStore = (dir: string, now = 0) => FsStore.open({ dir, now: () => now, hash: nodeHashFactory });

const CHILD = fileURLToPath(new URL('./store-child.fixture.node.ts', import.meta.url));
function startChild(...args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}
async function childOutput(...args: string[]): Promise<string> {
  const child = startChild(...args);
  let out = '';
  child.stdout!.on('data', (data: Buffer) => (out += data.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  return out;
}

/** Waits until the store's tmp/ holds `count` files: writer threads create them asynchronously. */
async function tempFilesReach(dir: string, count: number): Promise<string[]> {
  for (let waited = 0; ; waited += 10) {
    const files = await filesUnder(join(dir, 'tmp'));
    if (files.length === count || waited > 10_000) return files;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('FsStore persistence and safety', () => {
  it('survives a restart with content, metadata and listing intact', async () => {
    const dir = await freshDir();
    const first = await openStore(dir, 42);
    await first.put(B, 'a/1.txt', bytes('one'), { contentType: 'text/plain', headers: { 'content-disposition': 'inline' } });
    await first.put(B, 'a/2.txt', bytes('two'));
    await first.updateUserMeta(B, 'a/1.txt', { 'x-cos-meta-sha1': 'abc' });
    await first.delete(B, 'a/2.txt');
    const second = await openStore(dir, 99);
    expect(await second.head(B, 'a/1.txt')).toEqual(await first.head(B, 'a/1.txt'));
    expect(await readAll(second, B, 'a/1.txt')).toEqual(bytes('one'));
    expect((await second.list(B)).objects.map((o) => o.key)).toEqual(['a/1.txt']);
  });

  it('stores hostile keys inside the data folder only', async () => {
    const dir = await freshDir();
    const store = await openStore(dir);
    const keys = ['../../escape', '..', '/abs/olute', 'a/../../b', 'CON', 'x'.repeat(1000), '文档/😀\u0000nul', 'a\\b', ' ', '\uD800', '\uDC00'];
    for (const key of keys) await store.put(B, key, bytes(key));
    for (const key of keys) expect(await readAll(store, B, key)).toEqual(bytes(key));
    expect(await readdir(dirname(dir))).toEqual(['data']);
    for (const file of await filesUnder(dir)) {
      expect(file.startsWith('..')).toBe(false);
      expect(file.split(sep).every((part) => part.length <= 80)).toBe(true);
    }
    const reopened = await openStore(dir);
    expect((await reopened.list(B)).objects).toHaveLength(keys.length);
  });

  it('streams reads from disk in bounded chunks', async () => {
    const dir = await freshDir();
    const store = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory, readChunkBytes: 64 * 1024 });
    const content = new Uint8Array(1024 * 1024 + 5).map((_, i) => i % 251);
    await store.put(B, 'big', content);
    const readable = await store.get(B, 'big', { start: 10 });
    const sizes: number[] = [];
    for await (const chunk of readable!.body) sizes.push(chunk.byteLength);
    expect(Math.max(...sizes)).toBe(64 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(content.length - 10);
  });

  it('takes turns with two buffers for transient reads and hands out fresh ones otherwise', async () => {
    const dir = await freshDir();
    const store = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory, readChunkBytes: 4096 });
    await store.put(B, 'k', new Uint8Array(40_000).fill(1));
    const buffersOf = async (transientChunks: boolean) => {
      const buffers = new Set<ArrayBufferLike>();
      for await (const chunk of (await store.get(B, 'k', undefined, { transientChunks }))!.body) buffers.add(chunk.buffer);
      return buffers.size;
    };
    expect(await buffersOf(true)).toBe(2);
    expect(await buffersOf(false)).toBe(10);
  });

  it('releases the file of a read that is abandoned before its first chunk', async () => {
    const dir = await freshDir();
    const store = await openStore(dir);
    await store.put(B, 'k', bytes('content'));
    const openFiles = async () => (await readdir('/proc/self/fd')).length;
    const before = await openFiles();
    for (let i = 0; i < 20; i++) await (await store.get(B, 'k'))!.body[Symbol.asyncIterator]().return?.();
    expect(await openFiles()).toBe(before);
  });

  it('leaves no temp litter after a failed body stream', async () => {
    const dir = await freshDir();
    const store = await openStore(dir);
    await store.put(B, 'k', bytes('v1'));
    const before = await filesUnder(dir);
    async function* failing(): AsyncIterable<Uint8Array> {
      yield new Uint8Array(100_000);
      throw new Error('aborted by client');
    }
    await expect(store.put(B, 'k', failing())).rejects.toThrow('aborted by client');
    expect(await filesUnder(dir)).toEqual(before);
  });

  it('not durable: a torn in-place sidecar of a new object reads as never committed; a sidecar it did not know is replaced atomically', async () => {
    const dir = await freshDir();
    const store = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory, durable: false });
    await store.put(B, 'k', bytes('v1'));
    await store.put(B, 'k', bytes('v2'));
    const clean = await filesUnder(dir);
    // Another store's object this one does not know: its sidecar exists, so the put must not tear it.
    const other = await openStore(dir);
    await other.put(B, 'g', bytes('other'));
    // A process killed between creating a new object's sidecar and writing it leaves an empty file.
    const layout = new FsLayout(dir);
    await mkdir(dirname(layout.sidecarPath(B, 'torn')), { recursive: true });
    await writeFile(layout.sidecarPath(B, 'torn'), '');
    await mkdir(join(dir, 'data', 'ee'), { recursive: true });
    await writeFile(join(dir, 'data', 'ee', 'ee00tornbody'), 'written in place, never committed');
    await store.put(B, 'g', bytes('owner'));
    await store.close();
    const reopened = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory, durable: false });
    expect((await reopened.list(B)).objects.map((o) => o.key)).toEqual(['g', 'k']);
    expect(await readAll(reopened, B, 'k')).toEqual(bytes('v2'));
    expect(await readAll(reopened, B, 'g')).toEqual(bytes('owner'));
    // What is left: the clean files plus g's sidecar and its one body (the other store's version is unreferenced).
    expect((await filesUnder(dir)).length).toBe(clean.length + 2);
    expect(await filesUnder(join(dir, 'tmp'))).toEqual([]);
  });

  it('ignores and cleans leftovers of a killed writer on open', async () => {
    const dir = await freshDir();
    const store = await openStore(dir);
    await store.put(B, 'k', bytes('committed'));
    const clean = await filesUnder(dir);
    await writeFile(join(dir, 'tmp', 'dead-writer.part'), 'half an object');
    await mkdir(join(dir, 'data', 'ff'), { recursive: true });
    await writeFile(join(dir, 'data', 'ff', 'ff00orphanbody'), 'renamed but never committed');
    await mkdir(join(dir, 'meta', '00'), { recursive: true });
    await writeFile(join(dir, 'meta', '00', '00broken.json'), '{"v":1,"data":"missing-body","meta":{}}');
    const reopened = await openStore(dir);
    expect((await reopened.list(B)).objects.map((o) => o.key)).toEqual(['k']);
    expect(await readAll(reopened, B, 'k')).toEqual(bytes('committed'));
    expect((await filesUnder(dir)).sort()).toEqual(clean.sort());
  });

  it('moves a sidecar found under another name to its proper name, so later writes replace it', async () => {
    const dir = await freshDir();
    await (await openStore(dir)).put(B, 'k', bytes('v1'));
    const [sidecar] = (await filesUnder(join(dir, 'meta'))) as [string];
    await mkdir(join(dir, 'meta', 'zz'), { recursive: true });
    await rename(join(dir, 'meta', sidecar), join(dir, 'meta', 'zz', 'old-name.json'));
    const store = await openStore(dir);
    await store.put(B, 'k', bytes('v2'));
    const reopened = await openStore(dir);
    expect(await filesUnder(join(dir, 'meta'))).toEqual([sidecar]);
    expect(await readAll(reopened, B, 'k')).toEqual(bytes('v2'));
  });

  it('keeps the previous version when the writing process is killed mid-put', async () => {
    const dir = await freshDir();
    const parent = await openStore(dir);
    await parent.put(B, 'k', bytes('before the crash'));
    await parent.close();
    const child = startChild('put-forever', dir, B, 'k');
    // The child prints once a large part of the new version is on disk, then keeps writing.
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    expect(await tempFilesReach(dir, 1)).toHaveLength(1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const reopened = await openStore(dir);
    expect(await readAll(reopened, B, 'k')).toEqual(bytes('before the crash'));
    expect(await filesUnder(join(dir, 'tmp'))).toEqual([]);
  });

  it('lets a second process read the folder without touching the first one\'s in-flight writes', async () => {
    const dir = await freshDir();
    const store = await openStore(dir);
    await store.put(B, 'k', bytes('committed'));
    let release: () => void = () => undefined;
    let halfWritten: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (halfWritten = resolve));
    // Large enough to leave the writer's gathering buffer, so the temp file exists mid-put.
    const firstHalf = new Uint8Array(3 * 1024 * 1024).fill(7);
    async function* slow(): AsyncIterable<Uint8Array> {
      yield firstHalf;
      // Resumed only after the first half was handed to the store.
      const paused = new Promise<void>((resolve) => (release = resolve));
      halfWritten();
      await paused;
      yield bytes('second half');
    }
    const writing = store.put(B, 'slow', slow());
    await written;
    expect(await tempFilesReach(dir, 1)).toHaveLength(1);
    expect(await childOutput('open', dir, B)).toBe('opened 1\n');
    release();
    await writing;
    expect(Buffer.from((await readAll(store, B, 'slow')) ?? []).equals(Buffer.concat([firstHalf, bytes('second half')]))).toBe(true);
    await store.close();
    expect(await childOutput('open', dir, B)).toBe('opened 2\n');
  });
});
