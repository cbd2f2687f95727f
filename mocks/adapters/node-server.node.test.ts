import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type FetchTarget, type RunningServer } from './node-server.ts';

let running: RunningServer | undefined;
afterEach(async () => { await running?.close(); running = undefined; });

async function serve(fetchFn: FetchTarget['fetch'], shutdownTimeoutMs?: number): Promise<RunningServer> {
  running = await startServer({ mock: { fetch: fetchFn }, port: 0, shutdownTimeoutMs, logError: () => {} });
  return running;
}

/** Sends raw bytes on a fresh connection and returns everything the server wrote until it closed. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.on('data', (d) => { out += d.toString('latin1'); });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

const echo: FetchTarget['fetch'] = async (request) => {
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
  return Response.json({ method: request.method, url: request.url, host: request.headers.get('host'), length: body.length });
};

describe('startServer (node:http adapter)', () => {
  it('passes method, URL, Host and body through, and answers with the handler Response', async () => {
    const server = await serve(echo);
    const response = await fetch(`${server.url}/file_jobs?x=1`, { method: 'PUT', body: 'hello' });
    expect(await response.json()).toEqual({ method: 'PUT', url: `${server.url}/file_jobs?x=1`, host: `127.0.0.1:${server.port}`, length: 5 });
  });

  it('keeps an absolute-form target (proxy mode) as the URL and the Host header as sent', async () => {
    const server = await serve(echo);
    const answer = await rawExchange(server.port, 'GET http://test-1250000000.ci.ap-guangzhou.myqcloud.com/file_jobs/a%2Cb HTTP/1.1\r\nhost: test-1250000000.ci.ap-guangzhou.myqcloud.com\r\nconnection: close\r\n\r\n');
    expect(answer).toContain('"url":"http://test-1250000000.ci.ap-guangzhou.myqcloud.com/file_jobs/a%2Cb"');
    expect(answer).toContain('"host":"test-1250000000.ci.ap-guangzhou.myqcloud.com"');
  });

  it('treats an origin-form target starting with // as a path, not as a host', async () => {
    const server = await serve(echo);
    const answer = await rawExchange(server.port, 'GET //evil.example/x HTTP/1.1\r\nhost: h.example\r\nconnection: close\r\n\r\n');
    expect(answer).toContain('"url":"http://h.example//evil.example/x"');
  });

  it('streams the request body: the handler sees the first chunk before the client sends the rest', async () => {
    let firstChunkSeen!: () => void;
    const seen = new Promise<void>((resolve) => { firstChunkSeen = resolve; });
    const server = await serve(async (request) => {
      const reader = request.body!.getReader();
      let total = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        total += r.value.length;
        firstChunkSeen();
      }
      return new Response(String(total));
    });
    const answer = new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${server.url}/up`, { method: 'PUT', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1000, 1));
      void seen.then(() => req.end(Buffer.alloc(4_000_000, 2)));
    });
    expect(await answer).toBe('4001000');
  });

  it('streams the response body: the first chunk arrives while the handler is still producing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const server = await serve(async () => new Response(new ReadableStream({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode('first;'));
        await gate;
        controller.enqueue(new TextEncoder().encode('second'));
        controller.close();
      },
    })));
    const response = await fetch(`${server.url}/down`);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first;');
    release();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('second');
  });

  it('reuses one keep-alive connection for consecutive requests', async () => {
    const server = await serve(echo);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const reused: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${server.url}/k${i}`, { agent }, (res) => { res.resume(); res.on('end', resolve); });
        req.on('socket', () => reused.push(req.reusedSocket));
        req.on('error', reject);
        req.end();
      });
    }
    agent.destroy();
    expect(reused).toEqual([false, true, true]);
  });

  it('does not count a request whose client hung up mid-body as in flight', async () => {
    const server = await serve(echo);
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('PUT /half HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\nonly a few bytes');
        setTimeout(() => { socket.destroy(); resolve(); }, 30);
      });
    });
    for (let i = 0; i < 50 && server.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.inFlight).toBe(0);
  });

  it('answers a handler that throws with a 500 InternalError body and keeps serving', async () => {
    let calls = 0;
    const server = await serve(async (request) => {
      if (calls++ === 0) throw new Error('bug');
      return echo(request);
    });
    const bad = await fetch(`${server.url}/x`);
    expect(bad.status).toBe(500);
    expect(bad.headers.get('content-type')).toBe('application/xml');
    const requestId = bad.headers.get('x-cos-request-id') ?? '';
    expect(requestId).toMatch(/^adapter-[0-9a-f-]{36}$/);
    expect(await bad.text()).toMatch(new RegExp(`<Code>InternalError</Code>.*<Resource>/x</Resource>.*<RequestId>${requestId}</RequestId>`, 's'));
    expect((await fetch(`${server.url}/y`)).status).toBe(200);
  });

  it('spells well-known header names as COS does (ETag, Content-Type) and keeps x- names as given', async () => {
    const server = await serve(async () => new Response('', { headers: { etag: '"abc"', 'content-type': 'application/xml', 'x-cos-request-id': 'r1' } }));
    const answer = await rawExchange(server.port, 'PUT /o HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    expect(answer).toContain('\r\nETag: "abc"\r\n');
    expect(answer).toContain('\r\nContent-Type: application/xml\r\n');
    expect(answer).toContain('\r\nx-cos-request-id: r1\r\n');
  });

  it('writes string and byte bodies byte-exactly, multibyte characters included', async () => {
    const text = '<Key>文档/😀.txt</Key>';
    const server = await serve(async (request) => (request.url.endsWith('/s')
      ? new Response(text, { headers: { 'content-length': String(Buffer.byteLength(text)) } })
      : new Response(new Uint8Array([0, 255, 1, 254]))));
    expect(await (await fetch(`${server.url}/s`)).text()).toBe(text);
    expect([...new Uint8Array(await (await fetch(`${server.url}/b`)).arrayBuffer())]).toEqual([0, 255, 1, 254]);
  });

  it('sends no body for HEAD even when the handler gives one', async () => {
    const server = await serve(async () => new Response('abc', { headers: { 'content-length': '3' } }));
    const answer = await rawExchange(server.port, 'HEAD /o HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
    expect(answer).toMatch(/content-length: 3\r\n/i);
    expect(answer.endsWith('\r\n\r\n')).toBe(true);
  });

  it('close() stops accepting, lets an in-flight request finish, then resolves', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let started!: () => void;
    const begun = new Promise<void>((resolve) => { started = resolve; });
    const server = await serve(async () => { started(); await gate; return new Response('done'); });
    const slow = fetch(`${server.url}/slow`).then((r) => r.text());
    await begun;
    const closed = server.close();
    await expect(fetch(`${server.url}/new`)).rejects.toThrow();
    expect(server.inFlight).toBe(1);
    release();
    expect(await slow).toBe('done');
    await closed;
    expect(server.server.listening).toBe(false);
  });

  it('close() is bounded: a request that never ends is dropped after the timeout', async () => {
    const server = await serve(() => new Promise<Response>(() => {}), 50);
    const hanging = fetch(`${server.url}/forever`).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 30));
    await server.close();
    expect(await hanging).toBeInstanceOf(Error);
  });
});
