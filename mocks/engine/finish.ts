/** Ending a job Success or Failed, and the TaskFinish event that goes with it (§3.2, §4.1). */
import type { ProcessOutcome } from '../processing/types.ts';
import { cloneJson, type EngineContext } from './context.ts';
import { resolveTarget } from './events.ts';
import { releaseSlot } from './runner.ts';
import { transition } from './state-machine.ts';
import type { JobOperation, JobRecord, JobResult, JobTag } from './types.ts';

const RESULT_KEY: Record<JobTag, 'FileCompressResult' | 'FileUncompressResult' | 'FileHashCodeResult'> = {
  FileCompress: 'FileCompressResult',
  FileUncompress: 'FileUncompressResult',
  FileHashCode: 'FileHashCodeResult',
};

function placeResult(operation: JobOperation, tag: JobTag, result: JobResult): void {
  (operation as Record<string, unknown>)[RESULT_KEY[tag]] = cloneJson(result);
}

/**
 * Success: Progress 100, `Code` Success, the result container in Operation. Failed: Code/Message
 * from the failure, Progress stays where it was, and a partial result (what was already written)
 * is shown when the processor reported one. Both emit TaskFinish.
 */
export function finishJob(ctx: EngineContext, job: JobRecord, outcome: ProcessOutcome<JobResult>, reason: string): void {
  const { detail } = job;
  if (outcome.ok) {
    detail.Progress = 100;
    detail.Code = 'Success';
    detail.Message = '';
    placeResult(detail.Operation, detail.Tag, outcome.result);
    transition(job, 'Success', ctx.deps.clock.now(), reason, ctx.deps.faults);
  } else {
    detail.Code = outcome.failure.Code;
    detail.Message = outcome.failure.Message;
    if (outcome.partial) placeResult(detail.Operation, detail.Tag, outcome.partial);
    transition(job, 'Failed', ctx.deps.clock.now(), reason, ctx.deps.faults);
  }
  releaseSlot(ctx, job);
  emitTaskFinish(ctx, job);
}

function emitTaskFinish(ctx: EngineContext, job: JobRecord): void {
  const queue = ctx.state.queues.get(job.detail.QueueId);
  const target = resolveTarget(job.callback, queue?.NotifyConfig);
  const event = {
    EventName: 'TaskFinish' as const,
    at: ctx.deps.clock.now(),
    bucket: job.bucket,
    region: job.region,
    job: cloneJson(job.detail),
    ...(target && { target }),
  };
  try {
    ctx.deps.onEvent(event);
  } catch (error) {
    ctx.deps.onListenerError(error);
  }
}
