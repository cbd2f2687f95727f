/**
 * Types of the typed client (`protocol/client.ts`): options, what was sent and the full exchange,
 * because conformance rules judge the raw wire, not only the happy value.
 */
import type { CosCiSchemas, JdcloudSchemas } from '../codec.ts';
import type { Credentials } from '../signing/types.ts';

/** COS CI component schemas (generated types). */
export type Ci = CosCiSchemas;
/** JD Cloud component schemas (generated types). */
export type Jd = JdcloudSchemas;

/**
 * How requests reach the target (reference §1.3, §1.4):
 * - `path`: `endpoint + /path`, the Host is the endpoint's own (the target uses its default bucket);
 * - `virtual-host`: `endpoint + /path` with `Host: <bucket>.ci.<region>.myqcloud.com` — needs a
 *   transport that may set Host (Web fetch may not: browsers and undici drop it);
 * - `proxy`: absolute-form `http://<bucket>.ci.<region>.myqcloud.com/path` handed to the transport,
 *   which must route it to the endpoint (a forward proxy, or an in-process handler).
 */
export type Addressing = 'virtual-host' | 'proxy' | 'path';

/** The transport: Web `fetch` by default; an in-process handler or a Node socket transport otherwise. */
export type Transport = (request: Request) => Promise<Response>;

/** Options of `createClient`. */
export interface ClientOptions {
  /** CI endpoint (jobs, queues, file_bucket), e.g. `http://127.0.0.1:9000` or `https://b-125.ci.ap-x.myqcloud.com`. */
  endpoint: string;
  /** COS endpoint (objects, sync hash, zip preview, JD compress); defaults to `endpoint`. */
  cosEndpoint?: string;
  bucket: string;
  region: string;
  /** When given every request is signed (reference §6.1). */
  credentials?: Credentials;
  /** Default `path`. */
  addressing?: Addressing;
  fetch?: Transport;
  /** Wall clock in ms for the signature window; default `Date.now`. */
  now?: () => number;
}

/** Which host family a request is for: it decides the virtual host and the endpoint. */
export type Side = 'ci' | 'ci-service' | 'cos' | 'jd';

/** A request as the client sent it (body as text when it was text). */
export interface SentRequest {
  method: string;
  /** The URL handed to the transport. */
  url: string;
  /** The path and query as the target sees them (`/jobs/f…?cancel`). */
  target: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A decoded `<Error>` body (reference §5.1). */
export type ErrorBody = Ci['Error'];

/** One request/response exchange: everything a rule may need to judge. */
export interface Exchange<T = undefined> {
  request: SentRequest;
  status: number;
  headers: Headers;
  /** The response body bytes (empty for HEAD). */
  bytes: Uint8Array;
  /** The body as UTF-8 text. */
  text: string;
  /** The decoded body when the response was 2xx, the body parsed and validated against the operation's schema. */
  value?: T;
  /** Why a 2xx body did not decode or validate (then `value` is absent). */
  invalid?: string;
  /** The decoded `<Error>` of a non-2xx response, when it parsed. */
  error?: ErrorBody;
  /** The raw Response (body already consumed). */
  response: Response;
}

/** A request description for `client.send`, used by operations and by negative tests. */
export interface RawRequest {
  side: Side;
  method: string;
  /** Decoded path starting with `/` (keys are percent-encoded by the client). */
  path: string;
  /** Query pairs; `null` is sent as a bare name (`?cancel`), `''` as `?cancel=`. */
  query?: ReadonlyArray<readonly [string, string | null]>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Decode a 2xx body with this schema of the side's document; omitted = no decoding. */
  schema?: string | readonly string[];
}
