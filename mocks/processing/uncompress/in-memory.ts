import { UncompressError } from './errors.ts';
import type { ReaderOptions } from './members.ts';
import type { ArchiveObject } from './zip-reader.ts';

/**
 * Loads a whole archive for the WASM libraries (7z-wasm, node-unrar-js), which cannot stream from the
 * store. Bounded by `inMemoryArchiveLimit`; loading counts as the first half of the progress.
 */
export async function loadWhole(archive: ArchiveObject, options: ReaderOptions): Promise<Uint8Array> {
  if (archive.size > options.inMemoryArchiveLimit) {
    throw new UncompressError('SizeLimitExceeded', `7z and rar archives are extracted in memory; ${archive.size} bytes exceed the ${options.inMemoryArchiveLimit}-byte limit`);
  }
  const object = await archive.store.get(archive.bucket, archive.key);
  if (!object) throw new UncompressError('NoSuchKey', `the archive ${archive.key} does not exist`);
  const data = new Uint8Array(archive.size);
  let offset = 0;
  for await (const chunk of object.body) {
    if (offset + chunk.byteLength > data.byteLength) throw new UncompressError('ArchiveCorrupted', 'the archive grew while it was being read');
    data.set(chunk, offset);
    offset += chunk.byteLength;
    options.onFraction(offset / Math.max(1, archive.size) / 2);
  }
  return data.subarray(0, offset);
}

/**
 * Refuses, before extracting, what the headers already show to be over the limits. The byte cap
 * defaults to the in-memory bound too (the output lives in memory); streamed readers pass their own.
 */
export function checkDeclared(entries: number, declaredBytes: number, options: ReaderOptions, byteCap?: number): void {
  if (entries > options.limits.maxEntries) {
    throw new UncompressError('FileCountLimitExceeded', `the archive holds ${entries} entries; the limit is ${options.limits.maxEntries}`);
  }
  const cap = byteCap ?? Math.min(options.limits.maxUncompressedBytes, options.inMemoryArchiveLimit);
  if (declaredBytes > cap) {
    throw new UncompressError('SizeLimitExceeded', `the archive declares ${declaredBytes} uncompressed bytes; the limit is ${cap}${byteCap === undefined ? ' for in-memory formats' : ''}`);
  }
}
