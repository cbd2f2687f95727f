/**
 * FileUncompress benchmark: `uncompressArchive` (web and Node codecs) on the shared data set, side by
 * side with `unzip`, `tar xzf` and `7z x` extracting the very same archives (built once by zip, tar and
 * 7z). Medians of ≥ 3 interleaved runs after one warm-up round, peak RSS per process; then peak RSS
 * while extracting one 2 GiB member. Goals: ≤ 1.2× the CLI time, ≤ 256 MiB RSS.
 *   npx tsx bench/uncompress.ts [--quick] [--runs N] [--rss-only] [--only zip|tar.gz|7z]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeHashFactory } from '../mocks/processing/hash/node-hash.node.ts';
import { FsStore } from '../mocks/store/fs-store.node.ts';
import { BENCH_DATA_ROOT, ensureDataset, ensureLargeFile, isQuick, QUICK_DATASET } from './dataset.ts';

const MiB = 1024 * 1024;
const quick = isQuick();
const rssOnly = process.argv.includes('--rss-only'); // skip the side-by-side part
const runsArg = process.argv.indexOf('--runs');
const runs = Math.max(3, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3);
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined; // one archive format
const wanted = (format: string) => only === undefined || only === format;
const BUCKET = 'bench-1250000000';
const WORKER = fileURLToPath(new URL('./uncompress-worker.ts', import.meta.url));
const WASM_LIMIT = 1024 * MiB; // the bench lifts the 128 MiB default so the in-memory (web) 7z row can run at all

/** One run: wall ms, CPU ms (user + system, child processes included), peak RSS of the process. */
interface Measurement { ms: number; cpuMs: number; maxRssKiB: number; rssBeforeKiB?: number; fileCount?: number; treeRssKiB?: number }
interface Variant { name: string; baseline: boolean; run(archivePath: string, key: string): Measurement }

function timed(command: string, args: string[]): Measurement {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { encoding: 'utf8', maxBuffer: 64 * MiB });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`[fileproc] ${command} failed: ${result.stderr.slice(-500)}`);
  const [maxRssKiB, user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number) as [number, number, number];
  return { ms, cpuMs: (user + system) * 1000, maxRssKiB };
}

/** A CLI baseline extracting into a fresh empty folder (emptied outside the timing). */
const cli = (name: string, command: string, args: (archive: string, out: string) => string[]): Variant => ({
  name, baseline: true,
  run(archive) {
    const out = join(BENCH_DATA_ROOT, 'uncompress-cli-out');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    return timed(command, args(archive, out));
  },
});

/**
 * Ours in a child process. `node` decodes 7z with a native 7-Zip when one runs here (FILEPROC_7Z
 * unset), `node-wasm` forces 7z-wasm in a worker (FILEPROC_7Z=wasm); both use the Node codecs.
 */
const ours = (codecs: 'web' | 'node' | 'node-wasm', storeDir: string): Variant => ({
  name: `uncompressArchive ${codecs} codecs`, baseline: false,
  run(_archive, key) {
    const { FILEPROC_7Z: _, ...env } = process.env;
    const started = performance.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', WORKER, storeDir, BUCKET, key, codecs === 'web' ? 'web' : 'node', String(WASM_LIMIT)], {
      encoding: 'utf8', maxBuffer: 16 * MiB, env: codecs === 'node-wasm' ? { ...env, FILEPROC_7Z: 'wasm' } : env,
    });
    const wall = performance.now() - started;
    const result = JSON.parse(out) as Measurement & { userMs: number; systemMs: number; childMs: number };
    return { ...result, ms: Math.min(wall, result.ms), cpuMs: result.userMs + result.systemMs + result.childMs };
  },
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** Builds the archive once with a CLI tool, run inside the data set folder. */
function archiveOnce(path: string, command: string, args: string[], cwd: string): string {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    execFileSync(command, args, { cwd, stdio: 'ignore' });
  }
  return path;
}

