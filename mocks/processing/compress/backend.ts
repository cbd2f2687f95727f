/**
 * The pluggable compression engine of FileCompress (reference §2.2): browsers get the pure-JS
 * variant (`web-backend.ts`), Node adapters inject `node-backend.node.ts` (pigz-style parallel zlib).
 */

import type { ZipAesCrypto } from './zip-aes.ts';

/** One raw DEFLATE stream being written; calls may overlap so several blocks compress at once. */
export interface DeflateSession {
  /** Feeds input; resolves to the compressed bytes this input completed (possibly empty), in call order. */
  write(chunk: Uint8Array): Promise<Uint8Array>;
  /** Ends the stream (final block); resolves to the remaining compressed bytes. */
  end(): Promise<Uint8Array>;
}

/** Creates raw DEFLATE sessions at a zlib level 1..9 (0 = stored blocks). */
export interface Deflater {
  open(level: number): DeflateSession;
}

/** Everything the archive writers need from the platform: deflate, CRC-32 and the zip AES primitives. */
export interface CompressBackend {
  deflater: Deflater;
  aes: ZipAesCrypto;
  /** Continues a CRC-32 over `data` from `previous` (0 to start). */
  crc32(data: Uint8Array, previous: number): number;
}
