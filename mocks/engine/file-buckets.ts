/** `file_bucket` enablement (E7–E9, §2.11) and the "default queue on first use" rule (§9.5). */
import { cloneJson, type EngineContext } from './context.ts';
import { EngineError, invalidArgument } from './errors.ts';
import { pageOf, type PageQuery } from './paging.ts';
import { createDefaultQueue } from './queues.ts';
import type { FileBucketRecord, QueueRecord } from './types.ts';

/** `BucketId` is `name-appid`; `Name` drops the `-appid` suffix when there is one. */
function bucketName(bucket: string): string {
  return bucket.replace(/-\d+$/, '');
}

/** E7: enables file processing and creates the default queue if the bucket has none (idempotent). */
export function enableBucket(ctx: EngineContext, bucket: string, region: string): FileBucketRecord {
  if (!bucket) throw invalidArgument('bucket is required');
  let record = ctx.state.buckets.get(bucket);
  if (!record) {
    record = { BucketId: bucket, Name: bucketName(bucket), Region: region, CreateTime: ctx.deps.clock.now(), enabled: true };
    ctx.state.buckets.set(bucket, record);
  }
  record.enabled = true;
  if (!ctx.state.defaultQueues.has(bucket)) createDefaultQueue(ctx, bucket);
  return cloneJson(record);
}

/** E9: disables file processing; queues and jobs stay, new submissions are refused until re-enabled. */
export function disableBucket(ctx: EngineContext, bucket: string): boolean {
  const record = ctx.state.buckets.get(bucket);
  if (!record?.enabled) return false;
  record.enabled = false;
  return true;
}

/**
 * The bucket's default queue, enabling the bucket on first use (a never-seen bucket behaves as if
 * `POST /file_bucket` had been called); a bucket disabled by E9 is 400 InvalidRequest.
 */
export function ensureBucket(ctx: EngineContext, bucket: string, region: string): QueueRecord {
  const record = ctx.state.buckets.get(bucket);
  if (record && !record.enabled) {
    throw new EngineError('InvalidRequest', `file processing is disabled for bucket ${bucket}; enable it with POST /file_bucket`);
  }
  if (!record) enableBucket(ctx, bucket, region);
  const queue = ctx.state.queues.get(ctx.state.defaultQueues.get(bucket) ?? '');
  if (!queue) throw new EngineError('InternalError', `bucket ${bucket} has no default queue`);
  return queue;
}

/** E8 query (§2.11): region list, exact names, name prefix, page-number paging. */
export interface BucketListQuery extends PageQuery { regions?: string[]; bucketNames?: string[]; bucketName?: string }

/** E8 result. */
export interface BucketListResult { TotalCount: number; PageNumber: number; PageSize: number; FileBucketList: Omit<FileBucketRecord, 'enabled'>[] }

/** E8: lists enabled buckets, oldest first. */
export function listBuckets(ctx: EngineContext, query: BucketListQuery): BucketListResult {
  const regions = query.regions?.filter(Boolean);
  const names = query.bucketNames?.filter(Boolean);
  const matching = [...ctx.state.buckets.values()].filter((b) => b.enabled &&
    (!regions?.length || regions.includes(b.Region)) &&
    (!names?.length || names.includes(b.BucketId) || names.includes(b.Name)) &&
    (!query.bucketName || b.BucketId.startsWith(query.bucketName)));
  const page = pageOf(matching, query);
  const FileBucketList = page.items.map(({ enabled: _enabled, ...rest }) => cloneJson(rest));
  return { TotalCount: page.TotalCount, PageNumber: page.PageNumber, PageSize: page.PageSize, FileBucketList };
}
