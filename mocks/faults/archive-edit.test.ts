import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { alterMemberBytes } from './archive-edit.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('alterMemberBytes', () => {
  it('changes the content of the first non-empty zip member and keeps the names', () => {
    const zip = zipSync({ 'empty.txt': new Uint8Array(0), 'dir/a.txt': text('hello world') }, { level: 0 });
    const altered = unzipSync(alterMemberBytes(zip.slice()));
    expect(Object.keys(altered).sort()).toEqual(['dir/a.txt', 'empty.txt']);
    expect(new TextDecoder().decode(altered['dir/a.txt'])).not.toBe('hello world');
    expect(altered['empty.txt']).toEqual(new Uint8Array(0));
  });

  it('changes the first data byte of the first non-empty tar member', () => {
    const tar = new Uint8Array(2048);
    tar.set(text('a.txt'), 0);
    tar.set(text('00000000005\0'), 124);
    tar.set(text('ustar'), 257);
    tar.set(text('hello'), 512);
    const altered = alterMemberBytes(tar.slice());
    expect(altered[512]).not.toBe(tar[512]);
    expect(altered.subarray(0, 512)).toEqual(tar.subarray(0, 512));
  });

  it('flips the middle byte of anything else', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    expect([...alterMemberBytes(bytes.slice())]).toEqual([1, 2, 3 ^ 0x5a, 4]);
  });
});
