import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosUrlEncode, signDetailed, signingRequestFromWebRequest, verify } from '../signing.ts';

const runs = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
// WHATWG URL parsing removes `.`/`..` segments (even percent-encoded), so keys made of them cannot travel as paths.
const segment = fc.string({ unit: 'grapheme', maxLength: 6 }).filter((s) => s !== '.' && s !== '..');
const wireKey = fc.array(fc.oneof(segment, fc.constantFrom('a b', 'a+b', '100%', 'x?y', 'x#y', '(腾讯云)')), { minLength: 1, maxLength: 4 });
const params = fc.array(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 4 });

describe('signingRequestFromWebRequest', () => {
  it('keeps + in the path, turns + into a space in the query, and fills Host from the URL', () => {
    const request = signingRequestFromWebRequest(new Request('http://127.0.0.1:9000/a+b/c%20d/%E8%85%BE%ZZ?cancel&k=a+b%2Bc'));
    expect(request).toEqual({ method: 'GET', path: '/a+b/c d/腾%ZZ', query: [['cancel', ''], ['k', 'a b+c']], headers: { host: '127.0.0.1:9000' } });
  });

  it('recovers the raw key and params of any SDK-encoded URL, so a client signature verifies', async () => {
    await fc.assert(fc.asyncProperty(wireKey, params, async (segments, query) => {
      const path = `/${segments.join('/')}`;
      const search = query.map(([name, value]) => `${cosUrlEncode(name)}=${cosUrlEncode(value)}`).join('&');
      const url = `http://b-1250000000.cos.ap-guangzhou.myqcloud.com/${segments.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
      const credentials = { secretId: 'AKIDweb', secretKey: 'web-secret' };
      const { authorization } = await signDetailed({ method: 'GET', path, query, headers: { host: new URL(url).host } }, credentials, { start: 10, end: 20 });
      const received = signingRequestFromWebRequest(new Request(url, { headers: { authorization } }));
      expect(received.path).toBe(path);
      expect(received.query).toEqual(query);
      expect(await verify(received, () => credentials.secretKey, 15)).toEqual({ ok: true, secretId: 'AKIDweb' });
    }), runs(200));
  });
});
