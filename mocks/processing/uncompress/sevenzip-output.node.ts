import { crc32 } from 'node:zlib';
import type { Listed } from './sevenzip-listing.ts';
import type { SessionEvent } from './sevenzip-worker.node.ts';

/**
 * The listed entries `7z x -so` (no file names given) writes to stdout, in archive (listing) order:
 * every entry but a directory — a symlink as its target text, which the splitter drops.
 */
export function nativeOutputs(listed: readonly Listed[]): Listed[] {
  return listed.filter((e) => e.kind !== 'directory');
}

/**
 * Splits 7-Zip's concatenated stdout into the members it belongs to: `open`, `data`, `close` for each
 * regular file (other outputs are dropped), each checked against its listed size and CRC-32 before
 * it closes, so a damaged member never ends as if it were whole. As 7-Zip does on the wasm path,
 * empty files open and close as soon as they are reached, a member with bytes only when they come
 * (with a wrong key, 7-Zip fails before opening the first file it must decode).
 */
export class OutputSplitter {
  readonly #outputs: readonly Listed[];
  readonly #emit: (event: SessionEvent) => void;
  #index = -1;
  #opened = false;
  #left = 0;
  #crc = 0;
  /** Set once the output disagreed with the listing: what went wrong. */
  failure: string | undefined;

  /** `outputs` from `nativeOutputs`. */
  constructor(outputs: readonly Listed[], emit: (event: SessionEvent) => void) {
    this.#outputs = outputs;
    this.#emit = emit;
    this.#advance();
  }

  /** Takes the next bytes of stdout; after a failure everything is ignored. */
  write(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.byteLength && this.failure === undefined;) {
      const entry = this.#outputs[this.#index];
      if (!entry) {
        this.failure = 'ERROR: 7-Zip wrote more than the listed files hold';
        return;
      }
      if (!this.#opened && entry.kind === 'file') this.#emit({ type: 'open', path: entry.path });
      this.#opened = true;
      const part = chunk.subarray(at, at + Math.min(this.#left, chunk.byteLength - at));
      at += part.byteLength;
      this.#left -= part.byteLength;
      this.#crc = crc32(part, this.#crc);
      if (entry.kind === 'file') this.#emit({ type: 'data', chunk: part });
      if (this.#left === 0 && this.#end(entry)) this.#advance();
    }
  }

  /** Closes the member whose bytes are all here; false when its CRC-32 is wrong. */
  #end(entry: Listed): boolean {
    // Without a listed CRC (empty files, archives that store none) only 7-Zip's exit status speaks.
    if (entry.crc !== undefined && entry.crc !== this.#crc) {
      this.failure = `ERROR: CRC Failed : ${entry.path}`;
      return false;
    }
    if (entry.kind === 'file') this.#emit({ type: 'close' });
    return true;
  }

  /** Moves to the next output with bytes, emitting the empty ones on the way (a loop: thousands in a row are fine). */
  #advance(): void {
    for (let next = this.#outputs[++this.#index]; next; next = this.#outputs[++this.#index]) {
      this.#left = next.size;
      this.#crc = 0;
      this.#opened = false;
      if (next.size > 0) return;
      if (next.kind === 'file') this.#emit({ type: 'open', path: next.path });
      if (!this.#end(next)) return;
    }
  }
}
