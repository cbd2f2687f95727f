import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { UncompressCodecs } from './codecs.ts';

/** Gunzip on node:zlib (native, multi-member aware); backpressure keeps memory bounded. */
export async function* zlibGunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const input = Readable.from(source, { objectMode: false });
  const gunzip = input.pipe(createGunzip());
  input.on('error', (error) => gunzip.destroy(error));
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } finally {
    input.destroy(); // pipe() does not propagate an early stop; this closes the store body
  }
}

/** Node fast path: zlib for gzip, and the zlib-backed global DecompressionStream for zip entries. */
export const nodeCodecs: UncompressCodecs = { gunzip: zlibGunzip, zipNativeInflate: true };
