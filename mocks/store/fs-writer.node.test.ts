import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { handOver } from './body.ts';
import { WriterPool } from './fs-writer.node.ts';

const dirs: string[] = [];
const pools: WriterPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setUp(options: { threads: number; bufferBytes?: number; maxInFlight?: number }) {
  const dir = await mkdtemp(join(tmpdir(), 'fileproc-writer-'));
  dirs.push(dir);
  const pool = new WriterPool(options);
  pools.push(pool);
  return { dir, pool };
}

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
/** Deterministic bytes, different per seed. */
const content = (size: number, seed: number) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed * 7 + (i >> 9)) & 255);

async function putThrough(pool: WriterPool, dir: string, name: string, chunks: Uint8Array[]) {
  const session = pool.session(join(dir, `${name}.part`), false);
  for (const chunk of chunks) await session.write(chunk);
  return session.finish(false, join(dir, 'out', name.slice(0, 2), name));
}

describe('WriterPool', () => {
  it('writes, hashes and moves bodies of any chunking, several at once, on two threads', async () => {
    const { dir, pool } = await setUp({ threads: 2, bufferBytes: 64 * 1024, maxInFlight: 2 });
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ size: fc.integer({ min: 0, max: 300_000 }), cuts: fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 6 }) }), { minLength: 1, maxLength: 5 }),
      async (bodies) => {
        const run = Math.random().toString(36).slice(2);
        const written = await Promise.all(bodies.map(async ({ size, cuts }, i) => {
          const bytes = content(size, i);
          const chunks: Uint8Array[] = [];
          for (let at = 0, c = 0; at < size; c++) chunks.push(bytes.subarray(at, (at += cuts[c % Math.max(1, cuts.length)] ?? size)));
          const name = `${run}-${i}`;
          return { bytes, name, result: await putThrough(pool, dir, name, chunks) };
        }));
        for (const { bytes, name, result } of written) {
          expect(result).toEqual({ size: bytes.length, md5Hex: md5(bytes) });
          expect(Buffer.from(await readFile(join(dir, 'out', name.slice(0, 2), name))).equals(bytes)).toBe(true);
        }
      },
    ), { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 25 });
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('copies the caller\'s chunks (never detaches them) and reuses a bounded set of buffers', async () => {
    const { dir, pool } = await setUp({ threads: 1, bufferBytes: 256 * 1024, maxInFlight: 3 });
    const chunk = content(1024 * 1024, 1);
    const copy = chunk.slice();
    const chunks = Array.from({ length: 24 }, () => chunk);
    const result = await putThrough(pool, dir, 'big', chunks);
    expect(chunk.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(chunk).equals(copy)).toBe(true);
    expect(result.size).toBe(24 * 1024 * 1024);
    // 96 buffers' worth of bytes went through at most maxInFlight at the thread plus the one being filled.
    expect(pool.buffersAllocated).toBeLessThanOrEqual(4);
  });

  it('takes handed-over chunks without a copy (transferred) and copies the rest, in body order', async () => {
    const { dir, pool } = await setUp({ threads: 1, bufferBytes: 64 * 1024, maxInFlight: 2 });
    const bytes = content(1_500_000, 3);
    // Handed over: a whole 500 KB buffer, then a view at an offset of a 300 KB one; kept: a small
    // handed-over chunk (copied) and plain chunks in between.
    const ownedWhole = handOver(bytes.slice(100_000, 600_000));
    const ownedView = handOver(new Uint8Array(bytes.slice(590_000, 1_000_000).buffer, 10_000, 300_000));
    const smallOwned = handOver(bytes.slice(900_000, 910_000));
    const plain = [bytes.subarray(0, 100_000), bytes.subarray(910_000, 1_500_000)];
    const result = await putThrough(pool, dir, 'mixed', [plain[0] as Uint8Array, ownedWhole, ownedView, smallOwned, plain[1] as Uint8Array]);
    expect(result).toEqual({ size: bytes.length, md5Hex: md5(bytes) });
    expect(Buffer.from(await readFile(join(dir, 'out', 'mi', 'mixed'))).equals(bytes)).toBe(true);
    expect([ownedWhole.byteLength, ownedView.byteLength]).toEqual([0, 0]); // detached: they went to the thread
    expect(smallOwned.byteLength).toBe(10_000);
    expect(plain.map((chunk) => chunk.byteLength)).toEqual([100_000, 590_000]);
  });

  it('reports file system errors with their code and recovers for the next session', async () => {
    const { dir, pool } = await setUp({ threads: 1, bufferBytes: 1024 });
    const missing = pool.session(join(dir, 'no-such-folder', 'x.part'), false);
    const failure = (async () => {
      await missing.write(new Uint8Array(5000));
      return missing.finish(false);
    })();
    await expect(failure).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringMatching(/^\[fileproc\]/) });
    await missing.abort();
    await expect(putThrough(pool, dir, 'after', [content(10, 2)])).resolves.toEqual({ size: 10, md5Hex: md5(content(10, 2)) });
  });

  it('writes small files atomically, creating their folder', async () => {
    const { dir, pool } = await setUp({ threads: 1 });
    await pool.writeFile({ temp: join(dir, 's.tmp'), target: join(dir, 'meta', 'ab', 's.json'), text: '{"v":1,"ü":true}', sync: true });
    expect(await readFile(join(dir, 'meta', 'ab', 's.json'), 'utf8')).toBe('{"v":1,"ü":true}');
    expect(await readdir(dir)).toEqual(['meta']);
    await expect(pool.writeFile({ temp: join(dir, 'gone', 's.tmp'), target: join(dir, 't.json'), text: '', sync: false })).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails sessions still open when the pool closes', async () => {
    const { dir, pool } = await setUp({ threads: 1, bufferBytes: 1024, maxInFlight: 1 });
    const session = pool.session(join(dir, 'open.part'), false);
    await session.write(new Uint8Array(4096));
    await pool.close();
    await expect(session.finish(false)).rejects.toThrow(/^\[fileproc\]/);
  });
});
