/** E5 list queues and E6 update a queue (reference §2.9, §2.10; PUT and POST, §9.3). */
import { cosCiCodec } from '../../protocol/codec.ts';
import { formatJobTime } from '../../protocol/time.ts';
import { cosCiValidator } from '../../protocol/validate.ts';
import type { QueueUpdate } from '../engine/queue-validation.ts';
import type { QueueRecord } from '../engine/types.ts';
import { emptyToUndefined, list, pageNumber } from './query-values.ts';
import { xmlResponse } from './respond.ts';
import type { Handler } from './types.ts';
import { parsedOrThrow, requiredXml } from './xml-body.ts';

/** A queue as the wire shows it (§2.9). */
function wireQueue(queue: QueueRecord): Record<string, unknown> {
  return {
    QueueId: queue.QueueId, Name: queue.Name, State: queue.State, NotifyConfig: queue.NotifyConfig,
    MaxSize: queue.MaxSize, MaxConcurrent: queue.MaxConcurrent,
    UpdateTime: formatJobTime(queue.UpdateTime), CreateTime: formatJobTime(queue.CreateTime), Category: queue.Category,
  };
}

/** `listFileQueues`: the bucket's queues (its default queue is created on first use, §9.5). */
export const listQueues: Handler = async (ctx) => {
  const p = ctx.services.params.cosCi('listFileQueues', { query: ctx.url.searchParams });
  const state = emptyToUndefined(p.state);
  const result = ctx.services.engine.listQueues(ctx.host.bucket, ctx.host.region, {
    ...(list(p.queueIds) && { queueIds: list(p.queueIds) }),
    ...(state !== undefined && { state }),
    ...pageNumber('pageNumber', p.pageNumber),
    ...pageNumber('pageSize', p.pageSize),
  });
  const body = {
    RequestId: ctx.meta.requestId, TotalCount: result.TotalCount, PageNumber: result.PageNumber, PageSize: result.PageSize,
    ...(result.QueueList.length > 0 && { QueueList: result.QueueList.map(wireQueue) }),
    ...(result.NonExistPIDs.length > 0 && { NonExistPIDs: result.NonExistPIDs }),
  };
  return xmlResponse(ctx.meta, 200, cosCiCodec.encode(body as never, 'ListQueuesResponse'));
};

/** `updateFileQueue` / `updateFileQueueWithPost`: validates the body, answers the updated queue. */
export const updateQueue: Handler = async (ctx) => {
  ctx.services.params.cosCi('updateFileQueue', { query: ctx.url.searchParams, path: { QueueId: ctx.variable } });
  const update = parsedOrThrow(cosCiValidator.parseBody(await requiredXml(ctx), 'UpdateQueueRequest'));
  const queue = ctx.services.engine.updateQueue(ctx.variable, update as unknown as QueueUpdate, ctx.host.bucket);
  return xmlResponse(ctx.meta, 200, cosCiCodec.encode({ RequestId: ctx.meta.requestId, Queue: wireQueue(queue) } as never, 'UpdateQueueResponse'));
};
