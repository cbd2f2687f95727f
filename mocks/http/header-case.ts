/**
 * Header-name spelling on the wire. Web `Headers` lower-case every name, but the Python SDK returns
 * `put_object` headers as a plain dict with the server's spelling, so `response['ETag']` needs
 * `ETag` exactly (wire "Response parsing quirks"). Adapters that write to a socket
 * (node:http) pass names through `wireHeaderName`; COS sends its `x-cos-*` names in lower case.
 */

const SPELLING: ReadonlyMap<string, string> = new Map(
  ['ETag', 'Content-Type', 'Content-Length', 'Content-Range', 'Content-Disposition', 'Content-Encoding', 'Cache-Control',
    'Expires', 'Last-Modified', 'Accept-Ranges', 'Allow', 'Server', 'Date', 'Connection', 'Keep-Alive']
    .map((name) => [name.toLowerCase(), name]),
);

/** The spelling COS uses for a header name (known standard names capitalised, `x-*` as given). */
export function wireHeaderName(name: string): string {
  return SPELLING.get(name.toLowerCase()) ?? name;
}
