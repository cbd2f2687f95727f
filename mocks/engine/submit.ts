/** E1 submit (§2.2–2.5): a new job, Submitted (or Pause in a paused queue), in its queue. */
import { cloneJson, freshId, queueRuntime, type EngineContext } from './context.ts';
import { enqueue } from './dispatcher.ts';
import { EngineError } from './errors.ts';
import { ensureBucket } from './file-buckets.ts';
import { findQueue } from './queues.ts';
import { NO_TRANSITIONS, transition } from './state-machine.ts';
import { planJob } from './timing.ts';
import type { JobCallbackSettings, JobDetail, JobRecord, JobScript, JobTag, SubmitRequest } from './types.ts';

// Every job is kept until reset, so each object it holds is copied (and promoted) by the garbage
// collector once: jobs without callback settings or a script share one frozen empty record.
const NO_CALLBACK: JobCallbackSettings = Object.freeze({});
const NO_SCRIPT: JobScript = Object.freeze({});

/**
 * The tag as the engine's own constant: the decoded one is a fresh string per request, and a job
 * keeps its tag as long as it lives.
 */
function sharedTag(tag: JobTag): JobTag {
  if (tag === 'FileHashCode') return 'FileHashCode';
  if (tag === 'FileCompress') return 'FileCompress';
  return tag === 'FileUncompress' ? 'FileUncompress' : tag;
}

function callbackSettings(request: SubmitRequest): JobCallbackSettings {
  const { CallBack, CallBackFormat, CallBackType, CallBackMqConfig } = request;
  if (CallBack === undefined && CallBackFormat === undefined && CallBackType === undefined && CallBackMqConfig === undefined) return NO_CALLBACK;
  return cloneJson({ CallBack, CallBackFormat, CallBackType, CallBackMqConfig });
}

/**
 * Creates a job in the request's queue (default: the bucket's default queue, created on first
 * use). Unknown queue → 404 NoSuchQueue; a queue holding MaxSize waiting jobs → 400 InvalidRequest.
 * Returns the new job's detail itself (what the submit response shows): callers outside the
 * engine get a copy. With `handOver`, the job keeps `request.Operation` itself instead of a copy
 * (the caller built it for this call and drops it).
 */
export function submitJob(ctx: EngineContext, request: SubmitRequest, handOver = false): Readonly<JobDetail> {
  const { clock, ids, random, timing, faults } = ctx.deps;
  const defaultQueue = ensureBucket(ctx, request.bucket, request.region);
  const queue = request.QueueId ? findQueue(ctx, request.QueueId, request.bucket) : defaultQueue;
  const rt = queueRuntime(ctx, queue.QueueId);
  if (rt.waiting.length + rt.reserved.size >= queue.MaxSize) {
    throw new EngineError('InvalidRequest', `queue ${queue.QueueId} already holds MaxSize (${queue.MaxSize}) waiting jobs; retry later`);
  }
  const script = request.script ? cloneJson(request.script) : NO_SCRIPT;
  // The bucket's and region's strings already kept by its default queue and bucket record, not
  // the request's fresh copies (kept twice per job otherwise).
  const bucket = defaultQueue.bucket;
  const bucketRegion = ctx.state.buckets.get(bucket)?.Region;
  const region = bucketRegion === request.region ? bucketRegion : request.region;
  const Tag = sharedTag(request.Tag);
  const now = clock.now();
  const JobId = freshId(() => ids.jobId(), (id) => ctx.state.jobs.has(id));
  // Plain literals (no spread inside): every detail gets one of two hidden classes, which keeps
  // the code that reads them (wire conversion, encoder) fast.
  const Operation = handOver ? request.Operation : cloneJson(request.Operation);
  const detail: JobDetail = request.Input
    ? { Code: 'Success', Message: '', JobId, Tag, State: 'Submitted', Progress: 0, CreationTime: now, QueueId: queue.QueueId,
      Input: { BucketId: bucket, Object: request.Input.Object, Region: region }, Operation }
    : { Code: 'Success', Message: '', JobId, Tag, State: 'Submitted', Progress: 0, CreationTime: now, QueueId: queue.QueueId, Operation };
  const job: JobRecord = {
    detail,
    bucket,
    region,
    callback: callbackSettings(request),
    script,
    plan: planJob(timing, random, request, script),
    seq: ++ctx.state.seq,
    history: NO_TRANSITIONS,
  };
  ctx.state.jobs.set(JobId, job);
  if (queue.State === 'Paused') transition(job, 'Pause', now, 'queue is paused', faults);
  enqueue(ctx, job);
  return job.detail;
}
