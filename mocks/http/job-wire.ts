/**
 * Engine job → wire `JobsDetail` (reference §3.1): times as `YYYY-MM-DDTHH:MM:SS+0800`, unset
 * ones as `-`, `Message` empty (and therefore absent in XML) unless the job failed.
 */
import type { CosCiSchemas } from '../../protocol/codec.ts';
import { formatJobTime } from '../../protocol/time.ts';
import type { JobDetail } from '../engine/types.ts';

/** The codec's `JobsDetail` value. */
export type WireJobsDetail = CosCiSchemas['JobsDetail'];

/** Renders one engine job for submit, describe, list and callback bodies. */
export function toWireJob(job: JobDetail): WireJobsDetail {
  const wire: Record<string, unknown> = {
    Code: job.Code,
    JobId: job.JobId,
    Tag: job.Tag,
    State: job.State,
    Progress: job.Progress,
    CreationTime: formatJobTime(job.CreationTime),
    StartTime: formatJobTime(job.StartTime),
    EndTime: formatJobTime(job.EndTime),
    QueueId: job.QueueId,
    Operation: job.Operation,
  };
  if (job.Message) wire.Message = job.Message;
  if (job.Input) wire.Input = job.Input;
  return wire as unknown as WireJobsDetail;
}
