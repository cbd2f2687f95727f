import { describe, expect, it } from 'vitest';
import { hostVariants, sign, signingRequestFromWebRequest, verify, type SigningRequest } from '../signing.ts';

const CREDENTIALS = { secretId: 'AKIDverify', secretKey: 'verify-secret' };
const TIMES = { start: 1_700_000_000, end: 1_700_000_900 };
const lookup = (id: string) => (id === CREDENTIALS.secretId ? CREDENTIALS.secretKey : undefined);
const REQUEST: SigningRequest = {
  method: 'GET',
  path: '/jobs',
  query: [['tag', 'FileCompress'], ['nextToken', '']],
  headers: { Host: 'b-1250000000.ci.ap-guangzhou.myqcloud.com', 'x-cos-security-token': 'tok' },
};
const withAuthorization = (authorization: string): SigningRequest => ({ ...REQUEST, headers: { ...REQUEST.headers, Authorization: authorization } });

describe('verify', () => {
  it('accepts the pairs as query parameters (presigned URL) through the Web Request helper', async () => {
    const authorization = await sign(REQUEST, CREDENTIALS, TIMES);
    const url = new URL('http://b-1250000000.ci.ap-guangzhou.myqcloud.com/jobs?tag=FileCompress&nextToken=');
    for (const part of authorization.split('&')) url.searchParams.append(part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1));
    const request = new Request(url, { headers: { 'x-cos-security-token': 'tok' } });
    expect(await verify(signingRequestFromWebRequest(request), lookup, TIMES.start)).toEqual({ ok: true, secretId: 'AKIDverify' });
  });

  it('accepts a presigned URL with the Authorization appended unencoded (Node SDK getObjectUrl style)', async () => {
    const request: SigningRequest = { method: 'GET', path: '/a b.zip', query: [['{', 'x'], ['ci-process', 'zippreview']], headers: { host: 'b-1250000000.cos.ap-guangzhou.myqcloud.com' } };
    const authorization = await sign(request, CREDENTIALS, TIMES);
    expect(authorization).toContain('q-url-param-list=%7b;ci-process&');
    const url = `http://b-1250000000.cos.ap-guangzhou.myqcloud.com/a%20b.zip?%7B=x&ci-process=zippreview&${authorization}`;
    expect(await verify(signingRequestFromWebRequest(new Request(url)), lookup, TIMES.start)).toEqual({ ok: true, secretId: 'AKIDverify' });
  });

  it('awaits an async key lookup and reports an unknown SecretId as InvalidAccessKeyId', async () => {
    const authorization = await sign(REQUEST, CREDENTIALS, TIMES);
    expect(await verify(withAuthorization(authorization), async (id) => lookup(id), TIMES.start)).toMatchObject({ ok: true });
    expect(await verify(withAuthorization(authorization), async () => undefined, TIMES.start)).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
  });

  it('treats the window as inclusive and checks q-key-time too', async () => {
    const authorization = await sign(REQUEST, CREDENTIALS, TIMES);
    expect(await verify(withAuthorization(authorization), lookup, TIMES.end)).toMatchObject({ ok: true });
    expect(await verify(withAuthorization(authorization), lookup, TIMES.end + 1)).toEqual({ ok: false, code: 'AccessDenied', message: 'Request has expired' });
    const narrowKey = authorization.replace(/q-key-time=[^&]*/, `q-key-time=${TIMES.start};${TIMES.start + 10}`);
    expect(await verify(withAuthorization(narrowKey), lookup, TIMES.start + 11)).toEqual({ ok: false, code: 'AccessDenied', message: 'Request has expired' });
  });

  it('compares listed names case-insensitively', async () => {
    const authorization = await sign(REQUEST, CREDENTIALS, TIMES);
    const shouting = authorization.replace('q-header-list=host;x-cos-security-token', 'q-header-list=Host;X-Cos-Security-Token').replace('nexttoken;tag', 'NextToken;TAG');
    expect(shouting).not.toBe(authorization);
    expect(await verify(withAuthorization(shouting), lookup, TIMES.start)).toMatchObject({ ok: true });
  });

  it('explains a mismatch with the server-side HttpString and StringToSign', async () => {
    const authorization = await sign(REQUEST, CREDENTIALS, TIMES);
    const result = await verify({ ...withAuthorization(authorization), path: '/file_jobs' }, lookup, TIMES.start);
    expect(result).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch', expected: { httpString: expect.stringContaining('get\n/file_jobs\nnexttoken=&tag=FileCompress\n') } });
    expect(result.ok === false && result.message.startsWith('[fileproc]')).toBe(true);
  });

  it.each([
    ['no credentials at all', undefined],
    ['a missing q-signature', 'q-sign-algorithm=sha1&q-ak=AKIDverify&q-sign-time=1;2&q-key-time=1;2'],
    ['a non-numeric window', 'q-sign-algorithm=sha1&q-ak=AKIDverify&q-sign-time=soon&q-key-time=1;2&q-signature=ab'],
    ['a window that ends before it starts', 'q-sign-algorithm=sha1&q-ak=AKIDverify&q-sign-time=5;1&q-key-time=5;1&q-signature=ab'],
    ['another algorithm', 'q-sign-algorithm=sha256&q-ak=AKIDverify&q-sign-time=1;2&q-key-time=1;2&q-signature=ab'],
    ['garbage', 'Bearer abc'],
  ])('answers AccessDenied for %s', async (_, authorization) => {
    const request = authorization === undefined ? REQUEST : withAuthorization(authorization);
    const result = await verify(request, lookup, 1);
    expect(result).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(result.ok === false && result.message).toMatch(/^\[fileproc\] /);
  });
});

describe('hostVariants', () => {
  it('adds the port-less host, and an IPv6 literal without brackets', () => {
    expect(hostVariants('127.0.0.1:9000')).toEqual(['127.0.0.1:9000', '127.0.0.1']);
    expect(hostVariants('[::1]:9000')).toEqual(['[::1]:9000', '[::1]', '::1']);
    expect(hostVariants('bucket.cos.ap-guangzhou.myqcloud.com')).toEqual(['bucket.cos.ap-guangzhou.myqcloud.com']);
  });
});
