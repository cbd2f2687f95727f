/**
 * The admin API as a JS object (`mock.admin`); `/__fileproc/…` routes call the same methods
 * (documented in `mocks/README.md`). Control of the mock itself: reset, seed objects, clock mode
 * and advancing, scripted outcomes/timing, faults, and what callbacks were produced.
 */
import { advanceSettled } from '../engine/virtual-time.ts';
import { ENGINE_FAULTS, type EngineFault } from '../engine/faults.ts';
import type { TimingOptions } from '../engine/timing.ts';
import type { JobScript } from '../engine/types.ts';
import type { Body, ObjectMeta, PutOptions } from '../store/types.ts';
import type { ClockMode } from './clock-switch.ts';
import { httpError } from './http-error.ts';
import type { ActiveRule, HttpScriptRule } from './http-script.ts';
import type { MockServices } from './types.ts';

/** Options of seeding one object. */
export interface SeedOptions extends PutOptions { bucket?: string }

/** What `state()` reports. */
export interface AdminState {
  clock: { mode: ClockMode; now: number };
  jobs: { JobId: string; Tag: string; State: string; Code: string; bucket: string; Progress: number }[];
  queues: { QueueId: string; Name: string; State: string; bucket: string }[];
  jdJobs: ReturnType<MockServices['jd']['list']>;
  faults: string[];
  timing: TimingOptions;
  callbacks: number;
}

/** The JS admin API. */
export interface AdminApi {
  /** Forgets jobs, queues, JD requests, callbacks, HTTP scripts and every object of the buckets this mock has seen. */
  reset(): Promise<void>;
  /** Stores an object (default bucket unless `options.bucket`). */
  putObject(key: string, body: Body, options?: SeedOptions): Promise<ObjectMeta>;
  state(): AdminState;
  setClockMode(mode: ClockMode): void;
  /** Advances virtual time by `ms`, letting processors and deliveries settle at each due instant. */
  advance(ms: number): Promise<number>;
  /** Settles in-flight work (processors, JD jobs, deliveries) without moving time. */
  settle(): Promise<void>;
  scriptJob(jobId: string, script: JobScript): void;
  configureTiming(timing: Partial<TimingOptions> & { jdStartLatencyMs?: number }): TimingOptions;
  enableFault(name: string): string[];
  disableFault(name: string): string[];
  faults(): string[];
  callbacks(): readonly unknown[];
  tdmq(topic: string): readonly unknown[];
  /** Delays and/or fails the next matching requests (see `http-script.ts`). */
  scriptHttp(rule: HttpScriptRule): ActiveRule;
  httpScripts(): ActiveRule[];
  clearHttpScripts(): void;
}

/** Builds the admin API over the composed services; `knownBuckets` grows as objects are written. */
export function createAdminApi(services: () => MockServices, knownBuckets: Set<string>): AdminApi {
  const settle = async (): Promise<void> => {
    const s = services();
    await s.engine.settle();
    await s.jd.settle();
    await s.callbacks.settle?.();
  };
  return {
    async reset() {
      const s = services();
      s.engine.reset();
      s.jd.reset();
      s.callbacks.reset();
      s.httpScript.clear();
      for (const bucket of knownBuckets) {
        for (let marker: string | undefined; ;) {
          const page = await s.store.list(bucket, marker === undefined ? {} : { marker });
          for (const object of page.objects) await s.store.delete(bucket, object.key);
          if (!page.isTruncated || page.nextMarker === undefined) break;
          marker = page.nextMarker;
        }
      }
    },
    async putObject(key, body, options = {}) {
      const { bucket = services().defaults.bucket, ...put } = options;
      knownBuckets.add(bucket);
      return services().store.put(bucket, key, body, put);
    },
    state() {
      const s = services();
      const snapshot = s.engine.snapshot();
      return {
        clock: { mode: s.clock.mode, now: s.clock.now() },
        jobs: snapshot.jobs.map((j) => ({ JobId: j.detail.JobId, Tag: j.detail.Tag, State: j.detail.State, Code: j.detail.Code, bucket: j.bucket, Progress: j.detail.Progress })),
        queues: snapshot.queues.map((q) => ({ QueueId: q.QueueId, Name: q.Name, State: q.State, bucket: q.bucket })),
        jdJobs: s.jd.list(),
        faults: s.engine.faults.list(),
        timing: s.engine.timing(),
        callbacks: s.callbacks.records().length,
      };
    },
    setClockMode(mode) {
      try {
        services().clock.switchTo(mode);
      } catch (error) {
        throw httpError('InvalidRequest', error instanceof Error ? error.message : String(error));
      }
    },
    async advance(ms) {
      const s = services();
      const virtual = s.clock.virtual;
      if (!virtual) throw httpError('InvalidRequest', 'the clock is real; switch it to virtual (POST /__fileproc/clock {"mode":"virtual"}) before advancing');
      if (!Number.isFinite(ms) || ms < 0) throw httpError('InvalidArgument', `ms must be a non-negative number, got ${String(ms)}`);
      await advanceSettled(virtual, { settle }, ms);
      await settle();
      return s.clock.now();
    },
    settle,
    scriptJob(jobId, script) {
      services().engine.scriptJob(jobId, script);
    },
    configureTiming({ jdStartLatencyMs, ...timing }) {
      const s = services();
      if (jdStartLatencyMs !== undefined) s.jd.startLatencyMs = Math.max(0, jdStartLatencyMs);
      s.engine.configureTiming(timing);
      return s.engine.timing();
    },
    enableFault(name) {
      const { faults } = services().engine;
      faults.enable(knownFault(name));
      return faults.list();
    },
    disableFault(name) {
      const { faults } = services().engine;
      faults.disable(knownFault(name));
      return faults.list();
    },
    faults: () => services().engine.faults.list(),
    callbacks: () => services().callbacks.records(),
    tdmq: (topic) => services().callbacks.topic(topic),
    scriptHttp: (rule) => services().httpScript.add(rule),
    httpScripts: () => services().httpScript.list(),
    clearHttpScripts: () => services().httpScript.clear(),
  };
}

/** A fault name the engine knows, else 400 InvalidArgument listing the known ones. */
function knownFault(name: string): EngineFault {
  const fault = ENGINE_FAULTS.find((f) => f === name);
  if (!fault) throw httpError('InvalidArgument', `unknown fault "${name}"; known: ${ENGINE_FAULTS.join(', ')}`);
  return fault;
}
