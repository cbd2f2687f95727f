import { describe, expect, it } from 'vitest';
import type { FileCompressConfig } from '../types.ts';
import { BUCKET, makeContext, progressIsMonotonic, readObject } from '../uncompress/test-support.ts';
import { compressFiles } from './compress-files.ts';
import { putFiles, readArchive, text } from './test-support.ts';

const OUT = { Region: 'ap-chongqing', Bucket: BUCKET, Object: 'out/archive.zip' };
const TREE = { 'test/data/a/b.txt': text('bee'), 'test/data/c.txt': text('sea'), 'test/other.txt': text('other'), 'top.txt': text('top') };

async function run(config: Partial<FileCompressConfig>, limits = {}) {
  const ctx = makeContext(limits);
  await putFiles(ctx.store, TREE);
  const outcome = await compressFiles(ctx, { Flatten: '0', Format: 'zip', ...config }, OUT);
  const stored = await readObject(ctx, OUT.Object);
  return { ctx, outcome, stored, members: stored && readArchive(config.Format ?? 'zip', stored) };
}

describe('compressFiles sources (reference §2.2)', () => {
  it('packs every object under a Prefix with each Flatten mode', async () => {
    const names = async (Flatten: FileCompressConfig['Flatten']) => Object.keys((await run({ Prefix: 'test/data/', Flatten })).members ?? {}).sort();
    expect(await names('0')).toEqual(['test/data/a/b.txt', 'test/data/c.txt']);
    expect(await names('1')).toEqual(['b.txt', 'c.txt']);
    expect(await names('2')).toEqual(['data/a/b.txt', 'data/c.txt']);
    expect(await names('3')).toEqual(['a/b.txt', 'c.txt']);
  });

  it('pages through listings longer than 1000 keys and skips folder markers', async () => {
    const ctx = makeContext();
    const files = Object.fromEntries(Array.from({ length: 1203 }, (_, i) => [`many/f${i}.txt`, text(String(i))]));
    await putFiles(ctx.store, { ...files, 'many/': new Uint8Array(0) });
    const outcome = await compressFiles(ctx, { Flatten: '1', Format: 'tar', Prefix: 'many/' }, OUT);
    expect(outcome).toMatchObject({ ok: true, result: { CompressFileCount: 1203, ErrorCount: 0 } });
    const members = readArchive('tar', (await readObject(ctx, OUT.Object)) as Uint8Array);
    expect(Object.keys(members)).toHaveLength(1203);
    expect(members['f1202.txt']).toEqual(text('1202'));
  });

  it('prefers UrlList over Prefix over Key', async () => {
    const ctx = makeContext();
    await putFiles(ctx.store, { ...TREE, 'list.csv': text('/top.txt\n') });
    const both = await compressFiles(ctx, { Flatten: '0', Format: 'zip', UrlList: '/list.csv', Prefix: 'test/', Key: ['test/other.txt'] }, OUT);
    expect(both).toMatchObject({ ok: true, result: { CompressFileCount: 1 } });
    expect(Object.keys(readArchive('zip', (await readObject(ctx, OUT.Object)) as Uint8Array))).toEqual(['top.txt']);
    const prefixWins = await run({ Prefix: 'test/data/', Key: ['top.txt'] });
    expect(Object.keys(prefixWins.members ?? {}).sort()).toEqual(['test/data/a/b.txt', 'test/data/c.txt']);
  });

  it('combines Key and KeyConfig, renaming with KeyConfig.Rename and de-duplicating names', async () => {
    const { outcome, members } = await run({
      Flatten: '1',
      Key: ['test/data/c.txt', 'top.txt', 'test/data/'],
      KeyConfig: [{ Key: 'test/other.txt', Rename: 'renamed/o.txt' }, { Key: 'test/data/a/b.txt', Rename: '' }, { Key: 'top.txt' }],
    });
    expect(outcome).toMatchObject({ ok: true, result: { CompressFileCount: 5, ErrorCount: 0 } });
    expect(members).toEqual({ 'c.txt': text('sea'), 'top.txt': text('top'), 'renamed/o.txt': text('other'), 'b.txt': text('bee'), 'top (1).txt': text('top') });
  });

  it('reads UrlList URLs of this bucket (first CSV column) in listed order', async () => {
    const ctx = makeContext();
    const index = 'url,size\nhttps://test-1250000000.cos.ap-chongqing.myqcloud.com/test/data/c.txt,3\n\n/top.txt\n';
    await putFiles(ctx.store, { ...TREE, 'idx/list.csv': text(index) });
    const failed = await compressFiles(ctx, { Flatten: '0', Format: 'zip', UrlList: '/idx/list.csv' }, OUT);
    expect(failed).toMatchObject({ ok: false, failure: { Code: 'InvalidArgument' } });
    expect(failed.ok || failed.failure.Message).toContain('line 1');
    expect(await readObject(ctx, OUT.Object)).toBeUndefined();
    const ignored = await compressFiles(ctx, { Flatten: '0', Format: 'zip', UrlList: '/idx/list.csv', IgnoreError: true }, OUT);
    expect(ignored).toEqual({ ok: true, result: { ...OUT, CompressFileCount: 2, ErrorCount: 1, ErrorDetail: { ErrorCount: 1, ErrorFile: ['url,size'] } } });
    const missingIndex = await compressFiles(ctx, { Flatten: '0', Format: 'zip', UrlList: '/nope.csv' }, OUT);
    expect(missingIndex).toMatchObject({ ok: false, failure: { Code: 'NoSuchKey' } });
  });
});

