import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeZip, type ZipEntry } from '../fixtures/make-zip.ts';
import type { FileUncompressConfig } from '../types.ts';
import { nodeCodecs } from './codecs.node.ts';
import { webCodecs, type UncompressCodecs } from './codecs.ts';
import { allKeys, BUCKET, makeContext, progressIsMonotonic, readObject } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

const OUTPUT = { Region: 'ap-chongqing', Bucket: BUCKET };
const MiB = 1024 * 1024;
const text = (n: number, seed: number) => new TextEncoder().encode(Array.from({ length: Math.ceil(n / 8) }, (_, i) => `w${(i * seed) % 997} `.padEnd(8)).join('').slice(0, n));
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (Math.imul(i + seed, 2654435761) >>> 13) & 0xff;
  return out;
}
// Deep equality on MiB-sized arrays takes seconds per comparison; Buffer.equals is a memcmp.
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

/** Extracts with the given codecs; returns the outcome code, partial/final FileList keys and every object's bytes. */
async function extract(archive: Uint8Array, codecs: UncompressCodecs, config: FileUncompressConfig = {}) {
  const ctx = makeContext();
  await ctx.store.put(BUCKET, 'in/a.zip', archive);
  // Where each open-ended read of the archive starts (the direct path's; zip.js reads bounded ranges).
  const openReads: number[] = [];
  const get = ctx.store.get.bind(ctx.store);
  ctx.store.get = (bucket, key, range, options) => {
    if (key === 'in/a.zip' && range && range.end === undefined) openReads.push(range.start);
    return get(bucket, key, range, options);
  };
  const outcome = await uncompressArchive(ctx, { Object: 'in/a.zip' }, { Prefix: 'o', ListingFile: true, ...config }, OUTPUT, { codecs });
  const result = outcome.ok ? outcome.result : outcome.partial;
  const objects = new Map<string, Uint8Array | undefined>();
  for (const key of await allKeys(ctx)) objects.set(key, await readObject(ctx, key));
  const digest = [...objects].map(([key, bytes]) => `${key}:${bytes && Buffer.from(bytes).toString('base64')}`);
  return {
    code: outcome.ok ? 'ok' : outcome.failure.Code,
    message: outcome.ok ? '' : outcome.failure.Message,
    listed: result?.FileList?.Contents?.map((c) => [c.Key, c.FileSize]),
    count: result?.FileCount,
    digest,
    objects,
    progressOk: !outcome.ok || progressIsMonotonic(ctx.progress),
    openReads,
  };
}

/** Reverses the central directory records of a makeZip archive (no extra fields, no comments). */
function reverseCentralDirectory(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  const start = view.getUint32(end + 16, true);
  const records: Uint8Array[] = [];
  for (let at = start; at < end; ) {
    const length = 46 + view.getUint16(at + 28, true);
    records.push(zip.slice(at, at + length));
    at += length;
  }
  const out = zip.slice();
  let at = start;
  for (const record of records.reverse()) {
    out.set(record, at);
    at += record.byteLength;
  }
  return out;
}

