import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { UncompressCodecs } from './codecs.ts';

/** Gunzip on node:zlib (native, multi-member aware); backpressure keeps memory bounded. */
export async function* zlibGunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const gunzip = Readable.from(source, { objectMode: false }).pipe(createGunzip());
  for await (const chunk of gunzip) yield chunk as Uint8Array;
}

/** Node fast path: zlib for gzip, and the zlib-backed global DecompressionStream for zip entries. */
export const nodeCodecs: UncompressCodecs = { gunzip: zlibGunzip, zipNativeInflate: true };
