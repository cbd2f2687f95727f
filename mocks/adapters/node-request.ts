/**
 * `IncomingMessage` → the core's `RequestView` (or a Web `Request` for plain fetch targets) for the
 * node:http adapter. Large or chunked bodies stream (small ones with a Content-Length are read
 * first), the `Host` header is passed on as sent, and absolute-form targets (`POST
 * http://bucket.ci.region.myqcloud.com/file_jobs`, what SDKs send through a proxy) become the URL.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { HeaderView, RequestView } from '../http/exchange.ts';

const ABSOLUTE_FORM = /^https?:\/\//i;

/** The request URL: the absolute-form target as sent, else `http://<Host><target>`. */
export function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const target = req.url ?? '/';
  if (ABSOLUTE_FORM.test(target)) return new URL(target);
  const host = req.headers.host || fallbackHost;
  // Concatenate rather than resolve: a target like `//x` must stay a path, not become a host.
  return new URL(`http://${host}${target.startsWith('/') ? target : `/${target}`}`);
}

/** Bodies up to this size (with a Content-Length) are read before the handler runs: bridging a
 * Node stream into a web ReadableStream or an async iterator costs more than a small submit body
 * takes to arrive. */
const BUFFERED_BODY_MAX = 64 * 1024;

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
    // A client that hangs up mid-body must not leave the request counted as in flight forever.
    req.on('close', () => { if (!req.complete) reject(new Error('[fileproc] the client closed the connection before sending the whole body')); });
  });
}

function hasBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Small bodies with a declared length, read whole; undefined when the body must stream (or there is none). */
async function smallBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const length = Number(req.headers['content-length']);
  if (req.headers['transfer-encoding'] !== undefined || !(length <= BUFFERED_BODY_MAX)) return undefined;
  const body = await readAll(req);
  // A body that is a view into a much larger buffer (a socket read holding more, Buffer's pool) is
  // copied, so that a stored object does not pin it; otherwise a plain view (Buffer's `slice` would
  // not copy as Uint8Array's does), which spares a malloc'd copy per request.
  if (body.buffer.byteLength > body.byteLength * 2 + 4096) return new Uint8Array(body);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

const headerValue = (raw: string | string[] | undefined) => (raw === undefined ? null : Array.isArray(raw) ? raw.join(', ') : raw);

/** Node's parsed headers (names lower-case; repeated values joined as Node joins them). */
class NodeHeaders implements HeaderView {
  readonly #headers: IncomingMessage['headers'];

  constructor(headers: IncomingMessage['headers']) {
    this.#headers = headers;
  }

  get(name: string): string | null {
    // The core asks with lower-case names, which Node's keys already are: no lower-casing then.
    return headerValue(this.#headers[name] ?? this.#headers[name.toLowerCase()]);
  }

  forEach(visit: (value: string, name: string) => void): void {
    for (const name in this.#headers) visit(headerValue(this.#headers[name]) as string, name);
  }
}

/**
 * The core's request view: no Web objects, the body read (small) or left streaming from `req`.
 * Synchronous when there is no body (most GETs), saving a promise per request.
 */
export function toRequestView(req: IncomingMessage, url: URL): RequestView | Promise<RequestView> {
  const view = { method: req.method ?? 'GET', url: url.href, parsedUrl: url, headers: new NodeHeaders(req.headers), body: null as RequestView['body'] };
  if (!hasBody(req)) return view;
  return smallBody(req).then((small) => {
    view.body = small ?? (req as AsyncIterable<Uint8Array>);
    return view;
  });
}

/**
 * Builds a Web Request (for fetch targets without `handle`). No AbortSignal: creating one per
 * request costs more than the rest of the conversion, and a client that goes away is noticed when
 * its response is written.
 */
export async function toWebRequest(req: IncomingMessage, url: URL): Promise<Request> {
  const headers: [string, string][] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] as string, raw[i + 1] as string]);
  const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers };
  if (hasBody(req)) {
    const small = await smallBody(req);
    if (small) init.body = small as BodyInit;
    else {
      init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}
