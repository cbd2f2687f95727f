import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosCiValidator, jdcloudValidator } from '../../protocol/validate.ts';
import { createNodeMock, type NodeMock } from './node-mock.ts';
import { startServer, type RunningServer } from './node-server.ts';

// The Node composition end to end: jobs finish on the real clock, the deliverer POSTs to a real
// receiver, and the admin API shows what was delivered (or published to TDMQ).
interface Received { path: string; headers: IncomingHttpHeaders; body: string }
const received: Received[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
  req.on('end', () => {
    received.push({ path: req.url ?? '', headers: req.headers, body });
    res.end();
  });
});
let receiverUrl = '';
let mock: NodeMock;
let server: RunningServer;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  mock = await createNodeMock({ seed: 21, log: () => {} });
  mock.admin.configureTiming({ startLatencyMs: [0, 5], baseDurationMs: { FileHashCode: 20, FileCompress: 20, FileUncompress: 20 }, jitter: 0, jdStartLatencyMs: 0 });
  server = await startServer({ mock, port: 0 });
  await fetch(`${server.url}/in/a.txt`, { method: 'PUT', body: 'callback me' });
});
afterAll(async () => {
  await server.close();
  await mock.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('[fileproc] test: condition not reached');
}

const hashJob = (extra: string) =>
  `<Request><Tag>FileHashCode</Tag><Input><Object>in/a.txt</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation>${extra}</Request>`;

async function submit(body: string): Promise<string> {
  const text = await (await fetch(`${server.url}/file_jobs`, { method: 'POST', body })).text();
  return /<JobId>(\w+)<\/JobId>/.exec(text)?.[1] ?? '';
}

describe('fileproc serve composition: callbacks', () => {
  it('POSTs the XML TaskFinish callback to the job CallBack and lists the delivery in the admin API', async () => {
    const jobId = await submit(hashJob(`<CallBack>${receiverUrl}/cb?job=1</CallBack>`));
    const got = await until(async () => received.find((r) => r.path === '/cb?job=1'));
    expect(got.headers['content-type']).toBe('application/xml');
    const parsed = cosCiValidator.parseBody(got.body, 'TaskFinishCallback');
    expect(parsed).toMatchObject({ ok: true, value: { JobsDetail: { JobId: jobId, State: 'Success' } } });
    const records = (await (await fetch(`${server.url}/__fileproc/callbacks`)).json()) as { jobId: string; state: string; attempts: { status: number }[] }[];
    expect(records.find((r) => r.jobId === jobId)).toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
  });

  it('publishes CallBackType=TDMQ callbacks to the in-memory topic readable at /__fileproc/tdmq/{name}', async () => {
    const jobId = await submit(hashJob('<CallBackFormat>JSON</CallBackFormat><CallBackType>TDMQ</CallBackType><CallBackMqConfig><MqRegion>gz</MqRegion><MqMode>Queue</MqMode><MqName>done-topic</MqName></CallBackMqConfig>'));
    const messages = await until(async () => {
      const list = (await (await fetch(`${server.url}/__fileproc/tdmq/done-topic`)).json()) as { jobId: string; body: string }[];
      return list.find((m) => m.jobId === jobId) ? list : undefined;
    });
    expect(JSON.parse(messages[0]?.body ?? '{}')).toMatchObject({ EventName: 'TaskFinish', JobsDetail: { JobId: jobId, State: 'Success' } });
  });

  it('sends the JD S3-event callback with x-amz-sns-* and RequestID headers after POST /{Key}?compress', async () => {
    const answer = await fetch(`${server.url}/out/jd.zip?compress`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', 'x-amz-notification-endpoint': `${receiverUrl}/jd` },
      body: '<CompressRequest><Component><Key>in/a.txt</Key><Alias>a.txt</Alias></Component></CompressRequest>',
    });
    expect(answer.status).toBe(200);
    const got = await until(async () => received.find((r) => r.path === '/jd'));
    expect(got.headers).toMatchObject({ 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-raw-key': 'true' });
    expect(got.headers.requestid).toBeTruthy();
    expect(jdcloudValidator.validate(JSON.parse(got.body), 'JdCompressSuccessEvent').ok).toBe(true);
  });
});
