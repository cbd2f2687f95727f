/** Test helpers for the hash processors: a context over a memory store with a controllable clock. */
import { MemoryStore } from '../../store/memory-store.ts';
import type { ObjectStore } from '../../store/types.ts';
import type { ProcessContext, ProcessingLimits } from '../types.ts';
import type { HashFactory } from './types.ts';
import { webHashFactory } from './web-hash.ts';

/** Limits as the reference states them (10,000 files, < 50 GB per job). */
export const TEST_LIMITS: ProcessingLimits = {
  maxFiles: 10_000, maxTotalBytes: 50 * 1024 ** 3, maxEntries: 10_000, maxUncompressedBytes: 50 * 1024 ** 3, maxCompressionRatio: 1000,
};

/** A ProcessContext recording progress; `store` defaults to a fresh MemoryStore. */
export function hashContext(options: { hash?: HashFactory; store?: ObjectStore; limits?: Partial<ProcessingLimits>; signal?: AbortSignal } = {}) {
  const hash = options.hash ?? webHashFactory;
  const progress: number[] = [];
  const ctx: ProcessContext = {
    store: options.store ?? new MemoryStore({ now: () => Date.UTC(2022, 5, 27, 7, 23, 12), hash }),
    hash,
    bucket: 'examplebucket-1250000000',
    region: 'ap-chongqing',
    limits: { ...TEST_LIMITS, ...options.limits },
    onProgress: (percent) => progress.push(percent),
    ...(options.signal && { signal: options.signal }),
    now: () => 0,
  };
  return { ctx, progress };
}

/** Yields `bytes` in chunks of the given sizes (cycled). */
export async function* inChunks(bytes: Uint8Array, sizes: number[]): AsyncIterable<Uint8Array> {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? bytes.length);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}
