/**
 * JD Cloud Compress Object jobs (reference §7): accepted with `200` and an empty body, started
 * after a short latency on the injected clock, packed by `compressComponents`, and reported to the
 * callback sink as a success or failure event (§7.3). Kept outside the COS job engine because JD
 * has no job ids, queues or describe API. `snapshot()`/`restore()` persist them with the engine
 * snapshot (`--data-dir`): waiting requests resume, ones that were packing end Failed `InternalError`
 * and are reported like any failure — the same rule as COS jobs.
 */
import type { Clock, TimerHandle } from '../engine/clock.ts';
import { compressComponents } from '../processing/compress/compress-components.ts';
import { processContext, type ProcessingDeps } from '../processing/platform-dispatch.ts';
import type { JdComponent } from '../processing/types.ts';
import type { PutOptions } from '../store/types.ts';
import type { CallbackSink, JdCompressFinishEvent } from './callback-sink.ts';

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

/** Plain-JSON state of the runner: every request's view, and the request itself while unfinished. */
export interface JdRunnerSnapshot { jobs: Array<{ view: JdJobView; request?: JdCompressRequest }> }

/** Code and message of JD requests interrupted by a restart (as `INTERRUPTED_FAILURE` for COS jobs). */
export const JD_INTERRUPTED = {
  code: 'InternalError',
  message: '[fileproc] compress request interrupted: the server stopped while the archive was being built; send it again',
} as const;

/** Runs JD compress requests on the injected clock. */
export class JdCompressRunner {
  readonly #clock: Clock;
  readonly #deps: ProcessingDeps;
  readonly #sink: () => CallbackSink;
  #jobs: JdJobView[] = [];
  /** Requests not finished yet, by view (what a snapshot must keep to resume them). */
  readonly #pending = new Map<JdJobView, JdCompressRequest>();
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
    this.#pending.set(view, structuredClone(request));
    this.#schedule(request, view, this.#clock.now() + this.startLatencyMs);
  }

  #schedule(request: JdCompressRequest, view: JdJobView, atMs: number): void {
    const generation = this.#generation;
    const handle = this.#clock.setTimer(atMs, () => {
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
    this.#finish(request, view, outcome.ok
      ? { ok: true, size: outcome.result.size, etag: outcome.result.eTag }
      : { ok: false, code: outcome.failure.Code, message: outcome.failure.Message, ...(outcome.failure.Code === 'NoSuchKey' && { resource: missingKey(outcome.failure.Message, request.components) }) });
  }

  #finish(request: JdCompressRequest, view: JdJobView, outcome: JdCompressFinishEvent['outcome']): void {
    this.#pending.delete(view);
    view.state = outcome.ok ? 'Success' : 'Failed';
    view.endedAt = this.#clock.now();
    if (!outcome.ok) view.code = outcome.code;
    this.#sink().onJdCompressFinish({ at: view.endedAt, endpoint: request.endpoint, requestId: request.requestId, bucket: request.bucket, key: request.key, outcome });
  }

  /** Plain-JSON copy of every request (finished ones as their view only). */
  snapshot(): JdRunnerSnapshot {
    return structuredClone({ jobs: this.#jobs.map((view) => ({ view, ...(this.#pending.has(view) && { request: this.#pending.get(view) }) })) });
  }

  /**
   * Replaces the state with a snapshot's: waiting requests start when they were due (at once if
   * that is past); requests that were packing end Failed `InternalError` and are reported.
   */
  restore(snapshot: JdRunnerSnapshot): void {
    this.reset();
    const copy = structuredClone(snapshot);
    this.#jobs = copy.jobs.map((entry) => entry.view);
    for (const { view, request } of copy.jobs) {
      if (!request || (view.state !== 'Submitted' && view.state !== 'Running')) continue;
      this.#pending.set(view, request);
      if (view.state === 'Submitted') this.#schedule(request, view, Math.max(this.#clock.now(), view.acceptedAt + this.startLatencyMs));
      else this.#finish(request, view, { ok: false, code: JD_INTERRUPTED.code, message: JD_INTERRUPTED.message });
    }
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
    this.#pending.clear();
  }
}

/** The component key a NoSuchKey failure names, as the §7.3 failure body's `resourse`. */
function missingKey(message: string, components: JdComponent[]): string {
  const named = components.find((c) => message.includes(c.Key));
  return `/${named?.Key ?? ''}`;
}
