import { concatChunks } from '../../store/body.ts';
import { UncompressError } from './errors.ts';

const EMPTY = new Uint8Array(0);
// Member content is handed on in slices of at most this size, whatever the source chunk size.
const MAX_SLICE = 1024 * 1024;

/**
 * Pulls exact byte counts out of a chunk stream (tar headers, zip entries, gzip payloads) while holding
 * at most the chunks that cover the bytes asked for: the basis of bounded-memory streaming readers.
 * Chunks are queued, not joined: content is handed on as slices of the source's own chunks, and only a
 * read that spans chunks (a header across a boundary) copies its bytes.
 */
export class ChunkReader {
  readonly #source: AsyncIterator<Uint8Array>;
  readonly #queue: Uint8Array[] = [];
  #available = 0;
  #ended = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  /** Makes at least `n` bytes available unless the stream ends first; returns how many are. */
  async #fill(n: number): Promise<number> {
    while (this.#available < n && !this.#ended) {
      const next = await this.#source.next();
      if (next.done) this.#ended = true;
      else if (next.value.byteLength > 0) {
        this.#queue.push(next.value);
        this.#available += next.value.byteLength;
      }
    }
    return this.#available;
  }

  /** The first `n` queued bytes (n ≤ available): a slice of the first chunk, or a copy across chunks. */
  #front(n: number): Uint8Array {
    const first = this.#queue[0] ?? EMPTY;
    if (first.byteLength >= n) return first.subarray(0, n);
    const parts: Uint8Array[] = [];
    for (let i = 0, left = n; left > 0; i++) {
      const chunk = this.#queue[i] as Uint8Array;
      parts.push(chunk.subarray(0, Math.min(left, chunk.byteLength)));
      left -= chunk.byteLength;
    }
    return concatChunks(parts, n);
  }

  #consume(n: number): void {
    this.#available -= n;
    while (n > 0) {
      const first = this.#queue[0] as Uint8Array;
      if (first.byteLength > n) {
        this.#queue[0] = first.subarray(n);
        return;
      }
      this.#queue.shift();
      n -= first.byteLength;
    }
  }

  /** Up to `n` bytes from the front, not consumed. */
  async peek(n: number): Promise<Uint8Array> {
    const available = await this.#fill(n);
    return this.#front(Math.min(n, available));
  }

  /** Exactly `n` bytes; undefined at a clean end of stream; ArchiveCorrupted when it ends mid-way. */
  async readExact(n: number, what: string): Promise<Uint8Array | undefined> {
    const available = await this.#fill(n);
    if (available === 0) return undefined;
    if (available < n) throw new UncompressError('ArchiveCorrupted', `the archive ends inside ${what} (truncated)`);
    const out = this.#front(n);
    this.#consume(n);
    return out;
  }

  /** Streams the next `n` bytes as slices of the source chunks; ArchiveCorrupted if the stream ends early. */
  async *take(n: number, what: string): AsyncIterable<Uint8Array> {
    let left = n;
    while (left > 0) {
      if ((await this.#fill(1)) === 0) throw new UncompressError('ArchiveCorrupted', `the archive ends inside ${what} (truncated)`);
      const part = this.#front(Math.min(left, (this.#queue[0] as Uint8Array).byteLength, MAX_SLICE));
      this.#consume(part.byteLength);
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
    yield* this.#queue.splice(0);
    this.#available = 0;
    while (!this.#ended) {
      const next = await this.#source.next();
      if (next.done) this.#ended = true;
      else yield next.value;
    }
  }
}
