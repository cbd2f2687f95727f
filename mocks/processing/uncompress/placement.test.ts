import { describe, expect, it } from 'vitest';
import { makeTar } from '../fixtures/make-tar.ts';
import { makeZip } from '../fixtures/make-zip.ts';
import type { FileUncompressConfig } from '../types.ts';
import { archiveStem, outputBase, sanitizeEntryName } from './paths.ts';
import { allKeys, BUCKET, makeContext, readObject } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

const text = (s: string) => new TextEncoder().encode(s);
const OUTPUT = { Region: 'ap-chongqing', Bucket: BUCKET };
const TEST_ZIP = makeZip([{ name: 'image.jpg', content: text('jpeg') }]);

async function keysAfter(config: FileUncompressConfig, archive = TEST_ZIP, key = '123/test.zip') {
  const ctx = makeContext();
  await ctx.store.put(BUCKET, key, archive);
  const outcome = await uncompressArchive(ctx, { Object: key }, config, OUTPUT);
  return { outcome, keys: (await allKeys(ctx)).filter((k) => k !== key) };
}

describe('Prefix and PrefixReplaced (§2.3 worked example)', () => {
  it.each([
    ['0', ['456/image.jpg']],
    ['1', ['456/test/image.jpg']],
    ['2', ['456/123/test/image.jpg']],
  ] as const)('PrefixReplaced=%s with Prefix=456', async (replaced, expected) => {
    expect((await keysAfter({ Prefix: '456', PrefixReplaced: replaced })).keys).toEqual(expected);
  });

  it('a Prefix with a trailing slash is not doubled', async () => {
    expect((await keysAfter({ Prefix: '456/', PrefixReplaced: '1' })).keys).toEqual(['456/test/image.jpg']);
  });

  it('without Prefix: bucket root for 0 and 1, next to the archive for 2', async () => {
    expect((await keysAfter({})).keys).toEqual(['image.jpg']);
    expect((await keysAfter({ PrefixReplaced: '1' })).keys).toEqual(['test/image.jpg']);
    expect((await keysAfter({ PrefixReplaced: '2' })).keys).toEqual(['123/test/image.jpg']);
  });

  it('archive stems drop compound extensions', () => {
    expect(['a/b.tar.gz', 'x.tgz', 'y.apk', 'z.7z', 'noext', 'v1.2.rar', 'data.csv.gz'].map(archiveStem)).toEqual(['b', 'x', 'y', 'z', 'noext', 'v1.2', 'data.csv']);
    expect(outputBase('a/b/c.zip', 'p', '2')).toBe('p/a/b/c/');
  });

  it('sanitising keeps safe names and strips roots', () => {
    expect(['a/b', './a//b/', '/abs', 'C:\\x\\y', 'D:rel'].map(sanitizeEntryName)).toEqual(['a/b', 'a/b', 'abs', 'x/y', 'rel']);
    expect(() => sanitizeEntryName('a/../b')).toThrow(/\.\./);
  });
});

describe('Mode=1 with DownloadConfig, directories, FileCount and FileList', () => {
  const tree = makeTar([
    { name: 'docs/', type: '5' },
    { name: 'docs/a.txt', content: text('a') },
    { name: 'docs/deep/b.txt', content: text('b') },
    { name: 'img/c.png', content: text('c') },
    { name: 'readme', content: text('r') },
  ]);

  it('extracts only entries under DownloadConfig.Prefix or named in DownloadConfig.Key', async () => {
    const { outcome, keys } = await keysAfter({ Prefix: 'out', Mode: '1', DownloadConfig: { Prefix: 'docs/', Key: ['readme', 'missing'] } }, tree, 't.tar');
    expect(keys).toEqual(['out/docs/a.txt', 'out/docs/deep/b.txt', 'out/readme']);
    expect(outcome.ok && outcome.result.FileCount).toBe(3);
  });

  it('Mode=1 without a selection and unknown enum values are InvalidArgument; directories create no objects', async () => {
    for (const config of [{ Mode: '1' }, { Mode: '2' }, { PrefixReplaced: '3' }] as FileUncompressConfig[]) {
      const { outcome, keys } = await keysAfter(config, tree, 't.tar');
      expect(!outcome.ok && outcome.failure.Code).toBe('InvalidArgument');
      expect(keys).toEqual([]);
    }
    const all = await keysAfter({ Prefix: 'out' }, tree, 't.tar');
    expect(all.keys).toEqual(['out/docs/a.txt', 'out/docs/deep/b.txt', 'out/img/c.png', 'out/readme']);
  });

  it('FileList appears only with ListingFile=true and stops at 1000 entries with IsTruncated', async () => {
    const many = makeZip(Array.from({ length: 1001 }, (_, i) => ({ name: `f/${i}`, content: text(String(i)) })));
    const listed = await keysAfter({ ListingFile: true }, many, 'many.zip');
    const unlisted = await keysAfter({}, tree, 't.tar');
    if (!listed.outcome.ok || !unlisted.outcome.ok) throw new Error('extraction failed');
    expect(listed.outcome.result.FileCount).toBe(1001);
    expect(listed.outcome.result.FileList?.Contents).toHaveLength(1000);
    expect(listed.outcome.result.FileList?.IsTruncated).toBe(true);
    expect(listed.outcome.result.FileList?.Contents?.[2]).toEqual({ Key: 'f/2', LastModified: '2026-11-21T12:30:42+0000', FileSize: 1 });
    expect(unlisted.outcome.result.FileList).toBeUndefined();
  });
});

describe('an archive containing a member with its own key', () => {
  it('is replaced by that member only after every other member was read from it', async () => {
    const inner = text('inner archive bytes');
    // `other.bin` lies beyond the reader's 256 KiB window, so it is read after `n.zip` was handled.
    const other = Uint8Array.from({ length: 400_000 }, (_, i) => (i * 7919) & 0xff);
    const outer = makeZip([{ name: 'n.zip', content: inner }, { name: 'other.bin', content: other }]);
    const ctx = makeContext();
    await ctx.store.put(BUCKET, 'n.zip', outer);
    const outcome = await uncompressArchive(ctx, { Object: 'n.zip' }, {}, OUTPUT);
    expect(outcome.ok && outcome.result.FileCount).toBe(2);
    expect(await readObject(ctx, 'n.zip')).toEqual(inner);
    expect(await readObject(ctx, 'other.bin')).toEqual(other);
  });
});
