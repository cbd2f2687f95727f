/**
 * The job state machine (reference §3.2, binding). One table of allowed transitions and one
 * function that applies a transition; every other module changes `State` only through it.
 */
import { EngineError } from './errors.ts';
import type { FaultRegistry } from './faults.ts';
import type { JobRecord, JobState, TransitionRecord } from './types.ts';

/** The history of a job that has not changed state since it was created (shared, frozen). */
export const NO_TRANSITIONS: TransitionRecord[] = Object.freeze([]) as unknown as TransitionRecord[];

/** A job's whole history: the implied creation entry, then its transitions. */
export function fullHistory(job: Readonly<JobRecord>): TransitionRecord[] {
  return [{ from: null, to: 'Submitted', at: job.detail.CreationTime, reason: 'submitted' }, ...job.history];
}

/** Allowed transitions: Submitted → Running → Success|Failed; Submitted ↔ Pause; Submitted|Pause → Cancel. */
export const ALLOWED_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  Submitted: ['Running', 'Pause', 'Cancel'],
  Pause: ['Submitted', 'Cancel'],
  Running: ['Success', 'Failed'],
  Success: [],
  Failed: [],
  Cancel: [],
};

/** States a job never leaves. */
export const TERMINAL_STATES: readonly JobState[] = ['Success', 'Failed', 'Cancel'];

/** Whether `state` is terminal. */
export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** Whether `from → to` is in the table. */
export function isAllowed(from: JobState, to: JobState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Where the `cancel-running-accepted` and `terminal-state-changes` faults widen the table. */
function faultAllows(faults: FaultRegistry, from: JobState, to: JobState): boolean {
  if (from === 'Running' && to === 'Cancel') return faults.isOn('cancel-running-accepted');
  return isTerminal(from) && faults.isOn('terminal-state-changes');
}

/**
 * Moves a job to `to` at time `at`, recording it in the job's history. Sets `StartTime` on entering
 * Running and `EndTime` on entering any terminal state (Cancel included). Progress, Code and
 * Message are the caller's business. An illegal transition is an engine bug: it throws.
 */
export function transition(job: JobRecord, to: JobState, at: number, reason: string, faults: FaultRegistry): void {
  const from = job.detail.State;
  if (!isAllowed(from, to) && !faultAllows(faults, from, to)) {
    throw new EngineError('InternalError', `illegal job transition ${from} → ${to} for ${job.detail.JobId} (${reason})`);
  }
  job.detail.State = to;
  if (to === 'Running') job.detail.StartTime = at;
  if (isTerminal(to)) job.detail.EndTime = at;
  if (job.history === NO_TRANSITIONS) job.history = [];
  job.history.push({ from, to, at, reason });
}
