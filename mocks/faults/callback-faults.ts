/**
 * The callback fault layer: wraps the callback sink (`mocks/callbacks` deliverer or the recording
 * sink) so TaskFinish deliveries break one documented rule of §4.1 — sent twice, never sent, sent
 * as JSON when XML was asked, or sent to the queue's NotifyConfig although the job said `CallBack=no`.
 */
import type { TaskFinishEvent } from '../engine/events.ts';
import { resolveTarget } from '../engine/events.ts';
import type { NotifyConfig } from '../engine/types.ts';
import type { CallbackSink } from '../http/callback-sink.ts';

/** The job's own `CallBack` setting and its queue's NotifyConfig (read from the engine), for `callback-despite-no`. */
export type CallbackLookup = (event: TaskFinishEvent) => { callBack?: string; notify?: NotifyConfig };

function faulty(event: TaskFinishEvent, on: (name: string) => boolean, lookup: CallbackLookup): TaskFinishEvent[] {
  if (!event.target) {
    if (!on('callback-despite-no')) return [event];
    const { callBack, notify } = lookup(event);
    const target = callBack === 'no' && notify ? resolveTarget({}, notify) : undefined;
    return [target ? { ...event, target } : event];
  }
  if (on('callback-missing')) return [];
  let sent = on('callback-json-for-xml') && event.target.format === 'XML' ? { ...event, target: { ...event.target, format: 'JSON' as const } } : event;
  if (on('callback-userdata-dropped') && sent.job.Operation.UserData !== undefined) {
    const { UserData: _dropped, ...operation } = sent.job.Operation;
    sent = { ...sent, job: { ...sent.job, Operation: operation } };
  }
  return on('callback-duplicated') ? [sent, sent] : [sent];
}

/** Wraps `inner` with the callback faults `isOn` reports; JD callbacks pass untouched. */
export function withCallbackFaults(inner: CallbackSink, isOn: (name: string) => boolean, lookup: CallbackLookup): CallbackSink {
  return {
    ...inner,
    onTaskFinish(event) {
      for (const sent of faulty(event, isOn, lookup)) inner.onTaskFinish(sent);
    },
    onJdCompressFinish(event) {
      if (!isOn('jd-callback-missing')) inner.onJdCompressFinish(event);
    },
    records: () => inner.records(),
    topic: (name) => inner.topic(name),
    reset: () => inner.reset(),
    ...(inner.settle && { settle: () => (inner.settle as () => Promise<void>)() }),
    ...(inner.close && { close: () => (inner.close as () => Promise<void>)() }),
  };
}
