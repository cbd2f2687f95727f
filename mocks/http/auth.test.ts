import { describe, expect, it } from 'vitest';
import { sign, signingRequestFromWebRequest } from '../../protocol/signing.ts';
import { BUCKET, CI, COS, compressBody, expectError, expectSpecBody, hashBody, testMock } from './test-support.ts';

const KEYS = { AKIDfileproc: 'secret-key-1' };
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const nowSeconds = Math.floor(NOW / 1000);

/** A copy of `request` with one header replaced. */
function withHeader(request: Request, name: string, value: (old: string) => string): Request {
  const headers = new Headers(request.headers);
  headers.set(name, value(request.headers.get(name) ?? ''));
  return new Request(request, { headers });
}

/** Signs a Request the way an SDK does (host from `host`, default header/param selection). */
async function signed(url: string, init: RequestInit & { host?: string } = {}, times = { start: nowSeconds - 1, end: nowSeconds + 900 }, secretKey = 'secret-key-1'): Promise<Request> {
  const headers = new Headers(init.headers);
  headers.set('host', init.host ?? new URL(url).host);
  const unsigned = new Request(url, { ...init, headers });
  const view = signingRequestFromWebRequest(unsigned);
  headers.set('authorization', await sign({ ...view, headers: { ...view.headers, host: init.host ?? new URL(url).host } }, { secretId: 'AKIDfileproc', secretKey }, times));
  return new Request(url, { ...init, headers });
}

describe('authentication (reference §6)', () => {
  const mock = () => testMock({ keys: KEYS, authNow: () => NOW });

  it('passes correctly signed requests on the CI and COS hosts', async () => {
    const m = mock();
    expect((await m.fetch(await signed(`${COS}/a.txt`, { method: 'PUT', body: 'hello' }))).status).toBe(200);
    await expectSpecBody(await m.fetch(await signed(`${CI}/file_jobs`, { method: 'POST', body: hashBody('a.txt') })), 'SubmitJobResponse');
    await expectSpecBody(await m.fetch(await signed(`${CI}/jobs?tag=FileHashCode&size=10`)), 'ListJobsResponse');
  });

  it('accepts the host signed with or without the port (Python signs 127.0.0.1 while sending 127.0.0.1:9000, §9.27)', async () => {
    const m = mock();
    const url = 'http://127.0.0.1:9000/file_jobs';
    const withPort = await signed(url, { method: 'POST', body: compressBody(['a']) });
    await expectSpecBody(await m.fetch(withPort), 'SubmitJobResponse');
    // Signed over host "127.0.0.1", sent with Host "127.0.0.1:9000".
    const bare = await signed(url, { method: 'POST', body: compressBody(['a']), host: '127.0.0.1' });
    const sent = withHeader(bare, 'host', () => '127.0.0.1:9000');
    await expectSpecBody(await m.fetch(sent), 'SubmitJobResponse');
  });

  it('refuses a wrong signature with 403 SignatureDoesNotMatch and creates nothing', async () => {
    const m = mock();
    await expectError(await m.fetch(await signed(`${CI}/file_jobs`, { method: 'POST', body: hashBody('a') }, undefined, 'wrong-key')), 403, 'SignatureDoesNotMatch');
    const tampered = await signed(`${CI}/jobs?tag=FileHashCode`);
    await expectError(await m.fetch(new Request(`${CI}/jobs?tag=FileCompress`, { headers: tampered.headers })), 403, 'SignatureDoesNotMatch');
    await expectError(await m.fetch(await signed(`${COS}/x`, { method: 'PUT', body: 'x' }, undefined, 'wrong-key')), 403, 'SignatureDoesNotMatch', 'cos');
    expect(m.engine.snapshot().jobs).toHaveLength(0);
    expect(await m.store.head(BUCKET, 'x')).toBeUndefined();
  });

  it('refuses an expired or not-yet-valid window with 403 AccessDenied "Request has expired"', async () => {
    const m = mock();
    for (const times of [{ start: nowSeconds - 3600, end: nowSeconds - 60 }, { start: nowSeconds + 60, end: nowSeconds + 900 }]) {
      const error = await expectError(await m.fetch(await signed(`${CI}/jobs?tag=FileHashCode`, {}, times)), 403, 'AccessDenied');
      expect(error.Message).toBe('Request has expired');
    }
  });

  it('holds JD Compress Object to AWS-style signing, not COS signing (jd-auth.test.ts has the accepted cases)', async () => {
    const m = mock();
    const body = '<CompressRequest><Component><Key>a</Key></Component></CompressRequest>';
    const url = 'http://bucket.s3.cn-north-1.jdcloud-oss.com/z.zip?compress';
    expect((await m.fetch(new Request(url, { method: 'POST', body, headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } }))).status).toBe(400);
    const cosSigned = await signed(url, { method: 'POST', body });
    const answer = await m.fetch(cosSigned);
    expect([answer.status, /<Code>(\w+)<\/Code>/.exec(await answer.text())?.[1]]).toEqual([400, 'AuthorizationHeaderMalformed']);
    expect(m.admin.state().jdJobs).toEqual([]);
  });

  it('refuses unsigned requests and unknown SecretIds; admin routes stay open', async () => {
    const m = mock();
    await expectError(await m.fetch(new Request(`${CI}/jobs?tag=FileHashCode`)), 403, 'AccessDenied');
    const request = await signed(`${CI}/jobs?tag=FileHashCode`);
    const other = withHeader(request, 'authorization', (v) => v.replace('AKIDfileproc', 'AKIDother'));
    await expectError(await m.fetch(other), 403, 'InvalidAccessKeyId');
    expect((await m.fetch(new Request('http://127.0.0.1:9000/__fileproc/state'))).status).toBe(200);
  });
});
