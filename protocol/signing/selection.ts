/**
 * Which headers or query parameters to sign. SDKs differ (reference §6.2), so a signer picks:
 * a preset, an explicit list of names (any case), or a predicate on the lower-case name and value.
 */
export type NameSelection = 'all' | 'none' | readonly string[] | ((lowerName: string, value: string) => boolean);

/** Header presets: `default` = host + `x-cos-*`/`x-ci-*`/`content-*`; `node-sdk`/`python-sdk` as §6.2. */
export type HeaderSelection = NameSelection | 'default' | 'node-sdk' | 'python-sdk';

/** Options of `sign`: which headers (default `'default'`) and params (default `'all'`) to sign. */
export interface SignOptions {
  headers?: HeaderSelection;
  params?: NameSelection;
}

const COS_EXTENSION = /^x-(cos|ci)-/;
const SDK_COMMON = new Set(['host', 'content-disposition', 'content-encoding', 'content-length', 'content-md5',
  'expect', 'expires', 'origin', 'range', 'transfer-encoding', 'pic-operations']);
const isSdkCommon = (name: string): boolean => SDK_COMMON.has(name) || name.startsWith('if-') || COS_EXTENSION.test(name);

const PRESETS: Record<string, (name: string, value: string) => boolean> = {
  all: () => true,
  none: () => false,
  default: (name) => name === 'host' || name.startsWith('content-') || COS_EXTENSION.test(name),
  // [NODE]/[JS] skip content-type, cache-control and empty values (reference §6.2).
  'node-sdk': (name, value) => value !== '' && isSdkCommon(name),
  'python-sdk': (name) => isSdkCommon(name) || name === 'content-type' || name === 'cache-control',
};

/** Turns a selection into a predicate over (lower-case name, value). */
export function selectionPredicate(selection: HeaderSelection): (lowerName: string, value: string) => boolean {
  if (typeof selection === 'function') return selection;
  if (typeof selection === 'string') {
    const preset = PRESETS[selection];
    if (!preset) throw new Error(`[fileproc] unknown signing selection "${selection}"; use one of ${Object.keys(PRESETS).join(', ')}, a name list or a predicate`);
    return preset;
  }
  const wanted = new Set(selection.map((name) => name.toLowerCase()));
  return (name) => wanted.has(name);
}

/** The pairs a selection keeps (headers and query params alike); names stay as given for encoding. */
export function selectPairs(pairs: Iterable<readonly [string, string]>, selection: HeaderSelection): Array<[string, string]> {
  const keep = selectionPredicate(selection);
  const chosen: Array<[string, string]> = [];
  for (const [name, value] of pairs) if (keep(name.toLowerCase(), value)) chosen.push([name, value]);
  return chosen;
}
