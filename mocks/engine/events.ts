/**
 * The `TaskFinish` event the engine emits when a job ends Success or Failed, with where it should
 * be delivered (§4.1). Delivery (HTTP POST, TDMQ, retries) belongs to `mocks/callbacks`.
 */
import type { CallBackMqConfig, JobCallbackSettings, JobDetail, NotifyConfig } from './types.ts';

/** Where a finished job's callback goes, and whether the job or its queue asked for it. */
export interface DeliveryTarget {
  source: 'job' | 'queue';
  type: 'Url' | 'TDMQ';
  format: 'XML' | 'JSON';
  url?: string;
  mq?: CallBackMqConfig;
}

/** A finished job (§4.2: `EventName` is always TaskFinish) and its delivery target, if any. */
export interface TaskFinishEvent {
  EventName: 'TaskFinish';
  at: number;
  bucket: string;
  region: string;
  job: JobDetail;
  target?: DeliveryTarget;
}

function queueTarget(notify: NotifyConfig): DeliveryTarget | undefined {
  const events = (notify.Event ?? '').split(',').map((e) => e.trim());
  if (notify.State !== 'On' || !events.includes('TaskFinish')) return undefined;
  const format = notify.ResultFormat ?? 'XML';
  if (notify.Type === 'TDMQ') {
    if (!notify.MqRegion || !notify.MqName) return undefined;
    return { source: 'queue', type: 'TDMQ', format, mq: { MqRegion: notify.MqRegion, MqName: notify.MqName, MqMode: notify.MqMode ?? 'Queue' } };
  }
  return notify.Url ? { source: 'queue', type: 'Url', format, url: notify.Url } : undefined;
}

/**
 * Job settings win over the queue's NotifyConfig; `CallBack=no` silences the queue (§4.1). The
 * queue's config is read when the job finishes, so an update made while it ran applies.
 */
export function resolveTarget(job: JobCallbackSettings, notify: NotifyConfig | undefined): DeliveryTarget | undefined {
  const format = job.CallBackFormat ?? 'XML';
  if (job.CallBackType === 'TDMQ' && job.CallBackMqConfig) {
    return { source: 'job', type: 'TDMQ', format, mq: { ...job.CallBackMqConfig } };
  }
  if (job.CallBack === 'no') return undefined;
  if (job.CallBack) return { source: 'job', type: 'Url', format, url: job.CallBack };
  return notify ? queueTarget(notify) : undefined;
}
