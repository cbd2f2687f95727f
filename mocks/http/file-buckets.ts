/** E7–E9 `file_bucket` (reference §2.11): enable, list (service host), disable. */
import { cosCiCodec } from '../../protocol/codec.ts';
import { formatJobTime } from '../../protocol/time.ts';
import type { FileBucketRecord } from '../engine/types.ts';
import { list, pageNumber } from './query-values.ts';
import { emptyResponse, xmlResponse } from './respond.ts';
import type { Handler } from './types.ts';

function wireBucket(bucket: Omit<FileBucketRecord, 'enabled'>): Record<string, unknown> {
  return { BucketId: bucket.BucketId, Name: bucket.Name, Region: bucket.Region, CreateTime: formatJobTime(bucket.CreateTime) };
}

/** `enableFileProcessing`: creates the bucket's file queue if needed. */
export const enableBucket: Handler = async (ctx) => {
  const bucket = ctx.services.engine.enableBucket(ctx.host.bucket, ctx.host.region);
  return xmlResponse(ctx.meta, 200, cosCiCodec.encode({ RequestId: ctx.meta.requestId, FileBucket: wireBucket(bucket) } as never, 'CreateFileBucketResponse'));
};

/** `listFileProcessingBuckets`. */
export const listBuckets: Handler = async (ctx) => {
  const p = ctx.services.params.cosCi('listFileProcessingBuckets', { query: ctx.url.searchParams });
  const regions = list(p.regions);
  const names = list(p.bucketNames);
  const result = ctx.services.engine.listBuckets({
    ...(regions && { regions }), ...(names && { bucketNames: names }),
    ...(typeof p.bucketName === 'string' && p.bucketName !== '' && { bucketName: p.bucketName }),
    ...pageNumber('pageNumber', p.pageNumber), ...pageNumber('pageSize', p.pageSize),
  });
  const body = {
    RequestId: ctx.meta.requestId, TotalCount: result.TotalCount, PageNumber: result.PageNumber, PageSize: result.PageSize,
    ...(result.FileBucketList.length > 0 && { FileBucketList: result.FileBucketList.map(wireBucket) }),
  };
  return xmlResponse(ctx.meta, 200, cosCiCodec.encode(body as never, 'ListFileBucketsResponse'));
};

/** `disableFileProcessing`: 204, no body (the spec's choice; the vendor does not model the response, §2.11). */
export const disableBucket: Handler = async (ctx) => {
  ctx.services.engine.disableBucket(ctx.host.bucket);
  return emptyResponse(ctx.meta, 204);
};
