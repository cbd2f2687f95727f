import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, digestBytes, hmacBytes, wasmSha1, webCryptoSha1 } from './digest.ts';
import { toHex } from '../ids/random.ts';
import { cosUrlEncode } from './url-encode.ts';

const runs = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
const webCrypto = webCryptoSha1(globalThis.crypto.subtle);

describe('SHA-1 primitives', () => {
  it('match FIPS 180 and RFC 2202 vectors on both back-ends', async () => {
    for (const impl of [webCrypto, wasmSha1]) {
      expect(await impl.sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
      expect(await impl.hmacSha1Hex('Jefe', 'what do ya want for nothing?')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    }
  });

  it('agree with each other on unicode keys and messages', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), async (key, message) => {
      expect(await wasmSha1.hmacSha1Hex(key, message)).toBe(await webCrypto.hmacSha1Hex(key, message));
      expect(await wasmSha1.sha1Hex(message)).toBe(await webCrypto.sha1Hex(message));
    }), runs(100));
  });

  it('SHA-256 and binary HMAC keys (AWS SigV4) agree between back-ends and match RFC 4231', async () => {
    const key = new Uint8Array(20).fill(0x0b);
    for (const subtle of [globalThis.crypto.subtle, undefined]) {
      expect(toHex(await digestBytes('SHA-256', 'abc', subtle))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      expect(toHex(await hmacBytes('SHA-256', key, 'Hi There', subtle))).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    }
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 80 }), fc.string({ unit: 'grapheme' }), async (bytes, message) => {
      expect(await hmacBytes('SHA-256', bytes, message, undefined)).toEqual(await hmacBytes('SHA-256', bytes, message, globalThis.crypto.subtle));
    }), runs(50));
  });

  it('compare signatures exactly', () => {
    expect(constantTimeEqual('ab12', 'ab12')).toBe(true);
    expect(constantTimeEqual('ab12', 'ab13')).toBe(false);
    expect(constantTimeEqual('ab12', 'ab1')).toBe(false);
  });
});

describe('cosUrlEncode (§6.1)', () => {
  it('encodes everything but A–Z a–z 0–9 - _ . ~ with upper-case hex', () => {
    expect(cosUrlEncode(`AZaz09-_.~ /="()!*'+腾`)).toBe('AZaz09-_.~%20%2F%3D%22%28%29%21%2A%27%2B%E8%85%BE');
  });

  it('round-trips through decodeURIComponent and leaves only unreserved characters and escapes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const encoded = cosUrlEncode(text);
      expect(encoded).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
      expect(decodeURIComponent(encoded)).toBe(text);
    }), runs(200));
  });
});
