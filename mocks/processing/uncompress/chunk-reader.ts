import { concatChunks } from '../../store/body.ts';
import { UncompressError } from './errors.ts';

const EMPTY = new Uint8Array(0);
// Member content is handed on in slices of at most this size, whatever the source chunk size.
const MAX_SLICE = 1024 * 1024;

/**
 * Pulls exact byte counts out of a chunk stream (tar headers, gzip payloads) while holding at most one
 * source chunk plus the bytes asked for: the basis of bounded-memory streaming readers.
 */
export class ChunkReader {
  readonly #source: AsyncIterator<Uint8Array>;
  #buffer: Uint8Array = EMPTY;
  #ended = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  /** Makes at least `n` bytes available unless the stream ends first; returns how many are. */
  async #fill(n: number): Promise<number> {
    while (this.#buffer.byteLength < n && !this.#ended) {
      const next = await this.#source.next();
      if (next.done) this.#ended = true;
      else if (next.value.byteLength > 0) this.#buffer = concat(this.#buffer, next.value);
    }
    return this.#buffer.byteLength;
  }

  /** Up to `n` bytes from the front, not consumed. */
  async peek(n: number): Promise<Uint8Array> {
    const available = await this.#fill(n);
    return this.#buffer.subarray(0, Math.min(n, available));
  }

  /** Exactly `n` bytes; undefined at a clean end of stream; ArchiveCorrupted when it ends mid-way. */
  async readExact(n: number, what: string): Promise<Uint8Array | undefined> {
    const available = await this.#fill(n);
    if (available === 0) return undefined;
    if (available < n) throw new UncompressError('ArchiveCorrupted', `the archive ends inside ${what} (truncated)`);
    const out = this.#buffer.subarray(0, n);
    this.#buffer = this.#buffer.subarray(n);
    return out;
  }

  /** Streams the next `n` bytes in source-sized chunks; ArchiveCorrupted if the stream ends early. */
  async *take(n: number, what: string): AsyncIterable<Uint8Array> {
    let left = n;
    while (left > 0) {
      if ((await this.#fill(1)) === 0) throw new UncompressError('ArchiveCorrupted', `the archive ends inside ${what} (truncated)`);
      const part = this.#buffer.subarray(0, Math.min(left, this.#buffer.byteLength, MAX_SLICE));
      this.#buffer = this.#buffer.subarray(part.byteLength);
      left -= part.byteLength;
      yield part;
    }
  }

  /** Discards the next `n` bytes. */
  async skip(n: number, what: string): Promise<void> {
    for await (const _ of this.take(n, what));
  }

  /** Releases the source early (a store body may hold a file open until it is drained or closed). */
  async close(): Promise<void> {
    if (!this.#ended) {
      this.#ended = true;
      await this.#source.return?.();
    }
  }

  /** Streams everything that is left. */
  async *rest(): AsyncIterable<Uint8Array> {
    if (this.#buffer.byteLength > 0) yield this.#buffer;
    this.#buffer = EMPTY;
    while (!this.#ended) {
      const next = await this.#source.next();
      if (next.done) this.#ended = true;
      else yield next.value;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.byteLength === 0 ? b : concatChunks([a, b], a.byteLength + b.byteLength);
}
