/**
 * Proof that signing, ids, request ids and times run unchanged in a browser: esbuild bundles them
 * with `platform: 'browser'` (a `node:*` import fails the build) and the bundle runs in a bare
 * `node:vm` context holding only Web globals — once with WebCrypto and once without it, where
 * signing falls back to hash-wasm (plain-http pages on a LAN address hide `crypto.subtle`).
 */
import { build } from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const entry = `
import { signDetailed, verify } from './signing.ts';
import { createIdGenerator, jobIdCreationTime, seededRandom } from './ids.ts';
import { createRequestIdGenerator, decodeRequestId } from './request-id.ts';
import { formatHttpDate, formatJobTime, parseJobTime } from './time.ts';
const DOC = { secretId: 'AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q', secretKey: 'BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz' };
globalThis.run = async () => {
  const request = { method: 'POST', path: '/file_jobs', query: {}, headers: { Host: 'examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com' } };
  const signed = await signDetailed(request, DOC, { start: 1700000000, end: 1700003600 });
  const verified = await verify({ ...request, headers: { ...request.headers, Authorization: signed.authorization } }, () => DOC.secretKey, 1700000001);
  const ids = createIdGenerator({ now: () => 1658128603591, random: seededRandom(1) });
  const jobId = ids.jobId();
  const requestId = createRequestIdGenerator({ now: () => 1658128603591, random: seededRandom(1) })();
  return JSON.stringify({
    signature: signed.signature, verified, jobTime: jobIdCreationTime(jobId), queueId: ids.queueId().length,
    requestTime: decodeRequestId(requestId).unixSeconds, time: formatJobTime(1658128603000), parsed: parseJobTime('2022-07-18T15:16:43+0800'),
    http: formatHttpDate(1558000000000),
  });
};`;

const here = dirname(fileURLToPath(import.meta.url));
const WEB_GLOBALS = { TextEncoder, TextDecoder, URL, URLSearchParams, Request, Headers, btoa, atob, WebAssembly, Promise };
const EXPECTED = {
  signature: 'd1009f2ae88269b33bae66873c1a4efa6dda9c33', // TV4, reference §6.3
  verified: { ok: true, secretId: 'AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q' },
  jobTime: 1658128603591,
  queueId: 33,
  requestTime: 1658128603,
  time: '2022-07-18T15:16:43+0800',
  parsed: 1658128603000,
  http: 'Thu, 16 May 2019 09:46:40 GMT',
};

describe('signing, ids and times in a browser bundle', async () => {
  const result = await build({
    stdin: { contents: entry, resolveDir: here, loader: 'ts', sourcefile: 'helpers-entry.ts' },
    bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent', metafile: true,
  });
  const code = result.outputFiles[0]!.text;

  it('bundles without Node built-ins', () => {
    expect(Object.keys(result.metafile.inputs).filter((input) => input.startsWith('node:'))).toEqual([]);
  });

  it.each([
    ['with WebCrypto', { ...WEB_GLOBALS, crypto: globalThis.crypto }, 'object'],
    ['without WebCrypto (hash-wasm fallback)', WEB_GLOBALS, 'undefined'],
  ])('gives the Node results %s', async (_, globals, cryptoType) => {
    const context = createContext({ ...globals });
    runInContext(code, context);
    expect(runInContext('typeof require + typeof process + typeof Buffer', context)).toBe('undefinedundefinedundefined');
    expect(runInContext('typeof crypto', context)).toBe(cryptoType);
    expect(JSON.parse(await (context.run as () => Promise<string>)())).toEqual(EXPECTED);
  });
});
