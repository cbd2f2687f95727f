import { afterEach, describe, expect, it } from 'vitest';
import { addSymlink, archiveWith, writeTree, type Tree } from './cli-tools.node.ts';
import { nodeCodecs } from './codecs.node.ts';
import { webCodecs } from './codecs.ts';
import { allKeys, BUCKET, makeContext, progressIsMonotonic, readObject } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

const encoder = new TextEncoder();
const random = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (Math.imul(i + seed, 2654435761) >>> 13) & 0xff);
const TREE: Tree = {
  'a.txt': encoder.encode('hello world\n'.repeat(500)),
  'dir/b.bin': random(200_000, 7),
  'dir/sub/c.txt': encoder.encode('c'),
  'empty.txt': new Uint8Array(0),
  [`long/${'x'.repeat(120)}/${'y'.repeat(110)}.txt`]: encoder.encode('long name'),
  'ünïcødé/文件.txt': encoder.encode('unicode'),
};
const OUTPUT = { Region: 'ap-chongqing', Bucket: BUCKET };
const base64 = (s: string) => Buffer.from(s).toString('base64');

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

const built = new Map<string, Uint8Array>();

/** Builds the archive with a CLI tool (run inside root/, writing ../name); once per tree and command line. */
function build(tree: Tree, command: string, args: string[], name: string): Uint8Array {
  const id = JSON.stringify([Object.keys(tree), command, args]);
  const cached = built.get(id);
  if (cached) return cached;
  const { dir, cleanup } = writeTree(tree);
  cleanups.push(cleanup);
  const archive = archiveWith(dir, command, args, name);
  built.set(id, archive);
  return archive;
}

const CASES: [string, string, string[], string?][] = [
  ['test.zip', 'zip', ['-qr', '../test.zip', '.']],
  ['test-stored.zip', 'zip', ['-qr0', '../test-stored.zip', '.']],
  ['zipcrypto.zip', 'zip', ['-qr', '-P', 'secret pw', '../zipcrypto.zip', '.'], 'secret pw'],
  ['aes128.zip', '7z', ['a', '-bd', '-tzip', '-mem=AES128', '-psecret', '../aes128.zip', '.'], 'secret'],
  ['aes256.zip', '7z', ['a', '-bd', '-tzip', '-mem=AES256', '-psecret', '../aes256.zip', '.'], 'secret'],
  ['app.apk', 'zip', ['-qr', '../app.apk', '.']],
  ['test.tar', 'tar', ['--format=gnu', '-cf', '../test.tar', '.']],
  ['pax.tar', 'tar', ['--format=pax', '-cf', '../pax.tar', '.']],
  ['test.tar.gz', 'tar', ['-czf', '../test.tar.gz', '.']],
  ['test.7z', '7z', ['a', '-bd', '../test.7z', '.']],
  ['enc.7z', '7z', ['a', '-bd', '-psecret', '-mhe=on', '../enc.7z', '.'], 'secret'],
];

