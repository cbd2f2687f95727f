/**
 * The engine's `JobProcessor`: runs a job's real work by `Tag` (FileCompress → compressFiles,
 * FileUncompress → uncompressArchive, FileHashCode → hashObject) with a ProcessContext on the
 * composed store, hash factory and limits. Also builds contexts for the synchronous APIs.
 */
import type { JobProcessor } from '../engine/context.ts';
import type { JobRecord, JobResult } from '../engine/types.ts';
import type { ObjectStore } from '../store/types.ts';
import { compressFiles } from './compress/compress-files.ts';
import { hashObject } from './hash/file-hash.ts';
import type { Processors } from './platform.ts';
import type { CompressOutput, ProcessContext, ProcessingLimits, ProcessOutcome, UncompressOutput } from './types.ts';
import { uncompressArchive } from './uncompress/uncompress.ts';

/** What processing needs from the composition. */
export interface ProcessingDeps {
  store: ObjectStore;
  processors: Processors;
  limits: ProcessingLimits;
  now(): number;
}

/** A ProcessContext for one bucket; progress is dropped unless `onProgress` is given. */
export function processContext(deps: ProcessingDeps, bucket: string, region: string, extra: Partial<Pick<ProcessContext, 'onProgress' | 'signal'>> = {}): ProcessContext {
  return {
    store: deps.store, hash: deps.processors.hash, bucket, region, limits: deps.limits, now: deps.now,
    onProgress: extra.onProgress ?? (() => undefined),
    ...(extra.signal && { signal: extra.signal }),
  };
}

function missing(what: string): Promise<ProcessOutcome<never>> {
  return Promise.resolve({ ok: false, failure: { Code: 'InvalidArgument', Message: `[fileproc] the job has no ${what}` } });
}

/** Dispatches a job to its processor by Tag. */
export function createJobProcessor(deps: ProcessingDeps): JobProcessor {
  return (job: Readonly<JobRecord>, onProgress, signal): Promise<ProcessOutcome<JobResult>> => {
    const ctx = processContext(deps, job.bucket, job.region, { onProgress, signal });
    const { Operation: operation, Input: input } = job.detail;
    switch (job.detail.Tag) {
      case 'FileCompress':
        if (!operation.FileCompressConfig || !operation.Output) return missing('FileCompressConfig or Output');
        return compressFiles(ctx, operation.FileCompressConfig, operation.Output as CompressOutput, deps.processors.compress);
      case 'FileUncompress':
        if (!operation.FileUncompressConfig || !operation.Output || !input) return missing('FileUncompressConfig, Output or Input');
        return uncompressArchive(ctx, input, operation.FileUncompressConfig, operation.Output as UncompressOutput, deps.processors.uncompress);
      case 'FileHashCode':
        if (!operation.FileHashCodeConfig || !input) return missing('FileHashCodeConfig or Input');
        return hashObject(ctx, input, operation.FileHashCodeConfig);
    }
  };
}
