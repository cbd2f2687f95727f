/**
 * Web `Response` → `ServerResponse` for the node:http adapter: status and headers (in COS's
 * spelling, multiple `Set-Cookie` kept apart), the body streamed chunk by chunk with backpressure.
 */
import type { ServerResponse } from 'node:http';
import { wireHeaderName } from '../http/header-case.ts';

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

// Node's fetch (undici) keeps the bytes or string a Response was built from; the mock's XML answers
// are built that way, so the adapter can write them without a web-stream round trip (~10 µs of
// CPU per request). Anything else, or another runtime's Response, goes through the stream.
const undiciState = Object.getOwnPropertySymbols(new Response('')).find((symbol) => symbol.description === 'state');

function bufferedSource(response: Response): Uint8Array | string | undefined {
  if (!undiciState || response.bodyUsed) return undefined;
  const source = (response as unknown as Record<symbol, { body?: { source?: unknown } } | undefined>)[undiciState]?.body?.source;
  return typeof source === 'string' || source instanceof Uint8Array ? source : undefined;
}

/** Writes `response` to `res`; HEAD answers and 204/304 carry headers only. */
export async function writeWebResponse(response: Response, res: ServerResponse, method: string): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    // Web Headers lower-case names; COS spells e.g. `ETag`, and the Python SDK hands it back as sent.
    if (name !== 'set-cookie') res.setHeader(wireHeaderName(name), value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = response.body;
  if (!body || method === 'HEAD' || response.status === 204 || response.status === 304) {
    await body?.cancel().catch(() => {});
    res.end();
    return;
  }
  const source = bufferedSource(response);
  if (source !== undefined) {
    res.end(source);
    return;
  }
  const reader = body.getReader();
  const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (res.destroyed) return;
      // A body that is one chunk of the declared length (every XML answer) goes out together with
      // the headers in one write, instead of a header write plus a small body write.
      if (!res.headersSent && chunk.value.byteLength === declaredLength) {
        res.end(chunk.value);
        return;
      }
      if (!res.write(chunk.value)) await waitForDrain(res);
    }
    res.end();
  } finally {
    // Stops the producer (e.g. a store read) when the client went away mid-body.
    reader.releaseLock();
    if (res.destroyed) await body.cancel().catch(() => {});
  }
}
