/**
 * The engine's data model: what `JobsDetail` shows (reference §3.1) plus internal fields, queues
 * (§2.9/§2.10) and file buckets (§2.11). Everything here is plain JSON (times are epoch ms; the
 * HTTP edge formats them as `YYYY-MM-DDTHH:MM:SS+0800` and unset ones as `-`).
 */
import type {
  CompressOutput, FileCompressConfig, FileCompressResult, FileHashCodeConfig, FileHashCodeResult,
  FileUncompressConfig, FileUncompressResult, ProcessFailure, UncompressOutput,
} from '../processing/types.ts';

/** Job tags of file processing (§2.2–2.4). */
export type JobTag = 'FileCompress' | 'FileUncompress' | 'FileHashCode';

/** Job states (§3.2). */
export type JobState = 'Submitted' | 'Running' | 'Success' | 'Failed' | 'Pause' | 'Cancel';

/** Every state name, in the order the reference lists them (§2.7 `states`). */
export const JOB_STATES: readonly JobState[] = ['Submitted', 'Running', 'Success', 'Failed', 'Pause', 'Cancel'];

/** `JobsDetail/Input` (§3.1): absent for FileCompress. */
export interface JobInput { BucketId: string; Object: string; Region: string }

/** `JobsDetail/Operation`: the request echo plus the result container once finished (§3.1, §3.4). */
export interface JobOperation {
  FileCompressConfig?: FileCompressConfig;
  FileUncompressConfig?: FileUncompressConfig;
  FileHashCodeConfig?: FileHashCodeConfig;
  Output?: CompressOutput | UncompressOutput;
  UserData?: string;
  FileCompressResult?: FileCompressResult;
  FileUncompressResult?: FileUncompressResult;
  FileHashCodeResult?: FileHashCodeResult;
}

/** Any result container a processor produces. */
export type JobResult = FileCompressResult | FileUncompressResult | FileHashCodeResult;

/** `CallBackMqConfig` (§2.2, §4.1). */
export interface CallBackMqConfig { MqRegion: string; MqMode?: string; MqName: string }

/** Job-level callback settings from the submit request (§2.2, §4.1). */
export interface JobCallbackSettings {
  CallBack?: string;
  CallBackFormat?: 'XML' | 'JSON';
  CallBackType?: 'Url' | 'TDMQ';
  CallBackMqConfig?: CallBackMqConfig;
}

/** What `JobsDetail` shows (§3.1); times in epoch ms, undefined = `-`. */
export interface JobDetail {
  Code: string;
  Message: string;
  JobId: string;
  Tag: JobTag;
  State: JobState;
  Progress: number;
  CreationTime: number;
  StartTime?: number;
  EndTime?: number;
  QueueId: string;
  Input?: JobInput;
  Operation: JobOperation;
}

/** Per-job overrides of timing and outcome (see README "Scripting"). */
export interface JobScript {
  /** Ends the job Failed with this Code/Message instead of running the processor. */
  outcome?: ProcessFailure;
  startLatencyMs?: number;
  durationMs?: number;
}

/** The timing a job was given at submit (defaults, jitter and script already resolved). */
export interface JobPlan { startLatencyMs: number; minDurationMs: number; progressSteps: number }

/** One entry of a job's history; `from` is null for creation. */
export interface TransitionRecord { from: JobState | null; to: JobState; at: number; reason: string }

/** A job as the engine keeps it. */
export interface JobRecord {
  detail: JobDetail;
  bucket: string;
  region: string;
  callback: JobCallbackSettings;
  script: JobScript;
  plan: JobPlan;
  /** Submission order; breaks creation-time ties in listings and FIFO order in queues. */
  seq: number;
  /**
   * Transitions after creation (the creation entry is implied by `CreationTime`, see
   * `fullHistory`); the shared frozen `NO_TRANSITIONS` until the first one. Every job is kept
   * until reset, and an array of one entry per job was three objects for the collector to copy.
   */
  history: TransitionRecord[];
}

/** Queue `NotifyConfig` (§2.10). */
export interface NotifyConfig {
  State: 'On' | 'Off';
  Event?: string;
  ResultFormat?: 'XML' | 'JSON';
  Type?: 'Url' | 'TDMQ';
  Url?: string;
  MqMode?: 'Topic' | 'Queue';
  MqRegion?: string;
  MqName?: string;
}

/** A file-processing queue (§2.9). */
export interface QueueRecord {
  QueueId: string;
  Name: string;
  State: 'Active' | 'Paused';
  NotifyConfig: NotifyConfig;
  MaxSize: number;
  MaxConcurrent: number;
  Category: 'FileProcess';
  CreateTime: number;
  UpdateTime: number;
  bucket: string;
}

/** A bucket's file-processing enablement (§2.11); `enabled` false after `DELETE /file_bucket`. */
export interface FileBucketRecord { BucketId: string; Name: string; Region: string; CreateTime: number; enabled: boolean }

/** A decoded submit request (§2.2–2.4) plus where it was sent; validated by `protocol/` first. */
export interface SubmitRequest extends JobCallbackSettings {
  bucket: string;
  region: string;
  Tag: JobTag;
  Input?: { Object: string };
  Operation: Pick<JobOperation, 'FileCompressConfig' | 'FileUncompressConfig' | 'FileHashCodeConfig' | 'Output' | 'UserData'>;
  QueueId?: string;
  script?: JobScript;
}

/** Generates identifiers; injected (see `protocol/ids.ts` for the real formats, §3.3). */
export interface IdGenerator { jobId(): string; queueId(): string }
