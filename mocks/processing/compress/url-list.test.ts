import { describe, expect, it } from 'vitest';
import { firstColumn, keyFromUrlLine, textLines } from './url-list.ts';

const BUCKET = 'test-1250000000';
const REGION = 'ap-chongqing';

describe('UrlList lines (reference §2.2)', () => {
  it('decodes the path of this bucket\'s URLs and keeps bare paths literal', () => {
    expect(keyFromUrlLine('https://test-1250000000.cos.ap-chongqing.myqcloud.com/a/%E6%96%87%20b.txt', BUCKET, REGION)).toEqual({ key: 'a/文 b.txt' });
    expect(keyFromUrlLine('http://TEST-1250000000.cos.ap-chongqing.myqcloud.com/x/../y?versionId=1', BUCKET, REGION)).toEqual({ key: 'x/../y' });
    expect(keyFromUrlLine('/dir/100%.txt', BUCKET, REGION)).toEqual({ key: 'dir/100%.txt' });
  });

  it('uses the first CSV column, quoted or not', () => {
    expect(firstColumn(' /a.txt , size , 12')).toBe('/a.txt');
    expect(firstColumn('"/a,""b"".txt",x')).toBe('/a,"b".txt');
    expect(keyFromUrlLine('"https://test-1250000000.cos.ap-chongqing.myqcloud.com/q.txt",3', BUCKET, REGION)).toEqual({ key: 'q.txt' });
  });

  it('rejects other buckets, other regions, non-URLs and bad escapes', () => {
    for (const line of [
      'https://other-1250000000.cos.ap-chongqing.myqcloud.com/a.txt',
      'https://test-1250000000.cos.ap-beijing.myqcloud.com/a.txt',
      'ftp://test-1250000000.cos.ap-chongqing.myqcloud.com/a.txt',
      'a.txt',
      'https://test-1250000000.cos.ap-chongqing.myqcloud.com/',
      'https://test-1250000000.cos.ap-chongqing.myqcloud.com/%E6',
      '/',
    ]) expect(keyFromUrlLine(line, BUCKET, REGION)).toHaveProperty('error');
  });

  it('splits a streamed index into lines across chunk borders, CRLF and BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFF/a.txt\r\n/文件.txt\n\n/c');
    const chunks = (async function* () {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    })();
    const lines: string[] = [];
    for await (const line of textLines(chunks)) lines.push(line);
    expect(lines).toEqual(['/a.txt', '/文件.txt', '', '/c']);
  });
});
