import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../protocol/client.ts';
import { startReceiver } from './receiver.node.ts';
import { nodeTransport } from './transport.node.ts';

let server: http.Server;
let endpoint = '';
const seen: Array<{ method: string; url: string; host: string; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', body: Buffer.concat(chunks).toString() });
      if (req.method === 'DELETE') res.writeHead(204, { 'x-cos-request-id': 'r' }).end();
      else res.writeHead(200, { 'content-type': 'application/xml', 'x-ci-request-id': 'a', 'set-cookie': ['a=1', 'b=2'] }).end('<ok/>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('nodeTransport', () => {
  it('sends the virtual Host (undici fetch would drop it) and the body', async () => {
    seen.length = 0;
    const client = createClient({ endpoint, bucket: 'b-1250000000', region: 'ap-guangzhou', addressing: 'virtual-host', fetch: nodeTransport() });
    const exchange = await client.putObject('k ü.txt', 'bytes');
    expect(seen[0]).toEqual({ method: 'PUT', url: '/k%20%C3%BC.txt', host: 'b-1250000000.cos.ap-guangzhou.myqcloud.com', body: 'bytes' });
    expect(exchange.text).toBe('<ok/>');
    expect(exchange.headers.get('set-cookie')).toBe('a=1, b=2');
  });

  it('sends absolute-form request targets to the endpoint in proxy mode; 204 has no body', async () => {
    seen.length = 0;
    const client = createClient({ endpoint, bucket: 'b-1250000000', region: 'ap-guangzhou', addressing: 'proxy', fetch: nodeTransport({ endpoint }) });
    const exchange = await client.deleteObject('a.txt');
    expect(seen[0]).toMatchObject({ method: 'DELETE', url: 'http://b-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt', host: 'b-1250000000.cos.ap-guangzhou.myqcloud.com' });
    expect(exchange.status).toBe(204);
    expect(exchange.bytes.byteLength).toBe(0);
  });
});

describe('startReceiver', () => {
  it('records every request and resolves waiters for past and future deliveries', async () => {
    const receiver = await startReceiver();
    try {
      const pending = receiver.waitFor((callback) => callback.path === '/job-2', 5_000);
      await fetch(`${receiver.url}/job-1`, { method: 'POST', body: '<Response/>', headers: { 'content-type': 'application/xml' } });
      await fetch(`${receiver.url}/job-2`, { method: 'POST', body: '{"a":1}' });
      expect((await pending).body).toBe('{"a":1}');
      const past = await receiver.waitFor((callback) => callback.path === '/job-1', 10);
      expect(past).toMatchObject({ method: 'POST', body: '<Response/>', headers: { 'content-type': 'application/xml' } });
      expect((await receiver.received()).map((callback) => callback.path)).toEqual(['/job-1', '/job-2']);
      await expect(receiver.waitFor(() => false, 20)).rejects.toThrow(/\[fileproc\] no matching callback within 20 ms \(2 received\)/);
    } finally {
      await receiver.close();
    }
  });
});
