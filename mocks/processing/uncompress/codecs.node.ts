import { Readable, type Transform } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, createGunzip, createInflateRaw, inflateRaw, type ZlibOptions } from 'node:zlib';
import { handOver } from '../../store/body.ts';
import type { UncompressCodecs, ZipInflater } from './codecs.ts';
import { openSevenZipStreamed } from './sevenzip-stream.node.ts';

// zlib's default 16 KiB output chunks cost one trip through every async generator downstream each;
// 1 MiB chunks (the store's write size) cut that overhead: on the 512 MiB tar.gz, 1 MiB against 256 KiB
// took 4.0–4.2 s against 4.4–4.7 s of wall time and 0–0.3 s less CPU in alternating runs (load ≈ 4).
const ZLIB_CHUNK = 1024 * 1024;
// 4 MiB of output may wait for the reader (the default is one chunk), so the thread pool keeps
// inflating while the main thread parses and hands members to the store. (zlib passes
// `readableHighWaterMark` on to its stream.Transform; @types/node's ZlibOptions omits it.)
const STREAM_OPTIONS = { chunkSize: ZLIB_CHUNK, readableHighWaterMark: 4 * 1024 * 1024 } as ZlibOptions;
// zlib refuses output chunks below 64 bytes.
const MIN_CHUNK = 64;
const inflateRawAsync = promisify(inflateRaw) as (data: Uint8Array, options: ZlibOptions) => Promise<Buffer>;

/** Pipes a byte stream through a zlib transform (native, in the thread pool); backpressure keeps memory bounded. */
async function* throughZlib(source: AsyncIterable<Uint8Array>, transform: Transform): AsyncIterable<Uint8Array> {
  const input = Readable.from(source, { objectMode: false });
  const output = input.pipe(transform);
  input.on('error', (error) => output.destroy(error));
  try {
    for await (const chunk of output) yield chunk as Uint8Array;
  } finally {
    input.destroy(); // pipe() does not propagate an early stop; this closes the store body
  }
}

/** Gunzip on node:zlib (native, multi-member aware). */
export function zlibGunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  return throughZlib(source, createGunzip(STREAM_OPTIONS));
}

/** Zip entries inflated by node:zlib: whole small entries by one thread-pool call, large ones streamed. */
export const zlibZipInflater: ZipInflater = {
  // maxOutputLength stops a bomb whose header claims a small size before the bytes exist (min 1: zlib's
  // floor); one output chunk spares zlib's 16 KiB pieces and their final concat. One byte more than
  // declared: a chunk that ends exactly full makes zlib allocate a second one of the same size (and
  // make one more thread-pool call) just to see the end of the stream — garbage of ~1× the output.
  inflateAll: async (data, maxOutput) => {
    const chunkSize = Math.max(MIN_CHUNK, maxOutput + 1);
    const output = await inflateRawAsync(data, { maxOutputLength: Math.max(1, maxOutput), chunkSize });
    // The output is a view of zlib's own chunk (no other view exists once zlib is done): the store may
    // take it without a copy. Checked, not assumed: a pooled or joined buffer would not match.
    return output.byteOffset === 0 && output.buffer.byteLength === chunkSize ? handOver(output) : output;
  },
  inflate: (source) => throughZlib(source, createInflateRaw(STREAM_OPTIONS)),
  crc32: (data, value) => crc32(data, value),
};

/**
 * Node fast path: zlib for gzip, and zip entries read directly (zip-direct.ts) and inflated by zlib;
 * zip.js remains for encrypted entries. `zipNativeInflate` stays off: zip.js through the zlib-backed
 * DecompressionStream measured 1.1–1.6× slower than its own inflate in bench/uncompress.ts.
 */
export const nodeCodecs: UncompressCodecs = { gunzip: zlibGunzip, zipNativeInflate: false, zipInflate: zlibZipInflater, sevenZip: openSevenZipStreamed };
