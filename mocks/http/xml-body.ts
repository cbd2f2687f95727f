/** Reads and validates an XML request body through `protocol/` (MalformedXML / InvalidArgument, §5.3). */
import type { ParseResult } from '../../protocol/validate.ts';
import { readBytes } from './body.ts';
import { checkMd5 } from './content-md5.ts';
import { httpError } from './http-error.ts';
import type { RequestContext } from './types.ts';

/**
 * The body text within the XML size limit; an empty body is `400 MissingRequestBodyError`. A
 * `Content-MD5` (the Go SDK sends one with every XML body) is checked: not 16 bytes of base64 →
 * `400 InvalidDigest`, another digest → `400 BadDigest` (§5.3).
 */
export async function requiredXml(ctx: RequestContext): Promise<string> {
  return xmlFromBytes(ctx, await readBytes(ctx.request, ctx.services.limits.maxXmlBodyBytes));
}

/** `requiredXml` for a body already read (JD Compress reads it first to check its AWS signature). */
export async function xmlFromBytes(ctx: RequestContext, bytes: Uint8Array): Promise<string> {
  const declared = ctx.request.headers.get('content-md5');
  if (declared !== null) await checkMd5(bytes, declared, ctx.services.processors.hash);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') throw httpError('MissingRequestBodyError', 'the request body is empty; this operation needs an XML body');
  return text;
}

/** The decoded value, or the codec/validator's error as an HttpError. */
export function parsedOrThrow<T>(result: ParseResult<T>): T {
  if (result.ok) return result.value;
  throw httpError(result.code, result.message);
}
