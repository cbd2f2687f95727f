/**
 * Verifies AWS-style request signatures (JD Cloud OSS is S3-compatible, reference §7.1 [derived];
 * the version is undocumented, §9.30): Signature V4 in the `Authorization` header or a presigned
 * query (`X-Amz-*`), and Signature V2 (`AWS id:signature`). Browser-safe (WebCrypto / hash-wasm).
 * Failures carry the S3 code and status: 403 AccessDenied / InvalidAccessKeyId /
 * SignatureDoesNotMatch / RequestTimeTooSkewed, 400 AuthorizationHeaderMalformed /
 * XAmzContentSHA256Mismatch.
 */
import { EXPIRED_MESSAGE, hostVariants } from './signing.ts';
import { parseHttpDate, parseNumericZoneDate } from './time.ts';
import type { KeyLookup } from './signing/types.ts';
import { constantTimeEqual } from './signing/digest.ts';
import { decodePathLeniently } from './signing/url-encode.ts';
import { parseV2Authorization, signatureV2 } from './signing-aws-v2.ts';
import { sha256Hex } from './signing-aws-crypto.ts';
import { formatAmzDate, parseAmzDate, parseV4Authorization, signatureV4, v4Fields, type AwsRequest, type V4Fields } from './signing-aws-v4.ts';

export { authorizationV4, formatAmzDate, signatureV4, signedHeadersV4, type AwsRequest, type V4Scope } from './signing-aws-v4.ts';
export { signatureV2, stringToSignV2 } from './signing-aws-v2.ts';

/** A request to verify: the signing view plus what V2 and the payload hash need. */
export interface AwsVerifyInput extends AwsRequest {
  /** The path exactly as sent (percent-encoded), for the V2 resource. */
  rawPath: string;
  /** The bucket the Host names (V2 resource `/bucket/key`). */
  bucket: string;
  /** The body bytes: hashed when no `x-amz-content-sha256` is sent, checked against a hex one. */
  body: Uint8Array;
  /** The region the Host names (`bucket.s3.<region>.…`); the credential scope must name it. Unset: any. */
  region?: string;
}

/** S3 error codes a verification can end with. */
export type AwsVerifyErrorCode = 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch' | 'RequestTimeTooSkewed' | 'AuthorizationHeaderMalformed' | 'XAmzContentSHA256Mismatch';

/** Outcome of `verifyAws`; on failure the status and code of the S3 `<Error>`. */
export type AwsVerifyResult =
  | { ok: true; accessKeyId: string; version: 'v4' | 'v4-presigned' | 'v2' }
  | { ok: false; status: 400 | 403; code: AwsVerifyErrorCode; message: string };

/** Allowed clock difference for header signatures (S3: 15 minutes). */
export const MAX_SKEW_SECONDS = 15 * 60;

