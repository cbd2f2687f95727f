/**
 * FileCompress benchmark: compressFiles on the shared data set in the filesystem store, side by side
 * with Info-ZIP `zip -r -6` / `zip -r -0`, GNU `tar czf` and `tar -I pigz` on the same files. Every
 * run is a whole process (ours: a node child running the esbuild-bundled worker; theirs: the tool); medians of ≥ 3 interleaved runs
 * after a warm-up round. Then peak RSS while packing one large object (2 GiB; 256 MiB with --quick).
 *   npx tsx bench/compress.ts [--quick] [--runs N] [--rss-only]   (--rss-only: just the large-object part)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { createReadStream } from 'node:fs';
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeHashFactory } from '../mocks/processing/hash/node-hash.node.ts';
import { FsStore } from '../mocks/store/fs-store.node.ts';
import { BENCH_DATA_ROOT, QUICK_DATASET, ensureDataset, ensureLargeFile, isQuick } from './dataset.ts';

const MiB = 1024 * 1024;
const quick = isQuick();
const runsArg = process.argv.indexOf('--runs');
const runs = Math.max(3, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3);
const BUCKET = 'bench-1250000000';
const WORKER = fileURLToPath(new URL('./compress-worker.ts', import.meta.url));
/** The worker bundled once, so a run starts like a built CLI (plain node), not through tsx's loader. */
const WORKER_BUNDLE = join(BENCH_DATA_ROOT, 'compress-worker.mjs');

/** One run: whole-process wall ms; for ours also the job's wall ms and CPU ms (all threads / event loop) from the worker. */
interface Measurement { ms: number; size: number; maxRssKiB: number; jobMs?: number; cpuMs?: number; mainCpuMs?: number }
interface Variant { name: string; baseline?: string; run(out: string): Measurement }

/** Imports files into a filesystem store once (cached beside the data set; `ready` is written last). */
async function storeOf(name: string, files: { path: string; key: string }[]): Promise<string> {
  const dir = join(BENCH_DATA_ROOT, `compress-store-${name}`);
  if (await access(join(dir, 'ready')).then(() => true, () => false)) return dir;
  await rm(dir, { recursive: true, force: true });
  const store = await FsStore.open({ dir, now: () => Date.UTC(2026, 0, 1), hash: nodeHashFactory, durable: false });
  for (const file of files) await store.put(BUCKET, file.key, createReadStream(file.path, { highWaterMark: MiB }));
  await store.close();
  await writeFile(join(dir, 'ready'), '');
  return dir;
}

const ours = (storeDir: string, prefix: string, format: string, level: number, backend: 'node' | 'web', label: string, baseline?: string): Variant => ({
  name: `ours ${label} (${backend})`,
  ...(baseline && { baseline }),
  run() {
    const started = performance.now();
    const out = execFileSync(process.execPath, [WORKER_BUNDLE, storeDir, BUCKET, prefix, format, String(level), backend, 'bench-out'], { encoding: 'utf8' });
    const inProcess = JSON.parse(out) as Measurement;
    return { ...inProcess, jobMs: inProcess.ms, ms: performance.now() - started };
  },
});

