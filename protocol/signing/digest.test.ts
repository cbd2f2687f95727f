import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, wasmSha1, webCryptoSha1 } from './digest.ts';
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
