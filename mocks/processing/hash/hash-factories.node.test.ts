import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FsStore } from '../../store/fs-store.node.ts';
import { hashObject } from './file-hash.ts';
import { hashContext, inChunks } from './hash-test-support.ts';
import { nodeHashFactory } from './node-hash.node.ts';
import type { HashAlgorithm } from './types.ts';
import { webHashFactory } from './web-hash.ts';

const params = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
const factories = { node: nodeHashFactory, web: webHashFactory };
const algorithmArb = fc.constantFrom<HashAlgorithm>('md5', 'sha1', 'sha256');
const ELEMENT = { md5: 'MD5', sha1: 'SHA1', sha256: 'SHA256' } as const;

describe.each(Object.entries(factories))('%s hash factory', (_name, factory) => {
  it('equals node:crypto for any content, however it is chunked', async () => {
    await fc.assert(fc.asyncProperty(
      algorithmArb, fc.uint8Array({ maxLength: 5000 }), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
      async (algorithm, content, sizes) => {
        const hash = await factory(algorithm);
        for await (const chunk of inChunks(content, sizes)) hash.update(chunk);
        expect(hash.digestHex()).toBe(createHash(algorithm).update(content).digest('hex'));
      }), params(200));
  });

  it('gives the FileHashCode job the same digest as node:crypto, for any store chunking', async () => {
    await fc.assert(fc.asyncProperty(
      algorithmArb, fc.uint8Array({ maxLength: 20_000 }), fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 4 }),
      async (algorithm, content, sizes) => {
        const { ctx } = hashContext({ hash: factory });
        await ctx.store.put(ctx.bucket, 'k', inChunks(content, sizes));
        const outcome = await hashObject(ctx, { Object: 'k' }, { Type: ELEMENT[algorithm] });
        expect(outcome.ok && outcome.result[ELEMENT[algorithm]]).toBe(createHash(algorithm).update(content).digest('hex'));
      }), params(100));
  });
});

describe('hashing an object in the filesystem store', () => {
  it('gives the same digest for any read chunk size (reused buffers, uneven tails)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fileproc-hash-chunks-'));
    try {
      let run = 0;
      await fc.assert(fc.asyncProperty(
        algorithmArb, fc.uint8Array({ maxLength: 40_000 }), fc.integer({ min: 1, max: 9000 }), fc.constantFrom(...Object.values(factories)),
        async (algorithm, content, readChunkBytes, factory) => {
          const store = await FsStore.open({ dir: join(dir, String(run++)), now: () => 0, hash: factory, readChunkBytes, durable: false });
          const { ctx } = hashContext({ hash: factory, store });
          await store.put(ctx.bucket, 'k', content);
          const outcome = await hashObject(ctx, { Object: 'k' }, { Type: algorithm });
          expect(outcome.ok && outcome.result[ELEMENT[algorithm]]).toBe(createHash(algorithm).update(content).digest('hex'));
          await store.close();
        }), params(40));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('matches openssl dgst on the same bytes, with the web and the Node factory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fileproc-hash-'));
    try {
      const content = randomBytes(3 * 1024 * 1024 + 17);
      const file = join(dir, 'plain.bin');
      await writeFile(file, content);
      for (const [name, factory] of Object.entries(factories)) {
        const store = await FsStore.open({ dir: join(dir, `store-${name}`), now: () => 0, hash: factory, readChunkBytes: 1024 * 1024 });
        const { ctx, progress } = hashContext({ hash: factory, store });
        await store.put(ctx.bucket, 'big.bin', inChunks(content, [65_536]));
        for (const algorithm of ['md5', 'sha1', 'sha256'] as const) {
          const openssl = execFileSync('openssl', ['dgst', `-${algorithm}`, '-r', file], { encoding: 'utf8' }).split(' ')[0];
          const outcome = await hashObject(ctx, { Object: 'big.bin' }, { Type: algorithm.toUpperCase() });
          expect(outcome.ok && outcome.result[ELEMENT[algorithm]]).toBe(openssl);
        }
        expect(progress.filter((p) => p > 0 && p < 100).length).toBeGreaterThan(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
