import type { Body, ObjectMeta } from '../../store/types.ts';
import { coalesce } from './coalesce.ts';

/** How far the archive reader may run ahead of the store (defaults in WRITE_BEHIND_DEFAULTS). */
export interface WriteBehindLimits {
  /** Members up to this many bytes are read whole and written while the reader moves on. */
  memberBytes: number;
  /** Bytes of whole members being written at once; a member that does not fit waits. */
  bytesInFlight: number;
  /** Writes in flight at once. */
  writesInFlight: number;
}

/** 4 MiB members, 32 MiB and 8 writes in flight: most of the benefit, bounded memory. */
export const WRITE_BEHIND_DEFAULTS: WriteBehindLimits = { memberBytes: 4 * 1024 * 1024, bytesInFlight: 32 * 1024 * 1024, writesInFlight: 8 };

type Put = (key: string, body: Body) => Promise<ObjectMeta>;

/**
 * Overlaps reading (inflating) the next members with writing the previous ones: a small member is
 * read whole, then put in the background; a large one streams through a foreground put, so memory
 * stays bounded by `bytesInFlight` plus one streamed member. Writes of the same key keep archive
 * order (the later member wins, as without overlap). `onWritten` gets each member's sequence number,
 * so callers can list results in archive order whatever order the writes finish in.
 */
export class WriteBehind {
  readonly #put: Put;
  readonly #onWritten: (index: number, meta: ObjectMeta) => void;
  readonly #limits: WriteBehindLimits;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #lastByKey = new Map<string, Promise<void>>();
  #bytes = 0;
  #failed: { error: unknown } | undefined;

  constructor(put: Put, onWritten: (index: number, meta: ObjectMeta) => void, limits: WriteBehindLimits = WRITE_BEHIND_DEFAULTS) {
    this.#put = put;
    this.#onWritten = onWritten;
    this.#limits = limits;
  }

  /**
   * Reads one member and stores it; returns once it is read (small) or written (large). `sizeHint` is
   * the size the archive claims: it picks the path and sizes the buffer, but a lie only costs speed.
   */
  async write(index: number, key: string, content: AsyncIterable<Uint8Array>, sizeHint: number, freshChunks: boolean): Promise<void> {
    this.#throwIfFailed();
    if (sizeHint > this.#limits.memberBytes) return this.#foreground(index, key, coalesce(content));
    const iterator = content[Symbol.asyncIterator]();
    const held = new HeldChunks(sizeHint, freshChunks);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!held.add(next.value)) return this.#foreground(index, key, coalesce(resume(held.chunks(), next.value, iterator)));
    }
    while (this.#inFlight.size > 0 && (this.#inFlight.size >= this.#limits.writesInFlight || this.#bytes + held.size > this.#limits.bytesInFlight)) {
      await Promise.race(this.#inFlight);
    }
    this.#throwIfFailed();
    this.#background(index, key, held.body(), held.size);
  }

  /** Waits for every write in flight; throws the first failure. */
  async flush(): Promise<void> {
    await this.settle();
    this.#throwIfFailed();
  }

  /** Waits for every write in flight, failed or not (the job is failing already). */
  async settle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.race(this.#inFlight);
  }

  async #foreground(index: number, key: string, body: AsyncIterable<Uint8Array>): Promise<void> {
    await this.#lastByKey.get(key);
    this.#onWritten(index, await this.#put(key, body));
  }

  #background(index: number, key: string, body: Body, size: number): void {
    const previous = this.#lastByKey.get(key);
    const writing = (async () => {
      await previous;
      this.#onWritten(index, await this.#put(key, body));
    })().catch((error: unknown) => {
      this.#failed ??= { error };
    }).finally(() => {
      this.#inFlight.delete(writing);
      this.#bytes -= size;
      if (this.#lastByKey.get(key) === writing) this.#lastByKey.delete(key);
    });
    this.#inFlight.add(writing);
    this.#lastByKey.set(key, writing);
    this.#bytes += size;
  }

  #throwIfFailed(): void {
    if (this.#failed) throw this.#failed.error;
  }
}

/**
 * A small member's content held until its write: fresh chunks as they are (no copy); others copied into
 * one buffer of the claimed size. `add` refuses a chunk that would pass the claimed size.
 */
class HeldChunks {
  readonly #claimed: number;
  readonly #fresh: boolean;
  readonly #kept: Uint8Array[] = [];
  readonly #copy: Uint8Array;
  size = 0;

  constructor(claimed: number, fresh: boolean) {
    this.#claimed = claimed;
    this.#fresh = fresh;
    this.#copy = new Uint8Array(fresh ? 0 : claimed);
  }

  add(chunk: Uint8Array): boolean {
    if (this.size + chunk.byteLength > this.#claimed) return false;
    if (this.#fresh) this.#kept.push(chunk);
    else this.#copy.set(chunk, this.size);
    this.size += chunk.byteLength;
    return true;
  }

  chunks(): Uint8Array[] {
    return this.#fresh ? this.#kept : [this.#copy.subarray(0, this.size)];
  }

  body(): Body {
    const chunks = this.chunks();
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    return (async function* () {
      yield* chunks;
    })();
  }
}

async function* resume(held: Uint8Array[], current: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  yield* held;
  yield current;
  try {
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}
