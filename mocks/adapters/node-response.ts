/**
 * The core's `Reply` (or a Web `Response`, for plain fetch targets) → `ServerResponse` for the
 * node:http adapter: status and headers in COS's spelling (multiple `Set-Cookie` kept apart), text
 * and byte bodies in one write together with the headers, streamed bodies chunk by chunk with
 * backpressure.
 */
import type { ServerResponse } from 'node:http';
import type { Reply } from '../http/exchange.ts';
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
// Looked up on the first Response written: building one loads undici (~10 ms of every start), and
// answers that are no Response never need it.
let undiciState: symbol | undefined;
let stateLookedUp = false;

function bufferedSource(response: Response): Uint8Array | string | undefined {
  if (!stateLookedUp) {
    undiciState = Object.getOwnPropertySymbols(new Response('')).find((symbol) => symbol.description === 'state');
    stateLookedUp = true;
  }
  if (!undiciState || response.bodyUsed) return undefined;
  const source = (response as unknown as Record<symbol, { body?: { source?: unknown } } | undefined>)[undiciState]?.body?.source;
  return typeof source === 'string' || source instanceof Uint8Array ? source : undefined;
}

// Answers use a few dozen header names; remembering their wire spelling saves a lower-casing and
// a lookup per header per answer. Bounded, as names can come from client input (CORS echoes).
const spellings = new Map<string, string>();

function spelled(name: string): string {
  let wire = spellings.get(name);
  if (wire === undefined) {
    wire = wireHeaderName(name);
    if (spellings.size < 256) spellings.set(name, wire);
  }
  return wire;
}

const bodiless = (method: string, status: number) => method === 'HEAD' || status === 204 || status === 304;

/** Writes `reply` to `res`; HEAD answers and 204/304 carry headers only. Synchronous unless the body streams. */
export function writeReply(reply: Reply, res: ServerResponse, method: string): void | Promise<void> {
  // A flat [name, value, …] list: node:http takes it as is, where an object would be built with
  // a different key set per answer (megamorphic stores) and walked again.
  const head: string[] = [];
  reply.headers.forEach((value, name) => { head.push(spelled(name), value); });
  // writeHead merges what setHeader set before (e.g. `Connection: close` while shutting down).
  res.writeHead(reply.status, head);
  const { body } = reply;
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    res.end(body === null || bodiless(method, reply.status) ? undefined : body);
    return undefined;
  }
  return writeChunks(body, res, bodiless(method, reply.status));
}

async function writeChunks(body: AsyncIterable<Uint8Array>, res: ServerResponse, headersOnly: boolean): Promise<void> {
  const iterator = body[Symbol.asyncIterator]();
  let complete = false;
  try {
    if (!headersOnly) {
      for (let chunk = await iterator.next(); !chunk.done && !res.destroyed; chunk = await iterator.next()) {
        if (!res.write(chunk.value)) await waitForDrain(res);
      }
    }
    complete = !res.destroyed;
  } finally {
    // Closes the producer (e.g. a store read) when the client went away, nothing was read, or it failed.
    if (!complete || headersOnly) await iterator.return?.();
  }
  // A failed read propagated above: the server destroys the socket rather than end a short body.
  if (complete) res.end();
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
  if (!body || bodiless(method, response.status)) {
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
