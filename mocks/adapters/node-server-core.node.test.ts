import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BUCKET, REGION, expectError, expectSpecBody, hashBody, testMock } from '../http/test-support.ts';
import type { MockOptions } from '../index.ts';
import { startServer, type RunningServer } from './node-server.ts';

// The node:http adapter on a real mock calls `Mock.handle` (no Web Request/Response per request);
// these tests check that path answers exactly what the Web fetch handler answers.
const CI_HOST = `${BUCKET}.ci.${REGION}.myqcloud.com`;
const COS_HOST = `${BUCKET}.cos.${REGION}.myqcloud.com`;

let running: RunningServer | undefined;
afterEach(async () => { await running?.close(); running = undefined; });

async function serve(options: MockOptions = {}, batchWrites = true): Promise<RunningServer> {
  running = await startServer({ mock: testMock(options), port: 0, logError: () => {}, batchWrites });
  return running;
}

interface Sent { method?: string; path: string; host: string; headers?: Record<string, string>; body?: string | Uint8Array }

/** One request with a chosen Host header; the answer as a Web Response (raw header names kept in `rawNames`). */
function send(port: number, sent: Sent): Promise<{ response: Response; rawNames: string[] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port, host: '127.0.0.1', method: sent.method ?? 'GET', path: sent.path, headers: { host: sent.host, ...sent.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        const rawNames = res.rawHeaders.filter((_, i) => i % 2 === 0);
        const body = res.statusCode === 204 ? null : Buffer.concat(chunks);
        resolve({ response: new Response(body, { status: res.statusCode ?? 0, headers }), rawNames });
      });
    });
    req.on('error', reject);
    req.end(sent.body);
  });
}

describe('startServer on Mock.handle (the core path)', () => {
  it('submits and describes with spec-valid bodies, exact Content-Length (multibyte key) and COS header spelling', async () => {
    const server = await serve();
    const body = hashBody('数据/✓ 😀.txt');
    const submitted = await send(server.port, { method: 'POST', path: '/file_jobs', host: CI_HOST, body });
    const job = await expectSpecBody<{ JobsDetail: { JobId: string; Input: { Object: string } } }>(submitted.response, 'SubmitJobResponse');
    expect(job.JobsDetail.Input.Object).toBe('数据/✓ 😀.txt');
    expect(submitted.rawNames).toEqual(expect.arrayContaining(['Content-Type', 'Content-Length', 'Server', 'x-ci-request-id']));
    const described = await send(server.port, { path: `/file_jobs/${job.JobsDetail.JobId}%2Cfnope`, host: CI_HOST });
    const value = await expectSpecBody<{ JobsDetail: unknown[]; NonExistJobIds: string[] }>(described.response, 'DescribeJobsResponse');
    expect([value.JobsDetail.length, value.NonExistJobIds]).toEqual([1, ['fnope']]);
  });

  it('accepts absolute-form targets and answers client errors with <Error> bodies', async () => {
    const server = await serve({ limits: { maxXmlBodyBytes: 100 } });
    const malformed = await send(server.port, { method: 'POST', path: `http://${CI_HOST}/jobs`, host: 'localhost', body: '<Request><Tag>' });
    await expectError(malformed.response, 400, 'MalformedXML');
    await expectError((await send(server.port, { method: 'POST', path: '/jobs', host: CI_HOST, body: 'x'.repeat(2048) })).response, 400, 'EntityTooLarge');
    await expectError((await send(server.port, { method: 'DELETE', path: '/file_jobs', host: CI_HOST })).response, 405, 'MethodNotAllowed');
  });

  it('streams a large object upload into the store and back, with Range, HEAD and CORS', async () => {
    const server = await serve();
    const data = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) & 0xff);
    const put = await send(server.port, { method: 'PUT', path: '/big.bin', host: COS_HOST, body: data });
    expect(put.response.status).toBe(200);
    expect(put.rawNames).toContain('ETag');
    const got = await send(server.port, { path: '/big.bin', host: COS_HOST, headers: { origin: 'http://app.test' } });
    expect(new Uint8Array(await got.response.arrayBuffer())).toEqual(data);
    expect(got.response.headers.get('access-control-allow-origin')).toBe('http://app.test');
    const range = await send(server.port, { path: '/big.bin', host: COS_HOST, headers: { range: 'bytes=100000-100009' } });
    expect([range.response.status, range.response.headers.get('content-range')]).toEqual([206, 'bytes 100000-100009/300000']);
    expect(new Uint8Array(await range.response.arrayBuffer())).toEqual(data.subarray(100_000, 100_010));
    const head = await send(server.port, { method: 'HEAD', path: '/big.bin', host: COS_HOST });
    expect([head.response.status, head.response.headers.get('content-length'), (await head.response.arrayBuffer()).byteLength]).toEqual([200, '300000', 0]);
  });

  it('survives clients that hang up mid-upload (small and streamed bodies): nothing stays in flight, nothing is stored', async () => {
    const server = await serve({ log: () => {} }); // the aborted upload is logged as a failed request
    for (const length of [1000, 1_000_000]) {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(`PUT /half-${length}.bin HTTP/1.1\r\nhost: ${COS_HOST}\r\ncontent-length: ${length}\r\n\r\n${'x'.repeat(length / 10)}`);
          setTimeout(() => { socket.destroy(); resolve(); }, 50);
        });
      });
    }
    for (let i = 0; i < 100 && server.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.inFlight).toBe(0);
    for (const length of [1000, 1_000_000]) expect((await send(server.port, { method: 'HEAD', path: `/half-${length}.bin`, host: COS_HOST })).response.status).toBe(404);
  });

  it('still applies the Web-level HTTP faults when one is on', async () => {
    const server = await serve({ faults: ['missing-request-id'] });
    const answer = await send(server.port, { path: '/file_jobs/fnope', host: CI_HOST });
    expect(answer.response.status).toBe(200);
    expect(answer.response.headers.get('x-ci-request-id')).toBeNull();
  });

  it('answers a Host that makes no URL with 400 InvalidURI, not a 5xx', async () => {
    const server = await serve();
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end('GET /file_jobs/x HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'));
      let out = '';
      socket.on('data', (d) => { out += d.toString('utf8'); });
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('<Code>InvalidURI</Code>');
  });

  it.each([true, false])('answers 40 concurrent submits, each on its own connection, with its own job (batchWrites %s)', async (batchWrites) => {
    const server = await serve({}, batchWrites);
    const keys = Array.from({ length: 40 }, (_, i) => `concurrent/${i}.txt`);
    const answers = await Promise.all(keys.map((key) => send(server.port, { method: 'POST', path: '/file_jobs', host: CI_HOST, body: hashBody(key) })));
    const jobs = await Promise.all(answers.map((a) => expectSpecBody<{ JobsDetail: { JobId: string; Input: { Object: string } } }>(a.response, 'SubmitJobResponse')));
    expect(jobs.map((j) => j.JobsDetail.Input.Object)).toEqual(keys);
    expect(new Set(jobs.map((j) => j.JobsDetail.JobId)).size).toBe(keys.length);
    expect(server.inFlight).toBe(0);
  });
});
