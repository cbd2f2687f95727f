/**
 * The Node socket transport: Web fetch (undici) silently drops a `Host` header, so virtual-host
 * and proxy addressing (reference §1.3, §1.4) send through `node:http`/`node:https` instead.
 */
import http from 'node:http';
import https from 'node:https';
import type { Transport } from '../protocol/client.ts';

/**
 * A transport that connects to `endpoint` (the URL's own host when omitted) and sends the request
 * with its headers as given, `Host` included; absolute-form URLs go out as a proxy request.
 */
export function nodeTransport(options: { endpoint?: string } = {}): Transport {
  return async (request) => {
    const url = new URL(request.url);
    const via = options.endpoint ? new URL(options.endpoint) : url;
    const proxied = via.host !== url.host;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    if (body) headers['content-length'] = String(body.byteLength);
    const client = via.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = client.request({
        host: via.hostname, port: via.port || undefined, method: request.method, headers,
        path: proxied ? url.href : url.pathname + url.search,
      }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const item of [value ?? []].flat()) responseHeaders.append(name, item);
          }
          const status = incoming.statusCode ?? 0;
          const nullBody = request.method === 'HEAD' || status === 204 || status === 304;
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
