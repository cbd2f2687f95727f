/**
 * The pure job engine behind the stateful mock: jobs, queues, file buckets, a scheduler on an
 * injected clock, named faults, snapshots. No I/O, no host clock, no host randomness.
 */
import { cancelJobs } from './cancel.ts';
import type { Clock } from './clock.ts';
import { cloneJson, emptyState, type EngineContext, type JobProcessor, type QueueDefaults } from './context.ts';
import { rescheduleIfReserved } from './dispatcher.ts';
import { EngineError } from './errors.ts';
import type { TaskFinishEvent } from './events.ts';
import { FaultRegistry } from './faults.ts';
import { disableBucket, enableBucket, listBuckets, type BucketListQuery, type BucketListResult } from './file-buckets.ts';
import { describeJobs, listJobs, type DescribeResult, type JobListQuery, type JobListResult } from './queries.ts';
import type { QueueUpdate } from './queue-validation.ts';
import { listQueues, updateQueue, type QueueListQuery, type QueueListResult } from './queues.ts';
import { createSeededRandom, type RandomSource } from './random.ts';
import { resetState, restoreSnapshot, takeSnapshot, type EngineSnapshot } from './snapshot.ts';
import { fullHistory } from './state-machine.ts';
import { submitJob } from './submit.ts';
import { DEFAULT_TIMING, type TimingOptions } from './timing.ts';
import type { FileBucketRecord, IdGenerator, JobDetail, JobScript, QueueRecord, SubmitRequest, TransitionRecord } from './types.ts';

/** What the engine is built from; clock, ids and processor are required, the rest has defaults. */
export interface EngineOptions {
  clock: Clock;
  ids: IdGenerator;
  processor: JobProcessor;
  /** Jitter source; defaults to a fixed seed so that runs are reproducible. */
  random?: RandomSource;
  onEvent?: (event: TaskFinishEvent) => void;
  onListenerError?: (error: unknown) => void;
  timing?: Partial<TimingOptions>;
  queueDefaults?: Partial<QueueDefaults>;
  /** Refuse intranet NotifyConfig URLs as the service does (§2.10); default false. */
  rejectIntranetUrls?: boolean;
}

/** Defaults for the queue each bucket gets (§2.9 example values). */
export const DEFAULT_QUEUE: QueueDefaults = { name: 'default-file-queue', maxSize: 10_000, maxConcurrent: 10 };

/** The engine: one instance per mock server. */
export class JobEngine {
  readonly faults = new FaultRegistry();
  readonly #ctx: EngineContext;
  readonly #rejectIntranetUrls: boolean;

