import { compareKeys, listSorted } from './listing.ts';
import type { ListOptions, ListPage, ObjectMeta, PutOptions } from './types.ts';

/** Objects of every bucket by bucket and key: what both stores answer head and list from. */
export class ObjectIndex<T extends { meta: ObjectMeta }> {
  readonly #buckets = new Map<string, Map<string, T>>();
  /** Keys per bucket in UTF-8 order, rebuilt lazily after keys come or go (bulk writes sort once). */
  readonly #sorted = new Map<string, string[]>();

  /** The entry of one object, if present. */
  get(bucket: string, key: string): T | undefined {
    return this.#buckets.get(bucket)?.get(key);
  }

  /** Stores an entry and returns the one it replaced. */
  set(entry: T): T | undefined {
    const { bucket, key } = entry.meta;
    let objects = this.#buckets.get(bucket);
    if (!objects) this.#buckets.set(bucket, (objects = new Map()));
    const previous = objects.get(key);
    objects.set(key, entry);
    if (!previous) this.#sorted.delete(bucket);
    return previous;
  }

  /** Removes an entry and returns it. */
  delete(bucket: string, key: string): T | undefined {
    const objects = this.#buckets.get(bucket);
    const previous = objects?.get(key);
    if (previous) {
      objects?.delete(key);
      this.#sorted.delete(bucket);
    }
    return previous;
  }

  /** One GET Bucket page; the metadata is copied so callers cannot change the store. */
  list(bucket: string, options: ListOptions): ListPage {
    const objects = this.#buckets.get(bucket);
    if (!objects) return { objects: [], commonPrefixes: [], isTruncated: false };
    let keys = this.#sorted.get(bucket);
    if (!keys) this.#sorted.set(bucket, (keys = [...objects.keys()].sort(compareKeys)));
    return listSorted(keys, (key) => copyMeta((objects.get(key) as T).meta), options);
  }
}

/** A deep copy of object metadata (its records are mutable). */
export function copyMeta(meta: ObjectMeta): ObjectMeta {
  return { ...meta, userMeta: { ...meta.userMeta }, headers: { ...meta.headers } };
}

/** Metadata of a freshly written object. */
export function newMeta(
  bucket: string, key: string, content: { size: number; md5Hex: string }, lastModified: number, options: PutOptions,
): ObjectMeta {
  return {
    bucket, key,
    size: content.size,
    etag: `"${content.md5Hex}"`,
    lastModified,
    contentType: options.contentType ?? 'application/octet-stream',
    userMeta: { ...options.userMeta },
    headers: { ...options.headers },
  };
}
