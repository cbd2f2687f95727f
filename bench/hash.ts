/**
 * Hash benchmark: MD5/SHA1/SHA256 of a 1 GiB object in the filesystem store through `hashObject`,
 * side by side with `openssl dgst` on the very same body file. Medians of ≥ 3 interleaved runs after
 * one warm-up round (page cache), peak RSS per process. Goal: node factory ≤ 1.15× openssl.
 *   npx tsx bench/hash.ts [--quick] [--runs N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeHashFactory } from '../mocks/processing/hash/node-hash.node.ts';
import { FsLayout } from '../mocks/store/fs-layout.node.ts';
import { FsStore } from '../mocks/store/fs-store.node.ts';
import { BENCH_DATA_ROOT, ensureLargeFile, isQuick } from './dataset.ts';

const MiB = 1024 * 1024;
const quick = isQuick();
const bytes = quick ? 64 * MiB : 1024 * MiB;
const runsArg = process.argv.indexOf('--runs');
const runs = Math.max(3, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3);
const BUCKET = 'bench-1250000000';
const KEY = 'bench/large.bin';
const ALGORITHMS = ['md5', 'sha1', 'sha256'] as const;
const WORKER = fileURLToPath(new URL('./hash-worker.ts', import.meta.url));

interface Measurement { ms: number; cpuMs: number; digest: string; maxRssKiB: number; rssBeforeKiB: number }
interface Variant { name: string; run(algorithm: string, body: string, storeDir: string): Measurement }

const ours = (factory: 'node' | 'web', chunk: number): Variant => ({
  name: `hashObject ${factory} ${chunk / 1024} KiB reads`,
  run(algorithm, _body, storeDir) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', WORKER, storeDir, BUCKET, KEY, algorithm, factory, String(chunk)], { encoding: 'utf8' });
    return JSON.parse(out) as Measurement;
  },
});

const openssl: Variant = {
  name: 'openssl dgst (baseline)',
  run(algorithm, body) {
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'openssl', 'dgst', `-${algorithm}`, '-r', body], { encoding: 'utf8' });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`[fileproc] openssl failed: ${result.stderr}`);
    const [rss, user, sys] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number) as [number, number, number];
    return { ms, cpuMs: (user + sys) * 1000, digest: result.stdout.split(' ')[0] ?? '', maxRssKiB: rss, rssBeforeKiB: 0 };
  },
};

const variants = [openssl, ours('node', MiB), ours('node', 4 * MiB), ours('node', 64 * 1024), ours('web', MiB)];

/** Puts the generated file into a filesystem store once and returns the store's body file. */
async function prepareStore(): Promise<{ storeDir: string; body: string }> {
  const source = await ensureLargeFile(bytes, 'random');
  const storeDir = join(BENCH_DATA_ROOT, `hash-store-${bytes}`);
  const store = await FsStore.open({ dir: storeDir, now: () => Date.now(), hash: nodeHashFactory });
  if ((await store.head(BUCKET, KEY))?.size !== bytes) await store.put(BUCKET, KEY, createReadStream(source, { highWaterMark: 4 * MiB }));
  await store.close(); // the workers open the store themselves
  const layout = new FsLayout(storeDir);
  const sidecar = JSON.parse(await readFile(layout.sidecarPath(BUCKET, KEY), 'utf8')) as { data: string };
  return { storeDir, body: layout.dataPath(sidecar.data) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const { storeDir, body } = await prepareStore();
console.log(`hash benchmark: ${bytes / MiB} MiB object, ${runs} runs + 1 warm-up, load: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
const rows: string[][] = [];
for (const algorithm of ALGORITHMS) {
  const times = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  const cpu = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  const rss = new Map<Variant, number>();
  const growth = new Map<Variant, number>();
  for (let round = 0; round <= runs; round++) {
    const digests = new Set<string>();
    for (const variant of variants) {
      const result = variant.run(algorithm, body, storeDir);
      digests.add(result.digest);
      if (round > 0) times.get(variant)!.push(result.ms);
      if (round > 0) cpu.get(variant)!.push(result.cpuMs);
      rss.set(variant, Math.max(rss.get(variant) ?? 0, result.maxRssKiB));
      growth.set(variant, Math.max(growth.get(variant) ?? 0, result.maxRssKiB - result.rssBeforeKiB));
    }
    if (digests.size !== 1) throw new Error(`[fileproc] ${algorithm} digests disagree: ${[...digests].join(' ')}`);
  }
  const baseline = median(times.get(openssl)!);
  const cpuBaseline = median(cpu.get(openssl)!);
  for (const variant of variants) {
    const ms = median(times.get(variant)!);
    const cpuMs = median(cpu.get(variant)!);
    rows.push([algorithm, variant.name, ms.toFixed(0), ((bytes / MiB) / (ms / 1000)).toFixed(0), (ms / baseline).toFixed(2),
      cpuMs.toFixed(0), (cpuMs / cpuBaseline).toFixed(2),
      ((rss.get(variant) ?? 0) / 1024).toFixed(0), variant === openssl ? '-' : ((growth.get(variant) ?? 0) / 1024).toFixed(0)]);
  }
}
const header = ['algorithm', 'variant', 'median ms', 'MiB/s', 'vs openssl', 'CPU ms', 'CPU vs openssl', 'peak RSS MiB', 'RSS growth MiB'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
console.log(`load after: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
