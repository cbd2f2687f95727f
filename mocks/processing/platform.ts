/**
 * The processing variants a mock is composed with: hashing, compress backend and uncompress
 * codecs. `webProcessors` runs anywhere (browsers included); `platform.node.ts` swaps in the Node
 * fast paths (node:crypto, node:zlib) behind the same interfaces.
 */
import type { CompressOptions } from './compress/write-archive.ts';
import { webHashFactory } from './hash/web-hash.ts';
import type { HashFactory } from './hash/types.ts';
import { webBackend } from './compress/web-backend.ts';
import { webCodecs } from './uncompress/codecs.ts';
import type { UncompressOptions } from './uncompress/uncompress.ts';
import type { ProcessingLimits } from './types.ts';

/** One platform's processing pieces. */
export interface Processors {
  /** Digests for FileHashCode, filehash and store ETags. */
  hash: HashFactory;
  /** Options of compressFiles / compressComponents (the deflate backend). */
  compress: CompressOptions;
  /** Options of uncompressArchive / zipPreview (gunzip codecs). */
  uncompress: UncompressOptions;
}

/** Browser-safe processors: hash-wasm, fflate. */
export const webProcessors: Processors = {
  hash: webHashFactory,
  compress: { backend: webBackend },
  uncompress: { codecs: webCodecs },
};

/** Default job limits: 10,000 files and < 50 GB per job (reference §2.2–2.4), bomb guards for uncompress. */
export const DEFAULT_PROCESSING_LIMITS: ProcessingLimits = {
  maxFiles: 10_000,
  maxTotalBytes: 50 * 1024 ** 3,
  maxEntries: 100_000,
  maxUncompressedBytes: 50 * 1024 ** 3,
  maxCompressionRatio: 1000,
};
