/**
 * Request bodies with a size limit: small XML bodies are read whole, object uploads are streamed
 * to the store chunk by chunk. Exceeding the limit is `400 EntityTooLarge` (the COS code for an
 * oversized upload), checked from `Content-Length` first and again while reading.
 */
import { chunksOf, collectBody } from '../store/body.ts';
import type { RequestView } from './exchange.ts';
import { HttpError } from './http-error.ts';

/** 400 EntityTooLarge naming the limit. */
export function entityTooLarge(limit: number): HttpError {
  return new HttpError('EntityTooLarge', 400, `the request body is larger than this server's limit of ${limit} bytes`);
}

/** Refuses early when the declared length is over the limit; a malformed length is 400. */
export function checkDeclaredLength(request: RequestView, limit: number): void {
  const declared = request.headers.get('content-length');
  if (declared === null) return;
  if (!/^\d+$/.test(declared.trim())) throw new HttpError('InvalidArgument', 400, `Content-Length "${declared}" is not a number`);
  if (Number(declared) > limit) throw entityTooLarge(limit);
}

/** Streams a request body, failing once more than `limit` bytes have arrived. */
export async function* limitedChunks(request: RequestView, limit: number): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  let total = 0;
  for await (const chunk of chunksOf(request.body)) {
    total += chunk.byteLength;
    if (total > limit) throw entityTooLarge(limit);
    yield chunk;
  }
}

/** Reads a whole (small) body as UTF-8 text within the limit. */
export async function readText(request: RequestView, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBytes(request, limit));
}

/** Reads a whole (small) body within the limit; a body the adapter already read is returned as is. */
export async function readBytes(request: RequestView, limit: number): Promise<Uint8Array> {
  if (request.body instanceof Uint8Array) {
    if (request.body.byteLength > limit) throw entityTooLarge(limit);
    return request.body;
  }
  return request.body ? collectBody(limitedChunks(request, limit)) : new Uint8Array(0);
}
