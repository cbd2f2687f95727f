import { decodePathLeniently } from './url-encode.ts';
import type { SigningRequest } from './types.ts';

/**
 * The signing view of a Web `Request` (reference §6.2 verifier rules): path decoded without
 * `+` → space, query decoded with `+` → space (URLSearchParams), header names lower-case.
 * A missing `Host` header (browsers forbid setting it) is taken from the URL, port included.
 * Only `method`, `url` and `headers.forEach` are read, so a server's lighter request view fits too.
 */
export function signingRequestFromWebRequest(request: Pick<Request, 'method' | 'url'> & { headers: { forEach(visit: (value: string, name: string) => void): void } }): SigningRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers.host ??= url.host;
  return {
    method: request.method,
    path: decodePathLeniently(url.pathname),
    query: [...url.searchParams],
    headers,
  };
}
