/**
 * Child process of bench/hash.ts: hashes one object of a filesystem store with `hashObject` and
 * prints `{ ms, cpuMs, digest, maxRssKiB, rssBeforeKiB }`, so each measurement has its own process and peak RSS.
 * Usage: hash-worker.ts <storeDir> <bucket> <key> <md5|sha1|sha256> <node|web> <readChunkBytes>
 */
import { hashObject } from '../mocks/processing/hash/file-hash.ts';
import { nodeHashFactory } from '../mocks/processing/hash/node-hash.node.ts';
import { webHashFactory } from '../mocks/processing/hash/web-hash.ts';
import type { ProcessContext } from '../mocks/processing/types.ts';
import { FsStore } from '../mocks/store/fs-store.node.ts';

const [dir, bucket, key, algorithm, factoryName, chunk] = process.argv.slice(2) as [string, string, string, 'md5' | 'sha1' | 'sha256', string, string];
const hash = factoryName === 'web' ? webHashFactory : nodeHashFactory;
const store = await FsStore.open({ dir, now: () => 0, hash, readChunkBytes: Number(chunk) });
const ctx: ProcessContext = {
  store, hash, bucket, region: 'ap-guangzhou',
  limits: { maxFiles: 10_000, maxTotalBytes: 50 * 1024 ** 3, maxEntries: 10_000, maxUncompressedBytes: 50 * 1024 ** 3, maxCompressionRatio: 1000 },
  onProgress: () => undefined,
  now: () => 0,
};
const before = process.resourceUsage();
const rssBeforeKiB = before.maxRSS;
const started = performance.now();
const outcome = await hashObject(ctx, { Object: key }, { Type: algorithm });
const ms = performance.now() - started;
if (!outcome.ok) throw new Error(`[fileproc] bench hash failed: ${outcome.failure.Code} ${outcome.failure.Message}`);
const digest = outcome.result.MD5 ?? outcome.result.SHA1 ?? outcome.result.SHA256;
const after = process.resourceUsage();
// CPU time of all threads (main + libuv reads), in ms: far less sensitive to a busy machine than wall time.
const cpuMs = (after.userCPUTime + after.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1000;
process.stdout.write(JSON.stringify({ ms, cpuMs, digest, maxRssKiB: after.maxRSS, rssBeforeKiB }));
