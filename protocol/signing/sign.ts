import { formatAuthorization } from './authorization.ts';
import { canonicalPairs, queryPairs } from './canonical.ts';
import { computeSignature } from './compute.ts';
import { defaultSha1, type Sha1Primitives } from './digest.ts';
import { selectPairs, type SignOptions } from './selection.ts';
import type { Credentials, SigningDetails, SigningRequest, SignTimes } from './types.ts';

/** `sign` details plus the finished `Authorization` value. */
export interface SignedRequestDetails extends SigningDetails {
  authorization: string;
}

function windowString(times: SignTimes): string {
  const { start, end } = times;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end) {
    throw new Error(`[fileproc] sign: times must be whole unix seconds with 0 <= start <= end, got ${start};${end}`);
  }
  return `${start};${end}`;
}

/**
 * COS XML signature (reference §6.1) with every intermediate value, for tests and diagnostics.
 * Signs the headers/params chosen by `options` (default: host, x-cos-*, x-ci-*, content-*; all params).
 */
export async function signDetailed(
  request: SigningRequest,
  credentials: Credentials,
  times: SignTimes,
  options: SignOptions = {},
  primitives: Sha1Primitives = defaultSha1(),
): Promise<SignedRequestDetails> {
  const window = windowString(times);
  const details = await computeSignature({
    method: request.method,
    path: request.path,
    params: canonicalPairs(selectPairs(queryPairs(request.query), options.params ?? 'all')),
    headers: canonicalPairs(selectPairs(Object.entries(request.headers), options.headers ?? 'default')),
    signTime: window,
    keyTime: window,
    secretKey: credentials.secretKey,
  }, primitives);
  return { ...details, authorization: formatAuthorization(credentials.secretId, details) };
}

/** The `Authorization` header value for a request (COS `q-sign-algorithm=sha1`, reference §6). */
export async function sign(request: SigningRequest, credentials: Credentials, times: SignTimes, options?: SignOptions): Promise<string> {
  return (await signDetailed(request, credentials, times, options)).authorization;
}

/** A window like the Node SDK's (`now-1 … now+900`, reference §6.1 step 1) from a clock in ms. */
export function signTimesAround(nowMs: number, lifetimeSeconds = 900, skewSeconds = 1): SignTimes {
  const now = Math.floor(nowMs / 1000);
  return { start: Math.max(0, now - skewSeconds), end: now + lifetimeSeconds };
}
