import { authorizationFromPairs, parseWindow, splitAuthorizationHeader } from './authorization.ts';
import { candidateOrders, queryPairs } from './canonical.ts';
import { computeSignature } from './compute.ts';
import { constantTimeEqual, defaultSha1, type Sha1Primitives } from './digest.ts';
import type { AuthorizationFields, KeyLookup, SigningDetails, SigningRequest, VerifyResult } from './types.ts';

/** The exact message SDKs match to detect clock skew (reference §5.2, §5.3). */
export const EXPIRED_MESSAGE = 'Request has expired';

const denied = (message: string): VerifyResult => ({ ok: false, code: 'AccessDenied', message });

/** The `Authorization` pairs: from the header when present, else the `q-*` query parameters (§6). */
function authorizationPairs(request: SigningRequest): Array<readonly [string, string]> | undefined {
  const header = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  if (header !== undefined && header.trim() !== '') return splitAuthorizationHeader(header);
  const fromQuery = queryPairs(request.query).filter(([name]) => name.toLowerCase().startsWith('q-'));
  return fromQuery.some(([name]) => name.toLowerCase() === 'q-signature') ? fromQuery : undefined;
}

/**
 * The host values a client may have signed: as sent, then without the port, then an IPv6 literal
 * without brackets — Python signs `urlparse().hostname` while sending `Host: ip:port` (§9.27).
 */
export function hostVariants(host: string): string[] {
  const variants = [host];
  const withPort = /^(\[[^\]]*\]|[^:]*):\d+$/.exec(host);
  const bare = withPort?.[1];
  if (bare) variants.push(bare);
  if (bare?.startsWith('[')) variants.push(bare.slice(1, -1));
  return variants;
}

function withinWindow(fields: AuthorizationFields, now: number): boolean | undefined {
  const windows = [parseWindow(fields.signTime), parseWindow(fields.keyTime)];
  if (windows.some((window) => window === undefined)) return undefined;
  return windows.every((window) => window !== undefined && window.start <= now && now <= window.end);
}

/** Every way the client may have signed (host with/without port, pair orders); each distinct. */
async function attempts(request: SigningRequest, fields: AuthorizationFields, secretKey: string, primitives: Sha1Primitives): Promise<SigningDetails[]> {
  const headers = Object.entries(request.headers);
  const host = headers.find(([name]) => name.toLowerCase() === 'host')?.[1];
  const hosts = fields.headerList.includes('host') && host !== undefined ? hostVariants(host) : [host];
  const headerSets = hosts.flatMap((hostValue) => candidateOrders(fields.headerList,
    headers.map(([name, value]): [string, string] => [name, name.toLowerCase() === 'host' ? hostValue ?? value : value])));
  const results: SigningDetails[] = [];
  for (const params of candidateOrders(fields.urlParamList, queryPairs(request.query))) {
    for (const signedHeaders of headerSets) {
      results.push(await computeSignature({
        method: request.method,
        path: request.path,
        params,
        headers: signedHeaders,
        signTime: fields.signTime,
        keyTime: fields.keyTime,
        secretKey,
      }, primitives));
    }
  }
  return results;
}

/**
 * Verifies a COS-signed request (reference §6), honouring only the headers/params the client
 * listed. Order of checks: credentials present and well-formed (else AccessDenied), `now` within
 * q-sign-time and q-key-time (else AccessDenied "Request has expired"), SecretId known (else
 * InvalidAccessKeyId), signature (else SignatureDoesNotMatch). All are HTTP 403 (§5.3).
 */
export async function verify(
  request: SigningRequest,
  keyLookup: KeyLookup,
  nowSeconds: number,
  primitives: Sha1Primitives = defaultSha1(),
): Promise<VerifyResult> {
  const pairs = authorizationPairs(request);
  if (!pairs) return denied('[fileproc] no credentials: send an Authorization header or q-sign-algorithm … q-signature query parameters (COS signature, reference §6)');
  const fields = authorizationFromPairs(pairs);
  if ('error' in fields) return denied(`[fileproc] malformed Authorization: ${fields.error}`);
  if (fields.algorithm.toLowerCase() !== 'sha1') return denied(`[fileproc] q-sign-algorithm "${fields.algorithm}" is not supported; use sha1`);
  const inWindow = withinWindow(fields, nowSeconds);
  if (inWindow === undefined) return denied('[fileproc] malformed Authorization: a time window ends before it starts');
  if (!inWindow) return denied(EXPIRED_MESSAGE);
  const secretKey = await keyLookup(fields.secretId);
  if (secretKey === undefined) {
    return { ok: false, code: 'InvalidAccessKeyId', message: `[fileproc] the SecretId (q-ak) "${fields.secretId}" is not known to this server` };
  }
  const tried = await attempts(request, fields, secretKey, primitives);
  if (tried.some((details) => constantTimeEqual(details.signature, fields.signature))) return { ok: true, secretId: fields.secretId };
  const first = tried[0] as SigningDetails;
  return {
    ok: false,
    code: 'SignatureDoesNotMatch',
    message: `[fileproc] the signature does not match; the server signed HttpString ${JSON.stringify(first.httpString)} as StringToSign ${JSON.stringify(first.stringToSign)} — compare with your client's values`,
    expected: { httpString: first.httpString, stringToSign: first.stringToSign },
  };
}
