import { cosUrlEncode } from './url-encode.ts';
import type { QueryInput } from './types.ts';

/** A name/value pair after COS encoding: name lower-cased and encoded, value encoded (§6.1 step 3). */
export type EncodedPair = readonly [name: string, value: string];

/** Orders strings by UTF-16 code units, as the SDKs' `sort`/`<` do. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Query input as an ordered list of decoded pairs (duplicates kept). */
export function queryPairs(query: QueryInput): Array<readonly [string, string]> {
  return Array.isArray(query) ? [...(query as ReadonlyArray<readonly [string, string]>)] : Object.entries(query);
}

/** The COS-encoded form of one pair. */
export function encodePair(name: string, value: string): EncodedPair {
  return [cosUrlEncode(name).toLowerCase(), cosUrlEncode(value)];
}

/** Encodes and sorts pairs by encoded name (stable, so repeated names keep their order). */
export function canonicalPairs(pairs: Iterable<readonly [string, string]>): EncodedPair[] {
  const encoded = [...pairs].map(([name, value]) => encodePair(name, value));
  return encoded.sort(([a], [b]) => compareCodeUnits(a, b));
}

/** `k1;k2` — each name once, in first-seen order (UrlParamList / HeaderList). */
export function nameList(pairs: readonly EncodedPair[]): string {
  return [...new Set(pairs.map(([name]) => name))].join(';');
}

/** `k1=v1&k2=v2` (HttpParameters / HttpHeaders). */
export function pairString(pairs: readonly EncodedPair[]): string {
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/**
 * Picks the pairs a verifier must sign again: for each listed (encoded, lower-case) name, in the
 * order the client listed them, every request pair whose encoded name matches; a listed name the
 * request lacks counts as the empty value, which then fails unless the client signed `name=`.
 */
export function pairsForList(listed: readonly string[], pairs: Iterable<readonly [string, string]>): EncodedPair[] {
  const byName = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const [key, encodedValue] = encodePair(name, value);
    byName.set(key, [...(byName.get(key) ?? []), encodedValue]);
  }
  return listed.flatMap((name) => (byName.get(name) ?? ['']).map((value): EncodedPair => [name, value]));
}

/**
 * The orders a client may have put the listed pairs in: as listed (COS §6.1: sorted by encoded
 * name), and sorted by the raw lower-case name, as [NODE] util.getAuth builds HttpParameters/
 * HttpHeaders while listing encoded names — the two differ for names like `{` or `é`.
 */
export function candidateOrders(listed: readonly string[], pairs: ReadonlyArray<readonly [string, string]>): EncodedPair[][] {
  const unique = [...new Set(listed)];
  const asListed = pairsForList(unique, pairs);
  const wanted = new Set(unique);
  const raw = pairs.filter(([name]) => wanted.has(encodePair(name, '')[0])).map(([name, value]) => [name.toLowerCase(), name, value] as const);
  raw.sort(([a], [b]) => compareCodeUnits(a, b));
  const byRawName = raw.map(([, name, value]) => encodePair(name, value));
  const same = pairString(byRawName) === pairString(asListed);
  return same || byRawName.length !== asListed.length ? [asListed] : [asListed, byRawName];
}
