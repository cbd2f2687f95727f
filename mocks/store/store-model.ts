/**
 * A deliberately naive model of an object store for the contract property: a Map per bucket and a
 * listing computed from scratch (sort by UTF-8 bytes, roll up, dedupe), independent of listing.ts.
 */
import { collectBody } from './body.ts';
import type { ListPage, ObjectStore } from './types.ts';

const encoder = new TextEncoder();

/** The model's view of one object. */
export interface ModelObject { content: Uint8Array; userMeta: Record<string, string> }

/** Byte-wise comparison of the UTF-8 encodings (the reference order). */
export function utf8Order(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

/** Every entry (key or common prefix) a complete listing must return, in order. */
export function expectedEntries(keys: Iterable<string>, prefix: string, delimiter: string | undefined): string[] {
  const entries: string[] = [];
  for (const key of [...keys].filter((k) => k.startsWith(prefix)).sort(utf8Order)) {
    const rest = key.slice(prefix.length);
    const entry = delimiter && rest.includes(delimiter) ? prefix + rest.split(delimiter)[0] + delimiter : key;
    if (entries.at(-1) !== entry) entries.push(entry);
  }
  return entries;
}

/** Walks a listing page by page with NextMarker and returns every entry plus each page's size. */
export async function walkListing(
  store: ObjectStore, bucket: string, options: { prefix: string; delimiter?: string; maxKeys: number },
): Promise<{ entries: string[]; pages: ListPage[] }> {
  const entries: string[] = [];
  const pages: ListPage[] = [];
  let marker: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await store.list(bucket, { ...options, ...(marker !== undefined && { marker }) });
    pages.push(page);
    const merged = [...page.objects.map((o) => o.key), ...page.commonPrefixes].sort(utf8Order);
    entries.push(...merged);
    if (!page.isTruncated) return { entries, pages };
    if (page.nextMarker === undefined) throw new Error('[fileproc] truncated page without NextMarker');
    marker = page.nextMarker;
  }
  throw new Error('[fileproc] listing did not terminate');
}

/** Reads a whole object body (test helper). */
export async function readAll(store: ObjectStore, bucket: string, key: string, range?: { start: number; end?: number }): Promise<Uint8Array | undefined> {
  const readable = await store.get(bucket, key, range);
  if (!readable) return undefined;
  return collectBody(readable.body);
}

/** Splits bytes at the given cut points into a chunk stream. */
export async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncIterable<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(Math.max(cut, from), bytes.length);
    yield bytes.slice(from, to);
    from = to;
  }
  yield bytes.slice(from);
}

/** Byte equality for large buffers (vitest's deep equality walks them element by element, slowly). */
export function bytesEqual(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
