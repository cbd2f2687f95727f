import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { UncompressCodecs } from './codecs.ts';
import { makeTar } from '../fixtures/make-tar.ts';
import { makeZip, makeZip64CountBomb } from '../fixtures/make-zip.ts';
import type { FileUncompressConfig, ProcessingLimits } from '../types.ts';
import { allKeys, BUCKET, makeContext, readObject } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

const encoder = new TextEncoder();
const text = (s: string) => encoder.encode(s);
const OUTPUT = { Region: 'ap-chongqing', Bucket: BUCKET };
const zeros = (n: number) => new Uint8Array(n);

/**
 * The hostile-archive corpus, run once per codec set (hostile.test.ts: web; hostile.node.test.ts: Node,
 * where zip entries take the direct node:zlib path): every case must fail, or pass, the same way.
 */
export function describeHostileArchives(codecs: UncompressCodecs): void {
  /** Extracts `archive` (stored as `in/<name>`) under Prefix `safe/`; returns the outcome and every key. */
  async function extract(name: string, archive: Uint8Array, limits: Partial<ProcessingLimits> = {}, config: FileUncompressConfig = {}) {
    const ctx = makeContext(limits);
    await ctx.store.put(BUCKET, `in/${name}`, archive);
    const outcome = await uncompressArchive(ctx, { Object: `in/${name}` }, { Prefix: 'safe', ...config }, OUTPUT, { codecs });
    const keys = await allKeys(ctx);
    // Whatever happens, nothing lands outside the prefix.
    expect(keys.filter((k) => k !== `in/${name}` && !k.startsWith('safe/'))).toEqual([]);
    return { outcome, keys, ctx, code: outcome.ok ? 'ok' : outcome.failure.Code };
  }

  describe('hostile entry names', () => {
    it('zip-slip "../" in a zip fails with UnsafeEntryPath before anything is written', async () => {
      const { code, keys } = await extract('slip.zip', makeZip([{ name: 'good.txt', content: text('g') }, { name: '../../evil.txt', content: text('x') }]));
      expect(code).toBe('UnsafeEntryPath');
      expect(keys).toEqual(['in/slip.zip']);
    });

    it('zip-slip in a tar fails when reached; earlier members stay and are reported in partial', async () => {
      const { outcome, keys } = await extract('slip.tar', makeTar([{ name: 'good.txt', content: text('g') }, { name: 'a/../../evil.txt', content: text('x') }]));
      expect(!outcome.ok && outcome.failure.Code).toBe('UnsafeEntryPath');
      expect(!outcome.ok && outcome.partial?.FileCount).toBe(1);
      expect(keys).toEqual(['in/slip.tar', 'safe/good.txt']);
    });

    it('absolute paths, drive letters and backslashes are sanitised into the prefix', async () => {
      const entries = [
        { name: '/etc/x', content: text('abs') },
        { name: 'C:\\win\\y.txt', content: text('drive') },
        { name: 'dir\\z.txt', content: text('backslash') },
      ];
      for (const [name, archive] of [['names.zip', makeZip(entries)], ['names.tar', makeTar(entries)]] as const) {
        const { code, keys, ctx } = await extract(name, archive);
        expect(code).toBe('ok');
        expect(keys).toEqual([`in/${name}`, 'safe/dir/z.txt', 'safe/etc/x', 'safe/win/y.txt']);
        expect(await readObject(ctx, 'safe/win/y.txt')).toEqual(text('drive'));
      }
    });

    it('a NUL in a name fails with UnsafeEntryPath', async () => {
      const { code } = await extract('nul.zip', makeZip([{ name: 'a\u0000b', content: text('x') }]));
      expect(code).toBe('UnsafeEntryPath');
    });
  });

  describe('links are neither followed nor created', () => {
    it('tar symlink and hard link entries are skipped', async () => {
      const tar = makeTar([
        { name: 'link', type: '2', linkname: '/etc/passwd' },
        { name: 'hard', type: '1', linkname: 'real.txt' },
        { name: 'real.txt', content: text('real') },
        { name: 'link/through.txt', content: text('via link') },
      ]);
      const { code, keys } = await extract('links.tar', tar);
      expect(code).toBe('ok');
      expect(keys).toEqual(['in/links.tar', 'safe/link/through.txt', 'safe/real.txt']);
    });

    it('zip symlink entries (Unix mode 0120000) are skipped', async () => {
      const zip = makeZip([{ name: 'link', content: text('/etc/passwd'), mode: 0o120777 }, { name: 'real.txt', content: text('real') }]);
      const { code, keys } = await extract('links.zip', zip);
      expect(code).toBe('ok');
      expect(keys).toEqual(['in/links.zip', 'safe/real.txt']);
    });
  });

  describe('bombs and limits', () => {
    const bomb = zeros(4 * 1024 * 1024);

    it('a zip bomb by ratio fails mid-inflate, counted on real output bytes', async () => {
      const { code, keys } = await extract('ratio.zip', makeZip([{ name: 'zeros', content: bomb, deflate: true }]), { maxCompressionRatio: 100 });
      expect(code).toBe('CompressionRatioExceeded');
      expect(keys).toEqual(['in/ratio.zip']);
    });

    it('a zip whose header claims a tiny size while inflating to 4 MiB never writes the member', async () => {
      // zip.js stops at the declared size and reports the mismatch: the lie cannot smuggle bytes past the limits.
      const { outcome, keys } = await extract('lying.zip', makeZip([{ name: 'zeros', content: bomb, deflate: true, declaredSize: 10 }]));
      expect(!outcome.ok && outcome.failure).toMatchObject({ Code: 'ArchiveCorrupted', Message: expect.stringMatching(/size/i) });
      expect(keys).toEqual(['in/lying.zip']);
    });

    it('total uncompressed bytes are capped while inflating (zip and tar.gz)', async () => {
      const zip = await extract('big.zip', makeZip([{ name: 'a', content: bomb, deflate: true }]), { maxUncompressedBytes: 1024 * 1024 });
      const tgz = await extract('big.tar.gz', gzipSync(makeTar([{ name: 'a', content: bomb }])), { maxUncompressedBytes: 1024 * 1024 });
      expect([zip.code, tgz.code]).toEqual(['SizeLimitExceeded', 'SizeLimitExceeded']);
      expect([zip.keys, tgz.keys]).toEqual([['in/big.zip'], ['in/big.tar.gz']]);
    });

    it('a gzip bomb by ratio fails; below 1 MiB of output a high ratio is tolerated', async () => {
      const { code } = await extract('zeros.gz', gzipSync(bomb), { maxCompressionRatio: 50 });
      const small = await extract('small.gz', gzipSync(zeros(512 * 1024)), { maxCompressionRatio: 50 });
      expect([code, small.code]).toEqual(['CompressionRatioExceeded', 'ok']);
    });

    it('too many entries: zip refused from its end record before writing, tar when the limit is crossed', async () => {
      const many = Array.from({ length: 30 }, (_, i) => ({ name: `f${String(i).padStart(2, '0')}`, content: text(String(i)) }));
      const zip = await extract('many.zip', makeZip(many), { maxEntries: 10 });
      const tar = await extract('many.tar', makeTar(many), { maxEntries: 10 });
      expect([zip.code, tar.code]).toEqual(['FileCountLimitExceeded', 'FileCountLimitExceeded']);
      expect(zip.keys).toEqual(['in/many.zip']);
      expect(tar.keys).toHaveLength(11);
    });

    it('a zip64 end record claiming 5 million entries is refused from the tail, before any parsing', async () => {
      const { outcome, keys } = await extract('count64.zip', makeZip64CountBomb(5_000_000), { maxEntries: 10_000 });
      expect(!outcome.ok && outcome.failure).toMatchObject({ Code: 'FileCountLimitExceeded', Message: expect.stringContaining('5000000') });
      expect(keys).toEqual(['in/count64.zip']);
    });

    it('a nested archive is written as a file, not recursed into', async () => {
      const inner = makeZip([{ name: 'inner.txt', content: text('inner') }]);
      const { code, keys, ctx } = await extract('outer.zip', makeZip([{ name: 'nested.zip', content: inner }]));
      expect(code).toBe('ok');
      expect(keys).toEqual(['in/outer.zip', 'safe/nested.zip']);
      expect(await readObject(ctx, 'safe/nested.zip')).toEqual(inner);
    });
  });

  describe('corrupt and unknown archives', () => {
    const good = makeZip([{ name: 'a.txt', content: text('a'.repeat(1000)), deflate: true }, { name: 'b.txt', content: text('b'), badCrc: true }, { name: 'c.txt', content: text('c') }]);

    it('a member with a bad CRC fails the job; members already written stay', async () => {
      const { outcome, keys } = await extract('crc.zip', good);
      expect(!outcome.ok && outcome.failure.Code).toBe('ArchiveCorrupted');
      expect(!outcome.ok && outcome.partial?.FileCount).toBe(1);
      expect(keys).toEqual(['in/crc.zip', 'safe/a.txt']);
    });

    it('truncated zip, tar, tar.gz and gz fail with ArchiveCorrupted', async () => {
      const tar = makeTar([{ name: 'a', content: zeros(5000) }, { name: 'b', content: zeros(5000) }]);
      const gz = gzipSync(zeros(100_000).map((_, i) => i % 251));
      for (const [name, archive] of [['t.zip', good], ['t.tar', tar], ['t.tar.gz', gzipSync(tar)], ['t.gz', gz]] as const) {
        const { code } = await extract(name, archive.subarray(0, Math.floor(archive.byteLength * 0.6)));
        expect(code, name).toBe('ArchiveCorrupted');
      }
    });

    it('a zip entry compressed with bzip2 (method 12) fails with UnsupportedCompressionMethod', async () => {
      const { code } = await extract('bz.zip', makeZip([{ name: 'a.txt', content: text('BZh9...'), method: 12 }]));
      expect(code).toBe('UnsupportedCompressionMethod');
    });

    it('unknown content fails with UnsupportedArchiveFormat, whatever the extension', async () => {
      const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...zeros(600));
      const { code, keys } = await extract('image.zip', png);
      expect(code).toBe('UnsupportedArchiveFormat');
      expect(keys).toEqual(['in/image.zip']);
    });

    it('formats are detected by content, not by extension', async () => {
      const tgzNamedZip = await extract('really-a-tgz.zip', gzipSync(makeTar([{ name: 'x.txt', content: text('x') }])));
      const zipNamedBin = await extract('data.bin', makeZip([{ name: 'y.txt', content: text('y') }]));
      expect([tgzNamedZip.keys, zipNamedBin.keys]).toEqual([['in/really-a-tgz.zip', 'safe/x.txt'], ['in/data.bin', 'safe/y.txt']]);
    });

    it('a missing archive fails with NoSuchKey and a non-base64 key with InvalidArgument', async () => {
      const ctx = makeContext();
      const missing = await uncompressArchive(ctx, { Object: 'nope.zip' }, {}, OUTPUT, { codecs });
      await ctx.store.put(BUCKET, 'a.zip', makeZip([{ name: 'a', content: text('a') }]));
      const badKey = await uncompressArchive(ctx, { Object: 'a.zip' }, { UnCompressKey: 'not base64!' }, OUTPUT, { codecs });
      expect([!missing.ok && missing.failure.Code, !badKey.ok && badKey.failure.Code]).toEqual(['NoSuchKey', 'InvalidArgument']);
    });
  });
}
