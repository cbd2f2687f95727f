/**
 * JD Cloud Compress Object jobs (reference §7): accepted with `200` and an empty body, started
 * after a short latency on the injected clock, packed by `compressComponents`, and reported to the
 * callback sink as a success or failure event (§7.3). Kept outside the COS job engine because JD
 * has no job ids, queues or describe API. Not persisted across restarts.
 */
import type { Clock, TimerHandle } from '../engine/clock.ts';
import { compressComponents } from '../processing/compress/compress-components.ts';
import { processContext, type ProcessingDeps } from '../processing/platform-dispatch.ts';
import type { JdComponent } from '../processing/types.ts';
import type { PutOptions } from '../store/types.ts';
import type { CallbackSink } from './callback-sink.ts';

/** One accepted compress request. */
export interface JdCompressRequest {
  bucket: string;
  region: string;
  key: string;
  components: JdComponent[];
  endpoint: string;
  requestId: string;
  putOptions: PutOptions;
}

/** What the admin state shows per request. */
export interface JdJobView { requestId: string; bucket: string; key: string; state: 'Submitted' | 'Running' | 'Success' | 'Failed'; acceptedAt: number; endedAt?: number; code?: string }

/** Runs JD compress requests on the injected clock. */
export class JdCompressRunner {
  readonly #clock: Clock;
  readonly #deps: ProcessingDeps;
  readonly #sink: () => CallbackSink;
  #jobs: JdJobView[] = [];
  #timers = new Set<TimerHandle>();
  readonly #inflight = new Set<Promise<void>>();
  #generation = 0;
  /** Delay between acceptance and the start of packing (ms). */
  startLatencyMs = 200;

  constructor(clock: Clock, deps: ProcessingDeps, sink: () => CallbackSink) {
    this.#clock = clock;
    this.#deps = deps;
    this.#sink = sink;
  }

  /** Accepts a request; the archive is built later (never during the HTTP request). */
  accept(request: JdCompressRequest): void {
    const view: JdJobView = { requestId: request.requestId, bucket: request.bucket, key: request.key, state: 'Submitted', acceptedAt: this.#clock.now() };
    this.#jobs.push(view);
    const generation = this.#generation;
    const handle = this.#clock.setTimer(this.#clock.now() + this.startLatencyMs, () => {
      this.#timers.delete(handle);
      const run = this.#run(request, view, generation).finally(() => this.#inflight.delete(run));
      this.#inflight.add(run);
    });
    this.#timers.add(handle);
  }

  async #run(request: JdCompressRequest, view: JdJobView, generation: number): Promise<void> {
    view.state = 'Running';
    const ctx = processContext(this.#deps, request.bucket, request.region);
    const outcome = await compressComponents(ctx, request.components, request.key, { ...this.#deps.processors.compress, putOptions: request.putOptions });
    if (generation !== this.#generation) return;
    view.state = outcome.ok ? 'Success' : 'Failed';
    view.endedAt = this.#clock.now();
    if (!outcome.ok) view.code = outcome.failure.Code;
    this.#sink().onJdCompressFinish({
      at: view.endedAt, endpoint: request.endpoint, requestId: request.requestId, bucket: request.bucket, key: request.key,
      outcome: outcome.ok
        ? { ok: true, size: outcome.result.size, etag: outcome.result.eTag }
        : { ok: false, code: outcome.failure.Code, message: outcome.failure.Message, ...(outcome.failure.Code === 'NoSuchKey' && { resource: missingKey(outcome.failure.Message, request.components) }) },
    });
  }

  /** Accepted requests, oldest first. */
  list(): JdJobView[] {
    return this.#jobs.map((job) => ({ ...job }));
  }

  /** Resolves when no request is being packed. */
  async settle(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.allSettled([...this.#inflight]);
  }

  /** Forgets every request; running ones finish silently. */
  reset(): void {
    this.#generation++;
    for (const handle of this.#timers) this.#clock.clearTimer(handle);
    this.#timers.clear();
    this.#jobs = [];
  }
}

/** The component key a NoSuchKey failure names, as the §7.3 failure body's `resourse`. */
function missingKey(message: string, components: JdComponent[]): string {
  const named = components.find((c) => message.includes(c.Key));
  return `/${named?.Key ?? ''}`;
}
