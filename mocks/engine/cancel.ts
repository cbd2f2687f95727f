/** E4 cancel (§2.8): only jobs not yet executing — Submitted or Pause — can be cancelled (§9.21). */
import { jobInBucket, type EngineContext } from './context.ts';
import { dispatch, removeFromQueue } from './dispatcher.ts';
import { EngineError, invalidArgument } from './errors.ts';
import { releaseSlot } from './runner.ts';
import { transition } from './state-machine.ts';
import type { JobRecord } from './types.ts';

/** At most this many ids per cancel, as for describe (§2.8 newest doc). */
export const MAX_IDS_PER_REQUEST = 10;

function cancellable(ctx: EngineContext, job: JobRecord): boolean {
  const state = job.detail.State;
  return state === 'Submitted' || state === 'Pause' || (state === 'Running' && ctx.deps.faults.isOn('cancel-running-accepted'));
}

/** Checks a list of ids from a request: 1..10 ids; duplicates collapse, first occurrence wins. */
export function checkIdList(ids: readonly string[]): string[] {
  const unique = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
  if (unique.length === 0) throw invalidArgument('no job id given');
  if (unique.length > MAX_IDS_PER_REQUEST) throw invalidArgument(`at most ${MAX_IDS_PER_REQUEST} job ids per request, got ${unique.length}`);
  return unique;
}

/**
 * Cancels every listed job, or none: unknown id (or, with `bucket`, a job of another bucket) →
 * 404 NoSuchJob, a job that is Running or finished → 400 InvalidRequest naming its state; checked
 * for all ids before any is cancelled.
 */
export function cancelJobs(ctx: EngineContext, ids: readonly string[], bucket?: string): void {
  const jobs = checkIdList(ids).map((id) => {
    const job = jobInBucket(ctx, id, bucket);
    if (!job) throw new EngineError('NoSuchJob', `job ${id} does not exist${bucket === undefined ? '' : ` in bucket ${bucket}`}`);
    return job;
  });
  for (const job of jobs) {
    if (!cancellable(ctx, job)) {
      throw new EngineError('InvalidRequest',
        `job ${job.detail.JobId} is ${job.detail.State}; only Submitted or Pause jobs can be cancelled`);
    }
  }
  for (const job of jobs) cancelOne(ctx, job);
}

function cancelOne(ctx: EngineContext, job: JobRecord): void {
  const { clock, faults } = ctx.deps;
  const wasRunning = job.detail.State === 'Running';
  // The terminal-state-changes fault leaves the job in its queue, so it later starts anyway.
  if (!wasRunning && !faults.isOn('terminal-state-changes')) removeFromQueue(ctx, job);
  transition(job, 'Cancel', clock.now(), wasRunning ? 'cancelled while running' : 'cancelled', faults);
  if (wasRunning) releaseSlot(ctx, job);
  else dispatch(ctx, job.detail.QueueId);
}
