import { describe, expect, it } from 'vitest';
import { BUCKET, CI, COS, call, compressBody, expectError, hashBody, testMock } from './test-support.ts';

const post = (body: string) => ({ method: 'POST', body });

describe('bad submit bodies create no job', () => {
  const userData = (text: string): string => compressBody(['a']).replace('</Operation>', `<UserData>${text}</UserData></Operation>`);
  const keys = Array.from({ length: 1001 }, (_, i) => `k${i}`);
  it.each([
    ['not XML at all', 'MalformedXML', '', 'hello'],
    ['an unclosed element', 'MalformedXML', '', '<Request><Tag>FileCompress</Tag>'],
    ['the wrong root element', 'MalformedXML', 'Request', '<Job><Tag>FileCompress</Tag></Job>'],
    ['a missing Tag', 'InvalidArgument', 'Tag', '<Request><Operation/></Request>'],
    ['an unknown Tag', 'InvalidArgument', 'Tag', '<Request><Tag>FileBogus</Tag></Request>'],
    ['a missing Operation', 'InvalidArgument', 'Operation', '<Request><Tag>FileCompress</Tag></Request>'],
    ['a hash job without Input', 'InvalidArgument', 'Input', hashBody('a').replace(/<Input>.*<\/Input>/, '')],
    ['a bad Format', 'InvalidArgument', 'Format', compressBody(['a'], 'o.rar', 'rar')],
    ['a bad Flatten', 'InvalidArgument', 'Flatten', compressBody(['a']).replace('<Flatten>0</Flatten>', '<Flatten>7</Flatten>')],
    ['a bad hash Type', 'InvalidArgument', 'Type', hashBody('a', 'CRC32')],
    ['more than 1000 Keys', 'InvalidArgument', 'Key', compressBody(keys)],
    ['UserData over 1024 characters', 'InvalidArgument', 'UserData', userData('x'.repeat(1025))],
    ['a missing Output', 'InvalidArgument', 'Output', compressBody(['a']).replace(/<Output>.*<\/Output>/, '')],
  ])('%s → 400 %s naming "%s"', async (_name, code, names, body) => {
    const mock = testMock();
    const error = await expectError(await call(mock, `${CI}/file_jobs`, post(body)), 400, code);
    expect(error.Message).toContain(names);
    expect(mock.engine.snapshot().jobs).toHaveLength(0);
  });

  it('answers an empty body with 400 MissingRequestBodyError', async () => {
    const mock = testMock();
    await expectError(await call(mock, `${CI}/jobs`, { method: 'POST' }), 400, 'MissingRequestBodyError');
    expect(mock.engine.snapshot().jobs).toHaveLength(0);
  });
});

describe('routing errors', () => {
  it.each([
    ['DELETE', `${CI}/file_jobs`, 'POST'], ['PATCH', `${COS}/a.txt`, 'GET, PUT, HEAD, DELETE, POST'], ['GET', `${CI}/file_queue/p1`, 'PUT, POST'],
    ['POST', `${CI}/jobs/fabc`, 'GET, PUT'], ['PUT', `${CI}/jobs/fabc`, 'GET, PUT'], ['POST', `${COS}/a.txt`, 'GET, PUT, HEAD, DELETE, POST'],
  ])('%s %s → 405 MethodNotAllowed, Allow: %s', async (method, url, allow) => {
    const response = await call(testMock(), url, { method });
    expect(response.headers.get('allow')).toBe(allow);
    await expectError(response, 405, 'MethodNotAllowed', url.startsWith(CI) ? 'ci' : 'cos');
  });

  it.each([`${CI}/file_jobs/a/b`, `${CI}/some/object`, 'http://127.0.0.1:9000/__fileproc/nothing', `${CI}/file_bucket/x`])('%s → 404', async (url) => {
    const response = await call(testMock(), url);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<Code>NoSuchResource</Code>');
  });
});

describe('Content-MD5 of XML bodies (§5.3)', () => {
  it('accepts the right digest, refuses a wrong one (BadDigest) and a malformed one (InvalidDigest)', async () => {
    const mock = testMock();
    const body = hashBody('a');
    // `openssl md5 -binary | base64` of hashBody('a').
    const digest = 'RblFj39sTVDCZ+XUKVbwMw==';
    expect((await call(mock, `${CI}/file_jobs`, { method: 'POST', body, headers: { 'content-md5': digest } })).status).toBe(200);
    await expectError(await call(mock, `${CI}/file_jobs`, { method: 'POST', body: body + ' ', headers: { 'content-md5': digest } }), 400, 'BadDigest');
    await expectError(await call(mock, `${CI}/file_jobs`, { method: 'POST', body, headers: { 'content-md5': 'bm90IGFuIE1ENQ==' } }), 400, 'InvalidDigest');
    expect(mock.engine.snapshot().jobs).toHaveLength(1);
  });
});

describe('text XML cannot carry', () => {
  it('echoes a key with a NUL byte safely in the error body and refuses to store such keys', async () => {
    const mock = testMock();
    const error = await expectError(await call(mock, `${COS}/a%00b`), 404, 'NoSuchKey', 'cos');
    expect(error.Resource).toBe('a\uFFFDb');
    await expectError(await call(mock, `${COS}/a%01b`, { method: 'PUT', body: 'x' }), 400, 'InvalidArgument', 'cos');
    expect((await call(mock, 'http://127.0.0.1:9000/__fileproc/objects/a%01b', { method: 'PUT', body: 'x' })).status).toBe(400);
    expect(await mock.store.head(BUCKET, 'a\u0001b')).toBeUndefined();
  });
});

describe('body limits', () => {
  it('refuses an XML body over the limit (declared or streamed) with 400 EntityTooLarge', async () => {
    const mock = testMock({ limits: { maxXmlBodyBytes: 200 } });
    const big = compressBody(['a'.repeat(300)]);
    await expectError(await call(mock, `${CI}/file_jobs`, post(big)), 400, 'EntityTooLarge');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    await expectError(await call(mock, `${CI}/file_jobs`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit), 400, 'EntityTooLarge');
    expect(mock.engine.snapshot().jobs).toHaveLength(0);
  });

  it('refuses an object upload over the limit and stores nothing', async () => {
    const mock = testMock({ limits: { maxObjectBytes: 10 } });
    await expectError(await call(mock, `${COS}/big`, { method: 'PUT', body: '12345678901' }), 400, 'EntityTooLarge', 'cos');
    const chunks = ['123456', '789012'];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    await expectError(await call(mock, `${COS}/big`, { method: 'PUT', body: stream, duplex: 'half' } as RequestInit), 400, 'EntityTooLarge', 'cos');
    expect(await mock.store.head(BUCKET, 'big')).toBeUndefined();
    await expectError(await call(mock, `${COS}/big`, { method: 'PUT', body: 'x', headers: { 'content-length': 'abc' } }), 400, 'InvalidArgument', 'cos');
  });
});
