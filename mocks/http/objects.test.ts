import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { COS, call, expectError, expectSpecBody, testMock, upload } from './test-support.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('COS object subset', () => {
  it('PUT stores bytes, metadata and content headers; GET and HEAD return them with ETag', async () => {
    const mock = testMock();
    const put = await upload(mock, 'dir/ä b.txt', 'hello world', { 'content-type': 'text/plain', 'x-cos-meta-owner': 'me', 'cache-control': 'no-cache' });
    expect(put.headers.get('ETag')).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    expect(put.headers.get('x-cos-request-id')).toBeTruthy();
    const url = `${COS}/dir/%C3%A4%20b.txt`;
    const get = await call(mock, url);
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('hello world');
    expect(Object.fromEntries(get.headers)).toMatchObject({
      'content-type': 'text/plain', 'content-length': '11', etag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"', 'x-cos-meta-owner': 'me', 'cache-control': 'no-cache', server: 'tencent-cos',
    });
    const head = await call(mock, url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('11');
    expect(await head.text()).toBe('');
  });

  it('verifies Content-MD5 while streaming an upload; a mismatch stores nothing and keeps the old object', async () => {
    const mock = testMock();
    // `printf 'hello world' | openssl md5 -binary | base64`
    const md5 = 'XrY7u+Ae7tCTyyK7j1rNww==';
    expect((await upload(mock, 'm.txt', 'hello world', { 'content-md5': md5 })).headers.get('ETag')).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    await expectError(await call(mock, `${COS}/m.txt`, { method: 'PUT', body: 'hello world!', headers: { 'content-md5': md5 } }), 400, 'BadDigest', 'cos');
    await expectError(await call(mock, `${COS}/m.txt`, { method: 'PUT', body: 'x', headers: { 'content-md5': 'short' } }), 400, 'InvalidDigest', 'cos');
    expect(await (await call(mock, `${COS}/m.txt`)).text()).toBe('hello world');
  });

  it('answers Range with 206 and Content-Range, an unsatisfiable range with 416', async () => {
    const mock = testMock();
    await upload(mock, 'r.bin', '0123456789');
    const cases: Array<[string, number, string, string | null]> = [
      ['bytes=2-4', 206, '234', 'bytes 2-4/10'], ['bytes=7-', 206, '789', 'bytes 7-9/10'], ['bytes=-2', 206, '89', 'bytes 8-9/10'],
      ['bytes=5-100', 206, '56789', 'bytes 5-9/10'], ['bytes=4-2', 200, '0123456789', null],
    ];
    for (const [range, status, body, contentRange] of cases) {
      const response = await call(mock, `${COS}/r.bin`, { headers: { range } });
      expect([range, response.status, await response.text(), response.headers.get('content-range')]).toEqual([range, status, body, contentRange]);
    }
    const error = await call(mock, `${COS}/r.bin`, { headers: { range: 'bytes=10-' } });
    expect(error.headers.get('content-range')).toBe('bytes */10');
    await expectError(error, 416, 'InvalidRange', 'cos');
    await expectError(await call(mock, `${COS}/r.bin`, { headers: { range: 'lines=1-2' } }), 400, 'InvalidArgument', 'cos');
  });

  it('answers a missing key with 404 NoSuchKey (HEAD without body) and DELETE with 204', async () => {
    const mock = testMock();
    expect((await expectError(await call(mock, `${COS}/nope`), 404, 'NoSuchKey', 'cos')).Resource).toBe('nope');
    const head = await call(mock, `${COS}/nope`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([404, '']);
    await upload(mock, 'gone', 'x');
    for (let i = 0; i < 2; i++) expect((await call(mock, `${COS}/gone`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(mock, `${COS}/gone`)).status).toBe(404);
  });

  it('lists the bucket with prefix, delimiter, max-keys and marker paging (ListBucketResult)', async () => {
    const mock = testMock();
    for (const key of ['a/1', 'a/2', 'a/sub/3', 'b/4', 'c']) await upload(mock, key, key);
    const rolled = await expectSpecBody<{ Contents?: { Key: string }[]; CommonPrefixes?: { Prefix: string }[] }>(
      await call(mock, `${COS}/?prefix=a%2F&delimiter=%2F`), 'ListBucketResult', { family: 'cos' });
    expect(rolled.Contents?.map((c) => c.Key)).toEqual(['a/1', 'a/2']);
    expect(rolled.CommonPrefixes).toEqual([{ Prefix: 'a/sub/' }]);
    const keys: string[] = [];
    let marker = '';
    for (let page = 0; page < 10; page++) {
      const value = await expectSpecBody<{ Contents?: { Key: string }[]; IsTruncated: boolean; NextMarker?: string }>(
        await call(mock, `${COS}/?max-keys=2&marker=${encodeURIComponent(marker)}`), 'ListBucketResult', { family: 'cos' });
      keys.push(...(value.Contents ?? []).map((c) => c.Key));
      if (!value.IsTruncated) break;
      marker = value.NextMarker ?? '';
    }
    expect(keys).toEqual(['a/1', 'a/2', 'a/sub/3', 'b/4', 'c']);
    await expectError(await call(mock, `${COS}/?max-keys=1001`), 400, 'InvalidArgument', 'cos');
  });
});

describe('synchronous ci-process on the COS host', () => {
  it('filehash answers FileHashResponse with the requested digest and can add it to the headers', async () => {
    const mock = testMock();
    await upload(mock, 'h.txt', 'abc');
    const expected = { md5: '900150983cd24fb0d6963f7d28e17f72', sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d', sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' };
    for (const [type, digest] of Object.entries(expected)) {
      const value = await expectSpecBody<{ FileHashCodeResult: Record<string, unknown>; Input: Record<string, string> }>(
        await call(mock, `${COS}/h.txt?ci-process=filehash&type=${type}&addtoheader=true`), 'FileHashResponse', { family: 'cos' });
      expect(value.FileHashCodeResult[type.toUpperCase()]).toBe(digest);
      expect(value.Input).toEqual({ Bucket: 'test-1250000000', Object: 'h.txt', Region: 'ap-guangzhou' });
    }
    const head = await call(mock, `${COS}/h.txt`, { method: 'HEAD' });
    expect(head.headers.get('x-cos-meta-sha256')).toBe(expected.sha256);
    await expectError(await call(mock, `${COS}/h.txt?ci-process=filehash&type=MD5`), 400, 'InvalidArgument', 'cos');
    await expectError(await call(mock, `${COS}/missing?ci-process=filehash&type=md5`), 404, 'NoSuchKey', 'cos');
    await expectError(await call(mock, `${COS}/h.txt?ci-process=bogus`), 400, 'InvalidArgument', 'cos');
  });

  it('zippreview lists the archive (ZipPreviewResponse), garbage is a 400', async () => {
    const mock = testMock();
    await upload(mock, 'z.zip', zipSync({ 'one.txt': bytes('1'), 'dir/two.txt': bytes('22') }));
    const value = await expectSpecBody<{ FileNumber: number; Contents: { Key: string; UncompressedSize: number }[] }>(
      await call(mock, `${COS}/z.zip?ci-process=zippreview`), 'ZipPreviewResponse', { family: 'cos' });
    expect(value.FileNumber).toBe(2);
    expect(value.Contents.map((c) => [c.Key, c.UncompressedSize])).toEqual([['one.txt', 1], ['dir/two.txt', 2]]);
    await upload(mock, 'bad.zip', 'not an archive');
    await expectError(await call(mock, `${COS}/bad.zip?ci-process=zippreview`), 400, 'UnsupportedArchiveFormat', 'cos');
  });
});
