import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineSnapshot } from '../engine/snapshot.ts';
import { SnapshotFile, readSnapshot } from './snapshot-file.ts';

let dir = '';
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'fileproc-snap-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const snapshotWith = (seq: number): EngineSnapshot => ({ version: 1, seq, buckets: [], queues: [], defaultQueues: [], jobs: [] });

describe('SnapshotFile', () => {
  it('flush() resolves once a snapshot taken after the call is on disk; concurrent flushes share writes', async () => {
    let seq = 0;
    let takes = 0;
    const path = join(dir, 'jobs.snapshot.json');
    const file = new SnapshotFile({ path, take: () => { takes++; return snapshotWith(seq); } });
    seq = 1;
    const first = file.flush();
    seq = 2; // changed after the first write may have started: a later flush must include it
    const second = file.flush();
    const third = file.flush();
    await Promise.all([first, second, third]);
    expect((await readSnapshot(path))?.seq).toBe(2);
    expect(takes).toBeLessThanOrEqual(2);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('schedule() writes once after the debounce window; stop() writes the last state and then nothing', async () => {
    let seq = 5;
    let takes = 0;
    const path = join(dir, 's.json');
    const file = new SnapshotFile({ path, take: () => { takes++; return snapshotWith(seq); }, debounceMs: 20 });
    for (let i = 0; i < 10; i++) file.schedule();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(takes).toBe(1);
    expect((await readSnapshot(path))?.seq).toBe(5);
    seq = 6;
    await file.stop();
    seq = 7;
    await file.flush();
    expect((await readSnapshot(path))?.seq).toBe(6);
  });

  it('readSnapshot: undefined when absent, a clear error for a file that is not a snapshot', async () => {
    expect(await readSnapshot(join(dir, 'none.json'))).toBeUndefined();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"hello":1}');
    await expect(readSnapshot(bad)).rejects.toThrow(/\[fileproc\] .* is not an engine snapshot/);
  });
});
