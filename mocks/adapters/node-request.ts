/**
 * `IncomingMessage` → Web `Request` for the node:http adapter. The body streams (never buffered
 * here), the `Host` header is passed on as sent, and absolute-form targets (`POST
 * http://bucket.ci.region.myqcloud.com/file_jobs`, what SDKs send through a proxy) become the URL.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

const ABSOLUTE_FORM = /^https?:\/\//i;

/** The request URL: the absolute-form target as sent, else `http://<Host><target>`. */
export function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const target = req.url ?? '/';
  if (ABSOLUTE_FORM.test(target)) return new URL(target);
  const host = req.headers.host || fallbackHost;
  // Concatenate rather than resolve: a target like `//x` must stay a path, not become a host.
  return new URL(`http://${host}${target.startsWith('/') ? target : `/${target}`}`);
}

function hasBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Builds the Web Request; `signal` aborts when the client goes away before the answer is sent. */
export function toWebRequest(req: IncomingMessage, url: URL, signal: AbortSignal): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers, signal };
  if (hasBody(req)) {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(url, init);
}
