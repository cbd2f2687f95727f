/** Deterministic helpers for the engine's own tests (ids, processors, requests); not for production. */
import type { ProcessFailure, ProcessOutcome } from '../processing/types.ts';
import type { JobProcessor } from './context.ts';
import { JobEngine, type EngineOptions } from './engine.ts';
import type { TaskFinishEvent } from './events.ts';
import type { TimingOptions } from './timing.ts';
import type { IdGenerator, JobDetail, JobRecord, JobResult, JobTag, SubmitRequest } from './types.ts';
import { VirtualClock } from './virtual-clock.ts';
import { advanceSettled } from './virtual-time.ts';

/** Sequential ids in the real formats: `f` + 32 hex for jobs, `p` + 32 hex for queues (§3.3). */
export function sequentialIds(): IdGenerator {
  let job = 0;
  let queue = 0;
  return {
    jobId: () => `f${(++job).toString(16).padStart(32, '0')}`,
    queueId: () => `p${(++queue).toString(16).padStart(32, '0')}`,
  };
}

/** How the fake processor behaves for one job. */
export interface FakeBehaviour { progress?: number[]; failure?: ProcessFailure; throws?: string; hang?: boolean }

/** A result container derived from the job's own request, so tests can check it was placed. */
export function fakeResult(job: Readonly<JobRecord>): JobResult {
  const { Tag, Operation, Input } = job.detail;
  if (Tag === 'FileHashCode') return { MD5: `md5-of-${Input?.Object ?? ''}`, FileSize: 1, LastModified: '-', Etag: '"e"' };
  const out = Operation.Output ?? { Region: job.region, Bucket: job.bucket };
  if (Tag === 'FileUncompress') return { Region: out.Region, Bucket: out.Bucket, FileCount: 1 };
  const object = 'Object' in out ? String(out.Object) : '';
  return { Region: out.Region, Bucket: out.Bucket, Object: object, CompressFileCount: 1, ErrorCount: 0 };
}

/**
 * An async processor that reports the given progress values over a few microtask turns and then
 * resolves (or fails, throws, or never resolves), as real I/O-bound processors do.
 */
export function fakeProcessor(behaviour: (job: Readonly<JobRecord>) => FakeBehaviour = () => ({})): JobProcessor & { calls: string[]; signals: AbortSignal[] } {
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const processor = async (job: Readonly<JobRecord>, onProgress: (p: number) => void, signal: AbortSignal): Promise<ProcessOutcome<JobResult>> => {
    calls.push(job.detail.JobId);
    signals.push(signal);
    const b = behaviour(job);
    for (const p of b.progress ?? [50]) {
      await Promise.resolve();
      onProgress(p);
    }
    if (b.hang) return new Promise<never>(() => {});
    if (b.throws) throw new Error(b.throws);
    return b.failure ? { ok: false, failure: b.failure } : { ok: true, result: fakeResult(job) };
  };
  return Object.assign(processor, { calls, signals });
}

/** A minimal valid submit request of the given tag. */
export function requestFor(tag: JobTag, extra: Partial<SubmitRequest> = {}): SubmitRequest {
  const base = { bucket: 'examplebucket-1250000000', region: 'ap-chongqing' };
  const operations: Record<JobTag, SubmitRequest['Operation']> = {
    FileHashCode: { FileHashCodeConfig: { Type: 'MD5' } },
    FileUncompress: { FileUncompressConfig: {}, Output: { Region: base.region, Bucket: base.bucket } },
    FileCompress: { FileCompressConfig: { Flatten: '0', Format: 'zip', Key: ['a.txt'] }, Output: { Region: base.region, Bucket: base.bucket, Object: 'out.zip' } },
  };
  const input = tag === 'FileCompress' ? {} : { Input: { Object: 'in/file.zip' } };
  return { ...base, Tag: tag, ...input, Operation: operations[tag], ...extra };
}

/** Timing without jitter: every job starts after `latencyMs` and runs for `durationMs`. */
export function fixedTiming(latencyMs = 100, durationMs = 1000): Partial<TimingOptions> {
  return { startLatencyMs: [latencyMs, latencyMs], jitter: 0, perKeyMs: 0, baseDurationMs: { FileHashCode: durationMs, FileUncompress: durationMs, FileCompress: durationMs } };
}

/** An engine on a virtual clock with a fake processor, collecting the events it emits. */
export function testEngine(options: Partial<EngineOptions> & { behaviour?: (job: Readonly<JobRecord>) => FakeBehaviour } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 4, 0, 0));
  const processor = fakeProcessor(options.behaviour);
  const events: TaskFinishEvent[] = [];
  const engine = new JobEngine({ clock, ids: sequentialIds(), processor, onEvent: (e) => events.push(e), ...options });
  const advance = (ms: number): Promise<void> => advanceSettled(clock, engine, ms);
  const state = (jobId: string): JobDetail => {
    const detail = engine.describe([jobId]).JobsDetail[0];
    if (!detail) throw new Error(`[fileproc] test: no job ${jobId}`);
    return detail;
  };
  return { clock, processor, events, engine, advance, state };
}
