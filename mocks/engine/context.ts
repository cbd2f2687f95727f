/** The engine's mutable state and injected dependencies, shared by its modules. */
import type { ProcessOutcome } from '../processing/types.ts';
import type { Clock, TimerHandle } from './clock.ts';
import type { TaskFinishEvent } from './events.ts';
import type { FaultRegistry } from './faults.ts';
import type { RandomSource } from './random.ts';
import type { TimingOptions } from './timing.ts';
import type { FileBucketRecord, IdGenerator, JobRecord, JobResult, QueueRecord } from './types.ts';

/**
 * Runs a job's real work (archives, digests). Called once when the job enters Running; reports
 * percent 0..100 through `onProgress`; `signal` aborts when the engine gives up on the job.
 */
export type JobProcessor = (
  job: Readonly<JobRecord>,
  onProgress: (percent: number) => void,
  signal: AbortSignal,
) => Promise<ProcessOutcome<JobResult>>;

/** Defaults for queues the engine creates (§2.9 example: MaxSize 10000, MaxConcurrent 10). */
export interface QueueDefaults { name: string; maxSize: number; maxConcurrent: number }

/** Everything injected into the engine. */
export interface EngineDeps {
  clock: Clock;
  ids: IdGenerator;
  random: RandomSource;
  processor: JobProcessor;
  onEvent: (event: TaskFinishEvent) => void;
  /** Receives what an `onEvent` listener threw, so a faulty listener cannot corrupt job state. */
  onListenerError: (error: unknown) => void;
  faults: FaultRegistry;
  timing: TimingOptions;
  queueDefaults: QueueDefaults;
}

/** Per-queue scheduling state: ids waiting (FIFO by seq), reserved for a start, and running. */
export interface QueueRuntime { waiting: string[]; reserved: Map<string, TimerHandle>; running: Set<string> }

/** Per-job state while Running; dropped when the job finishes. */
export interface RunRuntime {
  timer?: TimerHandle;
  abort: AbortController;
  procDone: boolean;
  outcome?: ProcessOutcome<JobResult>;
  procProgress: number;
  timeProgress: number;
  durationElapsed: boolean;
  /** Set once the `progress-decreases` fault has dropped this job's progress. */
  progressDropped: boolean;
}

/** The engine's state: jobs, queues, buckets and the scheduling bookkeeping around them. */
export interface EngineState {
  jobs: Map<string, JobRecord>;
  seq: number;
  queues: Map<string, QueueRecord>;
  /** bucket → its default queue id. */
  defaultQueues: Map<string, string>;
  buckets: Map<string, FileBucketRecord>;
  queueRuntime: Map<string, QueueRuntime>;
  runs: Map<string, RunRuntime>;
  inflight: Set<Promise<void>>;
}

/** What every engine module works on. */
export interface EngineContext { deps: EngineDeps; state: EngineState }

/** A fresh, empty state. */
export function emptyState(): EngineState {
  return {
    jobs: new Map(), seq: 0, queues: new Map(), defaultQueues: new Map(), buckets: new Map(),
    queueRuntime: new Map(), runs: new Map(), inflight: new Set(),
  };
}

/** The scheduling state of a queue, created on first use. */
export function queueRuntime(ctx: EngineContext, queueId: string): QueueRuntime {
  let rt = ctx.state.queueRuntime.get(queueId);
  if (!rt) {
    rt = { waiting: [], reserved: new Map(), running: new Set() };
    ctx.state.queueRuntime.set(queueId, rt);
  }
  return rt;
}

/**
 * A deep copy with JSON semantics (undefined members and functions dropped, non-finite numbers
 * null, `toJSON` honoured), so callers never hold references into engine state. Walks the value
 * instead of a JSON round trip: describe and submit clone a job per request, and this is 3–4×
 * cheaper.
 */
export function cloneJson<T>(value: T): T {
  return copyJson(value) as T;
}

function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0, as JSON does
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(value));
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = copyJson(value[i]) ?? null; // holes too, as JSON
    return items;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = copyJson((value as Record<string, unknown>)[key]);
    if (member === undefined) continue;
    if (key === '__proto__') Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
    else copy[key] = member;
  }
  return copy;
}

/**
 * A new id that is not in use. Generated ids may repeat ids restored from a snapshot (a
 * sequential test generator, or a generator restarted with the same seed), so collisions are
 * skipped; a generator that only repeats itself is an error.
 */
export function freshId(generate: () => string, inUse: (id: string) => boolean): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const id = generate();
    if (!inUse(id)) return id;
  }
  throw new Error('[fileproc] the id generator keeps returning ids that are already in use');
}

/**
 * A job as seen from `bucket` (§1.1: the Host names the bucket, and a job belongs to the bucket it
 * was submitted to); without `bucket` every job is visible (admin view).
 */
export function jobInBucket(ctx: EngineContext, jobId: string, bucket: string | undefined): JobRecord | undefined {
  const job = ctx.state.jobs.get(jobId);
  return job && seenFrom(ctx, job, bucket) ? job : undefined;
}

/** Whether `job` is visible from `bucket` (every job without one, and every job under the `jobs-cross-buckets` fault). */
export function seenFrom(ctx: EngineContext, job: JobRecord, bucket: string | undefined): boolean {
  return bucket === undefined || job.bucket === bucket || ctx.deps.faults.isOn('jobs-cross-buckets');
}
