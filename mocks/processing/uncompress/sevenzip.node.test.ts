import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../store/types.ts';
import { addSymlink, type Tree } from './cli-tools.node.ts';
import { webCodecs } from './codecs.ts';
import { build7z, extract7z, noise, sevenZipEngines, type ExtractOptions } from './sevenzip-test-support.node.ts';
import { BUCKET, makeContext, progressIsMonotonic, readObject } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';
import { zipPreview } from './zip-preview.ts';

const encoder = new TextEncoder();
const OUTPUT = { Region: 'ap-chongqing', Bucket: BUCKET };
const base64 = (s: string) => Buffer.from(s).toString('base64');
// Deep equality walks multi-MiB arrays element by element (minutes); Buffer.equals compares bytes.
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) => a !== undefined && b !== undefined && Buffer.from(a).equals(b);
// Several 1 MiB output chunks per member, and more output than the worker may run ahead (8 MiB).
const TREE: Tree = {
  'big/random.bin': noise(3 * 1024 * 1024 + 17, 3),
  'big/text.txt': encoder.encode('the quick brown fox jumps over the lazy dog\n'.repeat(200_000)),
  'empty.txt': new Uint8Array(0),
  'small/a.txt': encoder.encode('a'),
  'small/文件.txt': encoder.encode('unicode'),
};

