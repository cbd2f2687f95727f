/** File-processing queues: creation, lookup, E5 listing (§2.9) and E6 update (§2.10). */
import { cloneJson, freshId, type EngineContext } from './context.ts';
import { pauseQueue, resumeQueue } from './dispatcher.ts';
import { EngineError } from './errors.ts';
import { pageOf, type PageQuery } from './paging.ts';
import { validateQueueUpdate, type QueueUpdate, type QueueValidationOptions } from './queue-validation.ts';
import type { QueueRecord } from './types.ts';

/** Creates a bucket's default queue, as `POST /file_bucket` does (§2.11): Active, notifications Off. */
export function createDefaultQueue(ctx: EngineContext, bucket: string): QueueRecord {
  const { ids, clock, queueDefaults } = ctx.deps;
  const now = clock.now();
  const queue: QueueRecord = {
    QueueId: freshId(() => ids.queueId(), (id) => ctx.state.queues.has(id)),
    Name: queueDefaults.name,
    State: 'Active',
    NotifyConfig: { State: 'Off' },
    MaxSize: queueDefaults.maxSize,
    MaxConcurrent: queueDefaults.maxConcurrent,
    Category: 'FileProcess',
    CreateTime: now,
    UpdateTime: now,
    bucket,
  };
  ctx.state.queues.set(queue.QueueId, queue);
  ctx.state.defaultQueues.set(bucket, queue.QueueId);
  return queue;
}

/** A bucket's queue by id; a queue of another bucket counts as unknown (404 NoSuchQueue). */
export function findQueue(ctx: EngineContext, queueId: string, bucket?: string): QueueRecord {
  const queue = ctx.state.queues.get(queueId);
  if (!queue || (bucket !== undefined && queue.bucket !== bucket)) {
    throw new EngineError('NoSuchQueue', `queue ${queueId} does not exist${bucket ? ` in bucket ${bucket}` : ''}`);
  }
  return queue;
}

/** E5 query: `queueIds`, `state` (Active | Paused | All), page-number paging. */
export interface QueueListQuery extends PageQuery { queueIds?: string[]; state?: string }

/** E5 result; `NonExistPIDs` lists requested ids that do not exist in the bucket. */
export interface QueueListResult { TotalCount: number; PageNumber: number; PageSize: number; QueueList: QueueRecord[]; NonExistPIDs: string[] }

/** Lists a bucket's queues (§2.9), oldest first. */
export function listQueues(ctx: EngineContext, bucket: string, query: QueueListQuery): QueueListResult {
  const state = query.state ?? 'All';
  if (!['All', 'Active', 'Paused'].includes(state)) {
    throw new EngineError('InvalidArgument', `state must be Active, Paused or All, got "${state}"`);
  }
  const own = [...ctx.state.queues.values()].filter((q) => q.bucket === bucket);
  const wanted = query.queueIds?.filter((id) => id !== '');
  const NonExistPIDs = wanted?.filter((id) => !own.some((q) => q.QueueId === id)) ?? [];
  const matching = own.filter((q) => (!wanted?.length || wanted.includes(q.QueueId)) && (state === 'All' || q.State === state));
  const page = pageOf(matching, query);
  return { TotalCount: page.TotalCount, PageNumber: page.PageNumber, PageSize: page.PageSize, QueueList: cloneJson(page.items), NonExistPIDs };
}

/**
 * E6: validates and applies Name, State, NotifyConfig. Pausing turns waiting jobs into Pause and
 * resuming turns them back to Submitted; running jobs are unaffected (§2.10).
 */
export function updateQueue(ctx: EngineContext, queueId: string, update: QueueUpdate, options: QueueValidationOptions, bucket?: string): QueueRecord {
  const queue = findQueue(ctx, queueId, bucket);
  const next = validateQueueUpdate(update, options);
  const before = queue.State;
  Object.assign(queue, next, { UpdateTime: ctx.deps.clock.now() });
  if (before === 'Active' && next.State === 'Paused') pauseQueue(ctx, queueId);
  if (before === 'Paused' && next.State === 'Active') resumeQueue(ctx, queueId);
  return cloneJson(queue);
}
