/**
 * Callback bodies and headers: the COS CI `TaskFinish` body as XML (§4.2) or in the vendor's JSON
 * convention (§4.3), and the JD Cloud S3-event JSON with its `x-amz-sns-*` headers (§7.3).
 * Everything is encoded through `protocol/`, so the bodies follow the spec's schemas.
 */
import { cosCiCodec, type CosCiSchemas, type JdcloudSchemas } from '../../protocol/codec.ts';
import { toCallbackJson } from '../../protocol/callback-json.ts';
import { formatJobTime } from '../../protocol/time.ts';
import type { JobDetail } from '../engine/types.ts';
import type { JdCompressFinishEvent } from './types.ts';

/** A request body ready to POST. */
export interface RenderedCallback { headers: Record<string, string>; body: string }

type WireJobsDetail = CosCiSchemas['JobsDetail'];

/** The engine keeps epoch ms; the wire shows `YYYY-MM-DDTHH:MM:SS+0800`, `-` while unset (§3.1). */
export function jobDetailToWire(job: JobDetail): WireJobsDetail {
  // Field by field rather than a spread: details come in several hidden classes, and a spread of
  // them takes V8's slow generic copy (~2 µs per job on the describe/submit path).
  return {
    Code: job.Code, Message: job.Message, JobId: job.JobId, Tag: job.Tag, State: job.State, Progress: job.Progress,
    CreationTime: formatJobTime(job.CreationTime),
    StartTime: formatJobTime(job.StartTime),
    EndTime: formatJobTime(job.EndTime),
    QueueId: job.QueueId, Input: job.Input, Operation: job.Operation,
  } as WireJobsDetail;
}

/** The COS CI `TaskFinish` callback for a finished job, in the requested format (§4.2, §4.3). */
export function renderTaskFinish(job: JobDetail, format: 'XML' | 'JSON'): RenderedCallback {
  const value: CosCiSchemas['TaskFinishCallback'] = { EventName: 'TaskFinish', JobsDetail: jobDetailToWire(job) };
  if (format === 'JSON') {
    const json = toCallbackJson(cosCiCodec.model, value, 'TaskFinishCallbackJson');
    return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) };
  }
  return { headers: { 'content-type': 'application/xml' }, body: cosCiCodec.encode(value, 'TaskFinishCallback', { declaration: true }) };
}

/** The JD S3-event body of a finished Compress Object request (§7.3 success or failure sample). */
export function jdEventBody(event: JdCompressFinishEvent): JdcloudSchemas['JdCompressSuccessEvent'] | JdcloudSchemas['JdCompressFailureEvent'] {
  const bucket = { name: event.bucket };
  if (event.outcome.ok) {
    const object = { key: event.key, size: event.outcome.size, eTag: event.outcome.etag };
    return { Records: [{ eventName: 'ObjectCreated:Compress', s3: { s3SchemaVersion: '1.0', bucket, object } }] };
  }
  const { code, message, resource } = event.outcome;
  const error = { s3ErrorSchemaVersion: '1.0', code, message, requestId: event.requestId, ...(resource ? { resourse: resource } : {}) };
  return { Records: [{ eventName: 'Error:CompressFailed', error, s3: { s3SchemaVersion: '1.0', bucket, object: { key: event.key } } }] };
}

/** The JD callback request: JSON body plus the three documented headers (§7.3). */
export function renderJdCallback(event: JdCompressFinishEvent): RenderedCallback {
  return {
    headers: {
      'content-type': 'application/json',
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-raw-key': 'true',
      RequestID: event.requestId,
    },
    body: JSON.stringify(jdEventBody(event)),
  };
}