describe('zip entries read directly with node:zlib match zip.js (web codecs)', () => {
  it('same objects, FileList, FileCount and failure code for any stored/deflated archive, corrupt CRCs included', async () => {
    const entry = fc.record({
      name: fc.constantFrom('a.txt', 'b/c.bin', 'd', 'e/f/g.txt', 'h.txt'),
      size: fc.integer({ min: 0, max: 40_000 }),
      random: fc.boolean(),
      deflate: fc.boolean(),
      badCrc: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 8 }), async (specs) => {
        const entries: ZipEntry[] = specs.map((s, i) => ({
          name: s.name, deflate: s.deflate, badCrc: s.badCrc, content: s.random ? noise(s.size, i) : text(s.size, i + 1),
        }));
        const zip = makeZip(entries);
        const [web, node] = [await extract(zip, webCodecs), await extract(zip, nodeCodecs)];
        const { objects: _n, message: _nm, openReads: _nr, ...nodeSummary } = node;
        const { objects: _w, message: _wm, openReads: _wr, ...webSummary } = web;
        expect(nodeSummary).toEqual(webSummary);
        expect(node.progressOk).toBe(true);
      }),
      { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 25 },
    );
  });

  it('entries above the whole-entry size stream through zlib, stored and deflated', async () => {
    const big = text(5 * MiB + 3, 7);
    const zip = makeZip([{ name: 'big.txt', content: big, deflate: true }, { name: 'raw.bin', content: noise(5 * MiB, 3) }, { name: 'small', content: text(10, 1) }]);
    const node = await extract(zip, nodeCodecs);
    node.objects.delete('in/a.zip');
    expect(node.code).toBe('ok');
    expect(sameBytes(node.objects.get('o/big.txt'), big)).toBe(true);
    expect(sameBytes(node.objects.get('o/raw.bin'), noise(5 * MiB, 3))).toBe(true);
    expect(node.listed).toEqual([['o/big.txt', big.byteLength], ['o/raw.bin', 5 * MiB], ['o/small', 10]]);
  });

  it('a large entry with a bad CRC or inflating past its declared size fails; earlier members stay', async () => {
    const first = { name: 'first.txt', content: text(1000, 2), deflate: true };
    const badCrc = await extract(makeZip([first, { name: 'big', content: text(5 * MiB, 5), deflate: true, badCrc: true }]), nodeCodecs);
    const lying = await extract(makeZip([first, { name: 'big', content: text(6 * MiB, 5), deflate: true, declaredSize: 5 * MiB }]), nodeCodecs);
    const lyingSmall = await extract(makeZip([first, { name: 'small', content: text(100_000, 5), deflate: true, declaredSize: 1000 }]), nodeCodecs);
    for (const outcome of [badCrc, lying, lyingSmall]) {
      expect(outcome.code).toBe('ArchiveCorrupted');
      expect([...outcome.objects.keys()]).toEqual(['in/a.zip', 'o/first.txt']);
      expect(outcome.count).toBe(1);
    }
    expect([lying.message, lyingSmall.message]).toEqual([expect.stringMatching(/size/), expect.stringMatching(/size/)]);
  });

  it('a stored entry whose sizes disagree, or a missing local header, is ArchiveCorrupted', async () => {
    const stored = await extract(makeZip([{ name: 's', content: text(100, 1), declaredSize: 50 }]), nodeCodecs);
    const zip = makeZip([{ name: 'one', content: text(10, 1) }, { name: 'two', content: text(10, 2) }]);
    zip[30 + 3 + 10 + 2] = 0x00; // the second local header's signature byte 'K' → 0
    const noHeader = await extract(zip, nodeCodecs);
    expect([stored.code, noHeader.code]).toEqual(['ArchiveCorrupted', 'ArchiveCorrupted']);
    expect(noHeader.message).toMatch(/local header/);
    expect([...noHeader.objects.keys()]).toEqual(['in/a.zip', 'o/one']);
  });

  it('a central directory out of data order is read by seeking back; FileList follows the directory', async () => {
    const entries = ['x', 'y', 'z'].map((name, i) => ({ name, content: text(3000 + i, i + 1), deflate: i !== 1 }));
    const reversed = reverseCentralDirectory(makeZip(entries));
    const [web, node] = [await extract(reversed, webCodecs), await extract(reversed, nodeCodecs)];
    expect(node.digest).toEqual(web.digest);
    expect(node.listed).toEqual(web.listed);
    expect(node.listed?.map(([key]) => key)).toEqual(['o/z', 'o/y', 'o/x']);
  });

  it('Mode=1 jumps over unselected data with a new ranged read', async () => {
    const zip = makeZip([
      { name: 'a.txt', content: text(500, 2) }, { name: 'skip.bin', content: noise(6 * MiB, 1) }, { name: 'want.txt', content: text(500, 3), deflate: true },
    ]);
    const node = await extract(zip, nodeCodecs, { Mode: '1', DownloadConfig: { Key: ['a.txt', 'want.txt'] } });
    expect(node.code).toBe('ok');
    expect([...node.objects.keys()]).toEqual(['in/a.zip', 'o/a.txt', 'o/want.txt']);
    expect(node.objects.get('o/want.txt')).toEqual(text(500, 3));
    // One read from a.txt's local header, then a new one at want.txt's: skip.bin's 6 MiB are not read through.
    const wantOffset = (30 + 'a.txt'.length + 500) + (30 + 'skip.bin'.length + 6 * MiB);
    expect(node.openReads).toEqual([0, wantOffset]);
  });

  it('a member replacing the archive itself is read last, by a ranged read of its own', async () => {
    const zip = makeZip([{ name: 'a.zip', content: text(2000, 4), deflate: true }, { name: 'x', content: text(300, 1) }]);
    const node = await extract(zip, nodeCodecs, { Prefix: 'in' });
    expect(node.code).toBe('ok');
    expect(node.listed?.map(([key]) => key)).toEqual(['in/x', 'in/a.zip']);
    expect(node.objects.get('in/a.zip')).toEqual(text(2000, 4));
  });

  it('a central entry pointing at another entry\'s local header is refused as zip.js refuses it', async () => {
    const zip = makeZip([{ name: 'aa', content: text(5000, 1), deflate: true }, { name: 'bb', content: text(10, 2) }]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const directory = view.getUint32(zip.byteLength - 22 + 16, true);
    view.setUint32(directory + 46 + 2 + 42, 0, true); // the second central record's local header offset → the first entry
    const [web, node] = [await extract(zip, webCodecs), await extract(zip, nodeCodecs)];
    expect([web.code, node.code]).toEqual(['ArchiveCorrupted', 'ArchiveCorrupted']);
    expect(node.message).toMatch(/local header disagrees/);
    expect(node.digest).toEqual(web.digest);
  });

  it('a zip written to a pipe (sizes in data descriptors) reads the same', async () => {
    const input = text(400_000, 9);
    const dir = mkdtempSync(join(tmpdir(), 'zip-pipe-'));
    try {
      writeFileSync(join(dir, 'f.txt'), input);
      // Writing to a pipe, zip cannot seek back to fill in sizes: it writes data descriptors.
      const zip = new Uint8Array(execFileSync('sh', ['-c', 'zip -q - f.txt | cat'], { cwd: dir }));
      const [web, node] = [await extract(zip, webCodecs), await extract(zip, nodeCodecs)];
      expect(node.code).toBe('ok');
      expect(node.digest).toEqual(web.digest);
      expect(sameBytes(node.objects.get('o/f.txt'), input)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an entry inflated ahead but then skipped (Mode=1) is dropped, even when it is broken', async () => {
    const entries = ['a', 'b', 'c', 'd'].map((name, i) => ({ name, content: text(20_000 + i, i + 1), deflate: true }));
    const zip = makeZip(entries);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const directory = view.getUint32(zip.byteLength - 22 + 16, true);
    const secondLocal = view.getUint32(directory + 46 + 1 + 42, true);
    zip[secondLocal + 1] = 0; // b's local header signature: b is read ahead after a, fails, and is never asked for
    const config: FileUncompressConfig = { Mode: '1', DownloadConfig: { Key: ['a', 'c', 'd'] } };
    const [web, node] = [await extract(zip, webCodecs, config), await extract(zip, nodeCodecs, config)];
    expect(node.code).toBe('ok');
    expect(node.digest).toEqual(web.digest);
    expect(node.listed?.map(([key]) => key)).toEqual(['o/a', 'o/c', 'o/d']);
  });
});
