import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { call, testMock } from './test-support.ts';

// An independent SigV4 implementation (the `aws4` package, as `request` uses against S3) signs; the mock must accept.
const aws4 = createRequire(import.meta.url)('aws4') as {
  sign(request: { host: string; path: string; method: string; body: string; service: string; region: string; headers: Record<string, string> },
    credentials: { accessKeyId: string; secretAccessKey: string }): { headers: Record<string, string | number> };
};

const HOST = 'bucket.s3.cn-north-1.jdcloud-oss.com';
const BODY = '<CompressRequest><Component><Key>a.txt</Key></Component></CompressRequest>';
const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

describe('JD Compress Object accepts requests signed by an independent AWS SigV4 client (aws4)', () => {
  it.each(['out.zip', 'out/日本 語.zip', 'a+b (1).zip', "x~y!*'().zip", 'deep/a%b/c.zip'])('key %s', async (key) => {
    const mock = testMock({ keys: { AKIDJD: 'jd-secret' } });
    const path = `/${encodeKey(key)}?compress`;
    const signed = aws4.sign({ host: HOST, path, method: 'POST', body: BODY, service: 's3', region: 'cn-north-1', headers: { 'content-type': 'text/xml', 'x-amz-notification-endpoint': 'http://127.0.0.1:1/done' } },
      { accessKeyId: 'AKIDJD', secretAccessKey: 'jd-secret' });
    // Host travels in the URL; Content-Length is signed, so it is sent as a header as a server would see it.
    const { Host: _host, ...rest } = signed.headers;
    const headers = Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, String(value)]));
    const response = await call(mock, `http://${HOST}${path}`, { method: 'POST', body: BODY, headers });
    expect(response.status, await response.text()).toBe(200);
    expect(mock.admin.state().jdJobs).toEqual([expect.objectContaining({ key })]);
    const tampered = await call(mock, `http://${HOST}${path}`, { method: 'POST', body: BODY, headers: { ...headers, 'x-amz-notification-endpoint': 'http://evil.example/' } });
    expect(tampered.status).toBe(403);
  });
});
