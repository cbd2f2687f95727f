import { describe, expect, it } from 'vitest';
import { signDetailed, verify, signingRequestFromWebRequest, type SignOptions, type SigningRequest } from '../signing.ts';

// Reference §6.3: official worked examples (TV1, TV2), Go SDK test (TV3), CI-shaped vectors (TV4–TV10).
const DOC = { secretId: 'AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q', secretKey: 'BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz' };
const CI_TIMES = { start: 1700000000, end: 1700003600 };
const TV1_TIMES = { start: 1557989151, end: 1557996351 };
const TV1_SIGN_KEY = 'eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f';
const CI_HOST = 'examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com';
const COS_HOST = 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com';
const TV1_REQUEST: SigningRequest = {
  method: 'PUT',
  path: '/exampleobject(腾讯云)',
  query: {},
  headers: {
    Date: 'Thu, 16 May 2019 06:45:51 GMT',
    Host: 'examplebucket-1250000000.cos.ap-beijing.myqcloud.com',
    'Content-Type': 'text/plain',
    'Content-Length': '13',
    'Content-MD5': 'mQ/fVh815F3k6TAUm8m0eg==',
    'x-cos-acl': 'private',
    'x-cos-grant-read': 'uin="100000000011"',
  },
};
const post = (headers: Record<string, string>): SigningRequest => ({ method: 'POST', path: '/file_jobs', query: {}, headers });
const get = (path: string, query: SigningRequest['query'], host = CI_HOST): SigningRequest => ({ method: 'GET', path, query, headers: { Host: host } });

describe('TV1 upload example (436/7778)', async () => {
  const details = await signDetailed(TV1_REQUEST, DOC, TV1_TIMES, { headers: 'all' });
  it('reproduces every intermediate', () => {
    expect(details.keyTime).toBe('1557989151;1557996351');
    expect(details.signKey).toBe(TV1_SIGN_KEY);
    expect(details.urlParamList).toBe('');
    expect(details.httpParameters).toBe('');
    expect(details.headerList).toBe('content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read');
    expect(details.httpHeaders).toBe('content-length=13&content-md5=mQ%2FfVh815F3k6TAUm8m0eg%3D%3D&content-type=text%2Fplain&date=Thu%2C%2016%20May%202019%2006%3A45%3A51%20GMT&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com&x-cos-acl=private&x-cos-grant-read=uin%3D%22100000000011%22');
    expect(details.httpString).toBe(`put\n/exampleobject(腾讯云)\n\n${details.httpHeaders}\n`);
    expect(details.stringToSign).toBe('sha1\n1557989151;1557996351\n8b2751e77f43a0995d6e9eb9477f4b685cca4172\n');
    expect(details.signature).toBe('3b8851a11a569213c17ba8fa7dcf2abec6935172');
  });
  it('reproduces the Authorization line', () => {
    expect(details.authorization).toBe('q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1557989151;1557996351&q-key-time=1557989151;1557996351&q-header-list=content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read&q-url-param-list=&q-signature=3b8851a11a569213c17ba8fa7dcf2abec6935172');
  });
  it('verifies the published Authorization on the wire request', async () => {
    const wire = new Request('http://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)', {
      method: 'PUT',
      headers: { ...TV1_REQUEST.headers, Authorization: details.authorization },
    });
    expect(await verify(signingRequestFromWebRequest(wire), () => DOC.secretKey, 1557990000)).toEqual({ ok: true, secretId: DOC.secretId });
  });
});

describe('TV2 download example (436/7778)', async () => {
  const url = 'http://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)?response-content-type=application%2Foctet-stream&response-cache-control=max-age%3D600';
  const wire = new Request(url, { headers: { Date: 'Thu, 16 May 2019 06:55:53 GMT', Host: 'examplebucket-1250000000.cos.ap-beijing.myqcloud.com' } });
  const request = signingRequestFromWebRequest(wire);
  const details = await signDetailed(request, DOC, { start: 1557989753, end: 1557996953 }, { headers: 'all' });
  it('decodes the wire path to raw UTF-8', () => expect(request.path).toBe('/exampleobject(腾讯云)'));
  it('reproduces every intermediate and the Authorization line', () => {
    expect(details.signKey).toBe('937914bf490e9e8c189836aad2052e4feeb35eaf');
    expect(details.urlParamList).toBe('response-cache-control;response-content-type');
    expect(details.httpParameters).toBe('response-cache-control=max-age%3D600&response-content-type=application%2Foctet-stream');
    expect(details.headerList).toBe('date;host');
    expect(details.httpHeaders).toBe('date=Thu%2C%2016%20May%202019%2006%3A55%3A53%20GMT&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com');
    expect(details.stringToSign).toBe('sha1\n1557989753;1557996953\n54ecfe22f59d3514fdc764b87a32d8133ea611e6\n');
    expect(details.signature).toBe('01681b8c9d798a678e43b685a9f1bba0f6c0e012');
    expect(details.authorization).toBe('q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1557989753;1557996953&q-key-time=1557989753;1557996953&q-header-list=date;host&q-url-param-list=response-cache-control;response-content-type&q-signature=01681b8c9d798a678e43b685a9f1bba0f6c0e012');
  });
});

