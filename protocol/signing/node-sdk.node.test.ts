/**
 * Differential test against the official Node SDK's own signer (`cos-nodejs-sdk-v5` util.getAuth,
 * a devDependency): whatever it signs, `verify` accepts, and for ordinary names `sign` produces
 * the identical Authorization line (reference §6.2, TV4–TV10 were computed the same way).
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { signDetailed, verify } from '../signing.ts';

type GetAuth = (options: Record<string, unknown>) => string;
const { getAuth } = createRequire(import.meta.url)('cos-nodejs-sdk-v5/sdk/util.js') as { getAuth: GetAuth };

const runs = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
const CREDENTIALS = { secretId: 'AKIDnodesdk', secretKey: 'node-sdk-secret' };
// The header set util.getAuth of cos-nodejs-sdk-v5 3.0.0 signs (its `signHeaders` plus x-cos-*/x-ci-*).
const SDK_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-length', 'content-md5', 'content-type', 'expect',
  'expires', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-unmodified-since', 'origin', 'range', 'transfer-encoding', 'pic-operations'];
const sdkSigns = (name: string) => SDK_HEADERS.includes(name) || name.includes('x-cos-') || name.includes('x-ci-');

const plainName = fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,8}$/);
const anyName = fc.oneof(plainName, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }));
const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('', 'application/xml', 'a b+c=d&e'));
const headerName = fc.oneof(fc.constantFrom(...SDK_HEADERS), plainName.map((n) => `x-cos-${n}`), plainName.map((n) => `x-ci-${n}`), plainName.map((n) => `x-other-${n}`));
const requestArb = (name: fc.Arbitrary<string>) => fc.record({
  method: fc.constantFrom('get', 'put', 'post', 'delete', 'head'),
  path: fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 3 }).map((segments) => `/${segments.join('/')}`),
  query: fc.uniqueArray(fc.tuple(name, value), { selector: ([n]) => n.toLowerCase(), maxLength: 4 }).map((pairs) => Object.fromEntries(pairs)),
  headers: fc.uniqueArray(fc.tuple(headerName, value), { selector: ([n]) => n, maxLength: 4 }).map((pairs) => Object.fromEntries(pairs)),
});

describe('interoperability with cos-nodejs-sdk-v5 util.getAuth', () => {
  it('signs exactly as the SDK for ordinary names', async () => {
    await fc.assert(fc.asyncProperty(requestArb(plainName), async ({ method, path, query, headers }) => {
      const expected = getAuth({ SecretId: CREDENTIALS.secretId, SecretKey: CREDENTIALS.secretKey, Method: method, Pathname: path, Query: query, Headers: headers, KeyTime: '1700000000;1700000900' });
      const ours = await signDetailed({ method, path, query, headers }, CREDENTIALS, { start: 1700000000, end: 1700000900 }, { headers: (name) => sdkSigns(name) });
      expect(ours.authorization).toBe(expected);
    }), runs(200));
  });

  it('verifies the SDK ordering quirk: names listed by encoded form, pairs ordered by raw form', async () => {
    const query = { a: '', '{': '' }; // listed `%7b;a`, signed as `a=&%7B=` by util.getAuth
    const authorization = getAuth({ SecretId: CREDENTIALS.secretId, SecretKey: CREDENTIALS.secretKey, Method: 'get', Pathname: '/', Query: query, Headers: {}, KeyTime: '1;2' });
    expect(authorization).toContain('q-url-param-list=%7b;a&');
    expect(await verify({ method: 'GET', path: '/', query, headers: { Authorization: authorization } }, () => CREDENTIALS.secretKey, 1)).toMatchObject({ ok: true });
  });

  it('verifies whatever the SDK signs, unicode and punctuation names included', async () => {
    await fc.assert(fc.asyncProperty(requestArb(anyName), async ({ method, path, query, headers }) => {
      const authorization = getAuth({ SecretId: CREDENTIALS.secretId, SecretKey: CREDENTIALS.secretKey, Method: method, Pathname: path, Query: query, Headers: headers, KeyTime: '1700000000;1700000900' });
      const result = await verify({ method, path, query, headers: { ...headers, Authorization: authorization } }, () => CREDENTIALS.secretKey, 1700000000);
      expect(result).toEqual({ ok: true, secretId: CREDENTIALS.secretId });
    }), runs(200));
  });
});
