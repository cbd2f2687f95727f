import { describe, expect, it } from 'vitest';
import { CI, COS, call, testMock, upload } from './test-support.ts';

describe('CORS for browser apps on another origin', () => {
  it('answers a preflight without authentication, echoing the origin and requested headers', async () => {
    const mock = testMock({ keys: { AKID: 'secret' } });
    const response = await call(mock, `${CI}/file_jobs`, {
      method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173', 'access-control-allow-headers': 'authorization,content-type',
      'access-control-allow-methods': 'GET, PUT, POST, DELETE, HEAD', 'x-ci-request-id': expect.any(String),
    });
  });

  it('exposes ETag and the request ids on answers to requests with an Origin, errors included', async () => {
    const mock = testMock();
    const put = await upload(mock, 'a.txt', 'x', { origin: 'http://app.test' });
    expect(put.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(put.headers.get('access-control-expose-headers')).toContain('ETag');
    const missing = await call(mock, `${COS}/nope`, { headers: { origin: 'http://app.test' } });
    expect([missing.status, missing.headers.get('access-control-allow-origin')]).toEqual([404, 'http://app.test']);
    expect((await call(mock, `${COS}/a.txt`)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('treats OPTIONS without preflight headers as an ordinary request (405)', async () => {
    expect((await call(testMock(), `${CI}/file_jobs`, { method: 'OPTIONS' })).status).toBe(405);
  });
});