const tool = (name: string, cwd: string, command: string, args: (out: string) => string[], file: string): Variant => ({
  name,
  run(out) {
    const target = join(out, file);
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args(target)], { cwd, encoding: 'utf8' });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`[fileproc] ${name} failed: ${result.stderr}`);
    const size = spawnSync('stat', ['-c', '%s', target], { encoding: 'utf8' }).stdout.trim();
    spawnSync('rm', ['-f', target]);
    return { ms, size: Number(size), maxRssKiB: Number(result.stderr.trim().split('\n').at(-1)) };
  },
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs every variant `runs` times, interleaved, after one warm-up round; prints one table row per variant. */
function measure(title: string, inputBytes: number, variants: Variant[], out: string): void {
  const results = new Map<Variant, Measurement[]>(variants.map((v) => [v, []]));
  for (const v of variants) v.run(out);
  for (let r = 0; r < runs; r++) for (const v of variants) results.get(v)?.push(v.run(out));
  const medianMs = (v: Variant | undefined): number => median((v && results.get(v)?.map((m) => m.ms)) ?? [NaN]);
  const rows = variants.map((v) => {
    const all = results.get(v) ?? [];
    const ms = medianMs(v);
    const base = variants.find((b) => b.name === v.baseline);
    const column = (pick: (m: Measurement) => number | undefined) => {
      const value = median(all.map((m) => pick(m) ?? NaN));
      return Number.isNaN(value) ? '-' : value.toFixed(0);
    };
    return [v.name, ms.toFixed(0), column((m) => m.jobMs), column((m) => m.cpuMs), column((m) => m.mainCpuMs), (inputBytes / MiB / (ms / 1000)).toFixed(1), ((all[0]?.size ?? 0) / MiB).toFixed(1),
      (Math.max(...all.map((m) => m.maxRssKiB)) / 1024).toFixed(0), base ? `${(medianMs(base) / ms).toFixed(2)}× ${base.name}` : '-'];
  });
  const header = ['variant', 'median ms', 'in-process ms', 'job CPU ms', 'event-loop CPU ms', 'MiB/s in', 'out MiB', 'peak RSS MiB', 'speed vs baseline'];
  console.log(`\n${title} — ${(inputBytes / MiB).toFixed(0)} MiB input, median of ${runs} runs`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(row.map((cell, i) => (cell ?? '').padEnd(widths[i] ?? 0)).join('  '));
}

// Bare imports stay external and resolve from the repository's node_modules (the bundle sits below it).
await build({ entryPoints: [WORKER], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: WORKER_BUNDLE, logLevel: 'warning' });
const out = await mkdtemp(join(tmpdir(), 'fileproc-bench-compress-'));
console.log(`load before: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
if (!process.argv.includes('--rss-only')) await datasetTable();

/** The side-by-side table on the shared data set. */
async function datasetTable(): Promise<void> {
  const dataset = await ensureDataset(quick ? QUICK_DATASET : {});
  const datasetBytes = dataset.files.reduce((sum, f) => sum + f.size, 0);
  const storeDir = await storeOf(basename(dataset.dir), dataset.files.map((f) => ({ path: join(dataset.dir, f.path), key: `set/${f.path}` })));
  const zip6 = tool('zip -r -6', dataset.dir, 'zip', (o) => ['-q', '-r', '-6', o, '.'], 'b.zip');
  const zip0 = tool('zip -r -0', dataset.dir, 'zip', (o) => ['-q', '-r', '-0', o, '.'], 'b.zip');
  const tarGz = tool('tar czf', dataset.dir, 'tar', (o) => ['czf', o, '.'], 'b.tgz');
  const pigz = tool('tar -I pigz', dataset.dir, 'tar', (o) => ['-I', 'pigz', '-cf', o, '.'], 'b.tgz');
  measure('FileCompress on the data set', datasetBytes, [
    zip6, ours(storeDir, 'set/', 'zip', 6, 'node', 'zip default level 6', zip6.name), ours(storeDir, 'set/', 'zip', 6, 'web', 'zip default level 6', zip6.name),
    tarGz, pigz, ours(storeDir, 'set/', 'tar.gz', 6, 'node', 'tar.gz level 6', tarGz.name),
    zip0, ours(storeDir, 'set/', 'zip', 0, 'node', 'zip stored', zip0.name),
  ], out);
}

const largeBytes = quick ? 256 * MiB : 2048 * MiB;
const largePath = await ensureLargeFile(largeBytes, 'random');
const largeStore = await storeOf(`large-${largeBytes}`, [{ path: largePath, key: 'large/one.bin' }]);
console.log(`\nlarge input: ${(await stat(largePath)).size / MiB} MiB random bytes in the filesystem store`);
measure('Peak RSS on one large object (goal ≤ 256 MiB)', largeBytes, [
  ours(largeStore, 'large/', 'zip', 6, 'node', 'zip level 6'), ours(largeStore, 'large/', 'tar.gz', 6, 'node', 'tar.gz level 6'),
], out);
await rm(out, { recursive: true, force: true });
console.log(`load after: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
