/** Archives written by compressFiles, opened by the real tools: Info-ZIP unzip, 7z, GNU tar. */
import { describe, expect, it } from 'vitest';
import type { FileCompressConfig } from '../types.ts';
import { chunksOf } from '../../store/body.ts';
import { BUCKET, makeContext, readObject } from '../uncompress/test-support.ts';
import { compressFiles } from './compress-files.ts';
import { concatBytes } from './bytes.ts';
import { extractWith, runOn, type Extractor } from './extract.node.ts';
import { createNodeBackend } from './node-backend.node.ts';
import { fileHeader } from './tar-format.ts';
import { putFiles, text, type Files } from './test-support.ts';
import { webBackend } from './web-backend.ts';
import type { CompressOptions } from './write-archive.ts';
import { writeZip } from './zip-writer.ts';

const LONG_DIR = `deep/${'d'.repeat(120)}/${'e'.repeat(150)}`;
const TREE: Files = {
  'docs/readme.txt': text('hello\n'.repeat(5000)),
  'docs/empty.txt': new Uint8Array(0),
  '文档/报告 2024.txt': text('年度报告'),
  'café/naïve-😀.bin': Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251),
  [`${LONG_DIR}/${'f'.repeat(200)}.txt`]: text('long name'),
  'a/b/c/d/e/nested.txt': text('nested'),
};
const BACKENDS = { web: webBackend, node: createNodeBackend({ blockSize: 16 * 1024 }) };

async function compress(config: Partial<FileCompressConfig>, options: CompressOptions, files: Files = TREE): Promise<Uint8Array> {
  const ctx = makeContext();
  await putFiles(ctx.store, files);
  const outcome = await compressFiles(ctx, { Flatten: '0', Format: 'zip', Key: Object.keys(files), ...config }, { Region: ctx.region, Bucket: BUCKET, Object: 'out' }, options);
  expect(outcome.ok).toBe(true);
  return (await readObject(ctx, 'out')) as Uint8Array;
}

const CASES: { label: string; config: Partial<FileCompressConfig>; options?: CompressOptions; file: string; tools: Extractor[] }[] = [
  { label: 'zip default level', config: {}, file: 'a.zip', tools: ['unzip', '7z'] },
  { label: 'zip faster', config: { Type: 'faster' }, file: 'a.zip', tools: ['unzip', '7z'] },
  { label: 'zip stored (level 0)', config: {}, options: { level: 0 }, file: 'a.zip', tools: ['unzip', '7z'] },
  { label: 'zip with forced ZIP64 records', config: { Type: 'better' }, options: { forceZip64: true }, file: 'a.zip', tools: ['unzip', '7z'] },
  { label: 'tar', config: { Format: 'tar' }, file: 'a.tar', tools: ['tar', '7z'] },
  { label: 'tar.gz', config: { Format: 'tar.gz' }, file: 'a.tar.gz', tools: ['tar'] },
];

describe.each(Object.entries(BACKENDS))('real tools open archives of the %s backend', (_, backend) => {
  it.each(CASES)('$label', async ({ config, options, file, tools }) => {
    const bytes = await compress(config, { backend, ...options });
    for (const tool of tools) expect(extractWith(tool, bytes, file)).toEqual(TREE);
  });

  it('encrypts with AES-256 so that 7z opens it with the password only', async () => {
    const bytes = await compress({ CompressKey: 'MTIzNDU2Nzg5MA==' }, { backend });
    expect(extractWith('7z', bytes, 'e.zip', '1234567890')).toEqual(TREE);
    expect(() => extractWith('7z', bytes, 'e.zip', 'wrong')).toThrow();
    expect(runOn(bytes, 'e.zip', '7z', ['l', '-slt', '-p1234567890'])).toContain('Method = AES-256 Deflate');
  });
});

describe('edge archives', () => {
  it('an empty archive opens in every tool (unzip only warns "zipfile is empty")', async () => {
    const empty = async (Format: FileCompressConfig['Format']) => compress({ Format, Key: ['gone'], IgnoreError: true }, { backend: BACKENDS.node }, {});
    const zip = await empty('zip');
    // Byte-identical to what Info-ZIP writes for an empty archive: a lone end-of-central-directory record.
    expect(zip).toEqual(Uint8Array.of(0x50, 0x4b, 5, 6, ...new Array<number>(18).fill(0)));
    // Info-ZIP answers its own empty archive with exit status 1 (a warning), not an error (≥ 2).
    expect(() => runOn(zip, 'e.zip', 'unzip', ['-t'])).toThrow(expect.objectContaining({ status: 1, stdout: expect.stringContaining('zipfile is empty') }));
    expect(extractWith('7z', zip, 'e.zip')).toEqual({});
    expect(extractWith('tar', await empty('tar'), 'e.tar')).toEqual({});
    expect(extractWith('tar', await empty('tar.gz'), 'e.tar.gz')).toEqual({});
  });

  it('GNU tar reads the pax size of a member of 9 GiB (header only; the data is not there)', () => {
    const header = fileHeader('文档/big.bin', 9 * 1024 ** 3, Date.UTC(2024, 0, 1));
    // tar lists the member from its headers, then stops at the missing data (exit 2).
    expect(() => runOn(concatBytes([header, new Uint8Array(4096)]), 'h.tar', 'tar', ['tvf'])).toThrow(
      expect.objectContaining({ stdout: expect.stringMatching(/9663676416 2024-01-01 00:00 文档\/big\.bin/) }),
    );
  });

  it('members above the ZIP64 size threshold mix with plain members', async () => {
    const sizes = [0, 999, 1000, 250_000];
    const members = (async function* () {
      for (const size of sizes) yield { name: `m/${size}.bin`, size, mtime: 0, body: chunksOf(new Uint8Array(size).fill(size & 0xff)) };
    })();
    const parts: Uint8Array[] = [];
    for await (const chunk of writeZip(members, { backend: BACKENDS.node, level: 6, zip64Threshold: 1000 })) parts.push(chunk);
    const want = Object.fromEntries(sizes.map((size) => [`m/${size}.bin`, new Uint8Array(size).fill(size & 0xff)]));
    for (const tool of ['unzip', '7z'] as const) expect(extractWith(tool, concatBytes(parts), 'z.zip')).toEqual(want);
  });

  it('more than 65,535 entries switch to the ZIP64 end records', async () => {
    const count = 65_540;
    const members = (async function* () {
      for (let i = 0; i < count; i++) yield { name: `n/${i}`, size: 1, mtime: 0, body: chunksOf(Uint8Array.of(i & 0xff)) };
    })();
    const parts: Uint8Array[] = [];
    for await (const chunk of writeZip(members, { backend: BACKENDS.node, level: 0 })) parts.push(chunk);
    const bytes = concatBytes(parts);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(0xffff);
    expect(runOn(bytes, 'many.zip', 'unzip', ['-tq'])).toContain('No errors detected');
    expect(runOn(bytes, 'many.zip', '7z', ['t'])).toContain(`Files: ${count}`);
  }, 60_000);
});
