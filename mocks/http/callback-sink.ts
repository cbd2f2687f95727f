/**
 * The interface between the HTTP service and callback delivery (`mocks/callbacks` implements it:
 * POSTs, TDMQ topics, retries). `createRecordingSink` is the in-memory stand-in used when no
 * deliverer is configured: it records every event without sending anything.
 */
import type { JdCompressFinishEvent } from '../callbacks/types.ts';
import type { TaskFinishEvent } from '../engine/events.ts';

/** Re-exported: the JD event shape is owned by `mocks/callbacks` (§7.3). */
export type { JdCompressFinishEvent } from '../callbacks/types.ts';

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
