import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsStore } from '../../store/fs-store.node.ts';
import { nodeHashFactory } from '../hash/node-hash.node.ts';
import type { FileUncompressConfig, ProcessingLimits } from '../types.ts';
import { addSymlink, type Tree } from './cli-tools.node.ts';
import { build7z, extract7z, nativeBinary, noise, sevenZipEngines } from './sevenzip-test-support.node.ts';
import { BUCKET } from './test-support.ts';

const encoder = new TextEncoder();
const text = (s: string) => encoder.encode(s);
const base64 = (s: string) => Buffer.from(s).toString('base64');

const TREE: Tree = {
  'big/random.bin': noise(2 * 1024 * 1024 + 5, 7),
  'big/text.txt': text('lorem ipsum dolor sit amet\n'.repeat(40_000)),
  'empty.txt': new Uint8Array(0),
  'empty/also-empty.txt': new Uint8Array(0),
  'small/a.txt': text('a'),
  'small/文件 ü.txt': text('unicode'),
  'z-last-empty.txt': new Uint8Array(0),
};
// A member damaged in the middle of a non-solid archive: a.txt (stored first) stays whole.
const TWO_MEMBERS: Tree = { 'a.txt': text('first member\n'.repeat(1000)), 'b.bin': noise(2 * 1024 * 1024, 9) };
const damaged = () => {
  const archive = build7z(TWO_MEMBERS, ['-ms=off', '-mx=1']).slice();
  for (let i = 0; i < 64; i++) archive[1024 * 1024 + i * 997] = (archive[1024 * 1024 + i * 997] as number) ^ 0x5a;
  return archive;
};
const outside = (dir: string) => writeFileSync(join(dir, 'outside.txt'), 'outside the tree');
const MANY_EMPTY: Tree = Object.fromEntries([...Array.from({ length: 1500 }, (_, i) => [`e/${i}.txt`, new Uint8Array(0)]), ['f.txt', text('after the empties')]]);

interface Case { archive: () => Uint8Array; config?: FileUncompressConfig; limits?: Partial<ProcessingLimits>; code: string }

const CASES: Record<string, Case> = {
  'solid, dirs, empty files, unicode names': { archive: () => build7z(TREE), code: 'ok' },
  'non-solid, one block per file': { archive: () => build7z(TREE, ['-ms=off']), code: 'ok' },
  '1,500 empty files before a file': { archive: () => build7z(MANY_EMPTY), code: 'ok' },
  'encrypted, right key': { archive: () => build7z(TREE, ['-ppw']), config: { UnCompressKey: base64('pw') }, code: 'ok' },
  'encrypted, no key': { archive: () => build7z(TREE, ['-ppw']), code: 'PasswordRequired' },
  'encrypted, wrong key': { archive: () => build7z(TREE, ['-ppw']), config: { UnCompressKey: base64('nope') }, code: 'InvalidPassword' },
  'encrypted copy method, wrong key (output of the right size, wrong CRC)': {
    archive: () => build7z(TWO_MEMBERS, ['-ppw', '-m0=Copy']), config: { UnCompressKey: base64('nope') }, code: 'InvalidPassword',
  },
  'encrypted names, right key': { archive: () => build7z(TREE, ['-ppw', '-mhe=on']), config: { UnCompressKey: base64('pw') }, code: 'ok' },
  'encrypted names, no key': { archive: () => build7z(TREE, ['-ppw', '-mhe=on']), code: 'PasswordRequired' },
  'encrypted names, wrong key': { archive: () => build7z(TREE, ['-ppw', '-mhe=on']), config: { UnCompressKey: base64('nope') }, code: 'InvalidPassword' },
  'key with spaces and non-ASCII': { archive: () => build7z(TWO_MEMBERS, ['-p p w ü€ ']), config: { UnCompressKey: base64(' p w ü€ ') }, code: 'ok' },
  'key with a line break': { archive: () => build7z(TWO_MEMBERS, ['-pline\nbreak']), config: { UnCompressKey: base64('line\nbreak') }, code: 'ok' },
  'a corrupt member mid-archive': { archive: damaged, code: 'ArchiveCorrupted' },
  'truncated': { archive: () => build7z(TREE).slice(0, 1024 * 1024), code: 'ArchiveCorrupted' },
  'Mode=1 subset': { archive: () => build7z(TREE), config: { Mode: '1', DownloadConfig: { Prefix: 'small/', Key: ['empty.txt', 'big/text.txt'] } }, code: 'ok' },
  'symlinks are not created': {
    archive: () => build7z({ 'real.txt': text('real') }, ['-snl'], (dir) => {
      addSymlink(dir, 'abs-link', '/etc/passwd');
      addSymlink(dir, 'rel-link', 'real.txt');
    }),
    code: 'ok',
  },
  'absolute names are sanitised into the prefix': { archive: () => build7z(TWO_MEMBERS, ['-spf'], undefined, (dir) => [`${dir}/root/b.bin`, 'a.txt']), code: 'ok' },
  'a "../" name is refused before anything is written': { archive: () => build7z(TWO_MEMBERS, ['-spf'], outside, () => ['a.txt', '../outside.txt']), code: 'UnsafeEntryPath' },
  'a ratio bomb': { archive: () => build7z({ 'zeros.bin': new Uint8Array(16 * 1024 * 1024) }), limits: { maxCompressionRatio: 100 }, code: 'CompressionRatioExceeded' },
  'too many entries': { archive: () => build7z(TREE), limits: { maxEntries: 3 }, code: 'FileCountLimitExceeded' },
};

/**
 * What a job leaves: its code, the objects (key → ETag) and the result or partial result. On a
 * filesystem store (which has `openLocal`) the native engine lists natively too.
 */
async function observe(engine: (typeof sevenZipEngines)[number], c: Case, onDisk = false) {
  const dir = onDisk ? mkdtempSync(join(tmpdir(), 'fileproc-engines-')) : undefined;
  const store = dir === undefined ? undefined : await FsStore.open({ dir, now: () => Date.UTC(2026, 10, 21, 12, 30, 42), hash: nodeHashFactory, durable: false, writerThreads: 0 });
  try {
    const { ctx, outcome, code, keys } = await extract7z(c.archive(), {
      codecs: engine.codecs, ...(c.config && { config: c.config }), ...(c.limits && { limits: c.limits }), ...(store && { store }),
    });
    const objects = await Promise.all(keys.map(async (key) => [key, (await ctx.store.head(BUCKET, key))?.etag]));
    return { code, objects, result: outcome.ok ? outcome.result : outcome.partial };
  } finally {
    await store?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!nativeBinary)('native 7-Zip (listing from a memory store by 7z-wasm, from a filesystem store natively) and 7z-wasm give the same jobs', () => {
  it.each(Object.entries(CASES))('%s', async (_, c) => {
    const [wasm, native] = await Promise.all(sevenZipEngines.map((engine) => observe(engine, c)));
    expect(wasm?.code).toBe(c.code);
    expect(native).toEqual(wasm);
    expect(await observe(sevenZipEngines[1] as (typeof sevenZipEngines)[number], c, true)).toEqual(wasm); // listed natively
  });

  it('every regular file of the tree arrives, empty ones included, and no link', async () => {
    const [, native] = await Promise.all(sevenZipEngines.map((engine) => observe(engine, CASES['solid, dirs, empty files, unicode names'] as Case)));
    expect(native?.objects.map(([key]) => key)).toEqual(Object.keys(TREE).map((path) => `out/${path}`).sort());
  });
});
