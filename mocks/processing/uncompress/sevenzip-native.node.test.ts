import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { nodeHashFactory } from '../hash/node-hash.node.ts';
import { FsStore } from '../../store/fs-store.node.ts';
import type { ObjectStore } from '../../store/types.ts';
import type { Listed } from './sevenzip-listing.ts';
import { locateSevenZip } from './sevenzip-native.node.ts';
import { nativeOutputs, OutputSplitter } from './sevenzip-output.node.ts';
import { build7z, nativeBinary, noise, sevenZipEngines } from './sevenzip-test-support.node.ts';
import type { SessionEvent } from './sevenzip-worker.node.ts';
import { makeContext, readObject } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

const FC = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 100 };
const entry = (path: string, content: Uint8Array, kind: Listed['kind'] = 'file'): Listed => ({
  path, size: content.byteLength, mtime: 0, kind, encrypted: false, ...(content.byteLength > 0 && { crc: crc32(content) }),
});

/** Feeds `output` to a splitter in pieces cut at `cuts`; returns its events and failure. */
function split(outputs: Listed[], output: Uint8Array, cuts: number[]): { events: SessionEvent[]; failure: string | undefined } {
  const events: SessionEvent[] = [];
  const splitter = new OutputSplitter(outputs, (event) => events.push(event));
  const bounds = [...new Set([0, ...cuts.map((c) => c % (output.byteLength + 1)), output.byteLength])].sort((a, b) => a - b);
  for (let i = 1; i < bounds.length; i++) splitter.write(output.subarray(bounds[i - 1], bounds[i]));
  return { events, failure: splitter.failure };
}

/** The members the events describe: path → joined bytes, in order of opening. */
function membersOf(events: SessionEvent[]): [string, number[]][] {
  const members: [string, number[]][] = [];
  for (const event of events) {
    if (event.type === 'open') members.push([event.path, []]);
    if (event.type === 'data') members.at(-1)?.[1].push(...event.chunk);
  }
  return members;
}

describe('OutputSplitter (7z x -so output → members)', () => {
  const member = fc.record({ content: fc.uint8Array({ maxLength: 300 }), kind: fc.constantFrom<Listed['kind']>('file', 'file', 'symlink') });

  it('gives back every regular file whole, in order, however the output is cut; other outputs are dropped', () => {
    fc.assert(fc.property(fc.array(member, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), (members, cuts) => {
      const outputs = members.map((m, i) => entry(`f${i}`, m.content, m.kind));
      const { events, failure } = split(outputs, Buffer.concat(members.map((m) => m.content)), cuts);
      expect(failure).toBeUndefined();
      expect(membersOf(events)).toEqual(members.flatMap((m, i) => (m.kind === 'file' ? [[`f${i}`, [...m.content]]] : [])));
      expect(events.filter((e) => e.type === 'close')).toHaveLength(members.filter((m) => m.kind === 'file').length);
    }), FC);
  });

  it('a member whose bytes do not match its CRC-32 never closes, and nothing after it opens', () => {
    const [a, b, c] = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5, 6, 7]), new Uint8Array([8])];
    const output = Buffer.concat([a, b, c]);
    output[4] = 99;
    const { events, failure } = split([entry('a', a), entry('b', b), entry('c', c)], output, [2, 5]);
    expect(failure).toBe('ERROR: CRC Failed : b');
    expect(events.map((e) => e.type)).toEqual(['open', 'data', 'data', 'close', 'open', 'data', 'data']);
  });

  it('output past the listed sizes is a failure; empty files open and close as soon as they are reached', () => {
    const a = new Uint8Array([1]);
    const { events, failure } = split([entry('e1', new Uint8Array(0)), entry('a', a), entry('e2', new Uint8Array(0))], new Uint8Array([1, 2]), []);
    expect(failure).toBe('ERROR: 7-Zip wrote more than the listed files hold');
    expect(events.map((e) => (e.type === 'open' ? e.path : e.type))).toEqual(['e1', 'close', 'a', 'data', 'close', 'e2', 'close']);
    const before = split([entry('e1', new Uint8Array(0)), entry('a', a)], new Uint8Array(0), []);
    expect(before.events.map((e) => e.type)).toEqual(['open', 'close']); // `a` opens with its first byte
  });

  it('nativeOutputs: what `7z x -so` writes, in order: every entry but a directory', () => {
    const none = new Uint8Array(0);
    const listed = [entry('d', none, 'directory'), entry('a', none), entry('a/link', none, 'symlink'), entry('d/f', none)];
    expect(nativeOutputs(listed).map((e) => e.path)).toEqual(['a', 'a/link', 'd/f']);
  });
});

