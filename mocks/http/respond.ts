/**
 * Response builders with the headers every answer carries (reference §2.5, §5.1): `Content-Type`,
 * `Content-Length`, the request id (`x-ci-request-id` on the CI side, `x-cos-request-id` on the
 * COS side — the Node SDK reads and retries on these, sdk-wire-behaviour "Retries"), `Server`,
 * and on errors the trace id.
 */
import { errorBody } from '../../protocol/errors.ts';
import { ReplyHeaders, utf8Length, type Reply } from './exchange.ts';
import type { HttpError } from './http-error.ts';

/** Which service answers: decides the request-id header and `Server`. */
export type ResponseFamily = 'ci' | 'cos' | 'jd' | 'admin';

/** What every response of one request shares. */
export interface ResponseMeta { family: ResponseFamily; requestId: string; traceId: string }

const SERVER: Record<ResponseFamily, string> = { ci: 'tencent-ci', cos: 'tencent-cos', jd: 'JDCloudOSS', admin: 'fileproc' };
const REQUEST_ID_HEADER: Record<ResponseFamily, string> = {
  ci: 'x-ci-request-id', cos: 'x-cos-request-id', jd: 'x-amz-request-id', admin: 'x-fileproc-request-id',
};
const TRACE_ID_HEADER: Record<ResponseFamily, string> = {
  ci: 'x-ci-trace-id', cos: 'x-cos-trace-id', jd: 'x-amz-id-2', admin: 'x-fileproc-trace-id',
};

/** The headers common to every response of a request. */
export function baseHeaders(meta: ResponseMeta, extra: Record<string, string> = {}): ReplyHeaders {
  const headers = new ReplyHeaders(extra);
  headers.set('Server', SERVER[meta.family]);
  headers.set(REQUEST_ID_HEADER[meta.family], meta.requestId);
  return headers;
}

/** A body with exact `Content-Type` and `Content-Length` (the Python SDK needs both, §2.13 / wire). */
export function bytesResponse(meta: ResponseMeta, status: number, body: Uint8Array | string, contentType: string, extra: Record<string, string> = {}): Reply {
  const headers = baseHeaders(meta, extra);
  headers.set('Content-Type', contentType);
  headers.set('Content-Length', String(typeof body === 'string' ? utf8Length(body) : body.byteLength));
  return { status, headers, body };
}

/** `application/xml` answer (kept as text: the node adapter writes strings without an encode step). */
export function xmlResponse(meta: ResponseMeta, status: number, xml: string, extra: Record<string, string> = {}): Reply {
  return bytesResponse(meta, status, xml, 'application/xml', extra);
}

/** JSON answer (admin API). */
export function jsonResponse(meta: ResponseMeta, status: number, value: unknown): Reply {
  return bytesResponse(meta, status, JSON.stringify(value), 'application/json');
}

/** A body-less answer with `Content-Length: 0` (cancel 200, DELETE 204, JD compress 200). */
export function emptyResponse(meta: ResponseMeta, status: number, extra: Record<string, string> = {}): Reply {
  const headers = baseHeaders(meta, extra);
  if (status !== 204) headers.set('Content-Length', '0');
  return { status, headers, body: null };
}

// Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe for an XML element: what XML cannot represent becomes U+FFFD (error bodies echo client input). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** The `<Error>` body (§5.1) with non-empty Code, Message, Resource, RequestId and a TraceId. */
export function errorResponse(meta: ResponseMeta, error: HttpError, resource: string, method = 'GET'): Reply {
  const xml = errorBody({
    Code: error.code, Message: xmlSafe(error.message), Resource: xmlSafe(error.resource || resource || '/'), RequestId: meta.requestId, TraceId: meta.traceId,
  });
  const extra = { ...error.headers, [TRACE_ID_HEADER[meta.family]]: meta.traceId };
  if (method === 'HEAD') {
    // A HEAD answer has no body; the status and headers carry the error.
    return emptyResponse(meta, error.status, extra);
  }
  return xmlResponse(meta, error.status, xml, extra);
}
