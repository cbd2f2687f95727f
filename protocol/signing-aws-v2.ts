/**
 * AWS Signature Version 2 (S3 REST `Authorization: AWS AccessKeyId:Signature`), which older
 * S3-compatible clients still send; JD's signature version is undocumented (§9.30). HMAC-SHA1 over
 * method, Content-MD5, Content-Type, Date (empty when `x-amz-date` is sent), the `x-amz-*` headers
 * and the resource `/bucket/key[?sub-resources]`.
 */
import type { AwsRequest } from './signing-aws-v4.ts';
import { compareCodeUnits } from './signing/canonical.ts';
import { hmacSha1Base64 } from './signing-aws-crypto.ts';

/** The resource part of a V2 string to sign: `/bucket` + the path as sent + signed sub-resources. */
export interface V2Resource { bucket: string; rawPath: string; subResources: ReadonlyArray<readonly [string, string]> }

/** The string a V2 signature covers. */
export function stringToSignV2(request: AwsRequest, resource: V2Resource): string {
  const h = request.headers;
  const amz = Object.keys(h).filter((name) => name.startsWith('x-amz-')).sort()
    .map((name) => `${name}:${(h[name] ?? '').trim()}\n`).join('');
  const sub = [...resource.subResources].sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`)).join('&');
  const path = `/${resource.bucket}${resource.rawPath.startsWith('/') ? '' : '/'}${resource.rawPath}`;
  const date = h['x-amz-date'] !== undefined ? '' : (h.date ?? '');
  return [request.method.toUpperCase(), h['content-md5'] ?? '', h['content-type'] ?? '', date, `${amz}${path}${sub ? `?${sub}` : ''}`].join('\n');
}

/** The base64 V2 signature of `request`. */
export function signatureV2(request: AwsRequest, resource: V2Resource, secretKey: string): Promise<string> {
  return hmacSha1Base64(secretKey, stringToSignV2(request, resource));
}

/** `[accessKeyId, signature]` of an `AWS id:signature` header value; undefined when it is not V2. */
export function parseV2Authorization(header: string): [string, string] | undefined {
  const match = /^AWS ([^:\s]+):(\S+)$/.exec(header.trim());
  return match ? [match[1] as string, match[2] as string] : undefined;
}