describe('choosing the engine (FILEPROC_7Z)', () => {
  it('"wasm" forces 7z-wasm; a path that is no 7-Zip fails clearly; unset finds one on PATH', async () => {
    expect(await locateSevenZip('wasm')).toBeUndefined();
    await expect(locateSevenZip('/nonexistent/7zz')).rejects.toMatchObject({ code: 'InternalError' });
    expect(await locateSevenZip(undefined)).toBe(nativeBinary);
  });
});

/** Live 7-Zip processes whose parent is this process. */
function sevenZipChildren(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const [, comm = '', rest = ''] = /^\d+ \((.*)\) (.*)$/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8').trim()) ?? [];
      return comm.startsWith('7z') && Number(rest.split(' ')[1]) === process.pid ? [Number(pid)] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}
const OUTPUT = { Region: 'ap-chongqing', Bucket: 'test-1250000000' };
const TREE = { 'a.bin': noise(3 * 1024 * 1024, 5), 'b.bin': noise(3 * 1024 * 1024, 6), 'c.txt': new TextEncoder().encode('c') };
// More output than the session queues (8 MiB) and the pipe hold: 7-Zip still runs when the first bytes are stored.
const LARGE = { 'a.bin': noise(12 * 1024 * 1024, 7), 'b.bin': noise(12 * 1024 * 1024, 8) };
const native = sevenZipEngines.find((e) => e.name.startsWith('native'));

