import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signDetailed, verify, type Credentials, type SigningRequest } from '../signing.ts';

const runs = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
const CREDENTIALS: Credentials = { secretId: 'AKIDproperty', secretKey: 'secret-key-under-test' };
const lookup = (secretKey = CREDENTIALS.secretKey) => async (id: string) => (id === CREDENTIALS.secretId ? secretKey : undefined);
const TIMES = { start: 1_700_000_000, end: 1_700_000_900 };

// Graphemes never contain lone surrogates, which UTF-8 would collapse into U+FFFD (not injective).
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'grapheme-ascii', maxLength: 8 }));
const token = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
const signedHeaderName = fc.oneof(fc.constant('host'), token.map((n) => `x-cos-${n}`), token.map((n) => `x-ci-${n}`), token.map((n) => `content-${n}`));
const unsignedHeaderName = fc.oneof(token.map((n) => `x-app-${n}`), fc.constantFrom('date', 'user-agent', 'accept', 'cache-control'));
const paramName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((n) => n.toLowerCase() !== 'cancel');

/** A request plus which of its params are signed (headers are split by the default selection). */
interface Case {
  request: SigningRequest;
  signedParams: string[];
  unsignedParams: string[];
  signedHeaders: string[];
  unsignedHeaders: string[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD'),
    segments: fc.array(text, { maxLength: 4 }),
    signed: fc.uniqueArray(fc.tuple(signedHeaderName, text), { selector: ([n]) => n, minLength: 1, maxLength: 4 }),
    unsigned: fc.uniqueArray(fc.tuple(unsignedHeaderName, text), { selector: ([n]) => n, maxLength: 3 }),
    params: fc.uniqueArray(fc.tuple(paramName, text, fc.boolean()), { selector: ([n]) => n.toLowerCase(), maxLength: 5 }),
    cancel: fc.boolean(),
  })
  .map(({ method, segments, signed, unsigned, params, cancel }) => {
    const all = cancel ? [...params, ['cancel', '', true] as const] : params;
    return {
      request: { method, path: `/${segments.join('/')}`, query: all.map(([n, v]) => [n, v] as const), headers: Object.fromEntries([...signed, ...unsigned]) },
      signedParams: all.filter(([, , s]) => s).map(([n]) => n),
      unsignedParams: all.filter(([, , s]) => !s).map(([n]) => n),
      signedHeaders: signed.map(([n]) => n),
      unsignedHeaders: unsigned.map(([n]) => n),
    };
  });

async function authorize(c: Case, credentials = CREDENTIALS): Promise<SigningRequest> {
  const { authorization } = await signDetailed(c.request, credentials, TIMES, { params: c.signedParams });
  return { ...c.request, headers: { ...c.request.headers, authorization } };
}

const setParam = (request: SigningRequest, name: string, value: (old: string) => string): SigningRequest => ({
  ...request,
  query: (request.query as Array<readonly [string, string]>).map(([n, v]) => [n, n === name ? value(v) : v] as const),
});
const setHeader = (request: SigningRequest, name: string, value: string): SigningRequest => ({ ...request, headers: { ...request.headers, [name]: value } });

describe('verify(sign(r)) for generated requests', () => {
  it('holds for every request', async () => {
    await fc.assert(fc.asyncProperty(caseArb, async (c) => {
      expect(await verify(await authorize(c), lookup(), TIMES.start)).toEqual({ ok: true, secretId: CREDENTIALS.secretId });
    }), runs(200));
  });

  it('breaks when a signed header, signed param, the path, the method or the secret key changes', async () => {
    const mutation = fc.constantFrom('header', 'param', 'path', 'method', 'key');
    await fc.assert(fc.asyncProperty(caseArb, mutation, fc.nat(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), async (c, kind, pick, extra) => {
      const signed = await authorize(c);
      const param = c.signedParams[pick % Math.max(1, c.signedParams.length)];
      const header = c.signedHeaders[pick % c.signedHeaders.length] as string;
      const methods = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'].filter((m) => m !== c.request.method);
      const tampered: Record<typeof kind, () => SigningRequest> = {
        // A host that merely gains `:port` still verifies (port-less retry, §9.27), so no colons there.
        header: () => setHeader(signed, header, `${signed.headers[header]}${header === 'host' ? extra.replaceAll(':', '.') : extra}`),
        param: () => (param === undefined ? { ...signed, path: `${signed.path}${extra}` } : setParam(signed, param, (old) => `${old}${extra}`)),
        path: () => ({ ...signed, path: `${signed.path}${extra}` }),
        method: () => ({ ...signed, method: methods[pick % methods.length] as string }),
        key: () => signed,
      };
      const result = await verify(tampered[kind](), lookup(kind === 'key' ? `${CREDENTIALS.secretKey}${extra}` : undefined), TIMES.start);
      expect(result).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    }), runs(300));
  });

  it('still holds when an unsigned header or param changes or an unsigned param is added', async () => {
    await fc.assert(fc.asyncProperty(caseArb, fc.nat(), text, async (c, pick, value) => {
      let request = await authorize(c);
      const header = c.unsignedHeaders[pick % Math.max(1, c.unsignedHeaders.length)];
      if (header !== undefined) request = setHeader(request, header, value);
      const param = c.unsignedParams[pick % Math.max(1, c.unsignedParams.length)];
      if (param !== undefined) request = setParam(request, param, () => value);
      request = { ...request, query: [...(request.query as Array<readonly [string, string]>), ['x-unsigned-extra', value]] };
      expect(await verify(request, lookup(), TIMES.end)).toEqual({ ok: true, secretId: CREDENTIALS.secretId });
    }), runs(200));
  });

  it('answers AccessDenied "Request has expired" outside q-sign-time', async () => {
    const outside = fc.oneof(fc.integer({ min: 0, max: TIMES.start - 1 }), fc.integer({ min: TIMES.end + 1, max: 2 ** 40 }));
    await fc.assert(fc.asyncProperty(caseArb, outside, async (c, now) => {
      expect(await verify(await authorize(c), lookup(), now)).toEqual({ ok: false, code: 'AccessDenied', message: 'Request has expired' });
    }), runs(200));
  });
});

