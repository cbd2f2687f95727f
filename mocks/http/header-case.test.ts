import { describe, expect, it } from 'vitest';
import { wireHeaderName } from './header-case.ts';
import { testMock, upload } from './test-support.ts';

describe('wireHeaderName', () => {
  it('spells the headers of a PUT answer as COS does (ETag, not etag)', async () => {
    const response = await upload(testMock(), 'a', 'x');
    const names = [...response.headers.keys()].map(wireHeaderName).sort();
    expect(names).toEqual(['Content-Length', 'ETag', 'Server', 'x-cos-request-id']);
  });

  it('leaves unknown and x- names as given', () => {
    expect(['x-ci-request-id', 'X-Custom', 'content-md5'].map(wireHeaderName)).toEqual(['x-ci-request-id', 'X-Custom', 'content-md5']);
  });
});
