import type { HashFactory } from '../processing/hash/types.ts';
import { concatChunks, consumeBody, spanOf } from './body.ts';
import { ObjectIndex, copyMeta, newMeta } from './object-index.ts';
import type { ByteRange, Body, ListOptions, ListPage, ObjectMeta, ObjectReadable, ObjectStore, PutOptions, ReadOptions } from './types.ts';

interface StoredObject { meta: ObjectMeta; chunks: Uint8Array[] }

/** Options of the in-memory store: the clock and the MD5 used for ETags are injected. */
export interface MemoryStoreOptions { now: () => number; hash: HashFactory }

/** The default object store: everything in memory, browser-safe, lost on restart. */
export class MemoryStore implements ObjectStore {
  readonly #objects = new ObjectIndex<StoredObject>();
  readonly #options: MemoryStoreOptions;

  constructor(options: MemoryStoreOptions) {
    this.#options = options;
  }

  async head(bucket: string, key: string): Promise<ObjectMeta | undefined> {
    const stored = this.#objects.get(bucket, key);
    return stored && copyMeta(stored.meta);
  }

  /** `options.transientChunks` needs nothing here: chunks are views of the stored buffers. */
  async get(bucket: string, key: string, range?: ByteRange, _options?: ReadOptions): Promise<ObjectReadable | undefined> {
    const stored = this.#objects.get(bucket, key);
    if (!stored) return undefined;
    return { meta: copyMeta(stored.meta), body: sliceChunks(stored.chunks, spanOf(stored.meta.size, range)) };
  }

  async put(bucket: string, key: string, body: Body, options: PutOptions = {}): Promise<ObjectMeta> {
    const packer = new ChunkPacker();
    const content = await consumeBody(body, this.#options.hash, (chunk) => packer.add(chunk));
    const chunks = packer.finish();
    const meta = newMeta(bucket, key, content, this.#options.now(), options);
    this.#objects.set({ meta, chunks });
    return copyMeta(meta);
  }

  async delete(bucket: string, key: string): Promise<boolean> {
    return this.#objects.delete(bucket, key) !== undefined;
  }

  async list(bucket: string, options: ListOptions = {}): Promise<ListPage> {
    return this.#objects.list(bucket, options);
  }

  async updateUserMeta(bucket: string, key: string, userMeta: Record<string, string>): Promise<ObjectMeta | undefined> {
    const stored = this.#objects.get(bucket, key);
    if (!stored) return undefined;
    stored.meta = { ...stored.meta, userMeta: { ...stored.meta.userMeta, ...userMeta } };
    return copyMeta(stored.meta);
  }
}

const PACKED_CHUNK_BYTES = 1024 * 1024;

/**
 * Copies a body into chunks of about 1 MiB: copies because callers may reuse their buffers, and
 * large chunks because readers (hashing, archiving) are fastest with few big updates.
 */
class ChunkPacker {
  readonly #chunks: Uint8Array[] = [];
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;

  add(chunk: Uint8Array): void {
    this.#pending.push(chunk.slice());
    this.#pendingBytes += chunk.byteLength;
    if (this.#pendingBytes >= PACKED_CHUNK_BYTES) this.#flush();
  }

  finish(): Uint8Array[] {
    this.#flush();
    return this.#chunks;
  }

  #flush(): void {
    if (this.#pending.length === 1) this.#chunks.push(this.#pending[0] as Uint8Array);
    else if (this.#pending.length > 1) this.#chunks.push(concatChunks(this.#pending, this.#pendingBytes));
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}

async function* sliceChunks(chunks: Uint8Array[], span: { from: number; to: number }): AsyncIterable<Uint8Array> {
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= span.to) return;
    const from = Math.max(span.from - offset, 0);
    const to = Math.min(span.to - offset, chunk.byteLength);
    if (from < to) yield chunk.subarray(from, to);
    offset += chunk.byteLength;
  }
}
