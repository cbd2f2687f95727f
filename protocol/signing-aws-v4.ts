/**
 * AWS Signature Version 4 as S3-compatible services use it (JD Cloud OSS, reference §7.1 [derived],
 * version undocumented §9.30): canonical request, string to sign, derived signing key. S3 rules:
 * the path is encoded once and never normalised; the payload hash is `x-amz-content-sha256` when sent.
 */
import { toHex } from './ids/random.ts';
import { compareCodeUnits } from './signing/canonical.ts';
import { cosUrlEncode } from './signing/url-encode.ts';
import { hmacSha256, sha256Hex } from './signing-aws-crypto.ts';

/** The signing view of a request: decoded path and query, lower-case header names. */
export interface AwsRequest {
  method: string;
  /** Decoded path, `/` + key (`+` is a plus, not a space). */
  path: string;
  /** Decoded query pairs in request order (`?compress` is `['compress', '']`). */
  query: ReadonlyArray<readonly [string, string]>;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string>>;
}

/** What a V4 signature covers besides the request. */
export interface V4Scope {
  /** `YYYYMMDDTHHMMSSZ` (`x-amz-date` / `X-Amz-Date`). */
  amzDate: string;
  region: string;
  service: string;
  /** Lower-case header names, as listed in `SignedHeaders`. */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the body, or a literal such as `UNSIGNED-PAYLOAD`. */
  payloadHash: string;
  /** Query parameters left out of the canonical query (`X-Amz-Signature` of a presigned URL). */
  excludeQuery?: readonly string[];
}

/** The intermediate strings, for error messages and tests. */
export interface V4Details { canonicalRequest: string; stringToSign: string; signature: string }

/** `YYYYMMDD/region/service/aws4_request`. */
export const credentialScope = (scope: Pick<V4Scope, 'amzDate' | 'region' | 'service'>): string =>
  `${scope.amzDate.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;

/** S3 canonical URI: every byte but unreserved ones and `/` percent-encoded, upper-case hex. */
export function canonicalUri(path: string): string {
  return (path.startsWith('/') ? path : `/${path}`).split('/').map(cosUrlEncode).join('/');
}

/** Canonical query: encoded `name=value` pairs sorted by name then value (byte order), `&`-joined. */
export function canonicalQuery(query: AwsRequest['query'], exclude: readonly string[] = []): string {
  return query
    .filter(([name]) => !exclude.includes(name))
    .map(([name, value]) => [cosUrlEncode(name), cosUrlEncode(value)] as const)
    .sort(([a, av], [b, bv]) => compareCodeUnits(a, b) || compareCodeUnits(av, bv))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** `name:value\n` for each signed header, values trimmed with inner runs of spaces collapsed. */
export function canonicalHeaders(headers: AwsRequest['headers'], signed: readonly string[]): string {
  return signed.map((name) => `${name}:${(headers[name] ?? '').trim().replace(/ +/g, ' ')}\n`).join('');
}

/** Computes the signature of `request` under `scope` with `secretKey`. */
export async function signatureV4(request: AwsRequest, scope: V4Scope, secretKey: string): Promise<V4Details> {
  const signedHeaders = [...scope.signedHeaders].sort();
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.query, scope.excludeQuery),
    canonicalHeaders(request.headers, signedHeaders),
    signedHeaders.join(';'),
    scope.payloadHash,
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', scope.amzDate, credentialScope(scope), await sha256Hex(canonicalRequest)].join('\n');
  let key = await hmacSha256(`AWS4${secretKey}`, scope.amzDate.slice(0, 8));
  for (const part of [scope.region, scope.service, 'aws4_request']) key = await hmacSha256(key, part);
  return { canonicalRequest, stringToSign, signature: toHex(await hmacSha256(key, stringToSign)) };
}

/** The `Authorization` header value of a V4-signed request (clients, tests). */
export async function authorizationV4(request: AwsRequest, scope: V4Scope, accessKeyId: string, secretKey: string): Promise<string> {
  const { signature } = await signatureV4(request, scope, secretKey);
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${credentialScope(scope)}, SignedHeaders=${[...scope.signedHeaders].sort().join(';')}, Signature=${signature}`;
}

/** The fields of a V4 `Authorization` header or presigned query; undefined when it is not V4. */
export interface V4Fields { accessKeyId: string; date: string; region: string; service: string; signedHeaders: string[]; signature: string }

/** Parses `Credential=…/date/region/service/aws4_request`, `SignedHeaders=a;b`, `Signature=hex`. */
export function v4Fields(credential: string, signedHeaders: string, signature: string): V4Fields | undefined {
  const match = /^(.+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(credential);
  if (!match || !/^[0-9a-f]{64}$/.test(signature) || signedHeaders === '') return undefined;
  return {
    accessKeyId: match[1] as string, date: match[2] as string, region: match[3] as string, service: match[4] as string,
    signedHeaders: signedHeaders.split(';'), signature,
  };
}

/** Parses an `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header value. */
export function parseV4Authorization(header: string): V4Fields | undefined {
  const rest = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim())?.[1];
  if (rest === undefined) return undefined;
  const parts = new Map(rest.split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  }));
  return v4Fields(parts.get('Credential') ?? '', parts.get('SignedHeaders') ?? '', parts.get('Signature') ?? '');
}

/** Epoch seconds of `YYYYMMDDTHHMMSSZ`; undefined when malformed or not a real instant. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  // Date.UTC rolls impossible fields over (Feb 30 → Mar 2, 24:00 → next day): such a date is malformed.
  return Number.isNaN(ms) || formatAmzDate(ms) !== value ? undefined : ms / 1000;
}

/** `YYYYMMDDTHHMMSSZ` of epoch ms. */
export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs a request for an S3-compatible service (JD Compress Object) the way AWS SDKs do: adds
 * `x-amz-date`, `x-amz-content-sha256` (the body's SHA-256) and a V4 `Authorization` covering
 * them, `host` and every header already present. Returns the headers to send (`host` excluded).
 */
export async function signedHeadersV4(
  request: Omit<AwsRequest, 'headers'> & { headers: Readonly<Record<string, string>>; body?: string | Uint8Array },
  credentials: { secretId: string; secretKey: string }, where: { region: string; service: string; nowMs: number },
): Promise<Record<string, string>> {
  const payloadHash = await sha256Hex(request.body ?? '');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  Object.assign(headers, { 'x-amz-date': formatAmzDate(where.nowMs), 'x-amz-content-sha256': payloadHash });
  const scope = { amzDate: headers['x-amz-date'] as string, region: where.region, service: where.service, signedHeaders: Object.keys(headers).filter((name) => name !== 'authorization'), payloadHash };
  const authorization = await authorizationV4({ ...request, headers }, scope, credentials.secretId, credentials.secretKey);
  const { host: _host, ...sent } = headers;
  return { ...sent, authorization };
}
