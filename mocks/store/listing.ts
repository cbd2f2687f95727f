import type { ListOptions, ListPage, ObjectMeta } from './types.ts';

/**
 * Compares keys by UTF-8 bytes, the order COS (and S3) list in. UTF-8 byte order equals code
 * point order, which differs from JS's UTF-16 order only when a surrogate (an astral character)
 * meets a unit in U+E000–U+FFFF; comparing code units with that one correction avoids encoding.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates above U+E000–U+FFFF, where their code points (≥ U+10000) belong. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** The first-level common prefix a key rolls up into under `delimiter`, if any. */
function commonPrefixOf(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (!delimiter) return undefined;
  const cut = key.indexOf(delimiter, prefix.length);
  return cut >= 0 ? key.slice(0, cut + delimiter.length) : undefined;
}

/**
 * Applies GET Bucket semantics (prefix, marker, delimiter, max-keys ≤ 1000) to a set of objects.
 * A listing is a sorted sequence of entries (keys and common prefixes); the marker resumes after
 * an entry, so a common prefix returned as NextMarker is not repeated on the next page.
 */
export function listEntries(all: Iterable<ObjectMeta>, options: ListOptions): ListPage {
  const prefix = options.prefix ?? '';
  const maxKeys = Math.min(Math.max(options.maxKeys ?? 1000, 0), 1000);
  const { marker, delimiter } = options;
  const sorted = [...all].filter((m) => m.key.startsWith(prefix)).sort((a, b) => compareKeys(a.key, b.key));
  const objects: ObjectMeta[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  for (const meta of sorted) {
    const common = commonPrefixOf(meta.key, prefix, delimiter);
    const entry = common ?? meta.key;
    if (marker !== undefined && compareKeys(entry, marker) <= 0) continue;
    if (entry === last) continue;
    if (objects.length + commonPrefixes.length >= maxKeys) {
      return { objects, commonPrefixes, isTruncated: true, ...(last !== undefined && { nextMarker: last }) };
    }
    if (common !== undefined) commonPrefixes.push(common);
    else objects.push(meta);
    last = entry;
  }
  return { objects, commonPrefixes, isTruncated: false };
}