describe('compressFiles errors and limits', () => {
  it('fails on a missing Key with NoSuchKey naming it and writes nothing', async () => {
    const { outcome, stored } = await run({ Key: ['top.txt', 'gone/x.txt'] });
    expect(outcome).toMatchObject({ ok: false, failure: { Code: 'NoSuchKey' } });
    expect(outcome.ok || outcome.failure.Message).toContain('gone/x.txt');
    expect(stored).toBeUndefined();
  });

  it('skips missing sources under IgnoreError and reports them', async () => {
    const { outcome, members } = await run({ Key: ['gone1', 'top.txt', 'gone2'], IgnoreError: true });
    expect(outcome).toEqual({ ok: true, result: { ...OUT, CompressFileCount: 1, ErrorCount: 2, ErrorDetail: { ErrorCount: 2, ErrorFile: ['gone1', 'gone2'] } } });
    expect(members).toEqual({ 'top.txt': text('top') });
  });

  it('writes a valid empty archive when every source is skipped', async () => {
    const { outcome, members } = await run({ Format: 'tar.gz', Key: ['gone'], IgnoreError: true });
    expect(outcome).toMatchObject({ ok: true, result: { CompressFileCount: 0, ErrorCount: 1 } });
    expect(members).toEqual({});
  });

  it('enforces the file-count and size limits with no output object', async () => {
    const count = await run({ Prefix: 'test/' }, { maxFiles: 2 });
    expect(count.outcome).toMatchObject({ ok: false, failure: { Code: 'FileCountLimitExceeded' } });
    expect(count.stored).toBeUndefined();
    const size = await run({ Prefix: 'test/' }, { maxTotalBytes: 10 });
    expect(size.outcome).toMatchObject({ ok: false, failure: { Code: 'SizeLimitExceeded' } });
    expect(size.stored).toBeUndefined();
    expect((await run({ Prefix: 'test/' }, { maxFiles: 3, maxTotalBytes: 11 })).outcome.ok).toBe(true);
  });

  it('rejects invalid configurations as InvalidArgument', async () => {
    const bad: Partial<FileCompressConfig>[] = [
      { Key: [] },
      { Key: ['top.txt'], Flatten: '2' },
      { UrlList: '/l.csv', Prefix: 'test/', Flatten: '3' },
      { Key: ['top.txt'], Format: 'rar' as 'zip' },
      { Key: ['top.txt'], Flatten: '4' as '0' },
      { Key: ['top.txt'], Type: 'fastest' as 'faster' },
      { Key: ['top.txt'], CompressKey: 'not base64!' },
      { Key: Array.from({ length: 1001 }, (_, i) => `k${i}`) },
      { KeyConfig: [{ Key: 'top.txt', ImageParams: 'imageMogr2/thumbnail/!50p' }] },
      { KeyConfig: [{ Key: 'top.txt', Rename: '//' }] },
    ];
    for (const config of bad) expect((await run(config)).outcome).toMatchObject({ ok: false, failure: { Code: 'InvalidArgument' } });
  });

  it('reports progress 0 → 100 without going back', async () => {
    const ctx = makeContext();
    await putFiles(ctx.store, { 'big/a': new Uint8Array(300_000).fill(7), 'big/b': new Uint8Array(500_000), 'big/c': new Uint8Array(0) });
    expect((await compressFiles(ctx, { Flatten: '0', Format: 'tar.gz', Prefix: 'big/' }, OUT)).ok).toBe(true);
    expect(progressIsMonotonic(ctx.progress)).toBe(true);
    expect(new Set(ctx.progress).size).toBeGreaterThan(3);
  });

  it('fails with Aborted and writes nothing when the signal fires', async () => {
    const ctx = makeContext();
    const controller = new AbortController();
    await putFiles(ctx.store, TREE);
    controller.abort();
    const outcome = await compressFiles({ ...ctx, signal: controller.signal }, { Flatten: '0', Format: 'zip', Prefix: 'test/' }, OUT);
    expect(outcome).toMatchObject({ ok: false, failure: { Code: 'Aborted' } });
    expect(await readObject(ctx, OUT.Object)).toBeUndefined();
  });
});
