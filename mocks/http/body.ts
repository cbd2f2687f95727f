/**
 * Request bodies with a size limit: small XML bodies are read whole, object uploads are streamed
 * to the store chunk by chunk. Exceeding the limit is `400 EntityTooLarge` (the COS code for an
 * oversized upload), checked from `Content-Length` first and again while reading.
 */
import { collectBody } from '../store/body.ts';
import { HttpError } from './http-error.ts';

/** 400 EntityTooLarge naming the limit. */
export function entityTooLarge(limit: number): HttpError {
  return new HttpError('EntityTooLarge', 400, `the request body is larger than this server's limit of ${limit} bytes`);
}

/** Refuses early when the declared length is over the limit; a malformed length is 400. */
export function checkDeclaredLength(request: Request, limit: number): void {
  const declared = request.headers.get('content-length');
  if (declared === null) return;
  if (!/^\d+$/.test(declared.trim())) throw new HttpError('InvalidArgument', 400, `Content-Length "${declared}" is not a number`);
  if (Number(declared) > limit) throw entityTooLarge(limit);
}

/** Streams a request body, failing once more than `limit` bytes have arrived. */
export async function* limitedChunks(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > limit) throw entityTooLarge(limit);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Reads a whole (small) body as UTF-8 text within the limit. */
export async function readText(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBytes(request, limit));
}

/** Reads a whole (small) body within the limit. */
export function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  return collectBody(limitedChunks(request, limit));
}
