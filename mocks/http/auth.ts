/**
 * Request authentication (reference §6), only when key pairs are configured: `protocol/signing`
 * verifies the headers/params the client listed, the host with or without port (§9.27) and the
 * time window against wall-clock time (`services.authNow`, not the
 * possibly virtual job clock: SDKs sign with the host's time). Failures are 403 (`AccessDenied` "Request has expired",
 * `InvalidAccessKeyId`, `SignatureDoesNotMatch`, §5.3).
 */
import { EXPIRED_MESSAGE, signingRequestFromWebRequest, verify } from '../../protocol/signing.ts';
import type { RequestView } from './exchange.ts';
import { HttpError } from './http-error.ts';
import type { MockServices } from './types.ts';

/** Throws a 403 HttpError unless the request is correctly signed (no-op when auth is off). */
export async function authenticate(request: RequestView, hostHeader: string, services: MockServices): Promise<void> {
  if (services.keys.size === 0) return;
  const signing = signingRequestFromWebRequest(request);
  // The adapters pass the client's Host; browsers cannot set it, then the URL's host is used.
  const signingWithHost = { ...signing, headers: { ...signing.headers, host: hostHeader } };
  const result = await verify(signingWithHost, (id) => services.keys.get(id), Math.floor(services.authNow() / 1000));
  // The Node SDK's clock-skew retry compares the message exactly (§5.2), so it goes out unprefixed.
  if (!result.ok) throw new HttpError(result.code, 403, result.message, undefined, {}, result.message === EXPIRED_MESSAGE);
}
