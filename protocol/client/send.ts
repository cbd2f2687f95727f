/**
 * The one place the client builds, signs, sends and decodes a request (reference §1, §6.1).
 * Browser-safe: Web fetch/Request/Response only; the transport is injectable.
 */
import { validatorFor } from '../validate.ts';
import { cosUrlEncode } from '../signing/url-encode.ts';
import { sign, signTimesAround } from '../signing.ts';
import { signedHeadersV4 } from '../signing-aws.ts';
import type { ClientOptions, ErrorBody, Exchange, RawRequest, SentRequest, Side } from './types.ts';

/** Sends a `RawRequest` and returns the whole exchange. */
export type Send = (raw: RawRequest) => Promise<Exchange<unknown>>;

/** The virtual host of a side (reference §1.1): `<bucket>.ci.<region>.myqcloud.com` and friends. */
export function virtualHost(side: Side, bucket: string, region: string): string {
  if (side === 'ci') return `${bucket}.ci.${region}.myqcloud.com`;
  if (side === 'ci-service') return `ci.${region}.myqcloud.com`;
  if (side === 'jd') return `${bucket}.s3.${region}.jdcloud-oss.com`;
  return `${bucket}.cos.${region}.myqcloud.com`;
}

/**
 * Percent-encodes a decoded path segment by segment: keys keep their `/`, job id lists their `,`
 * (a legal path character; SDKs send `/jobs/a,b` as is, §2.6).
 */
export function encodePath(path: string): string {
  return path.split('/').map((segment) => cosUrlEncode(segment).replace(/%2C/g, ',')).join('/');
}

function queryString(query: ReadonlyArray<readonly [string, string | null]>): string {
  if (query.length === 0) return '';
  return '?' + query.map(([name, value]) => (value === null ? cosUrlEncode(name) : `${cosUrlEncode(name)}=${cosUrlEncode(value)}`)).join('&');
}

function decodeBody(raw: RawRequest, status: number, text: string): Pick<Exchange<unknown>, 'value' | 'invalid' | 'error'> {
  const validator = validatorFor(raw.side === 'jd' ? 'jdcloud' : 'cos-ci');
  if (status >= 300) {
    if (text.trim() === '') return {};
    const parsed = validator.parseBody(text, 'Error');
    return parsed.ok ? { error: parsed.value as ErrorBody } : {};
  }
  if (raw.schema === undefined) return {};
  const names = typeof raw.schema === 'string' ? [raw.schema] : raw.schema;
  const problems: string[] = [];
  for (const name of names) {
    const parsed = validator.parseBody(text, name);
    if (parsed.ok) return { value: parsed.value };
    problems.push(`${name}: ${parsed.message}`);
  }
  return { invalid: problems.join('; ') };
}

/** Builds the `send` function of a client. */
export function createSend(options: ClientOptions): Send {
  const addressing = options.addressing ?? 'path';
  const transport = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  if (addressing === 'proxy' && !options.fetch) {
    throw new Error('[fileproc] createClient: addressing "proxy" needs a `fetch` transport that routes absolute-form URLs to the endpoint');
  }
  const now = options.now ?? (() => Date.now());

  return async function send(raw) {
    const base = new URL(raw.side === 'cos' || raw.side === 'jd' ? (options.cosEndpoint ?? options.endpoint) : options.endpoint);
    const target = encodePath(raw.path) + queryString(raw.query ?? []);
    const vhost = virtualHost(raw.side, options.bucket, options.region);
    const url = addressing === 'proxy' ? `${base.protocol}//${vhost}${target}` : new URL(target, base).href;
    const headers: Record<string, string> = { ...raw.headers };
    const wireHost = addressing === 'path' ? base.host : vhost;
    if (addressing !== 'path') headers.host = wireHost;
    if (options.credentials && headers.authorization === undefined) {
      const signing = { method: raw.method, path: raw.path, query: (raw.query ?? []).map(([name, value]) => [name, value ?? ''] as const), headers: { ...headers, host: wireHost } };
      // JD is S3-compatible: AWS Signature V4 (§7.1, spec §9.30); everything else COS signing (§6).
      if (raw.side === 'jd') Object.assign(headers, await signedHeadersV4({ ...signing, ...(raw.body !== undefined && { body: raw.body }) }, options.credentials, { region: options.region, service: 's3', nowMs: now() }));
      else headers.authorization = await sign(signing, options.credentials, signTimesAround(now()));
    }
    const sent: SentRequest = { method: raw.method, url, target, headers, ...(raw.body !== undefined ? { body: raw.body } : {}) };
    const request = new Request(url, { method: raw.method, headers, ...(raw.body !== undefined ? { body: raw.body as BodyInit } : {}) });
    const response = await transport(request);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    return { request: sent, status: response.status, headers: response.headers, bytes, text, response, ...decodeBody(raw, response.status, text) };
  };
}
