/** AWS-style request authentication of JD Compress Object (the COS routes use `auth.ts`). */
import { EXPIRED_MESSAGE } from '../../protocol/signing.ts';
import { awsRequestFromWebRequest, verifyAws } from '../../protocol/signing-aws.ts';
import { HttpError } from './http-error.ts';
import type { RequestContext } from './types.ts';

/**
 * JD Compress Object (reference §7.1: S3-compatible, AWS-style signing [derived]; version
 * undocumented, §9.30): with key pairs configured the request must carry an AWS Signature V4
 * (header or presigned query) or V2 made with one of them. `body` is the request body, already read
 * (V4 covers its SHA-256). Failures are the S3 codes: 403 AccessDenied / InvalidAccessKeyId /
 * SignatureDoesNotMatch / RequestTimeTooSkewed, 400 AuthorizationHeaderMalformed /
 * XAmzContentSHA256Mismatch. The same keys serve both vendors: the mock has one key table.
 */
export async function authenticateAws(ctx: RequestContext, body: Uint8Array): Promise<void> {
  const { services, request } = ctx;
  if (services.keys.size === 0) return;
  const hostHeader = request.headers.get('host') ?? ctx.url.host;
  const input = awsRequestFromWebRequest(request, hostHeader, ctx.host.bucket, body);
  // Only a JD host names the region; behind 127.0.0.1 the client's own region is taken as signed.
  if (ctx.host.kind === 'jd') input.region = ctx.host.region;
  const result = await verifyAws(input, (id) => services.keys.get(id), Math.floor(services.authNow() / 1000));
  if (!result.ok) throw new HttpError(result.code, result.status, result.message, undefined, {}, result.message === EXPIRED_MESSAGE);
}