describe.skipIf(!native)('native 7-Zip processes and files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads the filesystem store\'s own body file, which stays valid when the object is overwritten meanwhile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fileproc-native-store-'));
    dirs.push(dir);
    const store = await FsStore.open({ dir, now: () => Date.now(), hash: nodeHashFactory, durable: false, writerThreads: 0 });
    const ctx = { ...makeContext(), store };
    await store.put(ctx.bucket, 'in/x.7z', build7z(TREE, ['-ms=off']));
    let wholeGets = 0;
    const counting: ObjectStore = {
      head: (...a) => store.head(...a), put: (...a) => store.put(...a), delete: (...a) => store.delete(...a),
      list: (...a) => store.list(...a), updateUserMeta: (...a) => store.updateUserMeta(...a), openLocal: (...a) => store.openLocal(...a),
      get: (bucket, key, range, options) => {
        if (key === 'in/x.7z' && range === undefined) wholeGets++;
        return store.get(bucket, key, range, options);
      },
    };
    let overwritten: Promise<unknown> | undefined;
    ctx.onProgress = (p) => void (p >= 10 && (overwritten ??= store.put(ctx.bucket, 'in/x.7z', new Uint8Array(1024))));
    const outcome = await uncompressArchive({ ...ctx, store: counting }, { Object: 'in/x.7z' }, { Prefix: 'out' }, OUTPUT, { codecs: native?.codecs });
    await overwritten;
    expect(outcome.ok && outcome.result.FileCount).toBe(3);
    expect(overwritten).toBeDefined();
    expect(wholeGets).toBe(0); // no private copy: 7-Zip read the body file itself
    expect(Buffer.from((await readObject(ctx, 'out/b.bin')) ?? []).equals(TREE['b.bin'])).toBe(true);
    await store.close();
  });

  it('names with leading or trailing spaces come out whole (7-Zip gets no list file, whose parser trims names)', async () => {
    const spaced = { ' lead.txt': new TextEncoder().encode('lead'), 'trail.txt ': new TextEncoder().encode('trail'), 'n.txt': new TextEncoder().encode('n') };
    const ctx = makeContext();
    await ctx.store.put(ctx.bucket, 'in/x.7z', build7z(spaced));
    const outcome = await uncompressArchive(ctx, { Object: 'in/x.7z' }, { Prefix: 'out' }, OUTPUT, { codecs: native?.codecs });
    expect(outcome.ok && outcome.result.FileCount).toBe(3);
    for (const [name, content] of Object.entries(spaced)) expect(await readObject(ctx, `out/${name}`), name).toEqual(content);
  });

  it('a key with a line break never reaches a 7-Zip command line: that job runs on 7z-wasm', async () => {
    const ctx = makeContext();
    await ctx.store.put(ctx.bucket, 'in/x.7z', build7z(TREE, ['-pline\nbreak', '-m0=Copy']));
    const seen: number[][] = [];
    ctx.onProgress = () => void seen.push(sevenZipChildren());
    const key = Buffer.from('line\nbreak').toString('base64');
    const outcome = await uncompressArchive(ctx, { Object: 'in/x.7z' }, { Prefix: 'out', UnCompressKey: key }, OUTPUT, { codecs: native?.codecs });
    expect(outcome.ok && outcome.result.FileCount).toBe(3);
    expect(Buffer.from((await readObject(ctx, 'out/b.bin')) ?? []).equals(TREE['b.bin'])).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.flat()).toEqual([]); // no native 7-Zip ran while members were written
  });

  it('an aborted job leaves no 7-Zip process and no private copy behind', async () => {
    // A temp folder of its own: other test files make private copies in the shared one meanwhile.
    const temp = mkdtempSync(join(tmpdir(), 'fileproc-native-tmp-'));
    dirs.push(temp);
    const tmpBefore = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    onTestFinished(() => void (tmpBefore === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = tmpBefore)));
    const controller = new AbortController();
    const ctx = { ...makeContext(), signal: controller.signal };
    await ctx.store.put(ctx.bucket, 'in/x.7z', build7z(LARGE, ['-m0=Copy']));
    let running: number[] = [];
    ctx.onProgress = (p) => {
      if (p < 10 || controller.signal.aborted) return; // 10 %: members are being written (earlier steps report progress too)
      running = sevenZipChildren();
      controller.abort();
    };
    const outcome = await uncompressArchive(ctx, { Object: 'in/x.7z' }, { Prefix: 'out' }, OUTPUT, { codecs: native?.codecs });
    expect(!outcome.ok && outcome.failure.Code).toBe('Aborted');
    expect(running).toHaveLength(1); // it was running while members were written
    expect(readdirSync(temp)).toEqual([]); // the private copy is unlinked as soon as it is open
    expect(sevenZipChildren()).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('7z engines in Node', () => {
  it.each(sevenZipEngines)('$name: chunk buffers go back to their producer once read; many members through a slow store still come out whole', async ({ codecs }) => {
    // 48 members of 100–700 KiB (≈ 19 MiB): more than either engine keeps in flight, so its buffers are
    // reused many times, while members wait in write-behind for a store that answers late.
    const many = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`m${i}.bin`, noise(100_000 + ((i * 37_813) % 600_000), 100 + i)]));
    const ctx = makeContext();
    const slow: ObjectStore = {
      ...ctx.store, head: (...a) => ctx.store.head(...a), get: (...a) => ctx.store.get(...a), list: (...a) => ctx.store.list(...a),
      delete: (...a) => ctx.store.delete(...a), updateUserMeta: (...a) => ctx.store.updateUserMeta(...a),
      put: async (bucket, key, body, options) => {
        await new Promise((resolve) => setTimeout(resolve, 3)); // reads the body late
        return ctx.store.put(bucket, key, body, options);
      },
    };
    await ctx.store.put(ctx.bucket, 'in/x.7z', build7z(many, ['-m0=Copy']));
    const outcome = await uncompressArchive({ ...ctx, store: slow }, { Object: 'in/x.7z' }, { Prefix: 'out' }, OUTPUT, { codecs });
    expect(outcome.ok && outcome.result.FileCount).toBe(48);
    for (const [name, content] of Object.entries(many)) expect(Buffer.from((await readObject(ctx, `out/${name}`)) ?? []).equals(content), name).toBe(true);
  });
});
