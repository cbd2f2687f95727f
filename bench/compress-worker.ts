/**
 * Child process of bench/compress.ts: packs every object under a prefix of a filesystem store with
 * `compressFiles` and prints `{ ms, size, maxRssKiB, cpuMs, mainCpuMs }`, so each measurement is a whole process.
 * Usage: compress-worker.ts <storeDir> <bucket> <prefix> <zip|tar|tar.gz> <level> <node|web> <outKey>
 */
import { compressFiles } from '../mocks/processing/compress/compress-files.ts';
import { createNodeBackend } from '../mocks/processing/compress/node-backend.node.ts';
import { webBackend } from '../mocks/processing/compress/web-backend.ts';
import { nodeHashFactory } from '../mocks/processing/hash/node-hash.node.ts';
import type { FileCompressConfig, ProcessContext } from '../mocks/processing/types.ts';
import { FsStore } from '../mocks/store/fs-store.node.ts';
import { mainThreadCpuMs } from './compress-cpu.ts';

const [dir, bucket, prefix, format, level, backendName, outKey] = process.argv.slice(2) as [string, string, string, FileCompressConfig['Format'], string, string, string];
// Not durable: the CLI baselines do not fsync either.
const store = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory, durable: false });
const ctx: ProcessContext = {
  store, hash: nodeHashFactory, bucket, region: 'ap-guangzhou',
  limits: { maxFiles: 10_000, maxTotalBytes: 50 * 1024 ** 3, maxEntries: 10_000, maxUncompressedBytes: 50 * 1024 ** 3, maxCompressionRatio: 1000 },
  onProgress: () => undefined,
  now: () => 0,
};
const started = performance.now();
const cpuBefore = process.cpuUsage();
const mainBefore = mainThreadCpuMs();
const outcome = await compressFiles(ctx, { Flatten: '0', Format: format, Prefix: prefix }, { Region: ctx.region, Bucket: bucket, Object: outKey }, {
  backend: backendName === 'web' ? webBackend : createNodeBackend(),
  level: Number(level),
});
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const mainAfter = mainThreadCpuMs();
if (!outcome.ok) throw new Error(`[fileproc] bench compress failed: ${outcome.failure.Code} ${outcome.failure.Message}`);
const size = (await store.head(bucket, outKey))?.size ?? 0;
await store.delete(bucket, outKey);
await store.close();
process.stdout.write(JSON.stringify({
  ms, size, maxRssKiB: process.resourceUsage().maxRSS,
  // CPU of the job alone (user + system): every thread of the process, and the main (event-loop) thread.
  cpuMs: (cpu.user + cpu.system) / 1000,
  ...(mainBefore !== undefined && mainAfter !== undefined && { mainCpuMs: mainAfter - mainBefore }),
}));
