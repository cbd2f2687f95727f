/**
 * The local callback receiver (reference §4, §7.3): an HTTP server on 127.0.0.1 (random port) that
 * records every request and answers 200, so callback rules can count and read deliveries.
 */
import http from 'node:http';
import type { CallbackReceiver, ReceivedCallback } from './receiver.ts';

/** Starts a receiver; `host` is the address the target uses to reach it (default 127.0.0.1). */
export async function startReceiver(options: { host?: string; port?: number } = {}): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const waiters = new Set<{ predicate: (c: ReceivedCallback) => boolean; resolve: (c: ReceivedCallback) => void }>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = [value ?? ''].flat().join(', ');
      const callback: ReceivedCallback = {
        method: request.method ?? 'GET', path: request.url ?? '/', headers,
        body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now(),
      };
      received.push(callback);
      for (const waiter of waiters) {
        if (waiter.predicate(callback)) {
          waiters.delete(waiter);
          waiter.resolve(callback);
        }
      }
      response.writeHead(200, { 'content-length': '0' }).end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}`,
    received: async () => [...received],
    waitFor(predicate, timeoutMs) {
      const hit = received.find(predicate);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (callback: ReceivedCallback) => { clearTimeout(timer); resolve(callback); } };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`[fileproc] no matching callback within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