describe.each(sevenZipEngines)('7z in Node, extracted by $name', ({ codecs: nodeCodecs }) => {
  const extract = (archive: Uint8Array, options: ExtractOptions = {}) => extract7z(archive, { codecs: nodeCodecs, ...options });

  it('writes the same objects as the in-memory reader, with monotonic progress', async () => {
    const archive = build7z(TREE);
    const node = await extract(archive);
    const web = await extract(archive, { codecs: webCodecs });
    expect([node.code, web.code]).toEqual(['ok', 'ok']);
    expect(node.keys).toEqual(Object.keys(TREE).map((p) => `out/${p}`).sort());
    expect(node.keys).toEqual(web.keys);
    for (const [path, content] of Object.entries(TREE)) expect(sameBytes(await readObject(node.ctx, `out/${path}`), content), path).toBe(true);
    expect(progressIsMonotonic(node.ctx.progress)).toBe(true);
  });

  it('is not bounded by inMemoryArchiveLimit (nothing is held in memory); the in-memory reader is', async () => {
    const archive = build7z(TREE);
    expect((await extract(archive, { inMemoryArchiveLimit: 1024 })).code).toBe('ok');
    expect((await extract(archive, { inMemoryArchiveLimit: 1024, codecs: webCodecs })).code).toBe('SizeLimitExceeded');
  });

  it.each([['names visible', []], ['names encrypted (-mhe=on)', ['-mhe=on']]])('encrypted, %s: right key extracts, missing → PasswordRequired, wrong → InvalidPassword', async (_, extra) => {
    const archive = build7z(TREE, ['-pright', ...extra]);
    const right = await extract(archive, { config: { UnCompressKey: base64('right') } });
    expect(right.code).toBe('ok');
    expect(sameBytes(await readObject(right.ctx, 'out/big/text.txt'), TREE['big/text.txt'])).toBe(true);
    for (const [key, code] of [[undefined, 'PasswordRequired'], ['wrong', 'InvalidPassword']] as const) {
      const failed = await extract(archive, { config: key ? { UnCompressKey: base64(key) } : {} });
      expect(failed.code).toBe(code);
      // 7z stores no key check: a wrong key shows as a decoding error, usually before any output; but
      // in about 1 archive in 200 (random salt) garbage decodes for a while first, and then the empty
      // file listed before the first encrypted one has ended cleanly and stays (members before a
      // failure stay). Nothing encrypted is ever written.
      expect(failed.keys.filter((k) => k !== 'out/empty.txt')).toEqual([]);
    }
  });

  it('symlinks are neither created nor followed', async () => {
    const archive = build7z({ 'real.txt': encoder.encode('real') }, ['-snl'], (dir) => {
      addSymlink(dir, 'abs-link', '/etc/passwd');
      addSymlink(dir, 'rel-link', 'real.txt');
    });
    const { code, keys } = await extract(archive);
    expect(code).toBe('ok');
    expect(keys).toEqual(['out/real.txt']);
  });

  it('Mode=1 writes only the selected members (the others are decoded and dropped)', async () => {
    const { code, keys } = await extract(build7z(TREE), { config: { Mode: '1', DownloadConfig: { Prefix: 'small/', Key: ['empty.txt'] } } });
    expect(code).toBe('ok');
    expect(keys).toEqual(['out/empty.txt', 'out/small/a.txt', 'out/small/文件.txt']);
  });

  it('a corrupted packed stream fails with ArchiveCorrupted and never stores the damaged member', async () => {
    const archive = build7z({ 'a.txt': encoder.encode('first member\n'.repeat(1000)), 'b.bin': noise(2 * 1024 * 1024, 9) }, ['-ms=off', '-mx=1']);
    const damaged = archive.slice();
    // Inside b.bin's packed stream (files are stored in name order, a.txt first).
    for (let i = 0; i < 64; i++) damaged[1024 * 1024 + i * 997] = (damaged[1024 * 1024 + i * 997] as number) ^ 0x5a;
    const { code, keys, outcome } = await extract(damaged);
    expect(code).toBe('ArchiveCorrupted');
    expect(keys).toEqual(['out/a.txt']);
    expect(!outcome.ok && outcome.partial?.FileCount).toBe(1);
  });

  it('limits: declared size refused before extracting; ratio counted on the bytes produced', async () => {
    const archive = build7z(TREE);
    const tooBig = await extract(archive, { limits: { maxUncompressedBytes: 1024 * 1024 } });
    expect([tooBig.code, tooBig.keys]).toEqual(['SizeLimitExceeded', []]);
    const bomb = build7z({ 'zeros.bin': new Uint8Array(32 * 1024 * 1024) });
    expect((await extract(bomb, { limits: { maxCompressionRatio: 100 } })).code).toBe('CompressionRatioExceeded');
  });

  it('an abort while extracting stops the job with Aborted', async () => {
    const controller = new AbortController();
    const archive = build7z(TREE);
    const ctx = { ...makeContext(), signal: controller.signal };
    await ctx.store.put(BUCKET, 'in/x.7z', archive);
    ctx.onProgress = (p) => void (p > 0 && controller.abort());
    const outcome = await uncompressArchive(ctx, { Object: 'in/x.7z' }, {}, OUTPUT, { codecs: nodeCodecs });
    expect(!outcome.ok && outcome.failure.Code).toBe('Aborted');
  });

  it('a store failure while the worker reads the archive fails the job with InternalError', async () => {
    const ctx = makeContext();
    await ctx.store.put(BUCKET, 'in/x.7z', build7z(TREE));
    const store: ObjectStore = ctx.store;
    let gets = 0;
    // Detection and the listing read fine (the archive fits in one 4 MiB block); the extraction's read fails.
    const failing: ObjectStore = {
      head: (...a) => store.head(...a), put: (...a) => store.put(...a), delete: (...a) => store.delete(...a),
      list: (...a) => store.list(...a), updateUserMeta: (...a) => store.updateUserMeta(...a),
      get: (...a) => (++gets > 2 ? Promise.reject(new Error('disk gone')) : store.get(...a)),
    };
    const outcome = await uncompressArchive({ ...ctx, store: failing }, { Object: 'in/x.7z' }, {}, OUTPUT, { codecs: nodeCodecs });
    expect(!outcome.ok && outcome.failure.Code).toBe('InternalError');
    expect(!outcome.ok && outcome.failure.Message).toContain('disk gone');
  });

  it('zip preview lists through the worker, and needs the key only for encrypted names', async () => {
    const plain = makeContext();
    await plain.store.put(BUCKET, 'p.7z', build7z(TREE));
    const listed = await zipPreview(plain, 'p.7z', undefined, { codecs: nodeCodecs, inMemoryArchiveLimit: 1024 });
    expect(listed.ok && listed.result.Contents?.map((c) => c.Key).sort()).toEqual(['big/', 'big/random.bin', 'big/text.txt', 'empty.txt', 'small/', 'small/a.txt', 'small/文件.txt']);
    expect(listed).toEqual(await zipPreview(plain, 'p.7z', undefined, { codecs: webCodecs }));
    const hidden = makeContext();
    await hidden.store.put(BUCKET, 'h.7z', build7z(TREE, ['-ppw', '-mhe=on']));
    const codes = [];
    for (const key of [undefined, base64('nope'), base64('pw')]) {
      const outcome = await zipPreview(hidden, 'h.7z', key, { codecs: nodeCodecs });
      codes.push(outcome.ok ? outcome.result.FileNumber : outcome.failure.Code);
    }
    expect(codes).toEqual(['PasswordRequired', 'InvalidPassword', 7]);
  });
});
