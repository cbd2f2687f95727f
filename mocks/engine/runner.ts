/**
 * Running a job: Running on start, the processor called once, Progress in steps on the clock, and
 * completion once BOTH the processor has settled AND the planned minimum duration has elapsed —
 * applied at the clock's time when the later of the two happens (README "Running a job").
 */
import type { ProcessOutcome } from '../processing/types.ts';
import { cloneJson, queueRuntime, type EngineContext, type RunRuntime } from './context.ts';
import { dispatch } from './dispatcher.ts';
import { finishJob } from './finish.ts';
import { transition } from './state-machine.ts';
import type { JobRecord, JobResult } from './types.ts';

/** Moves a reserved job to Running and sets its work in motion. */
export function startJob(ctx: EngineContext, job: JobRecord): void {
  const { clock, faults, timing } = ctx.deps;
  const rt = queueRuntime(ctx, job.detail.QueueId);
  if (job.detail.State !== 'Submitted' && !faults.isOn('terminal-state-changes')) {
    dispatch(ctx, job.detail.QueueId);
    return;
  }
  transition(job, 'Running', clock.now(), 'started', faults);
  rt.running.add(job.detail.JobId);
  const run: RunRuntime = {
    abort: new AbortController(), procDone: false, procProgress: 0, timeProgress: 0,
    durationElapsed: false, progressDropped: false,
  };
  ctx.state.runs.set(job.detail.JobId, run);
  const scripted = job.script.outcome ?? timing.forceFailure;
  if (scripted) {
    // A scripted failure never touches the store: the job just runs its time and fails.
    run.procDone = true;
    run.outcome = { ok: false, failure: { ...scripted } };
  } else {
    callProcessor(ctx, job, run);
  }
  scheduleTick(ctx, job, run, 1);
}

function failureOf(error: unknown): ProcessOutcome<JobResult> {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, failure: { Code: 'InternalError', Message: `[fileproc] processing failed: ${reason}` } };
}

function callProcessor(ctx: EngineContext, job: JobRecord, run: RunRuntime): void {
  const onProgress = (percent: number): void => {
    if (ctx.state.runs.get(job.detail.JobId) !== run || !Number.isFinite(percent)) return;
    run.procProgress = Math.max(run.procProgress, Math.floor(Math.min(100, Math.max(0, percent))));
    updateProgress(ctx, job, run);
  };
  let pending: Promise<ProcessOutcome<JobResult>>;
  try {
    pending = Promise.resolve(ctx.deps.processor(cloneJson(job), onProgress, run.abort.signal));
  } catch (error) {
    pending = Promise.resolve(failureOf(error));
  }
  const tracked: Promise<void> = pending
    .catch(failureOf)
    .then((outcome) => {
      // A reset, restore or faulty cancel may have dropped this run; its late result is ignored.
      if (ctx.state.runs.get(job.detail.JobId) !== run) return;
      run.procDone = true;
      run.outcome = outcome;
      updateProgress(ctx, job, run);
      maybeFinish(ctx, job, run);
    })
    .finally(() => ctx.state.inflight.delete(tracked));
  ctx.state.inflight.add(tracked);
}

function scheduleTick(ctx: EngineContext, job: JobRecord, run: RunRuntime, step: number): void {
  const { progressSteps, minDurationMs } = job.plan;
  const at = (job.detail.StartTime ?? ctx.deps.clock.now()) + Math.round((step * minDurationMs) / progressSteps);
  run.timer = ctx.deps.clock.setTimer(at, () => {
    run.timer = undefined;
    run.timeProgress = Math.floor((100 * step) / progressSteps);
    if (step >= progressSteps) run.durationElapsed = true;
    else scheduleTick(ctx, job, run, step + 1);
    updateProgress(ctx, job, run);
    maybeFinish(ctx, job, run);
  });
}

/**
 * Shown progress is the smaller of elapsed time and the processor's own report (100 once it has
 * succeeded), never more than 99 before Success, and never lower than before (unless faulted).
 */
function updateProgress(ctx: EngineContext, job: JobRecord, run: RunRuntime): void {
  if (job.detail.State !== 'Running') return;
  // A processor that failed keeps its last reported percent, so a Failed job shows how far it got.
  const processed = run.procDone && run.outcome?.ok ? 100 : run.procProgress;
  const target = Math.min(99, run.timeProgress, processed);
  const current = job.detail.Progress;
  if (ctx.deps.faults.isOn('progress-decreases') && (run.progressDropped || target >= 80)) {
    // Late in the run, progress falls to half and stays there: a long enough window to be seen.
    if (!run.progressDropped) job.detail.Progress = Math.floor(current / 2);
    run.progressDropped = true;
    return;
  }
  job.detail.Progress = Math.max(current, target);
}

function maybeFinish(ctx: EngineContext, job: JobRecord, run: RunRuntime): void {
  if (job.detail.State !== 'Running' || !run.procDone || !run.durationElapsed || !run.outcome) return;
  finishJob(ctx, job, run.outcome, run.outcome.ok ? 'processing finished' : 'processing failed');
}

/** Stops a running job's timers and signals its processor; the job's state is the caller's business. */
export function dropRun(ctx: EngineContext, job: JobRecord): void {
  const run = ctx.state.runs.get(job.detail.JobId);
  if (run) {
    if (run.timer !== undefined) ctx.deps.clock.clearTimer(run.timer);
    run.abort.abort();
    ctx.state.runs.delete(job.detail.JobId);
  }
  queueRuntime(ctx, job.detail.QueueId).running.delete(job.detail.JobId);
}

/** Frees the slot of a job that stopped running and lets the next one in. */
export function releaseSlot(ctx: EngineContext, job: JobRecord): void {
  dropRun(ctx, job);
  dispatch(ctx, job.detail.QueueId);
}
