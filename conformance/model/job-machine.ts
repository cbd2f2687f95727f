/**
 * The documented job state machine (reference §3.2 as `spec/` states it) as a model the
 * lifecycle rule checks observations against: a target runs on its own clock, so the model
 * admits every state reachable since the last observation, and nothing else.
 */

/** A job state (spec JobState). */
export type JobState = 'Submitted' | 'Running' | 'Success' | 'Failed' | 'Pause' | 'Cancel';

/** States reachable from each state without our intervention (cancel is judged separately). */
const REACHABLE: Record<JobState, readonly JobState[]> = {
  Submitted: ['Submitted', 'Pause', 'Running', 'Success', 'Failed'],
  Pause: ['Pause', 'Submitted', 'Running', 'Success', 'Failed'],
  Running: ['Running', 'Success', 'Failed'],
  Success: ['Success'],
  Failed: ['Failed'],
  Cancel: ['Cancel'],
};

/** What the model knows about one job. */
export interface JobModel {
  jobId: string;
  input: string;
  last: JobState;
  /** Our cancel answered 200: the job is Cancel for ever (§2.8, §3.2). */
  cancelled: boolean;
  /** The queue was Paused at some moment since the last observation. */
  sawPause: boolean;
  /** The queue was Active at some moment since the last observation. */
  sawActive: boolean;
  /** The input object existed at submit or was uploaded later (otherwise Success is impossible). */
  mayExist: boolean;
}

/** The whole model: jobs in submit order, the queue state and whether the input object exists. */
export interface LifecycleModel { jobs: JobModel[]; paused: boolean; inputExists: boolean }

/** Why `observed` cannot follow what the model knows about `job`, or undefined when it can. */
export function impossibleTransition(job: JobModel, observed: string): string | undefined {
  const state = observed as JobState;
  if (!(state in REACHABLE)) return `unknown State ${observed}`;
  if (job.cancelled) return state === 'Cancel' ? undefined : `a job whose cancel answered 200 must stay Cancel, not ${observed}`;
  if (state === 'Cancel') return 'Cancel although no cancel of this job succeeded';
  if (!REACHABLE[job.last].includes(state)) return `${job.last} → ${observed} is not a transition of §3.2`;
  const waiting = job.last === 'Submitted' || job.last === 'Pause';
  if (state === 'Pause' && !job.sawPause) return `${job.last} → Pause although the queue stayed Active`;
  if (state === 'Submitted' && !job.sawActive) return `${job.last} → Submitted although the queue stayed Paused (waiting jobs are Pause, §2.10)`;
  if (waiting && ['Running', 'Success', 'Failed'].includes(state) && !job.sawActive) return `${job.last} → ${observed} although the queue stayed Paused (no scheduling, §2.10)`;
  if (state === 'Success' && !job.mayExist) return 'Success of a FileHashCode job whose input object never existed';
  return undefined;
}

/** Records an observation and resets the "since last observation" flags to the queue's current state. */
export function observe(model: LifecycleModel, job: JobModel, state: string): void {
  job.last = state as JobState;
  job.sawPause = model.paused;
  job.sawActive = !model.paused;
}

/** Whether a cancel answered `status` is consistent with the model (200 only for waiting jobs, 400 InvalidRequest otherwise). */
export function impossibleCancel(job: JobModel, status: number): string | undefined {
  const waiting = job.last === 'Submitted' || job.last === 'Pause';
  const mayHaveStarted = job.last === 'Submitted' || job.sawActive;
  if (status === 200 && !waiting) return `cancel answered 200 for a job last seen ${job.last} (only Submitted/Pause may be cancelled, §2.8, §9.21)`;
  if (status === 400 && waiting && !mayHaveStarted) return 'cancel answered 400 for a Pause job in a queue that stayed Paused (it cannot have started, §9.21)';
  return undefined;
}
