/**
 * Delivers finished-job callbacks (§4.1, §7.3): POSTs to a URL with retries on the injected clock,
 * or publishes to an in-memory TDMQ topic. Never blocks the caller: the first attempt starts in a
 * microtask, retries are clock timers, and every error is caught and recorded.
 */
import type { Clock, TimerHandle } from '../engine/clock.ts';
import type { TaskFinishEvent } from '../engine/events.ts';
import { renderJdCallback, renderTaskFinish, type RenderedCallback } from './bodies.ts';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from './retry-policy.ts';
import { TdmqTopics } from './tdmq.ts';
import type { CallbackSink } from '../http/callback-sink.ts';
import type { CallbackRecord, DeliveryAttempt, JdCompressFinishEvent, TdmqMessage } from './types.ts';

/** Options of `CallbackDeliverer`. */
export interface CallbackDelivererOptions {
  clock: Clock;
  /** The HTTP client: Node's global fetch in the server, window.fetch in a browser. */
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Receives one line per attempt and outcome (the CLI passes console.log). */
  log?: (line: string) => void;
  /** Records kept for the admin API; the oldest finished ones are dropped beyond this. */
  maxRecords?: number;
}

type NewRecord = Pick<CallbackRecord, 'jobId' | 'eventName' | 'channel' | 'target' | 'format'> & RenderedCallback;

/** The mock's `CallbackSink` (interface in mocks/http/callback-sink.ts): delivery, retry bookkeeping, TDMQ topics and the delivery log. */
export class CallbackDeliverer implements CallbackSink {
  /** In-memory TDMQ topics (`GET /__fileproc/tdmq/{name}`). */
  readonly tdmq = new TdmqTopics();
  readonly #clock: Clock;
  readonly #fetch: typeof fetch;
  readonly #policy: RetryPolicy;
  readonly #log: (line: string) => void;
  readonly #maxRecords: number;
  readonly #records: CallbackRecord[] = [];
  readonly #timers = new Map<number, TimerHandle>();
  readonly #inFlight = new Set<Promise<void>>();
  #nextId = 1;
  #generation = 0;

  constructor(options: CallbackDelivererOptions) {
    this.#clock = options.clock;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#log = options.log ?? (() => {});
    this.#maxRecords = options.maxRecords ?? 10_000;
  }

  onTaskFinish(event: TaskFinishEvent): void {
    const target = event.target;
    if (!target) return;
    const base = { jobId: event.job.JobId, eventName: 'TaskFinish' as const, format: target.format };
    const rendered = renderTaskFinish(event.job, target.format);
    if (target.type === 'TDMQ' && target.mq) {
      const address = { region: target.mq.MqRegion, mode: target.mq.MqMode ?? 'Queue', name: target.mq.MqName };
      const record = this.#add({ ...base, ...rendered, channel: 'tdmq', target: TdmqTopics.key(address) });
      this.tdmq.publish({ ...address, at: this.#clock.now(), jobId: base.jobId, format: target.format, body: rendered.body });
      record.attempts.push({ attempt: 1, at: this.#clock.now(), url: `tdmq://${record.target}`, ok: true });
      record.state = 'delivered';
      this.#log(`[fileproc] callback ${record.id} (${record.jobId}) published to TDMQ ${record.target}`);
    } else if (target.url) {
      this.#start(this.#add({ ...base, ...rendered, channel: 'url', target: target.url }));
    }
  }

  onJdCompressFinish(event: JdCompressFinishEvent): void {
    if (!event.endpoint) return;
    const eventName = event.outcome.ok ? 'ObjectCreated:Compress' as const : 'Error:CompressFailed' as const;
    const rendered = renderJdCallback(event);
    this.#start(this.#add({ jobId: event.requestId, eventName, format: 'JSON', channel: 'url', target: event.endpoint, ...rendered }));
  }

  /** Every recorded callback with its attempts (a copy, safe to serialise). */
  deliveries(): CallbackRecord[] {
    return structuredClone(this.#records);
  }

  /** `CallbackSink.records` of the HTTP layer: the same as `deliveries()`. */
  records(): CallbackRecord[] {
    return this.deliveries();
  }

  /** Messages of the TDMQ topic `name`, any region and mode (`GET /__fileproc/tdmq/{name}`). */
  topic(name: string): TdmqMessage[] {
    return this.tdmq.messages(name);
  }

  /** Resolves when no HTTP attempt is in flight (retries waiting on the clock do not count). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** `CallbackSink.settle`: the same as `idle()`. */
  settle(): Promise<void> {
    return this.idle();
  }

  /** Cancels waiting retries (records stay readable) and waits for attempts in flight. */
  async close(): Promise<void> {
    this.#generation++;
    for (const handle of this.#timers.values()) this.#clock.clearTimer(handle);
    this.#timers.clear();
    await this.idle();
  }

  /** Forgets every record and topic message and cancels pending retries. */
  reset(): void {
    void this.close();
    this.#records.length = 0;
    this.tdmq.clear();
  }

  #add(fields: NewRecord): CallbackRecord {
    const record: CallbackRecord = { id: this.#nextId++, ...fields, createdAt: this.#clock.now(), state: 'pending', attempts: [] };
    this.#records.push(record);
    if (this.#records.length > this.#maxRecords) {
      const drop = this.#records.findIndex((r) => r.state !== 'pending');
      this.#records.splice(drop < 0 ? 0 : drop, 1);
    }
    return record;
  }

  #start(record: CallbackRecord): void {
    const generation = this.#generation;
    const run = Promise.resolve()
      .then(() => (generation === this.#generation ? this.#attempt(record, generation) : undefined))
      .catch((error: unknown) => this.#log(`[fileproc] callback ${record.id}: delivery bug: ${String(error)}`))
      .finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  async #attempt(record: CallbackRecord, generation: number): Promise<void> {
    record.nextAttemptAt = undefined;
    this.#timers.delete(record.id);
    const attempt: DeliveryAttempt = { attempt: record.attempts.length + 1, at: this.#clock.now(), url: record.target, ok: false };
    record.attempts.push(attempt);
    try {
      const response = await this.#fetch(record.target, {
        method: 'POST', headers: record.headers, body: record.body, signal: AbortSignal.timeout(this.#policy.attemptTimeoutMs),
      });
      await response.body?.cancel().catch(() => {});
      attempt.status = response.status;
      attempt.ok = response.ok;
    } catch (error) {
      attempt.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const outcome = attempt.ok ? 'delivered' : attempt.status !== undefined ? `HTTP ${attempt.status}` : attempt.error;
    this.#log(`[fileproc] callback ${record.id} (${record.jobId}) attempt ${attempt.attempt} to ${record.target}: ${outcome}`);
    if (attempt.ok) {
      record.state = 'delivered';
      return;
    }
    // A reset while the attempt was in flight forgot this record: no retry for it.
    if (generation === this.#generation) this.#scheduleRetry(record);
  }

  #scheduleRetry(record: CallbackRecord): void {
    const first = record.attempts[0]?.at ?? record.createdAt;
    const due = nextAttemptAt(this.#policy, record.attempts.length, first, this.#clock.now());
    if (due === undefined) {
      record.state = 'abandoned';
      this.#log(`[fileproc] callback ${record.id} (${record.jobId}) abandoned after ${record.attempts.length} attempts`);
      return;
    }
    record.nextAttemptAt = due;
    this.#timers.set(record.id, this.#clock.setTimer(due, () => this.#start(record)));
  }
}
