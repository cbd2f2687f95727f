/**
 * The COS object subset jobs need (spec `paths/object.yaml`): PUT streams into the store, GET
 * (with `Range` → 206 / 416), HEAD, DELETE (204). `x-cos-meta-*` and content headers are stored
 * and returned; the ETag header is spelled `ETag` (the Python SDK returns header keys as sent).
 */
import { formatHttpDate } from '../../protocol/time.ts';
import type { ByteRange, ObjectMeta, PutOptions } from '../store/types.ts';
import { limitedChunks } from './body.ts';
import { md5Checked } from './content-md5.ts';
import { HttpError, httpError, invalidArgument } from './http-error.ts';
import type { HeaderView, ReplyHeaders } from './exchange.ts';
import { baseHeaders, emptyResponse, xmlSafe } from './respond.ts';
import type { Handler, RequestContext } from './types.ts';

const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'expires'];

/** What an upload's headers say about the object. */
export function putOptionsFrom(headers: HeaderView): PutOptions {
  const userMeta: Record<string, string> = {};
  const stored: Record<string, string> = {};
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-cos-meta-')) userMeta[lower] = value;
    else if (STORED_HEADERS.includes(lower) && value !== '') stored[lower] = value;
  });
  const contentType = headers.get('content-type');
  return { ...(contentType && { contentType }), userMeta, headers: stored };
}

/** The object headers of GET and HEAD. */
function objectHeaders(ctx: RequestContext, meta: ObjectMeta): ReplyHeaders {
  const headers = baseHeaders(ctx.meta, { ...meta.headers, ...meta.userMeta });
  headers.set('Content-Type', meta.contentType);
  headers.set('ETag', meta.etag);
  headers.set('Last-Modified', formatHttpDate(meta.lastModified));
  headers.set('Accept-Ranges', 'bytes');
  return headers;
}

/** Listings, results and callbacks carry keys as XML text, so a key XML cannot hold is refused up front. */
export function storableKey(key: string): string {
  if (xmlSafe(key) !== key) throw invalidArgument('Key', 'contains characters XML 1.0 cannot represent (control characters or lone surrogates)');
  return key;
}

function requireKey(ctx: RequestContext, operationId: string): string {
  ctx.services.params.cosCi(operationId, { query: ctx.url.searchParams, path: { Key: ctx.variable }, headers: ctx.request.headers });
  return ctx.variable;
}

/** `putObject`: 200 with `ETag`; the body streams to the store, which writes atomically (also when Content-MD5 fails). */
export const putObject: Handler = async (ctx) => {
  const key = storableKey(requireKey(ctx, 'putObject'));
  const declared = ctx.request.headers.get('content-md5');
  const chunks = limitedChunks(ctx.request, ctx.services.limits.maxObjectBytes);
  const body = declared === null ? chunks : md5Checked(chunks, declared, ctx.services.processors.hash);
  const meta = await ctx.services.store.put(ctx.host.bucket, key, body, putOptionsFrom(ctx.request.headers));
  return emptyResponse(ctx.meta, 200, { ETag: meta.etag });
};

/** `headObject`: the stored headers, no body; 404 without body when absent. */
export const headObject: Handler = async (ctx) => {
  const key = requireKey(ctx, 'headObject');
  const meta = await ctx.services.store.head(ctx.host.bucket, key);
  if (!meta) throw httpError('NoSuchKey', 'The specified key does not exist.', key);
  const headers = objectHeaders(ctx, meta);
  headers.set('Content-Length', String(meta.size));
  return { status: 200, headers, body: null };
};

/** `deleteObject`: 204 whether or not the key existed. */
export const deleteObject: Handler = async (ctx) => {
  await ctx.services.store.delete(ctx.host.bucket, requireKey(ctx, 'deleteObject'));
  return emptyResponse(ctx.meta, 204);
};

/** Parses `bytes=a-b`, `bytes=a-`, `bytes=-n`; undefined = ignore the header (RFC 9110 §14.2). */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header === null ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? undefined : Number(last);
  if (end !== undefined && end < start) return undefined;
  return start >= size ? 'unsatisfiable' : { start, end: Math.min(end ?? size - 1, size - 1) };
}

/** `getObject` without `ci-process`: the bytes, or the requested range (206 / 416 InvalidRange). */
export const getObject: Handler = async (ctx) => {
  const key = requireKey(ctx, 'getObject');
  const { store } = ctx.services;
  const meta = await store.head(ctx.host.bucket, key);
  if (!meta) throw httpError('NoSuchKey', 'The specified key does not exist.', key);
  const range = parseRange(ctx.request.headers.get('range'), meta.size);
  if (range === 'unsatisfiable') {
    throw new HttpError('InvalidRange', 416, `the range ${ctx.request.headers.get('range')} does not overlap the object's ${meta.size} bytes`, key, { 'Content-Range': `bytes */${meta.size}` });
  }
  const readable = await store.get(ctx.host.bucket, key, range);
  if (!readable) throw httpError('NoSuchKey', 'The specified key does not exist.', key);
  const headers = objectHeaders(ctx, readable.meta);
  const start = range?.start ?? 0;
  const end = range ? Math.min(range.end ?? readable.meta.size - 1, readable.meta.size - 1) : readable.meta.size - 1;
  headers.set('Content-Length', String(Math.max(0, end - start + 1)));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${readable.meta.size}`);
  return { status: range ? 206 : 200, headers, body: readable.body };
};
