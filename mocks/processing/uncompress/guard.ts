import type { ProcessingLimits } from '../types.ts';
import { decoding, UncompressError, throwIfAborted } from './errors.ts';

// Below this much output nothing is called a bomb: a tiny archive of a small, very repetitive file
// (1 MiB of zeros deflates to ~1 KiB) is legitimate and harmless.
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Enforces the job limits while extracting: entry and file counts, and total uncompressed bytes and
 * compression ratio counted on the bytes actually produced (headers lie; zip bombs are caught mid-inflate).
 * Nested archives are just bytes here: they are written as members, never recursed into.
 */
export class ExtractionGuard {
  readonly #limits: ProcessingLimits;
  readonly #archiveSize: number;
  readonly #signal: AbortSignal | undefined;
  #entries = 0;
  #files = 0;
  #bytes = 0;

  constructor(limits: ProcessingLimits, archiveSize: number, signal?: AbortSignal) {
    this.#limits = limits;
    this.#archiveSize = Math.max(1, archiveSize);
    this.#signal = signal;
  }

  /** Counts any entry (files, directories, links). */
  countEntry(): void {
    throwIfAborted(this.#signal);
    if (++this.#entries > this.#limits.maxEntries) {
      throw new UncompressError('FileCountLimitExceeded', `the archive has more than ${this.#limits.maxEntries} entries`);
    }
  }

  /** Counts a file about to be written as an object. */
  countFile(): void {
    if (++this.#files > this.#limits.maxFiles) {
      throw new UncompressError('FileCountLimitExceeded', `the archive has more than ${this.#limits.maxFiles} files`);
    }
  }

  /** Passes a member's bytes through, failing as soon as a byte limit is crossed. */
  async *meter(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    for await (const chunk of decoding(source)) {
      throwIfAborted(this.#signal);
      this.#bytes += chunk.byteLength;
      if (this.#bytes > this.#limits.maxUncompressedBytes) {
        throw new UncompressError('SizeLimitExceeded', `the archive expands to more than ${this.#limits.maxUncompressedBytes} bytes`);
      }
      if (this.#bytes > Math.max(RATIO_FLOOR_BYTES, this.#limits.maxCompressionRatio * this.#archiveSize)) {
        throw new UncompressError('CompressionRatioExceeded', `the archive expands more than ${this.#limits.maxCompressionRatio}× its ${this.#archiveSize} bytes (zip bomb?)`);
      }
      yield chunk;
    }
  }
}
