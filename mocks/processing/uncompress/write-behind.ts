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
  readonly #blocks: BlockPool;
  #bytes = 0;
  #failed: { error: unknown } | undefined;

  constructor(put: Put, onWritten: (index: number, meta: ObjectMeta) => void, limits: WriteBehindLimits = WRITE_BEHIND_DEFAULTS) {
    this.#put = put;
    this.#onWritten = onWritten;
    this.#limits = limits;
    this.#blocks = new BlockPool(limits);
  }

  /**
   * Reads one member and stores it; returns once it is read (small) or written (large). `sizeHint` is
   * the size the archive claims: it picks the path and sizes the buffer, but a lie only costs speed.
   */
  async write(index: number, key: string, content: AsyncIterable<Uint8Array>, sizeHint: number, freshChunks: boolean): Promise<void> {
    this.#throwIfFailed();
    if (sizeHint > this.#limits.memberBytes) return this.#foreground(index, key, coalesce(content));
    const iterator = content[Symbol.asyncIterator]();
    const held = new HeldChunks(sizeHint, freshChunks ? undefined : this.#blocks);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!held.add(next.value)) {
        try {
          return await this.#foreground(index, key, coalesce(resume(held.chunks(), next.value, iterator)));
        } finally {
          held.release();
        }
      }
    }
    while (this.#inFlight.size > 0 && (this.#inFlight.size >= this.#limits.writesInFlight || this.#bytes + held.size > this.#limits.bytesInFlight)) {
      await Promise.race(this.#inFlight);
    }
    this.#throwIfFailed();
    this.#background(index, key, held);
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

  #background(index: number, key: string, held: HeldChunks): void {
    const previous = this.#lastByKey.get(key);
    const size = held.size;
    const writing = (async () => {
      await previous;
      this.#onWritten(index, await this.#put(key, held.body()));
    })().catch((error: unknown) => {
      this.#failed ??= { error };
    }).finally(() => {
      held.release();
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

// Non-fresh chunks are copied into blocks of this size, reused from member to member.
const BLOCK_BYTES = 1024 * 1024;

/**
 * Blocks for copies of non-fresh chunks, reused once a member's write ended: at most
 * `writesInFlight` members of `memberBytes` are held at once, so the blocks are allocated in the
 * first members and then cycle (a fresh buffer per member would be garbage the size of the archive).
 */
class BlockPool {
  readonly #free: Uint8Array[] = [];
  readonly #keep: number;

  constructor(limits: WriteBehindLimits) {
    this.#keep = (limits.writesInFlight + 1) * Math.ceil(limits.memberBytes / BLOCK_BYTES);
  }

  take(): Uint8Array {
    return this.#free.pop() ?? new Uint8Array(BLOCK_BYTES);
  }

  give(blocks: Uint8Array[]): void {
    for (const block of blocks) if (this.#free.length < this.#keep) this.#free.push(block);
  }
}

/**
 * A small member's content held until its write: fresh chunks as they are (no copy); others copied into
 * pooled blocks, given back by `release` once the write ended. `add` refuses a chunk that would pass
 * the claimed size.
 */
class HeldChunks {
  readonly #claimed: number;
  readonly #pool: BlockPool | undefined;
  readonly #kept: Uint8Array[] = [];
  /** Bytes used of the last kept block (copies only). */
  #filled = 0;
  size = 0;

  /** `pool` copies each chunk (non-fresh chunks); without it chunks are kept as they are. */
  constructor(claimed: number, pool: BlockPool | undefined) {
    this.#claimed = claimed;
    this.#pool = pool;
  }

  add(chunk: Uint8Array): boolean {
    if (this.size + chunk.byteLength > this.#claimed) return false;
    this.size += chunk.byteLength;
    if (!this.#pool) {
      this.#kept.push(chunk);
      return true;
    }
    for (let at = 0; at < chunk.byteLength;) {
      if (this.#kept.length === 0 || this.#filled === BLOCK_BYTES) {
        this.#kept.push(this.#pool.take());
        this.#filled = 0;
      }
      const block = this.#kept.at(-1) as Uint8Array;
      const take = Math.min(chunk.byteLength - at, BLOCK_BYTES - this.#filled);
      block.set(chunk.subarray(at, at + take), this.#filled);
      this.#filled += take;
      at += take;
    }
    return true;
  }

  chunks(): Uint8Array[] {
    if (!this.#pool) return this.#kept;
    return this.#kept.map((block, i) => (i === this.#kept.length - 1 ? block.subarray(0, this.#filled) : block));
  }

  body(): Body {
    const chunks = this.chunks();
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    return (async function* () {
      yield* chunks;
    })();
  }

  /** The write of these bytes ended (the store keeps no view of them): blocks go back to the pool. */
  release(): void {
    this.#pool?.give(this.#kept.splice(0));
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
