/**
 * Property: any file tree (unicode and nested names, empty files, 0..N members, up to ~2 MiB each)
 * packed with every Format × Flatten mode × backend extracts with the real tool to exactly the
 * expected names and bytes; an in-process reader (fflate / minimal tar) gives a second opinion.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileCompressConfig } from '../types.ts';
import { BUCKET, makeContext, readObject } from '../uncompress/test-support.ts';
import { compressFiles } from './compress-files.ts';
import { extractWith } from './extract.node.ts';
import { createNameDeduper } from './naming.ts';
import { createNodeBackend } from './node-backend.node.ts';
import { fingerprint, putFiles, readArchive, type Files } from './test-support.ts';
import { webBackend } from './web-backend.ts';

const RUNS = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: Number(process.env.RT_RUNS ?? 30) };
const PREFIX = 'root/sub/';
const FILE_EXTENSIONS = { zip: 'zip', tar: 'tar', 'tar.gz': 'tgz' } as const;

const segment = fc.string({ unit: fc.constantFrom('a', 'b', 'z', 'é', '文', '😀', ' ', '-', '.', '_', '1'), minLength: 1, maxLength: 6 })
  .filter((s) => s !== '.' && s !== '..');
const content = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.tuple(fc.integer({ min: 1, max: 2 * 1024 * 1024 }), fc.integer({ min: 0, max: 255 })).map(([size, seed]) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed + (i >> 10)) & 0xff)),
);
/** Keys below PREFIX; no key may also be a directory of another key (a filesystem could not hold both). */
const tree = fc.dictionary(fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => PREFIX + parts.join('/')), content, { maxKeys: 6 })
  .filter((files) => Object.keys(files).every((k) => !Object.keys(files).some((other) => other.startsWith(`${k}/`))));

const encoder = new TextEncoder();
function byUtf8(a: string, b: string): number {
  return Buffer.compare(encoder.encode(a), encoder.encode(b));
}

/** The oracle: Flatten as documented (§2.2), keys in listing order, duplicates suffixed " (n)". */
function expected(files: Files, flatten: FileCompressConfig['Flatten']): Files {
  const unique = createNameDeduper();
  const out: Files = {};
  for (const key of Object.keys(files).sort(byUtf8)) {
    const below = key.slice(PREFIX.length);
    const name = { '0': key, '1': key.slice(key.lastIndexOf('/') + 1), '2': `sub/${below}`, '3': below }[flatten];
    out[unique(name)] = files[key] as Uint8Array;
  }
  return out;
}

describe('compress → real tool round trip', () => {
  it('holds for every Format, Flatten mode and backend', async () => {
    const node = createNodeBackend({ blockSize: 32 * 1024 });
    await fc.assert(fc.asyncProperty(
      tree, fc.constantFrom('zip', 'tar', 'tar.gz') as fc.Arbitrary<FileCompressConfig['Format']>, fc.constantFrom('0', '1', '2', '3') as fc.Arbitrary<FileCompressConfig['Flatten']>,
      fc.boolean(), fc.boolean(),
      async (files, Format, Flatten, useNode, use7z) => {
        const ctx = makeContext();
        await putFiles(ctx.store, files);
        const outcome = await compressFiles(ctx, { Format, Flatten, Prefix: PREFIX }, { Region: ctx.region, Bucket: BUCKET, Object: 'o' }, { backend: useNode ? node : webBackend });
        expect(outcome).toMatchObject({ ok: true, result: { CompressFileCount: Object.keys(files).length, ErrorCount: 0 } });
        const bytes = (await readObject(ctx, 'o')) as Uint8Array;
        const want = expected(files, Flatten);
        // Info-ZIP treats an empty zip as a warning (exit 1), so empty zips go to 7z.
        const tool = Format !== 'zip' ? 'tar' : use7z || Object.keys(files).length === 0 ? '7z' : 'unzip';
        expect(fingerprint(extractWith(tool, bytes, `a.${FILE_EXTENSIONS[Format]}`))).toEqual(fingerprint(want));
        expect(fingerprint(readArchive(Format, bytes))).toEqual(fingerprint(want));
      },
    ), RUNS);
  }, 120_000);
});
