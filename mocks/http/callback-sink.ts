/**
 * The interface between the HTTP service and callback delivery (`mocks/callbacks` implements it:
 * POSTs, TDMQ topics, retries). `createRecordingSink` is the in-memory stand-in used when no
 * deliverer is configured: it records every event without sending anything.
 */
import type { TaskFinishEvent } from '../engine/events.ts';

/** A finished JD Cloud Compress Object request (§7.3): where to call and what happened. */
export interface JdCompressFinishEvent {
  at: number;
  /** `x-amz-notification-endpoint` of the request; empty when none was given. */
  endpoint: string;
  /** Request id of the compress request (`RequestID` callback header, `error.requestId`). */
  requestId: string;
  bucket: string;
  /** Key of the archive (the request path). */
  key: string;
  outcome:
    | { ok: true; size: number; etag: string }
    | { ok: false; code: string; message: string; resource?: string };
}

/** Receives finished jobs; must not block or throw (delivery happens in the background). */
export interface CallbackSink {
  onTaskFinish(event: TaskFinishEvent): void;
  onJdCompressFinish(event: JdCompressFinishEvent): void;
  /** Every callback and its delivery attempts, oldest first (`GET /__fileproc/callbacks`). */
  records(): readonly unknown[];
  /** Messages published to an in-memory TDMQ topic (`GET /__fileproc/tdmq/{topic}`). */
  topic(name: string): readonly unknown[];
  /** Forgets records and pending deliveries (`POST /__fileproc/reset`). */
  reset(): void;
  /** Resolves when no delivery is in flight (tests, virtual-time advancing). */
  settle?(): Promise<void>;
  close?(): Promise<void>;
}

/** What the recording sink keeps per event. */
export interface RecordedEvent {
  kind: 'TaskFinish' | 'JdCompress';
  at: number;
  jobId: string;
  state: string;
  target?: string;
  /** TDMQ topic name when the job asked for TDMQ delivery. */
  topic?: string;
  event: TaskFinishEvent | JdCompressFinishEvent;
}

/** A sink that only records events (no HTTP, no retries): the default until a deliverer is passed. */
export function createRecordingSink(): CallbackSink {
  let events: RecordedEvent[] = [];
  return {
    onTaskFinish(event) {
      const target = event.target;
      events.push({
        kind: 'TaskFinish', at: event.at, jobId: event.job.JobId, state: event.job.State, event,
        ...(target?.url !== undefined && { target: target.url }),
        ...(target?.mq && { topic: target.mq.MqName }),
      });
    },
    onJdCompressFinish(event) {
      events.push({ kind: 'JdCompress', at: event.at, jobId: event.requestId, state: event.outcome.ok ? 'Success' : 'Failed', event, ...(event.endpoint && { target: event.endpoint }) });
    },
    records: () => [...events],
    topic: (name) => events.filter((e) => e.topic === name),
    reset() {
      events = [];
    },
  };
}
