import { describe, expect, it, vi } from 'vitest';
import { authorizationV4, awsRequestFromWebRequest, signatureV2, signatureV4, verifyAws, type AwsVerifyInput } from './signing-aws.ts';
import { sha256Hex } from './signing-aws-crypto.ts';
import { parseAmzDate } from './signing-aws-v4.ts';

// Published example credentials and results: AWS S3 API reference, "Signature Calculations for the
// Authorization Header (Single Chunk)", "Query String Authentication" (SigV4) and "Signing and
// Authenticating REST Requests" (SigV2).
const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const AMZ_DATE = '20130524T000000Z';
const AT = Date.UTC(2013, 4, 24) / 1000;
const keys = (id: string) => (id === AKID ? SECRET : undefined);
const s3 = { amzDate: AMZ_DATE, region: 'us-east-1', service: 's3' };
const host = 'examplebucket.s3.amazonaws.com';

function input(method: string, target: string, headers: Record<string, string>, body = ''): AwsVerifyInput {
  return awsRequestFromWebRequest({ method, url: `http://${host}${target}`, headers: new Headers(headers) }, headers.host ?? host, 'examplebucket', new TextEncoder().encode(body));
}

describe('AWS Signature V4 — the published S3 examples', () => {
  it('GET Object with Range', async () => {
    const req = input('GET', '/test.txt', { range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': AMZ_DATE });
    const { signature } = await signatureV4(req, { ...s3, signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'], payloadHash: EMPTY_SHA256 }, SECRET);
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('gives the same signature on the hash-wasm fallback (pages where crypto.subtle is hidden)', async () => {
    const req = input('GET', '/test.txt', { range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': AMZ_DATE });
    vi.stubGlobal('crypto', {});
    try {
      const { signature } = await signatureV4(req, { ...s3, signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'], payloadHash: EMPTY_SHA256 }, SECRET);
      expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
      const { req: v2req, resource } = v2Request('GET', '/photos/puppy.jpg', { date: 'Tue, 27 Mar 2007 19:36:42 +0000' });
      expect(await signatureV2(v2req, resource, SECRET)).toBe('bWq2s1WEIj+Ydj0vQ697zp+IXMU=');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('PUT Object (a $ in the key, a Date header, a signed storage class)', async () => {
    const body = 'Welcome to Amazon S3.';
    const payloadHash = await sha256Hex(body);
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const req = input('PUT', '/test$file.text', { date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-date': AMZ_DATE, 'x-amz-storage-class': 'REDUCED_REDUNDANCY', 'x-amz-content-sha256': payloadHash }, body);
    const { signature } = await signatureV4(req, { ...s3, signedHeaders: ['date', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-storage-class'], payloadHash }, SECRET);
    expect(signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET Bucket lifecycle (a value-less sub-resource) and list objects (sorted query)', async () => {
    const scope = { ...s3, signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'], payloadHash: EMPTY_SHA256 };
    const headers = { 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': AMZ_DATE };
    expect((await signatureV4(input('GET', '/?lifecycle', headers), scope, SECRET)).signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
    expect((await signatureV4(input('GET', '/?max-keys=2&prefix=J', headers), scope, SECRET)).signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('verifies the presigned GET example within its 86400 s and reports it expired afterwards', async () => {
    const url = `/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${AKID}%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${AMZ_DATE}` +
      '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
    expect(await verifyAws(input('GET', url, {}), keys, AT + 60)).toEqual({ ok: true, accessKeyId: AKID, version: 'v4-presigned' });
    expect(await verifyAws(input('GET', url, {}), keys, AT + 86_401)).toMatchObject({ ok: false, status: 403, code: 'AccessDenied', message: 'Request has expired' });
    expect(await verifyAws(input('GET', url.replace('aeeed9', 'aeeed8'), {}), keys, AT)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });
});

/** A V2 example request of the S3 docs (bucket johnsmith) and its signed resource. */
function v2Request(method: string, target: string, headers: Record<string, string>) {
  const req = awsRequestFromWebRequest({ method, url: `http://johnsmith.s3.amazonaws.com${target}`, headers: new Headers(headers) }, 'johnsmith.s3.amazonaws.com', 'johnsmith', new Uint8Array());
  return { req, resource: { bucket: 'johnsmith', rawPath: req.rawPath, subResources: req.query.filter(([name]) => name === 'acl') } };
}

describe('AWS Signature V2 — the published S3 examples', () => {
  const v2 = v2Request;

  it('object GET, object PUT, list, ACL', async () => {
    const cases: Array<[string, string, Record<string, string>, string]> = [
      ['GET', '/photos/puppy.jpg', { date: 'Tue, 27 Mar 2007 19:36:42 +0000' }, 'bWq2s1WEIj+Ydj0vQ697zp+IXMU='],
      ['PUT', '/photos/puppy.jpg', { 'content-type': 'image/jpeg', date: 'Tue, 27 Mar 2007 21:15:45 +0000' }, 'MyyxeRY7whkBe+bq8fHCL/2kKUg='],
      ['GET', '/?prefix=photos&max-keys=50&marker=puppy', { date: 'Tue, 27 Mar 2007 19:42:41 +0000' }, 'htDYFYduRNen8P9ZfE/s9SuKy0U='],
      ['GET', '/?acl', { date: 'Tue, 27 Mar 2007 19:44:46 +0000' }, 'c2WLPFtWHVgbEmeEG93a4cG37dM='],
    ];
    for (const [method, target, headers, expected] of cases) {
      const { req, resource } = v2(method, target, headers);
      expect(await signatureV2(req, resource, SECRET), `${method} ${target}`).toBe(expected);
    }
  });

  it('verifies an Authorization: AWS header, within 15 minutes of its Date', async () => {
    const { req } = v2('GET', '/photos/puppy.jpg', { date: 'Tue, 27 Mar 2007 19:36:42 +0000', authorization: `AWS ${AKID}:bWq2s1WEIj+Ydj0vQ697zp+IXMU=` });
    const at = Date.parse('Tue, 27 Mar 2007 19:36:42 +0000') / 1000;
    expect(await verifyAws(req, keys, at + 5)).toEqual({ ok: true, accessKeyId: AKID, version: 'v2' });
    expect(await verifyAws(req, keys, at + 901)).toMatchObject({ ok: false, status: 403, code: 'RequestTimeTooSkewed' });
    expect(await verifyAws({ ...req, method: 'DELETE' }, keys, at)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('reads Date as an HTTP date or an RFC 5322 date with a numeric zone, nothing else (Date.parse took more, per engine)', async () => {
    const at = Date.UTC(2007, 2, 27, 19, 36, 42) / 1000;
    for (const date of ['Tue, 27 Mar 2007 19:36:42 GMT', 'Tuesday, 27-Mar-07 19:36:42 GMT', 'Tue Mar 27 19:36:42 2007', 'Tue, 27 Mar 2007 21:36:42 +0200']) {
      const { req } = v2('GET', '/photos/puppy.jpg', { date, authorization: `AWS ${AKID}:bWq2s1WEIj+Ydj0vQ697zp+IXMU=` });
      expect(await verifyAws(req, keys, at), date).not.toMatchObject({ code: 'AccessDenied' }); // read: the signature (over the Date text) decides
    }
    for (const date of ['2007-03-27T19:36:42Z', 'Mar 27 2007 19:36:42', 'Tue, 27 Mar 2007 19:36:42']) {
      const { req } = v2('GET', '/photos/puppy.jpg', { date, authorization: `AWS ${AKID}:bWq2s1WEIj+Ydj0vQ697zp+IXMU=` });
      expect(await verifyAws(req, keys, at), date).toMatchObject({ ok: false, status: 403, code: 'AccessDenied' });
    }
  });
});

describe('verifyAws — header V4', () => {
  const signed = async (body: string, extra: Record<string, string> = {}, signedHost = host) => {
    const payloadHash = await sha256Hex(body);
    const headers = { 'x-amz-date': AMZ_DATE, 'x-amz-content-sha256': payloadHash, 'content-type': 'text/xml', ...extra };
    const scope = { ...s3, signedHeaders: ['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date'], payloadHash };
    const authorization = await authorizationV4(input('POST', '/out.zip?compress', { ...headers, host: signedHost }), scope, AKID, SECRET);
    return { ...headers, authorization };
  };

  it('accepts a signed request, also when the host was signed without the port the Host carries', async () => {
    expect(await verifyAws(input('POST', '/out.zip?compress', await signed('<CompressRequest/>'), '<CompressRequest/>'), keys, AT)).toMatchObject({ ok: true, version: 'v4' });
    const viaPort = input('POST', '/out.zip?compress', { ...(await signed('<a/>')), host: `${host}:9000` }, '<a/>');
    expect(await verifyAws(viaPort, keys, AT)).toMatchObject({ ok: true });
  });

  it('rejects a changed body, path or query, an unknown key, a stale date and a malformed header', async () => {
    const headers = await signed('<a/>');
    expect(await verifyAws(input('POST', '/out.zip?compress', headers, '<b/>'), keys, AT)).toMatchObject({ status: 400, code: 'XAmzContentSHA256Mismatch' });
    expect(await verifyAws(input('POST', '/other.zip?compress', headers, '<a/>'), keys, AT)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await verifyAws(input('POST', '/out.zip?compress&x=1', headers, '<a/>'), keys, AT)).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(await verifyAws(input('POST', '/out.zip?compress', headers, '<a/>'), () => undefined, AT)).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    expect(await verifyAws(input('POST', '/out.zip?compress', headers, '<a/>'), keys, AT + 901)).toMatchObject({ status: 403, code: 'RequestTimeTooSkewed' });
    expect(await verifyAws(input('POST', '/out.zip?compress', { ...headers, authorization: 'AWS4-HMAC-SHA256 Credential=x' }, '<a/>'), keys, AT)).toMatchObject({ status: 400, code: 'AuthorizationHeaderMalformed' });
    expect(await verifyAws(input('POST', '/out.zip?compress', {}, '<a/>'), keys, AT)).toMatchObject({ status: 403, code: 'AccessDenied' });
  });

  it('rejects a credential scope for another region (when the host names one) or service, and impossible dates', async () => {
    const headers = await signed('<a/>');
    expect(await verifyAws({ ...input('POST', '/out.zip?compress', headers, '<a/>'), region: 'us-east-1' }, keys, AT)).toMatchObject({ ok: true });
    expect(await verifyAws({ ...input('POST', '/out.zip?compress', headers, '<a/>'), region: 'eu-west-1' }, keys, AT))
      .toMatchObject({ status: 400, code: 'AuthorizationHeaderMalformed', message: expect.stringContaining("the region 'us-east-1' is wrong; expecting 'eu-west-1'") });
    const otherService = { ...headers, authorization: (headers.authorization ?? '').replace('/us-east-1/s3/', '/us-east-1/ec2/') };
    expect(await verifyAws(input('POST', '/out.zip?compress', otherService, '<a/>'), keys, AT)).toMatchObject({ status: 400, code: 'AuthorizationHeaderMalformed' });
    for (const impossible of ['20130230T000000Z', '20130524T240000Z', '20131324T000000Z', '20130524T006000Z']) {
      expect(parseAmzDate(impossible), impossible).toBeUndefined();
    }
    expect(parseAmzDate(AMZ_DATE)).toBe(AT);
  });

  it('hashes the body itself when no x-amz-content-sha256 is sent', async () => {
    const payloadHash = await sha256Hex('<a/>');
    const headers = { 'x-amz-date': AMZ_DATE };
    const authorization = await authorizationV4(input('POST', '/k?compress', headers), { ...s3, signedHeaders: ['host', 'x-amz-date'], payloadHash }, AKID, SECRET);
    expect(await verifyAws(input('POST', '/k?compress', { ...headers, authorization }, '<a/>'), keys, AT)).toMatchObject({ ok: true });
    expect(await verifyAws(input('POST', '/k?compress', { ...headers, authorization }, '<b/>'), keys, AT)).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});
