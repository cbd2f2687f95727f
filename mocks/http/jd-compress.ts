/**
 * JD Cloud Compress Object (`POST /{Key}?compress`, reference §7): `200` with an empty body once
 * accepted (§9.30); the archive is built in the background and reported by callback (§7.3).
 * Cache-Control, Content-Disposition and Expires go onto the archive (§7.1). With key pairs
 * configured the request must be AWS-signed (`authenticateAws`; the route skips COS signing).
 */
import { jdcloudValidator } from '../../protocol/validate.ts';
import type { JdComponent } from '../processing/types.ts';
import { authenticateAws } from './auth-aws.ts';
import { readBytes } from './body.ts';
import { emptyResponse } from './respond.ts';
import type { Handler } from './types.ts';
import { parsedOrThrow, xmlFromBytes } from './xml-body.ts';

const ARCHIVE_HEADERS = ['cache-control', 'content-disposition', 'expires'];

/** `compressObject`. */
export const compressObject: Handler = async (ctx) => {
  const headers = ctx.request.headers;
  // Read once: the AWS signature covers the body's SHA-256, and the stream cannot be read twice.
  // Signature first, so an unsigned request learns nothing about its parameters.
  const bytes = await readBytes(ctx.request, ctx.services.limits.maxXmlBodyBytes);
  await authenticateAws(ctx, bytes);
  ctx.services.params.jdcloud('compressObject', { query: ctx.url.searchParams, path: { Key: ctx.variable }, headers });
  const body = parsedOrThrow(jdcloudValidator.parseBody(await xmlFromBytes(ctx, bytes), 'CompressRequest'));
  const components = (body.Component ?? []) as JdComponent[];
  const stored: Record<string, string> = {};
  for (const name of ARCHIVE_HEADERS) {
    const value = headers.get(name);
    if (value) stored[name] = value;
  }
  ctx.services.jd.accept({
    bucket: ctx.host.bucket, region: ctx.host.region, key: ctx.variable, components,
    endpoint: headers.get('x-amz-notification-endpoint') ?? '', requestId: ctx.meta.requestId,
    putOptions: { contentType: 'application/zip', headers: stored },
  });
  return emptyResponse(ctx.meta, 200);
};
