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

/** The first index in `keys[from..]` whose key is not `prefix`-and-below, i.e. past the group of `prefix`. */
function skipGroup(keys: readonly string[], from: number, prefix: string): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const key = keys[mid] as string;
    if (key.startsWith(prefix) || compareKeys(key, prefix) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose key sorts after `bound` (or at it, when `inclusive`). */
function lowerBound(keys: readonly string[], bound: string, inclusive: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareKeys(keys[mid] as string, bound);
    if (order < 0 || (order === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Applies GET Bucket semantics (prefix, marker, delimiter, max-keys ≤ 1000) to keys already in
 * UTF-8 order, touching only the page: binary search to the start, and whole common-prefix groups
 * skipped at once. A listing is a sorted sequence of entries (keys and common prefixes); the marker
 * resumes after an entry, so a common prefix returned as NextMarker is not repeated.
 */
export function listSorted(keys: readonly string[], metaOf: (key: string) => ObjectMeta, options: ListOptions): ListPage {
  const prefix = options.prefix ?? '';
  const maxKeys = Math.min(Math.max(options.maxKeys ?? 1000, 0), 1000);
  const { marker, delimiter } = options;
  // Keys ≤ marker never list: their entry (the key or a prefix of it) is ≤ marker too.
  const afterPrefix = lowerBound(keys, prefix, true);
  let index = marker !== undefined && compareKeys(marker, prefix) >= 0 ? Math.max(afterPrefix, lowerBound(keys, marker, false)) : afterPrefix;
  const objects: ObjectMeta[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  while (index < keys.length && (keys[index] as string).startsWith(prefix)) {
    const key = keys[index] as string;
    const common = commonPrefixOf(key, prefix, delimiter);
    if (common !== undefined && marker !== undefined && compareKeys(common, marker) <= 0) {
      index = skipGroup(keys, index, common);
      continue;
    }
    if (objects.length + commonPrefixes.length >= maxKeys) {
      return { objects, commonPrefixes, isTruncated: true, ...(last !== undefined && { nextMarker: last }) };
    }
    if (common !== undefined) {
      commonPrefixes.push(common);
      index = skipGroup(keys, index, common);
    } else {
      objects.push(metaOf(key));
      index++;
    }
    last = common ?? key;
  }
  return { objects, commonPrefixes, isTruncated: false };
}
