import { describe, expect, it } from 'vitest';
import { fileHeader, paxRecord } from './tar-format.ts';

const decoder = new TextDecoder();

describe('tar headers', () => {
  it('counts the record length including its own digits', () => {
    expect(decoder.decode(paxRecord('path', 'a'))).toBe('9 path=a\n');
    const record = decoder.decode(paxRecord('path', 'x'.repeat(91)));
    expect(record.length).toBe(Number(record.split(' ')[0]));
    expect(record.startsWith('101 ')).toBe(true);
  });

  it('uses plain ustar for short ASCII names and splits long ones at a slash', () => {
    expect(fileHeader('a/b.txt', 3, 0)).toHaveLength(512);
    const split = fileHeader(`${'p'.repeat(120)}/${'n'.repeat(90)}`, 0, 0);
    expect(split).toHaveLength(512);
    expect(decoder.decode(split.subarray(345, 465))).toBe('p'.repeat(120));
  });

  it('adds a pax header for unicode names and for sizes of 8 GiB or more', () => {
    const unicode = fileHeader('文档/ü.txt', 1, 0);
    expect(unicode).toHaveLength(3 * 512);
    expect(String.fromCharCode(unicode[156] as number)).toBe('x');
    const huge = 9 * 1024 ** 3;
    const header = fileHeader('big.bin', huge, 0);
    const pax = decoder.decode(header.subarray(512, 1024));
    expect(pax).toContain(`size=${huge}\n`);
    expect(pax).not.toContain('path=');
    // The ustar size field cannot hold it (11 octal digits), so it stays 0 and readers take the pax value.
    expect(decoder.decode(header.subarray(1024 + 124, 1024 + 135))).toBe('00000000000');
  });
});
