import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDataset } from './dataset.ts';

const roots: string[] = [];
async function freshRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'fileproc-dataset-'));
  roots.push(root);
  return root;
}
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('ensureDataset', () => {
  const options = { files: 200, totalBytes: 2 * 1024 * 1024, seed: 7 };

  it('writes exactly the files and sizes its manifest lists', async () => {
    const set = await ensureDataset({ ...options, root: await freshRoot() });
    expect(set.files).toHaveLength(200);
    expect(set.files.reduce((sum, f) => sum + f.size, 0)).toBe(options.totalBytes);
    for (const file of set.files) expect((await stat(join(set.dir, file.path))).size).toBe(file.size);
    expect(new Set(set.files.map((f) => f.path)).size).toBe(200);
    expect(set.files.some((f) => f.path.split('/').length >= 3)).toBe(true);
    expect(set.files.some((f) => /[^\x00-\x7f]/.test(f.path))).toBe(true);
    expect(set.files.some((f) => f.size === 0)).toBe(true);
  });

  it('is deterministic from the seed and differs for another seed', async () => {
    const a = await ensureDataset({ ...options, root: await freshRoot() });
    const b = await ensureDataset({ ...options, root: await freshRoot() });
    const c = await ensureDataset({ ...options, seed: 8, root: await freshRoot() });
    expect(b.files).toEqual(a.files);
    const largest = a.files.reduce((x, y) => (y.size > x.size ? y : x));
    expect(Buffer.compare(await readFile(join(b.dir, largest.path)), await readFile(join(a.dir, largest.path)))).toBe(0);
    expect(c.files.map((f) => f.size)).not.toEqual(a.files.map((f) => f.size));
  });

  it('makes text compressible and random bytes not', async () => {
    const set = await ensureDataset({ ...options, root: await freshRoot() });
    const biggest = (kind: string) => set.files.filter((f) => f.kind === kind).sort((x, y) => y.size - x.size)[0]!;
    const text = await readFile(join(set.dir, biggest('text').path));
    const random = await readFile(join(set.dir, biggest('random').path));
    expect(gzipSync(text).length).toBeLessThan(text.length / 2.5);
    expect(gzipSync(random).length).toBeGreaterThan(random.length * 0.99);
    expect(text.toString('utf8')).toMatch(/^[a-z]+( [a-z]+)+/);
  });

  it('returns the cached copy on a second call', async () => {
    const root = await freshRoot();
    const first = await ensureDataset({ ...options, root });
    const before = (await stat(join(first.dir, 'manifest.json'))).mtimeMs;
    const second = await ensureDataset({ ...options, root });
    expect(second).toEqual(first);
    expect((await stat(join(first.dir, 'manifest.json'))).mtimeMs).toBe(before);
  });
});
