/**
 * Plain-JSON snapshot and restore of the engine (the filesystem-backed server persists jobs with
 * it) and reset. Jobs that were Running when the snapshot was taken cannot resume — their
 * processor is gone — so restore ends them Failed with `InternalError` (README "Snapshot").
 */
import { cloneJson, emptyState, queueRuntime, type EngineContext } from './context.ts';
import { dispatch } from './dispatcher.ts';
import { EngineError } from './errors.ts';
import { finishJob } from './finish.ts';
import { fullHistory, NO_TRANSITIONS } from './state-machine.ts';
import type { FileBucketRecord, JobRecord, QueueRecord } from './types.ts';

/** Everything needed to rebuild the engine's state; plain JSON. */
export interface EngineSnapshot {
  version: 1;
  seq: number;
  buckets: FileBucketRecord[];
  queues: QueueRecord[];
  defaultQueues: [bucket: string, queueId: string][];
  /** Jobs with their whole history (creation entry first), unlike the engine's own records. */
  jobs: JobRecord[];
}

/** Code and message of jobs interrupted by a restart. */
export const INTERRUPTED_FAILURE = {
  Code: 'InternalError',
  Message: '[fileproc] job interrupted: the server stopped while it was Running; submit it again',
} as const;

/** A JSON copy of the engine's state (jobs in submission order). */
export function takeSnapshot(ctx: EngineContext): EngineSnapshot {
  const { state } = ctx;
  return cloneJson({
    version: 1,
    seq: state.seq,
    buckets: [...state.buckets.values()],
    queues: [...state.queues.values()],
    defaultQueues: [...state.defaultQueues.entries()],
    jobs: [...state.jobs.values()].sort((a, b) => a.seq - b.seq).map((job) => ({ ...job, history: fullHistory(job) })),
  });
}

/** Stops every timer and processor and empties the state. */
export function resetState(ctx: EngineContext): void {
  const { clock } = ctx.deps;
  for (const run of ctx.state.runs.values()) {
    if (run.timer !== undefined) clock.clearTimer(run.timer);
    run.abort.abort();
  }
  for (const rt of ctx.state.queueRuntime.values()) for (const handle of rt.reserved.values()) clock.clearTimer(handle);
  // In-flight processors stay tracked so settle() still waits for them; their results are ignored.
  const { inflight } = ctx.state;
  ctx.state = { ...emptyState(), inflight };
}

/** Replaces the state with a snapshot's; waiting jobs are queued again, Running ones fail. */
export function restoreSnapshot(ctx: EngineContext, snapshot: EngineSnapshot): void {
  if (snapshot?.version !== 1) throw new EngineError('InvalidArgument', 'unsupported snapshot: expected version 1');
  resetState(ctx);
  const copy = cloneJson(snapshot);
  const { state } = ctx;
  state.seq = copy.seq;
  for (const b of copy.buckets) state.buckets.set(b.BucketId, b);
  for (const q of copy.queues) state.queues.set(q.QueueId, q);
  for (const [bucket, queueId] of copy.defaultQueues) state.defaultQueues.set(bucket, queueId);
  const jobs = copy.jobs.sort((a, b) => a.seq - b.seq);
  for (const job of jobs) {
    // The creation entry is implied by CreationTime in the engine's records.
    const transitions = job.history[0]?.from === null ? job.history.slice(1) : job.history;
    job.history = transitions.length === 0 ? NO_TRANSITIONS : transitions;
    state.jobs.set(job.detail.JobId, job);
    if (job.detail.State === 'Submitted' || job.detail.State === 'Pause') queueRuntime(ctx, job.detail.QueueId).waiting.push(job.detail.JobId);
  }
  for (const job of jobs) {
    if (job.detail.State === 'Running') finishJob(ctx, job, { ok: false, failure: { ...INTERRUPTED_FAILURE } }, 'interrupted by restore');
  }
  for (const queueId of state.queues.keys()) dispatch(ctx, queueId);
}
