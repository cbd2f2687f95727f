import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from './client.ts';
import { signingRequestFromWebRequest, verify } from './signing.ts';

const F7_RESPONSE = readFileSync(new URL('../spec/examples/F7-hash-submit-response.xml', import.meta.url), 'utf8');
const base = { endpoint: 'http://127.0.0.1:9000', bucket: 'b-1250000000', region: 'ap-guangzhou' } as const;

/** A fake transport recording requests and answering with a fixed response. */
function fake(answer: () => Response = () => new Response(null, { status: 200 })) {
  const seen: Request[] = [];
  return { seen, fetch: async (request: Request) => (seen.push(request), answer()) };
}

function clientWith(options: Partial<ClientOptions>, answer?: () => Response) {
  const transport = fake(answer);
  return { client: createClient({ ...base, ...options, fetch: transport.fetch }), seen: transport.seen };
}

const xml = (body: string, status = 200) => () => new Response(body, { status, headers: { 'content-type': 'application/xml' } });

describe('createClient addressing', () => {
  it('path mode: endpoint URL, no Host override; keys percent-encoded segment by segment', async () => {
    const { client, seen } = clientWith({});
    await client.getObject('dir/ü a+b.txt');
    expect(seen[0]?.url).toBe('http://127.0.0.1:9000/dir/%C3%BC%20a%2Bb.txt');
    expect(seen[0]?.headers.get('host')).toBeNull();
  });

  it('virtual-host mode: endpoint URL with the CI, COS or service Host (§1.1); COS calls use cosEndpoint', async () => {
    const { client, seen } = clientWith({ addressing: 'virtual-host', cosEndpoint: 'http://127.0.0.1:9001' });
    await client.listJobs({ tag: 'FileHashCode', size: 5 });
    await client.headObject('a.txt');
    await client.listFileBuckets();
    expect(seen.map((request) => [request.url, request.headers.get('host')])).toEqual([
      ['http://127.0.0.1:9000/jobs?tag=FileHashCode&size=5', 'b-1250000000.ci.ap-guangzhou.myqcloud.com'],
      ['http://127.0.0.1:9001/a.txt', 'b-1250000000.cos.ap-guangzhou.myqcloud.com'],
      ['http://127.0.0.1:9000/file_bucket', 'ci.ap-guangzhou.myqcloud.com'],
    ]);
  });

  it('proxy mode: absolute-form virtual-host URLs; refused without a transport', async () => {
    const { client, seen } = clientWith({ addressing: 'proxy' });
    await client.jdCompress('out/a.zip', '<CompressRequest/>');
    expect(seen[0]?.url).toBe('http://b-1250000000.s3.ap-guangzhou.jdcloud-oss.com/out/a.zip?compress');
    expect(() => createClient({ ...base, addressing: 'proxy' })).toThrow(/\[fileproc\].*proxy/);
  });

  it('cancel: bare ?cancel by default, ?cancel= on request; ids comma-joined (§2.8)', async () => {
    const { client, seen } = clientWith({});
    await client.cancelJobs(['fa', 'fb']);
    await client.cancelJobs('fa', { spelling: 'cancel=' });
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'PUT http://127.0.0.1:9000/jobs/fa,fb?cancel', 'PUT http://127.0.0.1:9000/jobs/fa?cancel=',
    ]);
  });
});

describe('createClient exchanges', () => {
  it('encodes typed bodies with the codec and decodes + validates 2xx bodies into value', async () => {
    const { client, seen } = clientWith({}, xml(F7_RESPONSE));
    const exchange = await client.submitJob({ Tag: 'FileHashCode', Input: { Object: 'a.txt' }, Operation: { FileHashCodeConfig: { Type: 'MD5' } } } as never, { path: '/file_jobs' });
    expect(await seen[0]?.text()).toBe('<Request><Tag>FileHashCode</Tag><Input><Object>a.txt</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation></Request>');
    expect(seen[0]?.url).toBe('http://127.0.0.1:9000/file_jobs');
    expect(exchange.status).toBe(200);
    expect(exchange.invalid).toBeUndefined();
    expect(exchange.value?.JobsDetail).toMatchObject({ JobId: 'f93984788066911ed89ed352d4d9d2084', State: 'Submitted' });
    expect(exchange.request.body).toContain('<Tag>FileHashCode</Tag>');
  });

  it('reports an invalid 2xx body instead of a value, and decodes <Error> bodies of failures', async () => {
    const invalid = await clientWith({}, xml('<Response><JobsDetail><JobId>nope</JobId></JobsDetail></Response>')).client.describeJobs('x');
    expect(invalid.value).toBeUndefined();
    expect(invalid.invalid).toMatch(/DescribeJobsResponse/);
    const error = await clientWith({}, xml('<Error><Code>NoSuchJob</Code><Message>m</Message><RequestId>r</RequestId></Error>', 404)).client.cancelJobs('fx');
    expect(error.error).toEqual({ Code: 'NoSuchJob', Message: 'm', RequestId: 'r' });
    expect(error.text).toContain('<Code>NoSuchJob</Code>');
  });

  it('signs with the credentials so that the verifier accepts the request as sent (§6.1)', async () => {
    const credentials = { secretId: 'AKIDexample', secretKey: 'secret' };
    for (const addressing of ['path', 'virtual-host'] as const) {
      const { client, seen } = clientWith({ credentials, addressing, now: () => 1_700_000_000_000 });
      await client.listJobs({ tag: 'FileCompress', states: 'Success,Failed' });
      const request = seen[0] as Request;
      expect(request.headers.get('authorization')).toMatch(/^q-sign-algorithm=sha1&q-ak=AKIDexample&/);
      const result = await verify(signingRequestFromWebRequest(request), (id) => (id === 'AKIDexample' ? 'secret' : undefined), 1_700_000_000);
      expect(result).toEqual({ ok: true, secretId: 'AKIDexample' });
    }
  });

  it('sends hand-made requests through the same path (send), e.g. for negative tests', async () => {
    const { client, seen } = clientWith({});
    const exchange = await client.send({ side: 'ci', method: 'PATCH', path: '/file_jobs', body: 'x' });
    expect(seen[0]?.method).toBe('PATCH');
    expect(exchange.request).toMatchObject({ method: 'PATCH', target: '/file_jobs', body: 'x' });
  });
});
