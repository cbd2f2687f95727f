import { afterEach, describe, expect, it } from 'vitest';
import { makeRar5 } from '../fixtures/make-rar.ts';
import { makeZip } from '../fixtures/make-zip.ts';
import { archiveWith, writeTree, type Tree } from './cli-tools.node.ts';
import { BUCKET, makeContext } from './test-support.ts';
import { zipPreview } from './zip-preview.ts';

const encoder = new TextEncoder();
const TREE: Tree = { 'test1.jpg': encoder.encode('j'.repeat(4674)), 'sub/test2.mp3': encoder.encode('m'.repeat(733)) };
let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

function build(command: string, args: string[], name: string): Uint8Array {
  const { dir, cleanup } = writeTree(TREE);
  cleanups.push(cleanup);
  return archiveWith(dir, command, args, name);
}

async function preview(archive: Uint8Array, key?: string) {
  const ctx = makeContext();
  await ctx.store.put(BUCKET, 'for-test', archive);
  return zipPreview(ctx, 'for-test', key);
}

const FILES = [{ Key: 'sub/test2.mp3', UncompressedSize: 733 }, { Key: 'test1.jpg', UncompressedSize: 4674 }];

describe('zipPreview lists entries of every §2.13 format', () => {
  it.each([
    ['zip', ['-qr', '-D', '../a.zip', '.'], 'a.zip'],
    ['tar', ['-cf', '../a.tar', 'test1.jpg', 'sub/test2.mp3'], 'a.tar'],
    ['tar', ['-czf', '../a.tgz', 'test1.jpg', 'sub/test2.mp3'], 'a.tgz'],
    ['7z', ['a', '-bd', '../a.7z', 'test1.jpg', 'sub/test2.mp3'], 'a.7z'],
  ])('%s %j', async (command, args, name) => {
    const outcome = await preview(build(command, args, name));
    if (!outcome.ok) throw new Error(outcome.failure.Message);
    const files = outcome.result.Contents?.map(({ Key, UncompressedSize }) => ({ Key, UncompressedSize })).sort((a, b) => a.Key.localeCompare(b.Key));
    expect(files).toEqual(FILES);
    expect(outcome.result).toMatchObject({ FileNumber: 2, IsTruncated: false });
    expect(outcome.result.Contents?.[0]?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
  });

  it('a plain gzip previews as its one member with the ISIZE size', async () => {
    const outcome = await preview(build('gzip', ['-k', 'test1.jpg'], 'root/test1.jpg.gz'));
    expect(outcome.ok && outcome.result.Contents).toEqual([expect.objectContaining({ Key: 'for-test', UncompressedSize: 4674 })]);
  });

  it('encrypted zips list without a key (names are not encrypted)', async () => {
    const outcome = await preview(build('zip', ['-qr', '-D', '-P', 'pw', '../e.zip', '.'], 'e.zip'));
    expect(outcome.ok && outcome.result.FileNumber).toBe(2);
  });

  it('7z with only file contents encrypted lists without a key', async () => {
    const outcome = await preview(build('7z', ['a', '-bd', '-ppw', '../c.7z', 'test1.jpg', 'sub/test2.mp3'], 'c.7z'));
    expect(outcome.ok && outcome.result.FileNumber).toBe(2);
  });

  it('7z with encrypted headers needs the key; rar lists with or without one', async () => {
    const enc = build('7z', ['a', '-bd', '-ppw', '-mhe=on', '../e.7z', '.'], 'e.7z');
    const without = await preview(enc);
    const wrong = await preview(enc, btoa('nope'));
    const right = await preview(enc, btoa('pw'));
    expect([!without.ok && without.failure.Code, !wrong.ok && wrong.failure.Code]).toEqual(['PasswordRequired', 'InvalidPassword']);
    expect(right.ok && right.result.FileNumber).toBe(3); // two files and the `sub` directory
    const rar = await preview(await makeRar5([{ name: 'a.txt', content: encoder.encode('abc') }], 'pw'));
    expect(rar.ok && rar.result.Contents).toEqual([expect.objectContaining({ Key: 'a.txt', UncompressedSize: 3 })]);
  });

  it('≥ 1000 entries: the first 1000, IsTruncated=true, FileNumber counts all', async () => {
    const outcome = await preview(makeZip(Array.from({ length: 1200 }, (_, i) => ({ name: `f${i}`, content: encoder.encode('x') }))));
    if (!outcome.ok) throw new Error(outcome.failure.Message);
    expect(outcome.result).toMatchObject({ FileNumber: 1200, IsTruncated: true });
    expect(outcome.result.Contents).toHaveLength(1000);
  });

  it('unknown content and missing objects fail with their codes', async () => {
    const unknown = await preview(encoder.encode('just text, not an archive'));
    const missing = await zipPreview(makeContext(), 'nope.zip');
    expect([!unknown.ok && unknown.failure.Code, !missing.ok && missing.failure.Code]).toEqual(['UnsupportedArchiveFormat', 'NoSuchKey']);
  });
});
