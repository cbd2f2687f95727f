import { describe, expect, it } from 'vitest';
import { createClient } from '../../protocol/client.ts';
import { jdcloudCodec } from '../../protocol/codec.ts';
import { authorizationV4, signatureV2 } from '../../protocol/signing-aws.ts';
import { sha256Hex } from '../../protocol/signing-aws-crypto.ts';
import { jdcloudValidator } from '../../protocol/validate.ts';
import { call, testMock } from './test-support.ts';

const HOST = 'bucket.s3.cn-north-1.jdcloud-oss.com';
const JD = `http://${HOST}`;
const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);
const AMZ_DATE = '20260101T000000Z';
const BODY = '<CompressRequest><Component><Key>a.txt</Key></Component></CompressRequest>';
const keyed = () => testMock({ keys: { AKIDJD: 'jd-secret' }, authNow: () => NOW });

async function v4Headers(secret: string, body = BODY, path = '/out.zip', region = 'cn-north-1'): Promise<Record<string, string>> {
  const payloadHash = await sha256Hex(body);
  const headers = { 'content-type': 'text/xml', 'x-amz-date': AMZ_DATE, 'x-amz-content-sha256': payloadHash };
  const request = { method: 'POST', path, query: [['compress', '']] as const, headers: { ...headers, host: HOST } };
  const scope = { amzDate: AMZ_DATE, region, service: 's3', signedHeaders: ['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date'], payloadHash };
  return { ...headers, authorization: await authorizationV4(request, scope, 'AKIDJD', secret) };
}

/** Asserts a JD `<Error>` valid against the jdcloud spec and returns its code. */
async function jdError(response: Response, status: number): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('x-amz-request-id')).toBeTruthy();
  const value = jdcloudCodec.decode(text, 'Error') as { Code: string };
  const checked = jdcloudValidator.validate(value, 'Error');
  expect(checked.ok ? 'valid' : checked.message).toBe('valid');
  return value.Code;
}

describe('JD Compress Object authentication with key pairs (§7.1, §9.30)', () => {
  it('accepts an AWS Signature V4 made with a configured key and builds the archive', async () => {
    const mock = keyed();
    await mock.admin.putObject('a.txt', new TextEncoder().encode('A'), { bucket: 'bucket' });
    const response = await call(mock, `${JD}/out.zip?compress`, { method: 'POST', body: BODY, headers: await v4Headers('jd-secret') });
    expect(response.status, await response.text()).toBe(200);
    await mock.admin.advance(1_000);
    expect(await mock.store.head('bucket', 'out.zip')).toBeDefined();
  });

  it('accepts AWS Signature V2 (with or without ?compress in the signed resource)', async () => {
    const mock = keyed();
    const date = new Date(NOW).toUTCString();
    const request = { method: 'POST', path: '/out.zip', query: [['compress', '']] as const, headers: { 'content-type': 'text/xml', date } };
    for (const subResources of [[['compress', '']] as const, []]) {
      const signature = await signatureV2(request, { bucket: 'bucket', rawPath: '/out.zip', subResources }, 'jd-secret');
      const response = await call(mock, `${JD}/out.zip?compress`, { method: 'POST', body: BODY, headers: { ...request.headers, authorization: `AWS AKIDJD:${signature}` } });
      expect(response.status, await response.text()).toBe(200);
    }
  });

  it('refuses unsigned, wrongly signed, tampered and stale requests with the S3 codes; nothing is accepted', async () => {
    const mock = keyed();
    const post = (headers: Record<string, string>, body = BODY) => call(mock, `${JD}/out.zip?compress`, { method: 'POST', body, headers });
    expect(await jdError(await post({ 'content-type': 'text/xml' }), 403)).toBe('AccessDenied');
    expect(await jdError(await post(await v4Headers('other-secret')), 403)).toBe('SignatureDoesNotMatch');
    expect(await jdError(await post(await v4Headers('jd-secret'), BODY.replace('a.txt', 'b.txt')), 400)).toBe('XAmzContentSHA256Mismatch');
    const good = await v4Headers('jd-secret');
    expect(await jdError(await post({ ...good, authorization: (good.authorization ?? '').replace('AKIDJD', 'NOPE') }), 403)).toBe('InvalidAccessKeyId');
    const stale = testMock({ keys: { AKIDJD: 'jd-secret' }, authNow: () => NOW + 16 * 60_000 });
    expect(await jdError(await call(stale, `${JD}/out.zip?compress`, { method: 'POST', body: BODY, headers: await v4Headers('jd-secret') }), 403)).toBe('RequestTimeTooSkewed');
    // Signed correctly, but for a region the Host does not name (S3's answer).
    const otherRegion = await post(await v4Headers('jd-secret', BODY, '/out.zip', 'cn-east-2'));
    expect(await jdError(otherRegion.clone(), 400)).toBe('AuthorizationHeaderMalformed');
    expect(await otherRegion.text()).toMatch(/the region (&apos;|')cn-east-2\1 is wrong; expecting \1cn-north-1\1/);
    expect(mock.admin.state().jdJobs).toEqual([]);
  });

  it('the protocol client signs JD requests with V4 (path and proxy addressing) and the mock accepts them', async () => {
    const mock = keyed();
    for (const addressing of ['path', 'proxy'] as const) {
      const client = createClient({ endpoint: 'http://127.0.0.1:9000', bucket: 'bucket', region: 'cn-north-1', addressing, credentials: { secretId: 'AKIDJD', secretKey: 'jd-secret' }, now: () => NOW, fetch: (r) => mock.fetch(r) });
      const answer = await client.jdCompress(`${addressing}.zip`, { Component: [{ Key: 'a.txt' }] }, { 'x-amz-notification-endpoint': 'http://127.0.0.1:1/done' });
      expect(answer.request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDJD\/20260101\/cn-north-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-notification-endpoint, Signature=[0-9a-f]{64}$/);
      expect(answer.status, answer.text).toBe(200);
    }
  });

  it('stays open without key pairs (auth off by default)', async () => {
    const response = await call(testMock(), `${JD}/out.zip?compress`, { method: 'POST', body: BODY });
    expect(response.status).toBe(200);
  });
});
