import { Gunzip } from 'fflate';
import type { ArchiveWalk, ReaderOptions } from './members.ts';
import type { ArchiveObject } from './zip-reader.ts';

/**
 * Decompression primitives the readers need, injected so that browsers get pure-JS/WASM code and Node
 * gets node:zlib (see codecs.node.ts). Both variants must produce identical bytes (tested).
 */
export interface UncompressCodecs {
  /** Gunzips a stream (all members of a multi-member file), output in bounded chunks. */
  gunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** Whether zip.js may use the platform DecompressionStream (Node: zlib-backed) instead of its own inflate. */
  zipNativeInflate: boolean;
  /** A 7z reader that streams (Node: 7z-wasm in a worker thread); absent, 7z-wasm runs in memory on this thread. */
  sevenZip?: (archive: ArchiveObject, options: ReaderOptions) => Promise<ArchiveWalk>;
  /**
   * Native inflate for unencrypted stored/deflated zip entries (zip-direct.ts), bypassing zip.js; absent in
   * browsers, where zip.js inflates every entry.
   */
  zipInflate?: ZipInflater;
}

/** Raw-deflate and CRC-32 primitives for reading zip entries directly (Node: node:zlib in the thread pool). */
export interface ZipInflater {
  /** Inflates one whole raw-deflate stream; rejects once the output would pass `maxOutput` bytes. */
  inflateAll(data: Uint8Array, maxOutput: number): Promise<Uint8Array>;
  /** Streams the inflation of one raw-deflate stream (large entries), output in bounded chunks. */
  inflate(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** CRC-32 of `data`, continuing from `value` (0 to start). */
  crc32(data: Uint8Array, value: number): number;
}

// Feeding fflate slices bounds what one push can produce (deflate expands ≤ 1032×: ≈ 16.5 MiB);
// 16 KiB measured ~1.5× faster than 4 KiB, 64 KiB only a little faster again but 4× the burst.
const FEED_SLICE = 16 * 1024;
// Downstream (store writes) sees at most this much per chunk.
const MAX_OUTPUT_CHUNK = 1024 * 1024;

/** Pure-JS gunzip on fflate: runs in any browser bundle. */
export async function* fflateGunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let pending: Uint8Array[] = [];
  const inflater = new Gunzip((chunk) => {
    for (let at = 0; at < chunk.byteLength; at += MAX_OUTPUT_CHUNK) pending.push(chunk.subarray(at, at + MAX_OUTPUT_CHUNK));
  });
  let sawInput = false;
  for await (const chunk of source) {
    for (let offset = 0; offset < chunk.byteLength; offset += FEED_SLICE) {
      sawInput = true;
      inflater.push(chunk.subarray(offset, offset + FEED_SLICE), false);
      if (pending.length > 0) {
        const ready = pending;
        pending = [];
        yield* ready;
      }
    }
  }
  if (!sawInput) throw new Error('empty gzip stream');
  inflater.push(new Uint8Array(0), true);
  yield* pending;
}

/** The browser-safe codecs (also usable in Node, only slower). */
export const webCodecs: UncompressCodecs = { gunzip: fflateGunzip, zipNativeInflate: false };
