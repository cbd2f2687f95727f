/**
 * The processing fault layer: wraps the engine's `JobProcessor` so a job's real work is done
 * wrongly in one documented respect (the job config is bent before processing, or the result
 * container is bent after). The archive or digest written is real; only the one behaviour is off.
 */
import type { JobProcessor } from '../engine/context.ts';
import type { JobRecord } from '../engine/types.ts';
import type { FileCompressResult, FileHashCodeResult, FileUncompressResult } from '../processing/types.ts';
import { wrongDigest } from './xml-edit.ts';

type Operation = JobRecord['detail']['Operation'];

/** The job as a faulty service would read its configuration. */
function bentJob(job: Readonly<JobRecord>, on: (name: string) => boolean): Readonly<JobRecord> {
  const operation: Operation = { ...job.detail.Operation };
  const compress = operation.FileCompressConfig;
  if (compress && on('flatten-ignored')) operation.FileCompressConfig = { ...compress, Flatten: '0' };
  if (compress?.Key && compress.Key.length > 1 && on('compress-member-missing')) {
    operation.FileCompressConfig = { ...(operation.FileCompressConfig ?? compress), Key: compress.Key.slice(0, -1) };
  }
  if (compress?.CompressKey !== undefined && on('compress-key-ignored')) {
    const { CompressKey: _ignored, ...rest } = operation.FileCompressConfig ?? compress;
    operation.FileCompressConfig = rest;
  }
  const hash = operation.FileHashCodeConfig;
  if (hash && on('add-to-header-ignored')) operation.FileHashCodeConfig = { ...hash, AddToHeader: false };
  const uncompress = operation.FileUncompressConfig;
  if (uncompress && on('prefix-replaced-ignored')) operation.FileUncompressConfig = { ...uncompress, PrefixReplaced: '0' };
  if (uncompress && on('download-config-ignored')) operation.FileUncompressConfig = { ...(operation.FileUncompressConfig ?? uncompress), Mode: '0' };
  return { ...job, detail: { ...job.detail, Operation: operation } };
}

/** The result container as a faulty service would report it. */
function bentResult(tag: string, result: object, on: (name: string) => boolean): object {
  if (tag === 'FileHashCode' && on('hash-digest-wrong')) {
    const hash = { ...(result as FileHashCodeResult) };
    for (const name of ['MD5', 'SHA1', 'SHA256'] as const) if (hash[name]) hash[name] = wrongDigest(hash[name]);
    return hash;
  }
  if (tag === 'FileCompress' && on('ignore-error-accounting')) {
    const { ErrorDetail: _dropped, ...rest } = result as FileCompressResult;
    return { ...rest, ErrorCount: 0 };
  }
  if (tag === 'FileUncompress' && on('file-count-off-by-one')) {
    return { ...(result as FileUncompressResult), FileCount: (result as FileUncompressResult).FileCount + 1 };
  }
  return result;
}

/** Wraps a processor with the processing faults `isOn` reports (checked when each job starts). */
export function withProcessingFaults(inner: JobProcessor, isOn: (name: string) => boolean): JobProcessor {
  return async (job, onProgress, signal) => {
    const outcome = await inner(bentJob(job, isOn), onProgress, signal);
    if (!outcome.ok) return outcome;
    return { ok: true, result: bentResult(job.detail.Tag, outcome.result, isOn) as typeof outcome.result };
  };
}
