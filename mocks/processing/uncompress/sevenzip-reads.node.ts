import { UncompressError } from './errors.ts';
import type { ArchiveObject } from './zip-reader.ts';

/**
 * Answers the 7z worker's archive reads from the store. 7-Zip reads a solid archive front to back
 * after a look at its end, so one ranged body is kept open and read on while the reads are
 * sequential, one store chunk ahead (the worker waits for each answer; a busy thread here then
 * still answers from memory); a jump opens a new range from there.
 */
export class SevenZipArchiveReads {
  readonly #archive: ArchiveObject;
  readonly #target: Uint8Array;
  #body: AsyncIterator<Uint8Array> | undefined;
  #ahead: Promise<IteratorResult<Uint8Array>> | undefined;
  #position = 0;
  #leftover: Uint8Array = new Uint8Array(0);

  /** `target` is where each read's bytes go (the buffer shared with the worker); it bounds a read. */
  constructor(archive: ArchiveObject, target: Uint8Array) {
    this.#archive = archive;
    this.#target = target;
  }

  /** Copies up to `length` bytes from `position` into the target; returns how many (0 at the end). */
  async read(position: number, length: number): Promise<number> {
    if (position !== this.#position || !this.#body) await this.#open(position);
    const want = Math.min(length, this.#target.byteLength, this.#archive.size - position);
    let got = 0;
    while (got < want) {
      if (this.#leftover.byteLength === 0) {
        const next = await this.#pull();
        if (next.done) break;
        this.#leftover = next.value;
      }
      const take = Math.min(want - got, this.#leftover.byteLength);
      this.#target.set(this.#leftover.subarray(0, take), got);
      this.#leftover = this.#leftover.subarray(take);
      got += take;
    }
    this.#position = position + got;
    if (this.#leftover.byteLength < want) this.#prefetch();
    return got;
  }

  /** Closes the open range, if any. */
  async close(): Promise<void> {
    const body = this.#body;
    const ahead = this.#ahead;
    this.#body = undefined;
    this.#ahead = undefined;
    this.#leftover = new Uint8Array(0);
    await ahead?.catch(() => undefined); // a failed read-ahead nobody asked for is no failure
    await body?.return?.();
  }

  #pull(): Promise<IteratorResult<Uint8Array>> {
    const ahead = this.#ahead;
    this.#ahead = undefined;
    return ahead ?? (this.#body as AsyncIterator<Uint8Array>).next();
  }

  #prefetch(): void {
    if (!this.#body || this.#ahead) return;
    const ahead = this.#body.next();
    ahead.catch(() => undefined); // observed when pulled; unobserved on close
    this.#ahead = ahead;
  }

  async #open(position: number): Promise<void> {
    await this.close();
    const { store, bucket, key } = this.#archive;
    // Chunks are kept while the next one is read ahead: no transientChunks (reused buffers).
    const object = await store.get(bucket, key, { start: position });
    if (!object) throw new UncompressError('NoSuchKey', `the archive ${key} disappeared while it was being extracted`);
    this.#body = object.body[Symbol.asyncIterator]();
    this.#position = position;
  }
}