  constructor(options: EngineOptions) {
    this.#rejectIntranetUrls = options.rejectIntranetUrls ?? false;
    this.#ctx = {
      state: emptyState(),
      deps: {
        clock: options.clock,
        ids: options.ids,
        processor: options.processor,
        random: options.random ?? createSeededRandom(1),
        onEvent: options.onEvent ?? (() => {}),
        onListenerError: options.onListenerError ?? ((error) => { throw error; }),
        faults: this.faults,
        timing: { ...DEFAULT_TIMING, ...options.timing },
        queueDefaults: { ...DEFAULT_QUEUE, ...options.queueDefaults },
      },
    };
  }

  /** The injected clock. */
  get clock(): Clock {
    return this.#ctx.deps.clock;
  }

  /** E1 submit (§2.2–2.5). */
  submit(request: SubmitRequest): JobDetail {
    return cloneJson(submitJob(this.#ctx, request));
  }

  /**
   * `submit` for callers that only read the answer at once (the HTTP layer encodes it): `read` gets
   * the new job's detail without the defensive copy and must neither keep nor change it. The
   * request is handed over: the job keeps its `Operation` (plain JSON, freshly decoded) as it is,
   * so the caller must not keep or change it either.
   */
  submitWith<T>(request: SubmitRequest, read: (detail: Readonly<JobDetail>) => T): T {
    return read(submitJob(this.#ctx, request, true));
  }

  /** E2 describe 1..10 ids (§2.6); with `bucket`, jobs of other buckets are in `NonExistJobIds`. */
  describe(ids: readonly string[], bucket?: string): DescribeResult {
    return describeJobs(this.#ctx, ids, bucket);
  }

  /** `describe` without the defensive copies, on the terms of `submitWith`. */
  describeWith<T>(ids: readonly string[], bucket: string | undefined, read: (result: Readonly<DescribeResult>) => T): T {
    return read(describeJobs(this.#ctx, ids, bucket, false));
  }

  /** E3 list (§2.7); `query.bucket` limits it to one bucket's jobs. */
  list(query: JobListQuery): JobListResult {
    return listJobs(this.#ctx, query);
  }

  /** E4 cancel 1..10 ids, all or none (§2.8); with `bucket`, a job of another bucket is unknown (404). */
  cancel(ids: readonly string[], bucket?: string): void {
    cancelJobs(this.#ctx, ids, bucket);
  }

  /** E5 list a bucket's queues (§2.9); a never-seen bucket gets its default queue first. */
  listQueues(bucket: string, region: string, query: QueueListQuery = {}): QueueListResult {
    if (!this.#ctx.state.buckets.has(bucket)) enableBucket(this.#ctx, bucket, region);
    return listQueues(this.#ctx, bucket, query);
  }

  /** E6 update a queue (§2.10); with `bucket`, a queue of another bucket is unknown. */
  updateQueue(queueId: string, update: QueueUpdate, bucket?: string): QueueRecord {
    return updateQueue(this.#ctx, queueId, update, { rejectIntranetUrls: this.#rejectIntranetUrls }, bucket);
  }

  /** E7 enable file processing for a bucket (§2.11). */
  enableBucket(bucket: string, region: string): Omit<FileBucketRecord, 'enabled'> {
    const { enabled: _enabled, ...record } = enableBucket(this.#ctx, bucket, region);
    return record;
  }

  /** E8 list buckets with file processing (§2.11). */
  listBuckets(query: BucketListQuery = {}): BucketListResult {
    return listBuckets(this.#ctx, query);
  }

  /** E9 disable file processing (§2.11); false if it was not enabled. */
  disableBucket(bucket: string): boolean {
    return disableBucket(this.#ctx, bucket);
  }

  /** A job's transition history (admin/debug, conformance self-tests). */
  history(jobId: string): TransitionRecord[] {
    const job = this.#ctx.state.jobs.get(jobId);
    if (!job) throw new EngineError('NoSuchJob', `job ${jobId} does not exist`);
    return cloneJson(fullHistory(job));
  }

  /** Scripts a job that has not started yet: outcome, start latency, duration. */
  scriptJob(jobId: string, script: JobScript): void {
    const job = this.#ctx.state.jobs.get(jobId);
    if (!job) throw new EngineError('NoSuchJob', `job ${jobId} does not exist`);
    if (job.detail.State !== 'Submitted' && job.detail.State !== 'Pause') {
      throw new EngineError('InvalidRequest', `job ${jobId} is ${job.detail.State}; only jobs that have not started can be scripted`);
    }
    // A new object: jobs submitted without a script share one frozen empty script.
    job.script = { ...job.script, ...cloneJson(script) };
    if (script.startLatencyMs !== undefined) job.plan.startLatencyMs = Math.max(0, script.startLatencyMs);
    if (script.durationMs !== undefined) job.plan.minDurationMs = Math.max(0, script.durationMs);
    rescheduleIfReserved(this.#ctx, job);
  }

  /** Changes global timing for jobs submitted (durations) or started (forced failure) from now on. */
  configureTiming(timing: Partial<TimingOptions>): void {
    Object.assign(this.#ctx.deps.timing, timing);
  }

  /** The current global timing. */
  timing(): TimingOptions {
    return cloneJson(this.#ctx.deps.timing);
  }

  /**
   * Resolves once no processor is in flight (their outcomes applied to the jobs). A processor that
   * never settles keeps this pending: with a virtual clock, advance it with `clock.advance` instead.
   */
  async settle(): Promise<void> {
    const { state } = this.#ctx;
    while (state.inflight.size > 0) await Promise.allSettled([...state.inflight]);
  }

  /** Number of processors currently in flight. */
  get inflight(): number {
    return this.#ctx.state.inflight.size;
  }

  /** Forgets every job, queue and bucket (faults and timing stay as configured). */
  reset(): void {
    resetState(this.#ctx);
  }

  /** Plain-JSON copy of jobs, queues and buckets. */
  snapshot(): EngineSnapshot {
    return takeSnapshot(this.#ctx);
  }

  /** Replaces the state with a snapshot's (Running jobs end Failed, see README). */
  restore(snapshot: EngineSnapshot): void {
    restoreSnapshot(this.#ctx, snapshot);
  }
}