describe('TV3 Go SDK TestNewAuthorization', () => {
  it('reproduces SignKey, the HttpString digest and the Authorization line', async () => {
    const request: SigningRequest = {
      method: 'PUT',
      path: '/testfile2',
      query: {},
      headers: {
        Host: 'testbucket-125000000.cos.ap-guangzhou.myqcloud.com',
        'x-cos-content-sha1': 'db8ac1c259eb89d4a131b253bacfca5f319d54f2',
        'x-cos-stroage-class': 'nearline',
      },
    };
    const details = await signDetailed(request, { secretId: 'QmFzZTY0IGlzIGEgZ2VuZXJp', secretKey: 'AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM' }, { start: 1480932292, end: 1481012292 });
    expect(details.signKey).toBe('95d110a8ead64cac52083100db75b7e3f369e72f');
    expect(details.stringToSign).toBe('sha1\n1480932292;1481012292\n113b22e92b74237531fafbfc8bb9e67be55645c7\n');
    expect(details.authorization).toBe('q-sign-algorithm=sha1&q-ak=QmFzZTY0IGlzIGEgZ2VuZXJp&q-sign-time=1480932292;1481012292&q-key-time=1480932292;1481012292&q-header-list=host;x-cos-content-sha1;x-cos-stroage-class&q-url-param-list=&q-signature=ce4ac0ecbcdb30538b3fee0a97cc6389694ce53a');
  });
});

interface CiVector {
  name: string;
  request: SigningRequest;
  headerList: string;
  urlParamList: string;
  httpString?: string;
  signature: string;
  options?: SignOptions;
  /** TV10 re-signs TV1, so it keeps TV1's window (and SignKey). */
  times?: { start: number; end: number };
}

const CI_VECTORS: CiVector[] = [
  { name: 'TV4 submit', request: post({ Host: CI_HOST }), headerList: 'host', urlParamList: '', httpString: `post\n/file_jobs\n\nhost=${CI_HOST}\n`, signature: 'd1009f2ae88269b33bae66873c1a4efa6dda9c33' },
  { name: 'TV5 list', request: get('/jobs', [['tag', 'FileCompress'], ['size', '10'], ['states', 'All']]), headerList: 'host', urlParamList: 'size;states;tag', httpString: `get\n/jobs\nsize=10&states=All&tag=FileCompress\nhost=${CI_HOST}\n`, signature: '29db545a7a7436c183ac812b00ad46aa96320e0f' },
  { name: 'TV6 cancel', request: { method: 'PUT', path: '/jobs/f93984788066911ed89ed352d4d9d2084', query: [['cancel', '']], headers: { Host: CI_HOST } }, headerList: 'host', urlParamList: 'cancel', httpString: `put\n/jobs/f93984788066911ed89ed352d4d9d2084\ncancel=\nhost=${CI_HOST}\n`, signature: '28d2fd242742c07e6f82de069c590ce97c8d9de1' },
  { name: 'TV7 zip preview', request: get('/test/a b.zip', { 'ci-process': 'zippreview', 'uncompress-key': 'MTIzNDU2' }, COS_HOST), headerList: 'host', urlParamList: 'ci-process;uncompress-key', httpString: `get\n/test/a b.zip\nci-process=zippreview&uncompress-key=MTIzNDU2\nhost=${COS_HOST}\n`, signature: 'e77b77987292452ebc32bc23fdf04948b31408e5' },
  { name: 'TV8 submit with body headers', request: post({ Host: CI_HOST, 'Content-Type': 'application/xml', 'Content-Length': '166' }), headerList: 'content-length;content-type;host', urlParamList: '', httpString: `post\n/file_jobs\n\ncontent-length=166&content-type=application%2Fxml&host=${CI_HOST}\n`, signature: '09a8daf7be26ac9d488741ec318efb7e6af91ebd' },
  { name: 'TV9 port-less host', request: post({ Host: '127.0.0.1', 'Content-Type': 'application/xml', 'Content-Length': '100' }), headerList: 'content-length;content-type;host', urlParamList: '', signature: '4826363fdfd7055fa7d3a6a2538b46ffd752ab5a' },
  { name: 'TV9 host with port', request: post({ Host: '127.0.0.1:9000', 'Content-Type': 'application/xml', 'Content-Length': '100' }), headerList: 'content-length;content-type;host', urlParamList: '', signature: 'b7c78d728712c68c61fd7aff2f2405a4d7464f1d' },
  { name: 'TV10 Node SDK header set', request: TV1_REQUEST, options: { headers: 'node-sdk' }, times: TV1_TIMES, headerList: 'content-length;content-md5;host;x-cos-acl;x-cos-grant-read', urlParamList: '', signature: '65788349a05a472789af1637995918716f64cc20' },
];

describe('TV4–TV10 CI-shaped vectors', () => {
  it.each(CI_VECTORS)('$name', async ({ request, options, times = CI_TIMES, headerList, urlParamList, httpString, signature }) => {
    const details = await signDetailed(request, DOC, times, options);
    expect(details.signKey).toBe(times === CI_TIMES ? '552178a693a0d230b84a4f15c143bc3c2cb3d9c0' : TV1_SIGN_KEY);
    expect(details.headerList).toBe(headerList);
    expect(details.urlParamList).toBe(urlParamList);
    if (httpString) expect(details.httpString).toBe(httpString);
    expect(details.signature).toBe(signature);
    expect(await verify({ ...request, headers: { ...request.headers, Authorization: details.authorization } }, () => DOC.secretKey, times.start)).toEqual({ ok: true, secretId: DOC.secretId });
  });

  it('TV9: a signature over the port-less host verifies on a request sent with Host ip:port (§9.27)', async () => {
    const portless = await signDetailed(post({ Host: '127.0.0.1', 'Content-Type': 'application/xml', 'Content-Length': '100' }), DOC, CI_TIMES);
    const sent = post({ Host: '127.0.0.1:9000', 'Content-Type': 'application/xml', 'Content-Length': '100', Authorization: portless.authorization });
    expect(await verify(sent, () => DOC.secretKey, CI_TIMES.end)).toEqual({ ok: true, secretId: DOC.secretId });
  });
});
