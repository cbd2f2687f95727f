import type { AuthorizationFields, SigningDetails } from './types.ts';
import { cosUrlEncode, decodePathLeniently } from './url-encode.ts';

/** The `Authorization` value in the field order every SDK uses (reference §6.1 step 8). */
export function formatAuthorization(secretId: string, details: SigningDetails): string {
  return [
    'q-sign-algorithm=sha1',
    `q-ak=${secretId}`,
    `q-sign-time=${details.signTime}`,
    `q-key-time=${details.keyTime}`,
    `q-header-list=${details.headerList}`,
    `q-url-param-list=${details.urlParamList}`,
    `q-signature=${details.signature}`,
  ].join('&');
}

const REQUIRED = ['q-sign-algorithm', 'q-ak', 'q-sign-time', 'q-key-time', 'q-signature'] as const;
const TIME_WINDOW = /^\d{1,12};\d{1,12}$/;

/** Parses the fields from name/value pairs (either split from the header or taken from the query). */
export function authorizationFromPairs(pairs: Iterable<readonly [string, string]>): AuthorizationFields | { error: string } {
  const fields = new Map<string, string>();
  for (const [name, value] of pairs) fields.set(name.toLowerCase(), value);
  const missing = REQUIRED.filter((name) => !fields.get(name));
  if (missing.length > 0) return { error: `missing ${missing.join(', ')}` };
  const get = (name: string): string => fields.get(name) ?? '';
  for (const name of ['q-sign-time', 'q-key-time']) {
    if (!TIME_WINDOW.test(get(name))) return { error: `${name} "${get(name)}" is not <start>;<end> in unix seconds` };
  }
  // Re-encoding makes `%7b` (header, or an encoded presigned URL) and `{` (a presigned URL with the
  // Authorization appended raw, as the Node SDK's getObjectUrl does) name the same parameter.
  const list = (name: string): string[] => get(name).split(';').filter((item) => item !== '')
    .map((item) => cosUrlEncode(decodePathLeniently(item)).toLowerCase());
  return {
    algorithm: get('q-sign-algorithm'),
    secretId: get('q-ak'),
    signTime: get('q-sign-time'),
    keyTime: get('q-key-time'),
    headerList: list('q-header-list'),
    urlParamList: list('q-url-param-list'),
    signature: get('q-signature').toLowerCase(),
  };
}

/**
 * Splits an `Authorization` header value into pairs. Values are taken literally: the lists hold
 * names already COS-encoded (`%20`), so decoding them again would break the comparison.
 */
export function splitAuthorizationHeader(header: string): Array<[string, string]> {
  return header.trim().split('&').map((part): [string, string] => {
    const equals = part.indexOf('=');
    return equals < 0 ? [part.trim(), ''] : [part.slice(0, equals).trim(), part.slice(equals + 1).trim()];
  });
}

/** Parses the unix-second window `start;end`; `undefined` when start > end. */
export function parseWindow(window: string): { start: number; end: number } | undefined {
  const [start, end] = window.split(';').map(Number);
  return start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
}
