/**
 * Synchronous processing on the COS host (`GET /{Key}?ci-process=…`): E10 filehash (§2.12) and
 * E11 zippreview (§2.13). Answers `Content-Type: application/xml` exactly, with `Content-Length`
 * (the Python SDK parses the body only then). Processor failures become `<Error>` bodies with the
 * processing README's statuses (NoSuchKey 404, limits 400, …).
 */
import { cosCiCodec } from '../../protocol/codec.ts';
import { processContext } from '../processing/platform-dispatch.ts';
import { syncFileHash } from '../processing/hash/file-hash.ts';
import { zipPreview } from '../processing/uncompress/zip-preview.ts';
import { fromProcessFailure } from './http-error.ts';
import { xmlResponse } from './respond.ts';
import type { Handler, RequestContext } from './types.ts';

function context(ctx: RequestContext) {
  const { store, processors, processingLimits, clock } = ctx.services;
  return processContext({ store, processors, limits: processingLimits, now: () => clock.now() }, ctx.host.bucket, ctx.host.region);
}

/** `getObject` with `ci-process`: dispatches on its (spec-validated) value. */
export const ciProcess: Handler = async (ctx) => {
  const p = ctx.services.params.cosCi('getObject', { query: ctx.url.searchParams, path: { Key: ctx.variable }, headers: ctx.request.headers });
  const key = ctx.variable;
  if (p['ci-process'] === 'filehash') {
    const outcome = await syncFileHash(context(ctx), key, p.type as string | undefined, p.addtoheader === 'true');
    if (!outcome.ok) throw fromProcessFailure(outcome.failure, key);
    const body = { FileHashCodeResult: outcome.result, Input: { Bucket: ctx.host.bucket, Object: key, Region: ctx.host.region } };
    return xmlResponse(ctx.meta, 200, cosCiCodec.encode(body, 'FileHashResponse'));
  }
  const uncompressKey = p['uncompress-key'];
  const outcome = await zipPreview(context(ctx), key, typeof uncompressKey === 'string' ? uncompressKey : undefined, ctx.services.processors.uncompress);
  if (!outcome.ok) throw fromProcessFailure(outcome.failure, key);
  return xmlResponse(ctx.meta, 200, cosCiCodec.encode(outcome.result, 'ZipPreviewResponse'));
};
