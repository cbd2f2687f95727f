/** Shared helpers of the uncompress tests: a memory store, a context with limits, key listings. */
import { collectBody } from '../../store/body.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import { webHashFactory } from '../hash/web-hash.ts';
import type { ProcessContext, ProcessingLimits } from '../types.ts';

/** The bucket every test job runs in. */
export const BUCKET = 'test-1250000000';

/** Generous limits; tests override single fields. */
export const TEST_LIMITS: ProcessingLimits = {
  maxFiles: 10_000, maxTotalBytes: 1 << 30, maxEntries: 10_000, maxUncompressedBytes: 1 << 30, maxCompressionRatio: 10_000,
};

/** A fresh memory store and a context recording every progress call. */
export function makeContext(limits: Partial<ProcessingLimits> = {}): ProcessContext & { store: MemoryStore; progress: number[] } {
  const store = new MemoryStore({ now: () => Date.UTC(2026, 10, 21, 12, 30, 42), hash: webHashFactory });
  const progress: number[] = [];
  return {
    store, progress, hash: webHashFactory, bucket: BUCKET, region: 'ap-chongqing',
    limits: { ...TEST_LIMITS, ...limits }, onProgress: (p) => void progress.push(p), now: () => Date.UTC(2026, 10, 21, 12, 30, 42),
  };
}

/** Every key in the bucket, sorted. */
export async function allKeys(ctx: ProcessContext): Promise<string[]> {
  const keys: string[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await ctx.store.list(BUCKET, marker === undefined ? {} : { marker });
    keys.push(...page.objects.map((o) => o.key));
    if (!page.isTruncated) return keys;
    marker = page.nextMarker;
  }
}

/** An object's bytes (undefined when absent). */
export async function readObject(ctx: ProcessContext, key: string): Promise<Uint8Array | undefined> {
  const object = await ctx.store.get(BUCKET, key);
  return object ? collectBody(object.body) : undefined;
}

/** True when progress started at 0, never went down and ended at 100. */
export function progressIsMonotonic(progress: number[]): boolean {
  return progress[0] === 0 && progress.at(-1) === 100 && progress.every((p, i) => i === 0 || p >= (progress[i - 1] as number));
}
