/**
 * Job timing: realistic by default (a job is visibly Submitted, then Running for a while with
 * progress in steps) and scriptable globally (`TimingOptions`) or per job (`JobScript`).
 */
import type { ProcessFailure } from '../processing/types.ts';
import { between, type RandomSource } from './random.ts';
import type { JobPlan, JobScript, JobTag, SubmitRequest } from './types.ts';

/** Global timing knobs; all durations in ms. */
export interface TimingOptions {
  /** Submitted → Running latency, drawn uniformly from [min, max]. */
  startLatencyMs: [number, number];
  /** Base Running time per tag, before jitter. */
  baseDurationMs: Record<JobTag, number>;
  /** Extra Running time per source key listed in a FileCompress request (Key/KeyConfig). */
  perKeyMs: number;
  maxDurationMs: number;
  /** Relative jitter on the duration: 0.2 means ±20 %. */
  jitter: number;
  /** How many steps Progress advances in while Running. */
  progressSteps: number;
  /** When set, every job without its own scripted outcome fails with this Code/Message. */
  forceFailure?: ProcessFailure;
}

/** The defaults: jobs start after 100–300 ms and run for about half a second to a second. */
export const DEFAULT_TIMING: TimingOptions = {
  startLatencyMs: [100, 300],
  baseDurationMs: { FileHashCode: 400, FileUncompress: 800, FileCompress: 600 },
  perKeyMs: 20,
  maxDurationMs: 10_000,
  jitter: 0.2,
  progressSteps: 10,
};

function listedKeys(request: Pick<SubmitRequest, 'Operation'>): number {
  const config = request.Operation.FileCompressConfig;
  return (config?.Key?.length ?? 0) + (config?.KeyConfig?.length ?? 0);
}

/**
 * Resolves a job's timing at submit. Random draws happen in a fixed order (latency, then jitter)
 * even when the script overrides them, so one job's script does not shift later jobs' timing.
 */
export function planJob(timing: TimingOptions, random: RandomSource, request: SubmitRequest, script: JobScript): JobPlan {
  const latency = Math.round(between(random, timing.startLatencyMs[0], timing.startLatencyMs[1]));
  const jitterFactor = 1 + between(random, -timing.jitter, timing.jitter);
  const base = timing.baseDurationMs[request.Tag] + timing.perKeyMs * listedKeys(request);
  const duration = Math.round(Math.min(base, timing.maxDurationMs) * jitterFactor);
  return {
    startLatencyMs: Math.max(0, script.startLatencyMs ?? latency),
    minDurationMs: Math.max(0, script.durationMs ?? duration),
    progressSteps: Math.max(1, Math.floor(timing.progressSteps)),
  };
}
