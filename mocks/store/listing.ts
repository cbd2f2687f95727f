import type { ListOptions, ListPage, ObjectMeta } from './types.ts';

const encoder = new TextEncoder();

/** Compares keys by UTF-8 bytes, the order COS (and S3) list in. */
export function compareKeys(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

/** Applies GET Bucket semantics (prefix, marker, delimiter, max-keys ≤ 1000) to a set of objects. */
export function listEntries(all: Iterable<ObjectMeta>, options: ListOptions): ListPage {
  const prefix = options.prefix ?? '';
  const maxKeys = Math.min(Math.max(options.maxKeys ?? 1000, 0), 1000);
  const sorted = [...all]
    .filter((m) => m.key.startsWith(prefix) && (options.marker === undefined || compareKeys(m.key, options.marker) > 0))
    .sort((a, b) => compareKeys(a.key, b.key));
  const objects: ObjectMeta[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  for (const meta of sorted) {
    const rest = meta.key.slice(prefix.length);
    const cut = options.delimiter ? rest.indexOf(options.delimiter) : -1;
    const common = cut >= 0 ? prefix + rest.slice(0, cut + (options.delimiter?.length ?? 0)) : undefined;
    if (common !== undefined && commonPrefixes.at(-1) === common) continue;
    if (objects.length + commonPrefixes.length >= maxKeys) {
      return { objects, commonPrefixes, isTruncated: true, ...(last !== undefined && { nextMarker: last }) };
    }
    if (common !== undefined) commonPrefixes.push(common);
    else objects.push(meta);
    last = common ?? meta.key;
  }
  return { objects, commonPrefixes, isTruncated: false };
}
