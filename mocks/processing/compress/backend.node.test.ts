/** The web variants (fflate, JS CRC-32, JS AES) against the Node fast paths (node:zlib, node:crypto). */
import { createCipheriv } from 'node:crypto';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameBytes } from './extract.node.ts';
import { BUCKET, makeContext, readObject } from '../uncompress/test-support.ts';
import { AesEncryptor } from './aes.ts';
import type { Deflater } from './backend.ts';
import { concatBytes } from './bytes.ts';
import { compressFiles } from './compress-files.ts';
import { crc32 } from './crc32.ts';
import { createNodeBackend, createNodeDeflater } from './node-backend.node.ts';
import { fingerprint, putFiles, readArchive, type Files } from './test-support.ts';
import { webBackend, webDeflater } from './web-backend.ts';
import { ZipAesEntryEncryptor } from './zip-aes.ts';
import { nodeZipAesCrypto } from './zip-aes.node.ts';
import { webZipAesCrypto } from './zip-aes-web.ts';

const RUNS = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 40 };
// size 'max': fast-check would otherwise keep arrays to a few dozen bytes, below one 1 KiB block.
const chunked = fc.array(fc.uint8Array({ maxLength: 40_000, size: 'max' }), { maxLength: 8 });
const compressible = fc.array(fc.constantFrom(...'abc def ghi\n'.split('')), { maxLength: 60_000 }).map((chars) => new TextEncoder().encode(chars.join('')));

async function deflateAll(deflater: Deflater, level: number, chunks: Uint8Array[]): Promise<Uint8Array> {
  const session = deflater.open(level);
  const parts = await Promise.all([...chunks.map((c) => session.write(c)), session.end()]);
  return concatBytes(parts);
}

describe('web and node variants agree', () => {
  it('JS CRC-32 equals zlib.crc32, also when continued across chunks', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(fc.property(chunked, (chunks) => {
      const js = chunks.reduce((c, chunk) => crc32(chunk, c), 0);
      expect(js).toBe(zlibCrc32(concatBytes(chunks)));
    }), RUNS);
  });

  it('JS AES equals node:crypto AES-256-ECB (and the FIPS-197 C.3 vector)', () => {
    const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
    const out = new Uint8Array(16);
    new AesEncryptor(hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f')).encryptBlock(hex('00112233445566778899aabbccddeeff'), 0, out, 0);
    expect(Buffer.from(out).toString('hex')).toBe('8ea2b7ca516745bfeafc49904b496089');
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (key, block) => {
      const cipher = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
      new AesEncryptor(key).encryptBlock(block, 0, out, 0);
      expect(out).toEqual(new Uint8Array(cipher.update(block)));
    }), RUNS);
  });

  it('WinZip AES entries are byte-identical with the web and node primitives for the same salt', async () => {
    const password = new TextEncoder().encode('1234567890');
    const fixedSalt = (bytes: Uint8Array) => void bytes.fill(42);
    await fc.assert(fc.asyncProperty(chunked, chunked, async (webChunks, nodeChunks) => {
      const data = concatBytes(webChunks);
      const split = (chunks: Uint8Array[]) => {
        const cuts = chunks.map((c) => c.length);
        let at = 0;
        return cuts.map((n) => data.subarray(at, Math.min(data.length, (at += n))));
      };
      const encrypt = async (crypto: typeof webZipAesCrypto, parts: Uint8Array[]) => {
        const encryptor = await ZipAesEntryEncryptor.create(password, fixedSalt, crypto);
        return concatBytes([encryptor.header, ...parts.map((p) => encryptor.update(p)), encryptor.update(data.subarray(parts.reduce((n, p) => n + p.length, 0))), encryptor.finish()]);
      };
      expect(sameBytes(await encrypt(nodeZipAesCrypto, split(nodeChunks)), await encrypt(webZipAesCrypto, webChunks))).toBe(true);
    }), { ...RUNS, numRuns: 15 });
  });

  it('pigz-style block deflate and fflate both inflate back to the input at every level', async () => {
    const tiny = createNodeDeflater({ blockSize: 1024, concurrency: 3 });
    await fc.assert(fc.asyncProperty(fc.oneof(chunked, compressible.map((c) => [c.subarray(0, 7), c.subarray(7)])), fc.integer({ min: 0, max: 9 }), async (chunks, level) => {
      const input = concatBytes(chunks);
      for (const deflater of [tiny, webDeflater]) expect(sameBytes(inflateRawSync(await deflateAll(deflater, level, chunks)), input)).toBe(true);
    }), RUNS);
  });

  it('the block deflater compresses across blocks (the dictionary carries matches over)', async () => {
    const text = new TextEncoder().encode('the quick brown fox jumps over the lazy dog. '.repeat(20_000));
    const packed = await deflateAll(createNodeDeflater({ blockSize: 32 * 1024 }), 6, [text]);
    expect(packed.length).toBeLessThan(text.length / 50);
  });

  it('stores incompressible stretches and resumes deflating when the data turns compressible', async () => {
    const random = Uint8Array.from({ length: 512 * 1024 }, () => Math.floor(Math.random() * 256));
    const text = new TextEncoder().encode('compressible again. '.repeat(30_000));
    const input = concatBytes([random, text]);
    const packed = await deflateAll(createNodeDeflater({ blockSize: 16 * 1024, concurrency: 1 }), 9, [input]);
    expect(sameBytes(inflateRawSync(packed), input)).toBe(true);
    expect(packed.length).toBeLessThan(random.length * 1.01 + text.length / 20);
  });

  it('still deflates random-looking data that repeats (the entropy guess is checked)', async () => {
    const unit = Uint8Array.from({ length: 16 * 1024 }, () => Math.floor(Math.random() * 256));
    const input = concatBytes(Array.from({ length: 64 }, () => unit));
    const packed = await deflateAll(createNodeDeflater({ blockSize: 64 * 1024, concurrency: 1 }), 6, [input]);
    expect(sameBytes(inflateRawSync(packed), input)).toBe(true);
    expect(packed.length).toBeLessThan(input.length / 4);
  });

  it.each(['zip', 'tar', 'tar.gz'] as const)('%s archives of both backends hold identical members', async (Format) => {
    const files: Files = { 'a/x.txt': new TextEncoder().encode('x'.repeat(300_000)), 'b/y.bin': Uint8Array.from({ length: 200_000 }, (_, i) => (i * i) % 253), 'z/empty': new Uint8Array(0) };
    const members = [];
    for (const backend of [webBackend, createNodeBackend({ blockSize: 64 * 1024 })]) {
      const ctx = makeContext();
      await putFiles(ctx.store, files);
      const outcome = await compressFiles(ctx, { Flatten: '0', Format, Key: Object.keys(files) }, { Region: ctx.region, Bucket: BUCKET, Object: 'o' }, { backend });
      expect(outcome.ok).toBe(true);
      members.push(readArchive(Format, (await readObject(ctx, 'o')) as Uint8Array));
    }
    expect(fingerprint(members[0] as Files)).toEqual(fingerprint(members[1] as Files));
  });
});
