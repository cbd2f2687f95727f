import type { HashFactory } from '../processing/hash/types.ts';
import { chunksOf } from './body.ts';
import { listEntries } from './listing.ts';
import type { ByteRange, Body, ListOptions, ListPage, ObjectMeta, ObjectReadable, ObjectStore, PutOptions } from './types.ts';

interface StoredObject { meta: ObjectMeta; chunks: Uint8Array[] }

/** Options of the in-memory store: the clock and the MD5 used for ETags are injected. */
export interface MemoryStoreOptions { now: () => number; hash: HashFactory }

/** The default object store: everything in memory, browser-safe, lost on restart. */
export class MemoryStore implements ObjectStore {
  readonly #objects = new Map<string, StoredObject>();
  readonly #options: MemoryStoreOptions;

  constructor(options: MemoryStoreOptions) {
    this.#options = options;
  }

  async head(bucket: string, key: string): Promise<ObjectMeta | undefined> {
    return this.#objects.get(slot(bucket, key))?.meta;
  }

  async get(bucket: string, key: string, range?: ByteRange): Promise<ObjectReadable | undefined> {
    const stored = this.#objects.get(slot(bucket, key));
    if (!stored) return undefined;
    return { meta: stored.meta, body: sliceChunks(stored.chunks, range) };
  }

  async put(bucket: string, key: string, body: Body, options: PutOptions = {}): Promise<ObjectMeta> {
    const md5 = await this.#options.hash('md5');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of chunksOf(body)) {
      // Copy: callers may reuse their buffers after the write returns.
      chunks.push(chunk.slice());
      md5.update(chunk);
      size += chunk.byteLength;
    }
    const meta: ObjectMeta = {
      bucket, key, size,
      etag: `"${md5.digestHex()}"`,
      lastModified: this.#options.now(),
      contentType: options.contentType ?? 'application/octet-stream',
      userMeta: { ...options.userMeta },
      headers: { ...options.headers },
    };
    this.#objects.set(slot(bucket, key), { meta, chunks });
    return meta;
  }

  async delete(bucket: string, key: string): Promise<boolean> {
    return this.#objects.delete(slot(bucket, key));
  }

  async list(bucket: string, options: ListOptions = {}): Promise<ListPage> {
    const metas = [...this.#objects.values()].filter((o) => o.meta.bucket === bucket).map((o) => o.meta);
    return listEntries(metas, options);
  }

  async updateUserMeta(bucket: string, key: string, userMeta: Record<string, string>): Promise<ObjectMeta | undefined> {
    const stored = this.#objects.get(slot(bucket, key));
    if (!stored) return undefined;
    stored.meta = { ...stored.meta, userMeta: { ...stored.meta.userMeta, ...userMeta } };
    return stored.meta;
  }
}

function slot(bucket: string, key: string): string {
  return `${bucket}\u0000${key}`;
}

async function* sliceChunks(chunks: Uint8Array[], range?: ByteRange): AsyncIterable<Uint8Array> {
  const start = range?.start ?? 0;
  const end = range?.end ?? Number.POSITIVE_INFINITY;
  let offset = 0;
  for (const chunk of chunks) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end + 1 - offset, chunk.byteLength);
    if (from < to) yield chunk.subarray(from, to);
    offset += chunk.byteLength;
    if (offset > end) return;
  }
}
