/** Reads and validates an XML request body through `protocol/` (MalformedXML / InvalidArgument, §5.3). */
import type { ParseResult } from '../../protocol/validate.ts';
import { readText } from './body.ts';
import { httpError } from './http-error.ts';
import type { RequestContext } from './types.ts';

/** The body text within the XML size limit; an empty body is `400 MissingRequestBodyError`. */
export async function requiredXml(ctx: RequestContext): Promise<string> {
  const text = await readText(ctx.request, ctx.services.limits.maxXmlBodyBytes);
  if (text.trim() === '') throw httpError('MissingRequestBodyError', 'the request body is empty; this operation needs an XML body');
  return text;
}

/** The decoded value, or the codec/validator's error as an HttpError. */
export function parsedOrThrow<T>(result: ParseResult<T>): T {
  if (result.ok) return result.value;
  throw httpError(result.code, result.message);
}
