/**
 * Property: whatever arrives — random methods, paths, hosts, selecting queries, garbled or
 * schema-shaped bodies — the mock answers with a 2xx-4xx status, never a 5xx, and every error
 * body is a valid `<Error>`; where the request reaches an operation, the status is one the spec
 * documents for it and an XML body validates against the schema the spec gives for that status.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryOf } from '../../protocol/arbitrary.ts';
import { cosCiCodec } from '../../protocol/codec.ts';
import { cosCiValidator } from '../../protocol/validate.ts';
import { operationOf, specProblem } from './spec-response-check.ts';
import { BUCKET, REGION, compressBody, fcRuns, hashBody, testMock, uncompressBody } from './test-support.ts';

const hosts = [`${BUCKET}.ci.${REGION}.myqcloud.com`, `${BUCKET}.cos.${REGION}.myqcloud.com`, '127.0.0.1:9000', `ci.${REGION}.myqcloud.com`, 'bucket.s3.cn-north-1.jdcloud-oss.com'];
const paths = ['/file_jobs', '/jobs', '/file_jobs/', '/jobs/f0,f1', '/file_queue', '/file_queue/p0', '/file_bucket', '/', '/a.txt', '/dir/x.zip', '/__fileproc/state', '/__fileproc/clock', '/__fileproc/faults', '/__fileproc/objects/k', '/__fileproc/jobs/f1/script', '/__fileproc/timing', '/%zz', '/%E4%B8%AD', '/%00', '/a%01b', '/%ED%A0%80'];
const queryKeys = ['ci-process', 'cancel', 'compress', 'tag', 'size', 'states', 'type', 'max-keys', 'prefix', 'marker', 'nextToken', 'queueIds', 'pageSize', 'uncompress-key', 'startCreationTime', 'bucket'];
const valid = [compressBody(['a.txt', 'b.txt']), hashBody('a.txt'), uncompressBody('x.zip', 'out/'), '<Request><Name>q</Name><State>Paused</State><NotifyConfig><State>Off</State></NotifyConfig></Request>', '<CompressRequest><Component><Key>a.txt</Key></Component></CompressRequest>', '{"mode":"real"}', '{"ms":1000}', '{"enable":"paging-skips-job"}'];

/** A valid body with a random slice replaced by random text (truncations, broken tags, stray entities). */
const garbled = fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.nat(40), fc.string({ maxLength: 12 })).map(([body, at, cut, insert]) => {
  const start = at % (body.length + 1);
  return body.slice(0, start) + insert + body.slice(start + cut);
});

const body = fc.oneof(
  fc.constant(undefined), fc.constantFrom(...valid), garbled, fc.string({ maxLength: 60 }),
  arbitraryOf(cosCiCodec, 'SubmitJobRequest', { maxArrayLength: 3, maxStringLength: 12 }).map((v) => cosCiCodec.encode(v, 'SubmitJobRequest')),
);

// Routed pairs keep most runs inside handlers (validation paths), random pairs probe routing.
const routed: Array<[string, string, string]> = [
  ['POST', '/file_jobs', ''], ['POST', '/jobs', ''], ['GET', '/jobs', 'tag=FileCompress'], ['GET', '/file_jobs/f1,f2', ''], ['PUT', '/jobs/f1', 'cancel'],
  ['PUT', '/file_queue/p0', ''], ['POST', '/file_bucket', ''], ['GET', '/file_bucket', ''], ['GET', '/', ''], ['GET', '/a.txt', ''],
  ['GET', '/a.txt', 'ci-process=filehash&type=md5'], ['GET', '/a.txt', 'ci-process=zippreview'], ['PUT', '/b.txt', ''], ['HEAD', '/a.txt', ''],
  ['POST', '/out.zip', 'compress'], ['POST', '/__fileproc/clock/advance', ''], ['POST', '/__fileproc/faults', ''], ['POST', '/__fileproc/timing', ''],
];
const target = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...routed) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('GET', 'PUT', 'POST', 'HEAD', 'DELETE', 'PATCH', 'OPTIONS'), fc.oneof(fc.constantFrom(...paths), fc.webPath()), fc.constant('')) },
);

const request = fc.record({
  target,
  host: fc.constantFrom(...hosts),
  query: fc.array(fc.tuple(fc.constantFrom(...queryKeys), fc.oneof(fc.constant(''), fc.string({ maxLength: 10 }))), { maxLength: 3 }),
  body,
  range: fc.option(fc.constantFrom('bytes=0-1', 'bytes=-5', 'bytes=9-', 'bytes=5-2', 'bytes=x'), { nil: undefined }),
});

describe('no 5xx for client input', () => {
  it('answers every generated request with a status below 500 and a valid <Error> on 4xx', async () => {
    const mock = testMock();
    await mock.admin.putObject('a.txt', new TextEncoder().encode('hello'));
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const [method, path, fixedQuery] = r.target;
      const query = [fixedQuery, ...r.query.map(([k, v]) => (v === '' ? k : `${k}=${encodeURIComponent(v)}`))].filter(Boolean).join('&');
      const url = `http://${r.host}${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`;
      const hasBody = r.body !== undefined && method !== 'GET' && method !== 'HEAD';
      const response = await mock.fetch(new Request(url, { method, headers: { host: r.host, ...(r.range && { range: r.range }) }, ...(hasBody && { body: r.body }) }));
      const text = await response.text();
      expect(response.status, `${method} ${url}\n${text}`).toBeLessThan(500);
      const operationId = operationOf(method, new URL(url), r.host);
      if (operationId) expect(specProblem(operationId, response.status, response.headers.get('content-type'), text, new URL(url).searchParams), `${method} ${url}`).toBeUndefined();
      if (response.status >= 400 && method !== 'HEAD' && !url.includes('/__fileproc/')) {
        const error = cosCiValidator.parseBody(text, 'Error');
        expect(error.ok, text).toBe(true);
      }
      await mock.admin.advance(50);
    }), fcRuns(Number(process.env.NO5XX_RUNS ?? 300)));
  });
});