async function putOnce(store: FsStore, key: string, path: string): Promise<void> {
  if (!(await store.head(BUCKET, key))) await store.put(BUCKET, key, createReadStream(path, { highWaterMark: 4 * MiB }));
}

/** Ours vs the CLI tools on the shared data set, as zip, tar.gz and 7z. */
async function sideBySide(): Promise<void> {
  const dataset = await ensureDataset(quick ? QUICK_DATASET : {});
  const totalMiB = dataset.files.reduce((n, f) => n + f.size, 0) / MiB;
  // The archives hold the whole folder, the data set's manifest.json included.
  const expectedFiles = Number(execFileSync('find', [dataset.dir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n').length);
  const work = join(BENCH_DATA_ROOT, `uncompress-${dataset.dir.split('/').pop()}`);
  const archives = {
    zip: archiveOnce(join(work, 'set.zip'), 'zip', ['-qr', join(work, 'set.zip'), '.'], dataset.dir),
    'tar.gz': archiveOnce(join(work, 'set.tar.gz'), 'tar', ['-czf', join(work, 'set.tar.gz'), '.'], dataset.dir),
    '7z': archiveOnce(join(work, 'set.7z'), '7z', ['a', '-bd', join(work, 'set.7z'), '.'], dataset.dir),
  };
  const storeDir = join(work, 'store');
  const store = await FsStore.open({ dir: storeDir, now: () => Date.now(), hash: nodeHashFactory, durable: false });
  for (const [format, path] of Object.entries(archives)) await putOnce(store, `in/set.${format}`, path);

  const unzip = cli('unzip -q (baseline)', 'unzip', (a, o) => ['-q', '-o', a, '-d', o]);
  const sevenX = cli('7z x (baseline)', '7z', (a, o) => ['x', '-bd', '-y', `-o${o}`, a]);
  const tarX = cli('tar xzf (baseline)', 'tar', (a, o) => ['-xzf', a, '-C', o]);
  const fullPlan: [keyof typeof archives, Variant[]][] = [
    ['zip', [unzip, sevenX, ours('web', storeDir), ours('node', storeDir)]],
    ['tar.gz', [tarX, ours('web', storeDir), ours('node', storeDir)]],
    // web = 7z-wasm in memory on the main thread (what browsers run); node = native 7-Zip when present;
    // node-wasm = 7z-wasm streamed through a worker thread (what Node runs without a 7-Zip binary).
    ['7z', [sevenX, ours('web', storeDir), ours('node', storeDir), ours('node-wasm', storeDir)]],
  ];
  const plan = fullPlan.filter(([format]) => wanted(format));
  console.log(`uncompress benchmark: ${dataset.files.length} files, ${totalMiB.toFixed(0)} MiB, ${runs} runs + 1 warm-up; load: ${uptime()}`);
  const rows: string[][] = [];
  for (const [format, variants] of plan) {
    const times = new Map<Variant, number[]>(variants.map((v) => [v, []]));
    const cpu = new Map<Variant, number[]>(variants.map((v) => [v, []]));
    const rss = new Map<Variant, number>();
    const treeRss = new Map<Variant, number>();
    const failed = new Map<Variant, string>();
    for (let round = 0; round <= runs; round++) {
      for (const variant of variants) {
        if (failed.has(variant)) continue;
        try {
          const result = variant.run(archives[format], `in/set.${format}`);
          if (result.fileCount !== undefined && result.fileCount !== expectedFiles) throw new Error(`[fileproc] extracted ${result.fileCount} of ${expectedFiles} files`);
          if (round > 0) times.get(variant)?.push(result.ms);
          if (round > 0) cpu.get(variant)?.push(result.cpuMs);
          rss.set(variant, Math.max(rss.get(variant) ?? 0, result.maxRssKiB));
          treeRss.set(variant, Math.max(treeRss.get(variant) ?? 0, result.treeRssKiB ?? result.maxRssKiB));
        } catch (error) {
          failed.set(variant, (error instanceof Error ? error.message : String(error)).split('\n').find((l) => l.includes('[fileproc]')) ?? 'failed');
        }
      }
    }
    const baseline = median(times.get(variants[0] as Variant) ?? []);
    for (const variant of variants) {
      const ms = median(times.get(variant) ?? []);
      rows.push([format, variant.name, failed.get(variant) ?? ms.toFixed(0), failed.has(variant) ? '-' : (totalMiB / (ms / 1000)).toFixed(0),
        failed.has(variant) ? '-' : (ms / baseline).toFixed(2), failed.has(variant) ? '-' : median(cpu.get(variant) ?? []).toFixed(0),
        ((rss.get(variant) ?? 0) / 1024).toFixed(0), ((treeRss.get(variant) ?? 0) / 1024).toFixed(0)]);
    }
  }
  // Peak RSS: the largest process's (GNU time; for ours the Node process). With children: ours
  // sampled as Node + its 7-Zip child at the same moment (CLI rows: the same figure).
  table(rows, ['archive', 'variant', 'median ms', 'MiB/s', 'vs first row (CLI)', 'median CPU ms', 'peak RSS MiB', 'with children MiB']);
}

function table(rows: string[][], header: string[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
}

if (!rssOnly) await sideBySide();

// Peak RSS on one large member: memory must not grow with the member or archive size.
const bigBytes = quick ? 128 * MiB : 2048 * MiB;
const big = await ensureLargeFile(bigBytes, 'text');
const bigWork = join(BENCH_DATA_ROOT, `uncompress-big-${bigBytes}`);
mkdirSync(bigWork, { recursive: true });
const bigArchives = Object.fromEntries(Object.entries({
  zip: () => archiveOnce(join(bigWork, 'big.zip'), 'zip', ['-q', '-j', join(bigWork, 'big.zip'), big], bigWork),
  'tar.gz': () => archiveOnce(join(bigWork, 'big.tar.gz'), 'tar', ['-I', 'pigz', '-cf', join(bigWork, 'big.tar.gz'), '-C', dirname(big), big.split('/').pop() ?? ''], bigWork),
  // -mx=1: a default-level LZMA2 pass over 2 GiB takes minutes; the row measures memory, not the ratio.
  '7z': () => archiveOnce(join(bigWork, 'big.7z'), '7z', ['a', '-bd', '-mx=1', join(bigWork, 'big.7z'), big], bigWork),
}).filter(([format]) => wanted(format)).map(([format, make]) => [format, make()]));
const bigStore = await FsStore.open({ dir: join(bigWork, 'store'), now: () => Date.now(), hash: nodeHashFactory, durable: false });
const bigRows: string[][] = [];
// The filesystem store allows one process per folder: every put happens before any worker starts.
for (const [format, path] of Object.entries(bigArchives)) await putOnce(bigStore, `in/big.${format}`, path);
for (const [format, path] of Object.entries(bigArchives)) {
  // The in-memory 7z reader would hold the whole archive and its output: only the streamed ones run.
  const bigStoreDir = join(bigWork, 'store');
  const variants = format === '7z' ? [ours('node', bigStoreDir), ours('node-wasm', bigStoreDir)] : [ours('node', bigStoreDir), ours('web', bigStoreDir)];
  for (const variant of variants) {
    const result = variant.run(path, `in/big.${format}`);
    bigRows.push([format, variant.name, (bigBytes / MiB).toFixed(0), result.ms.toFixed(0), result.cpuMs.toFixed(0), (result.maxRssKiB / 1024).toFixed(0),
      (((result.treeRssKiB ?? result.maxRssKiB)) / 1024).toFixed(0), ((result.maxRssKiB - (result.rssBeforeKiB ?? 0)) / 1024).toFixed(0)]);
  }
}
table(bigRows, ['archive', 'variant', 'member MiB', 'ms', 'CPU ms', 'peak RSS MiB', 'with children MiB', 'RSS growth while extracting MiB']);
console.log(`load after: ${uptime()}`);
