/**
 * CORS, so a browser app on another origin can use `fileproc serve` directly (COS buckets answer
 * CORS per bucket configuration; the mock allows every origin). Preflights are answered before
 * routing and authentication (browsers never sign them); every answer to a request with `Origin`
 * names that origin and exposes the headers SDKs read (`ETag`, the request ids).
 */
import type { Reply, RequestView } from './exchange.ts';
import { baseHeaders, type ResponseMeta } from './respond.ts';

const EXPOSED = 'ETag, Content-Length, Content-Range, Content-Type, Last-Modified, x-cos-request-id, x-ci-request-id, x-cos-trace-id, x-ci-trace-id, x-amz-request-id';
const METHODS = 'GET, PUT, POST, DELETE, HEAD';

/** The answer to a CORS preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`), if this is one. */
export function preflight(request: RequestView, meta: ResponseMeta): Reply | undefined {
  const origin = request.headers.get('origin');
  if (request.method !== 'OPTIONS' || !origin || !request.headers.get('access-control-request-method')) return undefined;
  const headers = baseHeaders(meta, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': METHODS,
    'Access-Control-Allow-Headers': request.headers.get('access-control-request-headers') ?? '*',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
    Vary: 'Origin',
  });
  return { status: 200, headers, body: null };
}

/** Adds the CORS answer headers when the request came from a browser origin. */
export function withCors(request: RequestView, response: Reply): Reply {
  const origin = request.headers.get('origin');
  if (!origin) return response;
  response.headers.set('Access-Control-Allow-Origin', origin);
  response.headers.set('Access-Control-Expose-Headers', EXPOSED);
  response.headers.append('Vary', 'Origin');
  return response;
}
