import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosCiValidator } from '../../protocol/validate.ts';
import { RealClock } from '../adapters/real-clock.ts';
import { CallbackDeliverer } from './deliverer.ts';
import { finishEvent, hashJob } from './test-support.ts';

interface Received { method: string; url: string; headers: IncomingHttpHeaders; body: string }

const received: Received[] = [];
let failNext = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.statusCode = failNext-- > 0 ? 503 : 200;
    res.end();
  });
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('CallbackDeliverer against a real receiver on 127.0.0.1', () => {
  it('POSTs the §4.2 XML body with Content-Type application/xml', async () => {
    received.length = 0;
    const deliverer = new CallbackDeliverer({ clock: new RealClock() });
    deliverer.onTaskFinish(finishEvent(hashJob(), { source: 'job', type: 'Url', format: 'XML', url: `${base}/cb?token=t1` }));
    await deliverer.idle();
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got).toMatchObject({ method: 'POST', url: '/cb?token=t1', headers: { 'content-type': 'application/xml' } });
    expect(cosCiValidator.parseBody(got?.body ?? '', 'TaskFinishCallback').ok).toBe(true);
  });

  it('POSTs the JD S3-event JSON with the x-amz-sns-* and RequestID headers', async () => {
    received.length = 0;
    const deliverer = new CallbackDeliverer({ clock: new RealClock() });
    deliverer.onJdCompressFinish({ at: 0, endpoint: `${base}/jd`, requestId: 'REQ123', bucket: 'b', key: 'k.zip', outcome: { ok: true, size: 3, etag: '"e"' } });
    await deliverer.idle();
    expect(received[0]?.headers).toMatchObject({
      'content-type': 'application/json', 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-raw-key': 'true', requestid: 'REQ123',
    });
    expect(JSON.parse(received[0]?.body ?? '{}').Records[0].eventName).toBe('ObjectCreated:Compress');
  });

  it('retries a 503 on the real clock and records both attempts', async () => {
    received.length = 0;
    failNext = 1;
    const deliverer = new CallbackDeliverer({ clock: new RealClock(), retry: { delaysMs: [30] } });
    deliverer.onTaskFinish(finishEvent(hashJob(), { source: 'queue', type: 'Url', format: 'JSON', url: `${base}/q` }));
    for (let i = 0; i < 100 && deliverer.deliveries()[0]?.state !== 'delivered'; i++) await new Promise((r) => setTimeout(r, 10));
    const [record] = deliverer.deliveries();
    expect(record?.attempts.map((a) => a.status)).toEqual([503, 200]);
    expect(received.map((r) => r.headers['content-type'])).toEqual(['application/json', 'application/json']);
  });

  it('records a connection error (nothing listening) without throwing', async () => {
    const deliverer = new CallbackDeliverer({ clock: new RealClock(), retry: { delaysMs: [60_000] } });
    deliverer.onTaskFinish(finishEvent(hashJob(), { source: 'job', type: 'Url', format: 'XML', url: 'http://127.0.0.1:1/nobody' }));
    await deliverer.idle();
    const [record] = deliverer.deliveries();
    expect(record?.state).toBe('pending');
    expect(record?.attempts[0]?.error).toMatch(/fetch failed|ECONNREFUSED/);
    expect(record?.nextAttemptAt).toBeGreaterThan(record?.attempts[0]?.at ?? 0);
    deliverer.reset();
  });
});
