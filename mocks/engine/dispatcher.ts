/**
 * Per-queue scheduling: FIFO (by submission order) within a queue, at most `MaxConcurrent` jobs
 * running or about to start, nothing started while the queue is Paused (§2.9, §2.10).
 */
import { queueRuntime, type EngineContext } from './context.ts';
import { startJob } from './runner.ts';
import { transition } from './state-machine.ts';
import type { JobRecord } from './types.ts';

/** When the job last became eligible to run (entered Submitted). */
function waitingSince(job: JobRecord): number {
  for (let i = job.history.length - 1; i >= 0; i--) {
    const entry = job.history[i];
    if (entry?.to === 'Submitted') return entry.at;
  }
  return job.detail.CreationTime;
}

function bySeq(ctx: EngineContext): (a: string, b: string) => number {
  const seq = (id: string): number => ctx.state.jobs.get(id)?.seq ?? 0;
  return (a, b) => seq(a) - seq(b);
}

/** Puts a job at its FIFO place in its queue and starts what can start. */
export function enqueue(ctx: EngineContext, job: JobRecord): void {
  const rt = queueRuntime(ctx, job.detail.QueueId);
  rt.waiting.push(job.detail.JobId);
  // The newest job ever submitted belongs at the end: only an older job (restored from a snapshot)
  // may need sorting in, which spares every submit a lookup in the (large) job table.
  const last = job.seq === ctx.state.seq ? undefined : rt.waiting.at(-2);
  if (last !== undefined && (ctx.state.jobs.get(last)?.seq ?? 0) > job.seq) rt.waiting.sort(bySeq(ctx));
  dispatch(ctx, job.detail.QueueId);
}

/**
 * Reserves free slots for the oldest waiting jobs; each starts after its start latency (counted
 * from when it last entered Submitted), or at once if it already waited that long for a slot.
 */
export function dispatch(ctx: EngineContext, queueId: string): void {
  const queue = ctx.state.queues.get(queueId);
  if (!queue || queue.State === 'Paused') return;
  const rt = queueRuntime(ctx, queueId);
  const { clock } = ctx.deps;
  while (rt.reserved.size + rt.running.size < queue.MaxConcurrent && rt.waiting.length > 0) {
    const id = rt.waiting.shift() as string;
    const job = ctx.state.jobs.get(id);
    if (!job) continue;
    const at = Math.max(clock.now(), waitingSince(job) + job.plan.startLatencyMs);
    rt.reserved.set(id, clock.setTimer(at, () => {
      rt.reserved.delete(id);
      startJob(ctx, job);
    }));
  }
}

/** Takes a job out of its queue's waiting line (cancel), freeing its slot if it had one. */
export function removeFromQueue(ctx: EngineContext, job: JobRecord): void {
  const rt = queueRuntime(ctx, job.detail.QueueId);
  const id = job.detail.JobId;
  rt.waiting = rt.waiting.filter((w) => w !== id);
  const handle = rt.reserved.get(id);
  if (handle !== undefined) ctx.deps.clock.clearTimer(handle);
  rt.reserved.delete(id);
}

/** A reserved job whose start latency changed is reserved again with the new latency. */
export function rescheduleIfReserved(ctx: EngineContext, job: JobRecord): void {
  const rt = queueRuntime(ctx, job.detail.QueueId);
  const handle = rt.reserved.get(job.detail.JobId);
  if (handle === undefined) return;
  ctx.deps.clock.clearTimer(handle);
  rt.reserved.delete(job.detail.JobId);
  rt.waiting.unshift(job.detail.JobId);
  rt.waiting.sort(bySeq(ctx));
  dispatch(ctx, job.detail.QueueId);
}

/** Queue set to Paused: waiting jobs (reserved ones too) become Pause; running ones continue (§2.10). */
export function pauseQueue(ctx: EngineContext, queueId: string): void {
  const rt = queueRuntime(ctx, queueId);
  for (const [id, handle] of rt.reserved) {
    ctx.deps.clock.clearTimer(handle);
    rt.waiting.push(id);
  }
  rt.reserved.clear();
  rt.waiting.sort(bySeq(ctx));
  const now = ctx.deps.clock.now();
  for (const id of rt.waiting) {
    const job = ctx.state.jobs.get(id);
    if (job?.detail.State === 'Submitted') transition(job, 'Pause', now, 'queue paused', ctx.deps.faults);
  }
}

/** Queue set to Active: paused jobs return to Submitted, in their original order, and may start. */
export function resumeQueue(ctx: EngineContext, queueId: string): void {
  const now = ctx.deps.clock.now();
  for (const id of queueRuntime(ctx, queueId).waiting) {
    const job = ctx.state.jobs.get(id);
    if (job?.detail.State === 'Pause') transition(job, 'Submitted', now, 'queue resumed', ctx.deps.faults);
  }
  dispatch(ctx, queueId);
}
