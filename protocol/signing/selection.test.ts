import { describe, expect, it } from 'vitest';
import { signDetailed, signTimesAround, type HeaderSelection } from '../signing.ts';
import { selectionPredicate } from './selection.ts';

const HEADERS = {
  Host: 'b-1250000000.ci.ap-guangzhou.myqcloud.com',
  'Content-Type': 'application/xml',
  'Content-Length': '10',
  'Cache-Control': '',
  'If-None-Match': '"etag"',
  'x-cos-meta-a': '1',
  'X-Ci-Security-Token': 'token',
  'User-Agent': 'cos-python-sdk-v5.1.9.41',
  Date: 'Thu, 16 May 2019 06:45:51 GMT',
};
const headerList = async (headers: HeaderSelection) =>
  (await signDetailed({ method: 'POST', path: '/file_jobs', query: {}, headers: HEADERS }, { secretId: 'id', secretKey: 'key' }, { start: 1, end: 2 }, { headers })).headerList;

describe('header selection (§6.2)', () => {
  it.each<[HeaderSelection, string]>([
    ['default', 'content-length;content-type;host;x-ci-security-token;x-cos-meta-a'],
    ['node-sdk', 'content-length;host;if-none-match;x-ci-security-token;x-cos-meta-a'],
    ['python-sdk', 'cache-control;content-length;content-type;host;if-none-match;x-ci-security-token;x-cos-meta-a'],
    ['all', 'cache-control;content-length;content-type;date;host;if-none-match;user-agent;x-ci-security-token;x-cos-meta-a'],
    ['none', ''],
    [['HOST', 'date'], 'date;host'],
    [(name) => name.startsWith('x-'), 'x-ci-security-token;x-cos-meta-a'],
  ])('%j signs %s', async (selection, expected) => {
    expect(await headerList(selection)).toBe(expected);
  });

  it('rejects an unknown preset with a [fileproc] message', () => {
    expect(() => selectionPredicate('go-sdk' as HeaderSelection)).toThrow(/^\[fileproc\] unknown signing selection "go-sdk"/);
  });

  it('signs only the chosen params', async () => {
    const request = { method: 'GET', path: '/jobs', query: [['tag', 'FileCompress'], ['size', '10']] as const, headers: { Host: 'h' } };
    const details = await signDetailed(request, { secretId: 'id', secretKey: 'key' }, { start: 1, end: 2 }, { params: ['TAG'] });
    expect([details.urlParamList, details.httpParameters]).toEqual(['tag', 'tag=FileCompress']);
  });

  it('refuses windows that are not whole seconds with start <= end', async () => {
    const sign = (start: number, end: number) => signDetailed({ method: 'GET', path: '/', query: {}, headers: {} }, { secretId: 'id', secretKey: 'k' }, { start, end });
    await expect(sign(5, 4)).rejects.toThrow(/^\[fileproc\] sign: times/);
    await expect(sign(1.5, 4)).rejects.toThrow(/^\[fileproc\] sign: times/);
  });
});

describe('signTimesAround', () => {
  it('mirrors the Node SDK window now-1 … now+900 by default', () => {
    expect(signTimesAround(1_700_000_000_999)).toEqual({ start: 1_699_999_999, end: 1_700_000_900 });
    expect(signTimesAround(1_700_000_000_000, 10_000, 60)).toEqual({ start: 1_699_999_940, end: 1_700_010_000 });
  });
});