describe('uncompressArchive extracts what the CLI tools wrote, byte for byte', () => {
  for (const [name, command, args, password] of CASES) {
    const variants = [['web', webCodecs], ['node', nodeCodecs], ['native inflate', { ...nodeCodecs, zipNativeInflate: true }]] as const;
    // The zlib DecompressionStream path (off by default) is checked on one deflate and one AES archive.
    for (const [variant, codecs] of variants.filter(([v]) => v !== 'native inflate' || ['test.zip', 'aes256.zip'].includes(name))) {
      it(`${name} (${variant} codecs)`, async () => {
        const archive = build(TREE, command, args, name);
        const ctx = makeContext();
        await ctx.store.put(BUCKET, `123/${name}`, archive);
        const config = { Prefix: '456', ListingFile: true, ...(password && { UnCompressKey: base64(password) }) };
        const outcome = await uncompressArchive(ctx, { Object: `123/${name}` }, config, OUTPUT, { codecs });
        if (!outcome.ok) throw new Error(outcome.failure.Message);
        expect(outcome.result.FileCount).toBe(Object.keys(TREE).length);
        for (const [path, content] of Object.entries(TREE)) expect(await readObject(ctx, `456/${path}`), path).toEqual(content);
        expect((await allKeys(ctx)).sort()).toEqual([`123/${name}`, ...Object.keys(TREE).map((p) => `456/${p}`)].sort());
        expect(outcome.result.FileList?.Contents?.map((c) => c.Key).sort()).toEqual(Object.keys(TREE).map((p) => `456/${p}`).sort());
        expect(outcome.result.FileList?.Contents?.[0]?.LastModified).toBe('2026-11-21T12:30:42+0000');
        expect(progressIsMonotonic(ctx.progress)).toBe(true);
      });
    }
  }

  it('a gzip file becomes one object named after the archive without .gz', async () => {
    const content = encoder.encode('line\n'.repeat(10_000));
    const archive = build({ 'data.csv': content }, 'gzip', ['-k', 'data.csv'], 'root/data.csv.gz');
    const ctx = makeContext();
    await ctx.store.put(BUCKET, 'in/data.csv.gz', archive);
    const outcome = await uncompressArchive(ctx, { Object: 'in/data.csv.gz' }, { Prefix: 'out/' }, OUTPUT);
    expect(outcome.ok && outcome.result.FileCount).toBe(1);
    expect(await readObject(ctx, 'out/data.csv')).toEqual(content);
  });

  it.each([
    ['zipcrypto', 'zip', ['-qr', '-P', 'right', '../p.zip', '.']],
    ['aes256', '7z', ['a', '-bd', '-tzip', '-mem=AES256', '-pright', '../p.zip', '.']],
    ['7z', '7z', ['a', '-bd', '-t7z', '-pright', '../p.zip', '.']],
    ['7z -mhe', '7z', ['a', '-bd', '-t7z', '-pright', '-mhe=on', '../p.zip', '.']],
  ] as const)('%s: missing key → PasswordRequired, wrong key → InvalidPassword, nothing written', async (_, command, args) => {
    const archive = build({ 'a.txt': encoder.encode('secret content') }, command, [...args], 'p.zip');
    const codes = [];
    for (const key of [undefined, base64('wrong')]) {
      const ctx = makeContext();
      await ctx.store.put(BUCKET, 'p.zip', archive);
      const outcome = await uncompressArchive(ctx, { Object: 'p.zip' }, key ? { UnCompressKey: key } : {}, OUTPUT);
      codes.push(outcome.ok ? 'ok' : outcome.failure.Code);
      expect(await allKeys(ctx)).toEqual(['p.zip']);
    }
    expect(codes).toEqual(['PasswordRequired', 'InvalidPassword']);
  });

  it.each([
    ['links.zip', 'zip', ['-qry', '../links.zip', '.']],
    ['links.tar', 'tar', ['-cf', '../links.tar', '.']],
    ['links.7z', '7z', ['a', '-bd', '-snl', '../links.7z', '.']],
  ])('%s: symlinks stored by the tool are neither created nor followed', async (name, command, args) => {
    const { dir, cleanup } = writeTree({ 'real.txt': encoder.encode('real') });
    cleanups.push(cleanup);
    addSymlink(dir, 'abs-link', '/etc/passwd');
    addSymlink(dir, 'rel-link', 'real.txt');
    const ctx = makeContext();
    await ctx.store.put(BUCKET, name, archiveWith(dir, command, args, name));
    const outcome = await uncompressArchive(ctx, { Object: name }, { Prefix: 'o' }, OUTPUT);
    expect(outcome.ok && outcome.result.FileCount).toBe(1);
    expect(await allKeys(ctx)).toEqual([name, 'o/real.txt'].sort());
  });

  it.each([
    ['ustar, a long name split into prefix + name', '--format=ustar', `u/${'a'.repeat(90)}/${'b'.repeat(60)}.txt`],
    ['v7, no magic: detected by the header checksum', '--format=v7', 'short.txt'],
  ])('tar %s', async (_, format, path) => {
    const archive = build({ [path]: encoder.encode('content') }, 'tar', [format, '-cf', '../t.tar', '.'], 't.tar');
    const ctx = makeContext();
    await ctx.store.put(BUCKET, 'in/t.tar', archive);
    const outcome = await uncompressArchive(ctx, { Object: 'in/t.tar' }, { Prefix: 'o' }, OUTPUT);
    if (!outcome.ok) throw new Error(outcome.failure.Message);
    expect(await allKeys(ctx)).toEqual(['in/t.tar', `o/${path}`]);
  });
});
