/**
 * Child process of bench/uncompress.ts: extracts one archive of a filesystem store with
 * `uncompressArchive` into the same store (prefix `out/`, cleared first, outside the timing) and prints
 * `{ ms, userMs, systemMs, mainMs, childMs, fileCount, maxRssKiB, rssBeforeKiB, treeRssKiB }` (CPU of the job: all threads, the main thread's, and child processes'; `treeRssKiB` the sampled peak of this process and its children together), so each measurement has its own process and peak RSS.
 * Usage: uncompress-worker.ts <storeDir> <bucket> <key> <node|web> <inMemoryArchiveLimit>
 */
import { nodeHashFactory } from '../mocks/processing/hash/node-hash.node.ts';
import type { ProcessContext } from '../mocks/processing/types.ts';
import { nodeCodecs } from '../mocks/processing/uncompress/codecs.node.ts';
import { webCodecs } from '../mocks/processing/uncompress/codecs.ts';
import { uncompressArchive } from '../mocks/processing/uncompress/uncompress.ts';
import { FsStore } from '../mocks/store/fs-store.node.ts';
import { readFileSync } from 'node:fs';
import { sampleTreeRss } from './tree-rss.ts';

/** CPU ms of the child processes this process has waited for (a native 7-Zip): cutime + cstime of /proc/self/stat; NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** CPU ms of the calling thread (Linux /proc; NaN elsewhere): how much of the job's CPU the event loop spent. */
function threadCpuMs(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in clock ticks (100 Hz)
  } catch {
    return NaN;
  }
}

const [dir, bucket, key, codecName, limit] = process.argv.slice(2) as [string, string, string, string, string];
// Not durable: the CLI baselines do not fsync either.
const store = await FsStore.open({ dir, now: () => Date.now(), hash: nodeHashFactory, durable: false });
for (;;) {
  const page = await store.list(bucket, { prefix: 'out/' });
  if (page.objects.length === 0) break;
  for (const object of page.objects) await store.delete(bucket, object.key);
}
const ctx: ProcessContext = {
  store, hash: nodeHashFactory, bucket, region: 'ap-guangzhou',
  limits: { maxFiles: 100_000, maxTotalBytes: 50 * 1024 ** 3, maxEntries: 100_000, maxUncompressedBytes: 50 * 1024 ** 3, maxCompressionRatio: 1000 },
  onProgress: () => undefined,
  now: () => Date.now(),
};
const rssBeforeKiB = process.resourceUsage().maxRSS;
const cpuBefore = process.cpuUsage();
const mainBefore = threadCpuMs();
const childrenBefore = childrenCpuMs();
const treeRss = sampleTreeRss();
const started = performance.now();
const outcome = await uncompressArchive(ctx, { Object: key }, { Prefix: 'out/' }, { Region: 'ap-guangzhou', Bucket: bucket }, {
  codecs: codecName === 'web' ? webCodecs : nodeCodecs, inMemoryArchiveLimit: Number(limit),
});
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore); // whole process (every thread), the job only
const mainMs = threadCpuMs() - mainBefore;
const childMs = childrenCpuMs() - childrenBefore;
const treeRssKiB = treeRss.stop();
if (!outcome.ok) throw new Error(`[fileproc] bench uncompress failed: ${outcome.failure.Code} ${outcome.failure.Message}`);
process.stdout.write(JSON.stringify({ ms, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, mainMs, childMs, fileCount: outcome.result.FileCount, maxRssKiB: process.resourceUsage().maxRSS, rssBeforeKiB, treeRssKiB }));
