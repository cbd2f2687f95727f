/** E1 submit (`POST /file_jobs`, `POST /jobs`, reference §2.2–2.5): decode, validate, hand to the engine. */
import { cosCiCodec } from '../../protocol/codec.ts';
import { cosCiValidator } from '../../protocol/validate.ts';
import type { SubmitRequest } from '../engine/types.ts';
import { invalidArgument } from './http-error.ts';
import { jobDetailToWire as toWireJob } from '../callbacks/bodies.ts';
import { xmlResponse } from './respond.ts';
import type { Handler } from './types.ts';
import { parsedOrThrow, requiredXml } from './xml-body.ts';

/** Serves `submitFileJob` / `submitJob`: 200 `SubmitJobResponse` with the new job (State Submitted or Pause). */
export const submitJob: Handler = async (ctx) => {
  const value = parsedOrThrow(cosCiValidator.parseBody(await requiredXml(ctx), 'SubmitJobRequest'));
  const request = value as unknown as Omit<SubmitRequest, 'bucket' | 'region'>;
  // Rules the schema cannot state (§5.3 [derived] list).
  if (request.CallBackType === 'TDMQ' && !request.CallBackMqConfig) {
    throw invalidArgument('Request.CallBackMqConfig', 'is required when CallBackType is TDMQ');
  }
  // One object literal of a fixed shape: adding properties to the decoded value (or spreading it)
  // builds new hidden classes per request.
  const { Tag, Input, Operation, QueueId, CallBack, CallBackFormat, CallBackType, CallBackMqConfig } = request;
  const submit: SubmitRequest = { bucket: ctx.host.bucket, region: ctx.host.region, Tag, Input, Operation, QueueId, CallBack, CallBackFormat, CallBackType, CallBackMqConfig };
  // Encoded on the spot, so the engine's own detail is read without a defensive copy; the decoded
  // Operation is handed over to the job (this request never touches it again).
  const body = ctx.services.engine.submitWith(submit, (job) => cosCiCodec.encode({ JobsDetail: toWireJob(job) }, 'SubmitJobResponse'));
  return xmlResponse(ctx.meta, 200, body);
};
