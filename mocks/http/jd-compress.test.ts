import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { JdCompressFinishEvent } from './callback-sink.ts';
import { call, testMock } from './test-support.ts';

const JD = 'http://bucket.s3.cn-north-1.jdcloud-oss.com';
const body = (components: Array<[string, string?]>): string =>
  `<CompressRequest>${components.map(([key, alias]) => `<Component><Key>${key}</Key>${alias ? `<Alias>${alias}</Alias>` : ''}</Component>`).join('')}</CompressRequest>`;

function events(mock: ReturnType<typeof testMock>): JdCompressFinishEvent[] {
  return (mock.admin.callbacks() as { kind: string; event: JdCompressFinishEvent }[]).filter((r) => r.kind === 'JdCompress').map((r) => r.event);
}

describe('JD Cloud Compress Object (POST /{Key}?compress, §7)', () => {
  it('answers 200 with an empty body, then builds the zip in the background and reports success', async () => {
    const mock = testMock();
    await mock.admin.putObject('photos/a.jpg', new TextEncoder().encode('AAAA'), { bucket: 'bucket' });
    await mock.admin.putObject('docs/b.pdf', new TextEncoder().encode('BB'), { bucket: 'bucket' });
    const response = await call(mock, `${JD}/out/all.zip?compress`, {
      method: 'POST', body: body([['photos/a.jpg', 'a.jpg'], ['docs/b.pdf']]),
      headers: { 'content-type': 'text/xml', 'x-amz-notification-endpoint': 'http://127.0.0.1:1/done', 'x-amz-compress-type': 'zip', 'cache-control': 'max-age=300' },
    });
    expect([response.status, response.headers.get('content-length'), await response.text()]).toEqual([200, '0', '']);
    const requestId = response.headers.get('x-amz-request-id');
    expect(requestId).toBeTruthy();
    expect(await mock.store.head('bucket', 'out/all.zip')).toBeUndefined();
    await mock.admin.advance(1_000);
    const archive = await mock.store.get('bucket', 'out/all.zip');
    expect(archive?.meta).toMatchObject({ contentType: 'application/zip', headers: { 'cache-control': 'max-age=300' } });
    const zip = new Uint8Array(await new Response((await call(mock, `${JD}/out/all.zip`)).body).arrayBuffer());
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['a.jpg', 'docs/b.pdf']);
    expect(events(mock)).toEqual([expect.objectContaining({ requestId, endpoint: 'http://127.0.0.1:1/done', bucket: 'bucket', key: 'out/all.zip', outcome: expect.objectContaining({ ok: true, size: zip.byteLength }) })]);
  });

  it('reports a missing source as a NoSuchKey failure event, not a request error', async () => {
    const mock = testMock();
    const response = await call(mock, `${JD}/x.zip?compress`, { method: 'POST', body: body([['missing/key']]) });
    expect(response.status).toBe(200);
    await mock.admin.advance(1_000);
    expect(events(mock)[0]?.outcome).toMatchObject({ ok: false, code: 'NoSuchKey', resource: '/missing/key' });
    expect(await mock.store.head('bucket', 'x.zip')).toBeUndefined();
  });

  it('refuses bad requests: malformed XML, no Component, compress type other than zip, a value on ?compress', async () => {
    const mock = testMock();
    const bad: Array<[string, RequestInit, string]> = [
      ['?compress', { method: 'POST', body: '<CompressRequest><Component>' }, 'MalformedXML'],
      ['?compress', { method: 'POST', body: '<CompressRequest></CompressRequest>' }, 'InvalidArgument'],
      ['?compress', { method: 'POST', body: body([['a']]), headers: { 'x-amz-compress-type': 'rar' } }, 'InvalidArgument'],
      ['?compress=1', { method: 'POST', body: body([['a']]) }, 'InvalidArgument'],
    ];
    for (const [query, init, code] of bad) {
      const response = await call(mock, `${JD}/x.zip${query}`, init);
      expect(response.headers.get('server')).toBe('JDCloudOSS');
      const text = await response.text();
      expect([response.status, /<Code>(\w+)<\/Code>/.exec(text)?.[1]]).toEqual([400, code]);
    }
    expect(mock.admin.state().jdJobs).toHaveLength(0);
  });

  it('accepts the request on a local host too (bucket = the default bucket)', async () => {
    const mock = testMock();
    await mock.admin.putObject('a', new TextEncoder().encode('a'));
    const response = await call(mock, 'http://127.0.0.1:9000/z.zip?compress', { method: 'POST', body: body([['a']]) });
    expect(response.status).toBe(200);
    await mock.admin.advance(1_000);
    expect(mock.admin.state().jdJobs).toMatchObject([{ bucket: 'test-1250000000', key: 'z.zip', state: 'Success' }]);
  });
});

describe('close()', () => {
  it('drops accepted JD requests and queued jobs, so nothing finishes afterwards', async () => {
    const mock = testMock();
    await mock.admin.putObject('a', new TextEncoder().encode('a'));
    expect((await call(mock, 'http://127.0.0.1:9000/z.zip?compress', { method: 'POST', body: body([['a']]) })).status).toBe(200);
    await mock.close();
    await mock.admin.advance(10_000);
    expect(events(mock)).toEqual([]);
    expect(await mock.store.head('test-1250000000', 'z.zip')).toBeUndefined();
  });
});