const fail = (status: 400 | 403, code: AwsVerifyErrorCode, message: string): AwsVerifyResult => ({ ok: false, status, code, message });
const mismatch = (version: string): AwsVerifyResult => fail(403, 'SignatureDoesNotMatch', `The request signature we calculated does not match the signature you provided (AWS ${version}). Check your key and signing method.`);
const skewed = (): AwsVerifyResult => fail(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');

// S3's V2 sub-resources (those part of the signed resource); `compress` is JD's and tried both ways.
const V2_SUB_RESOURCES = new Set(['acl', 'cors', 'delete', 'lifecycle', 'location', 'logging', 'notification', 'partNumber', 'policy', 'requestPayment',
  'response-cache-control', 'response-content-disposition', 'response-content-encoding', 'response-content-language', 'response-content-type',
  'response-expires', 'restore', 'tagging', 'torrent', 'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website']);

/** The signing view of a Web-style request (only `method`, `url`, `headers.forEach` are read). */
export function awsRequestFromWebRequest(
  request: { method: string; url: string; headers: { forEach(visit: (value: string, name: string) => void): void } },
  hostHeader: string, bucket: string, body: Uint8Array,
): AwsVerifyInput {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  headers.host = hostHeader;
  return { method: request.method, path: decodePathLeniently(url.pathname), rawPath: url.pathname, query: [...url.searchParams], headers, bucket, body };
}

/** Verifies `input` against the key pairs `lookup` knows, at `nowSeconds` (wall clock). */
export async function verifyAws(input: AwsVerifyInput, lookup: KeyLookup, nowSeconds: number): Promise<AwsVerifyResult> {
  const header = input.headers.authorization?.trim() ?? '';
  const query = new Map(input.query);
  if (header === '' && query.has('X-Amz-Signature')) return verifyPresigned(input, query, lookup, nowSeconds);
  if (header === '') return fail(403, 'AccessDenied', 'Access Denied: the request carries no Authorization header or X-Amz-Signature.');
  if (header.startsWith('AWS4-HMAC-SHA256')) {
    const fields = parseV4Authorization(header);
    if (!fields) return fail(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed; expected "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…".');
    return verifyHeaderV4(input, fields, lookup, nowSeconds);
  }
  const v2 = parseV2Authorization(header);
  if (v2) return verifyV2(input, v2, lookup, nowSeconds);
  return fail(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed; use AWS Signature Version 4 (or V2 "AWS id:signature").');
}

/**
 * S3 answers a credential scope for another region or service with 400
 * AuthorizationHeaderMalformed naming the expected one; a signature over the wrong scope would
 * otherwise verify here and fail at the real service.
 */
function scopeMismatch(input: AwsVerifyInput, fields: V4Fields): AwsVerifyResult | undefined {
  if (fields.service !== 's3') return fail(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; the service '${fields.service}' is wrong; expecting 's3'.`);
  if (input.region !== undefined && fields.region !== input.region) {
    return fail(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${fields.region}' is wrong; expecting '${input.region}'.`);
  }
  return undefined;
}

/** Tries every host the client may have signed (with and without port) for a V4 signature. */
async function v4Matches(input: AwsVerifyInput, fields: V4Fields, amzDate: string, payloadHash: string, secretKey: string, excludeQuery: string[] = []): Promise<boolean> {
  const hosts = fields.signedHeaders.includes('host') ? hostVariants(input.headers.host ?? '') : [input.headers.host ?? ''];
  for (const host of hosts) {
    const request = { ...input, headers: { ...input.headers, host } };
    const scope = { amzDate, region: fields.region, service: fields.service, signedHeaders: fields.signedHeaders, payloadHash, excludeQuery };
    if (constantTimeEqual((await signatureV4(request, scope, secretKey)).signature, fields.signature)) return true;
  }
  return false;
}

async function verifyHeaderV4(input: AwsVerifyInput, fields: V4Fields, lookup: KeyLookup, now: number): Promise<AwsVerifyResult> {
  const { headers } = input;
  const amzDate = headers['x-amz-date'] ?? toAmzDate(headers.date, now);
  const signedAt = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || signedAt === undefined) return fail(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header.');
  if (!amzDate.startsWith(fields.date)) return fail(400, 'AuthorizationHeaderMalformed', `The credential date ${fields.date} does not match the request date ${amzDate.slice(0, 8)}.`);
  const wrongScope = scopeMismatch(input, fields);
  if (wrongScope) return wrongScope;
  if (Math.abs(now - signedAt) > MAX_SKEW_SECONDS) return skewed();
  const secretKey = await lookup(fields.accessKeyId);
  if (secretKey === undefined) return fail(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  const declared = headers['x-amz-content-sha256'];
  const actual = await sha256Hex(input.body);
  if (declared !== undefined && /^[0-9a-f]{64}$/i.test(declared) && declared.toLowerCase() !== actual) {
    return fail(400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.');
  }
  return (await v4Matches(input, fields, amzDate, declared ?? actual, secretKey)) ? { ok: true, accessKeyId: fields.accessKeyId, version: 'v4' } : mismatch('Signature Version 4');
}

async function verifyPresigned(input: AwsVerifyInput, query: Map<string, string>, lookup: KeyLookup, now: number): Promise<AwsVerifyResult> {
  const fields = v4Fields(query.get('X-Amz-Credential') ?? '', query.get('X-Amz-SignedHeaders') ?? '', query.get('X-Amz-Signature') ?? '');
  const amzDate = query.get('X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  const expires = Number(query.get('X-Amz-Expires'));
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !fields || signedAt === undefined || !Number.isInteger(expires) || expires < 1 || expires > 604_800) {
    return fail(400, 'AuthorizationHeaderMalformed', 'The presigned URL is malformed; it needs X-Amz-Algorithm=AWS4-HMAC-SHA256, X-Amz-Credential, X-Amz-Date, X-Amz-Expires (1..604800), X-Amz-SignedHeaders and X-Amz-Signature.');
  }
  const wrongScope = scopeMismatch(input, fields);
  if (wrongScope) return wrongScope;
  // The Node SDKs match this message exactly to detect clock skew (§5.2), as for COS.
  if (now > signedAt + expires) return fail(403, 'AccessDenied', EXPIRED_MESSAGE);
  if (signedAt - now > MAX_SKEW_SECONDS) return skewed();
  const secretKey = await lookup(fields.accessKeyId);
  if (secretKey === undefined) return fail(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  const payload = input.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD';
  return (await v4Matches(input, fields, amzDate, payload, secretKey, ['X-Amz-Signature']))
    ? { ok: true, accessKeyId: fields.accessKeyId, version: 'v4-presigned' } : mismatch('Signature Version 4, presigned');
}

async function verifyV2(input: AwsVerifyInput, [accessKeyId, signature]: [string, string], lookup: KeyLookup, now: number): Promise<AwsVerifyResult> {
  const signedAt = parseSignedDate(input.headers['x-amz-date'] ?? input.headers.date ?? '', now);
  if (signedAt === undefined) return fail(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header.');
  if (Math.abs(now - signedAt / 1000) > MAX_SKEW_SECONDS) return skewed();
  const secretKey = await lookup(accessKeyId);
  if (secretKey === undefined) return fail(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  const known = input.query.filter(([name]) => V2_SUB_RESOURCES.has(name));
  const withJd = input.query.filter(([name]) => V2_SUB_RESOURCES.has(name) || name === 'compress');
  for (const subResources of known.length === withJd.length ? [known] : [withJd, known]) {
    const expected = await signatureV2(input, { bucket: input.bucket, rawPath: input.rawPath, subResources }, secretKey);
    if (constantTimeEqual(expected, signature)) return { ok: true, accessKeyId, version: 'v2' };
  }
  return mismatch('Signature Version 2');
}

/**
 * Epoch ms of a `Date` (or SigV2 `x-amz-date`) value: an HTTP date in one of the three forms of
 * RFC 9110 §5.6.7, or an RFC 5322 date with a numeric zone as in AWS's examples — exactly these,
 * where `Date.parse` took more, differently per JavaScript engine. `now` in seconds.
 */
function parseSignedDate(text: string, now: number): number | undefined {
  return parseHttpDate(text, now * 1000) ?? parseNumericZoneDate(text);
}

/** `YYYYMMDDTHHMMSSZ` of a `Date` header (`parseSignedDate`); undefined when absent or invalid. */
function toAmzDate(httpDate: string | undefined, now: number): string | undefined {
  const ms = httpDate === undefined ? undefined : parseSignedDate(httpDate, now);
  return ms === undefined ? undefined : formatAmzDate(ms);
}
