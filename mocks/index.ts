/**
 * The stateful mock, composed (ARCHITECTURE "Data flow"): store, clock, ids, JobEngine, real
 * processing, callback sink, auth and limits behind one fetch handler. Browser-safe (no `node:*`);
 * Node callers pass `createNodeProcessors()` and a real clock (see `mocks/adapters`).
 *
 * ```ts
 * const mock = createMock({ clock: 'virtual', seed: 1 });
 * await mock.fetch(new Request('http://test-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt', { method: 'PUT', body: 'hi' }));
 * await mock.admin.advance(5_000);
 * ```
 */
import { createIdGenerator, cryptoRandom, seededRandom, type RandomSource } from '../protocol/ids.ts';
import { createRequestIdGenerator } from '../protocol/request-id.ts';
import { cosCiDocument, jdcloudDocument } from '../protocol/codec.ts';
import type { Clock } from './engine/clock.ts';
import { JobEngine } from './engine/engine.ts';
import { createSeededRandom } from './engine/random.ts';
import type { EngineSnapshot } from './engine/snapshot.ts';
import type { TimingOptions } from './engine/timing.ts';
import { createAdminApi, type AdminApi } from './http/admin-api.ts';
import { createRecordingSink, type CallbackSink } from './http/callback-sink.ts';
import { SwitchableClock } from './http/clock-switch.ts';
import type { Reply, RequestView } from './http/exchange.ts';
import { createCoreHandler, webFetchOf } from './http/fetch-handler.ts';
import { JdCompressRunner, type JdRunnerSnapshot } from './http/jd-runner.ts';
import { HttpScript } from './http/http-script.ts';
import { createParamValidator } from './http/params.ts';
import { trackBuckets } from './http/tracked-store.ts';
import { replyViaFetch } from './http/web-exchange.ts';
import type { HttpLimits, Logger, MockServices } from './http/types.ts';
import { createJobProcessor } from './processing/platform-dispatch.ts';
import { DEFAULT_PROCESSING_LIMITS, webProcessors, type Processors } from './processing/platform.ts';
import type { ProcessingLimits } from './processing/types.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { ObjectStore } from './store/types.ts';
import { withCallbackFaults } from './faults/callback-faults.ts';
import { engineCallbackLookup, withFaultAdmin } from './faults/compose.ts';
import { withHttpFaults } from './faults/http-faults.ts';
import { withProcessingFaults } from './faults/processing-faults.ts';
import { FaultSwitch } from './faults/switch.ts';

/** Re-exported so callers need only this entry: admin, callback, clock, limit and script types; helpers. */
export type { AdminApi, AdminState, SeedOptions } from './http/admin-api.ts';
export type { CallbackSink, JdCompressFinishEvent, RecordedEvent } from './http/callback-sink.ts';
export type { ClockMode } from './http/clock-switch.ts';
export type { HttpLimits, Logger } from './http/types.ts';
export type { HeaderView, Reply, ReplyHeaders, RequestView } from './http/exchange.ts';
export type { ActiveRule, HttpScriptRule } from './http/http-script.ts';
export { createRecordingSink } from './http/callback-sink.ts';
export { wireHeaderName } from './http/header-case.ts';
export { webProcessors, DEFAULT_PROCESSING_LIMITS, type Processors } from './processing/platform.ts';

/** What a callback deliverer is built from (the mock's clock and logger). */
export interface CallbackSinkDeps { clock: Clock; log: Logger }

/** Options of `createMock`; everything has a default. */
export interface MockOptions {
  /** Object store; default an in-memory store. */
  store?: ObjectStore;
  /** A real clock to run on, or `'virtual'` (default): nothing moves until `admin.advance`. */
  clock?: Clock | 'virtual';
  /** Real clock for `admin.setClockMode('real')` when starting virtual; defaults to `clock` when that is a Clock. */
  realClock?: Clock;
  /** Start of virtual time (epoch ms); default the host's current time. */
  startTime?: number;
  /** Seeds ids, request ids and timing jitter; unseeded ids use crypto randomness. */
  seed?: number;
  /** Processing variant; default `webProcessors` (Node: `createNodeProcessors()`). */
  processors?: Processors;
  /** Callback deliverer (mocks/callbacks), or a factory given the clock; default records events only. */
  callbacks?: CallbackSink | ((deps: CallbackSinkDeps) => CallbackSink);
  /** SecretId → SecretKey; when non-empty every non-admin request must be signed (§6). */
  keys?: Record<string, string>;
  limits?: Partial<HttpLimits>;
  processingLimits?: Partial<ProcessingLimits>;
  /** Default bucket (`name-appid`) and region for hosts that name none. */
  bucket?: string;
  region?: string;
  timing?: Partial<TimingOptions>;
  /** State to start from (e.g. read back from `--data-dir`); Running jobs and JD requests end Failed. */
  snapshot?: MockSnapshot;
  /** Wall-clock ms for signature windows; default `Date.now`. */
  authNow?: () => number;
  log?: Logger;
  /** Named faults to switch on from the start (catalogue: `mocks/faults/README.md`); default none. */
  faults?: readonly string[];
}

/** What `--data-dir` persists: the engine snapshot plus the JD Compress requests (optional: older files lack it). */
export interface MockSnapshot extends EngineSnapshot { jd?: JdRunnerSnapshot }

/** A composed mock. */
export interface Mock {
  fetch(request: Request): Promise<Response>;
  /** The same handler without Web objects (server adapters); Web-level layers (HTTP faults) still apply. */
  handle(request: RequestView): Promise<Reply>;
  admin: AdminApi;
  engine: JobEngine;
  store: ObjectStore;
  clock: SwitchableClock;
  callbacks: CallbackSink;
  /** Plain-JSON copy of the jobs, queues, buckets and JD requests (what `--data-dir` writes). */
  snapshot(): MockSnapshot;
  /** Stops background work: pending deliveries, JD jobs and timers. */
  close(): Promise<void>;
}

/** Default limits: 1 MiB XML bodies, 5 GiB objects (the COS single-PUT limit). */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxXmlBodyBytes: 1024 * 1024, maxObjectBytes: 5 * 1024 ** 3 };

const defaultLog: Logger = (level, message, detail) => {
  (level === 'error' ? console.error : console.warn)(message, detail ?? '');
};

/** Builds a mock; see `MockOptions` for the defaults. */
export function createMock(options: MockOptions = {}): Mock {
  const given = options.clock ?? 'virtual';
  const realClock = options.realClock ?? (given === 'virtual' ? undefined : given);
  const clock = new SwitchableClock(given === 'virtual' ? 'virtual' : 'real', realClock, options.startTime ?? Date.now());
  const now = (): number => clock.now();
  const random = (offset: number): RandomSource => (options.seed === undefined ? cryptoRandom : seededRandom(options.seed + offset));
  const processors = options.processors ?? webProcessors;
  const knownBuckets = new Set<string>([options.bucket ?? 'test-1250000000']);
  const store = trackBuckets(options.store ?? new MemoryStore({ now, hash: processors.hash }), knownBuckets);
  const log = options.log ?? defaultLog;
  const processingLimits = { ...DEFAULT_PROCESSING_LIMITS, ...options.processingLimits };
  const processing = { store, processors, limits: processingLimits, now };
  // Fault layers read the switch at each call; it exists once the engine (owner of engine faults) does.
  let faults: FaultSwitch | undefined;
  const faultOn = (name: string): boolean => faults?.isOn(name) ?? false;
  const givenCallbacks = typeof options.callbacks === 'function' ? options.callbacks({ clock, log }) : (options.callbacks ?? createRecordingSink());
  const callbacks = withCallbackFaults(givenCallbacks, faultOn, engineCallbackLookup(() => engine));
  const engine: JobEngine = new JobEngine({
    clock,
    ids: createIdGenerator({ now, random: random(0) }),
    processor: withProcessingFaults(createJobProcessor(processing), faultOn),
    random: createSeededRandom(options.seed ?? 1),
    onEvent: (event) => callbacks.onTaskFinish(event),
    onListenerError: (error) => log('error', '[fileproc] the callback sink threw while receiving a TaskFinish event', error),
    ...(options.timing && { timing: options.timing }),
  });
  if (options.snapshot) engine.restore(options.snapshot);
  const faultSwitch = new FaultSwitch(engine.faults);
  faults = faultSwitch;
  for (const name of options.faults ?? []) faultSwitch.enable(name);
  const services: MockServices = {
    engine, store, clock, processors, processingLimits, callbacks, log,
    jd: new JdCompressRunner(clock, processing, () => callbacks),
    admin: withFaultAdmin(createAdminApi(() => services, knownBuckets), () => faultSwitch),
    keys: new Map(Object.entries(options.keys ?? {})),
    httpScript: new HttpScript(),
    authNow: options.authNow ?? (() => Date.now()),
    limits: { ...DEFAULT_HTTP_LIMITS, ...options.limits },
    defaults: { bucket: options.bucket ?? 'test-1250000000', region: options.region ?? 'ap-guangzhou' },
    params: { cosCi: createParamValidator(cosCiDocument), jdcloud: createParamValidator(jdcloudDocument) },
    nextRequestId: createRequestIdGenerator({ now, random: random(1) }),
  };
  if (options.snapshot?.jd) services.jd.restore(options.snapshot.jd);
  const core = createCoreHandler(services);
  const fetch = withHttpFaults(webFetchOf(core), faultOn, () => faultSwitch.any());
  return {
    fetch,
    // The HTTP faults rewrite Web Requests and Responses: with one on, go through them.
    handle: (request) => (faultSwitch.any() ? replyViaFetch(fetch, request) : core(request)),
    admin: services.admin,
    engine, store, clock, callbacks,
    snapshot: () => ({ ...engine.snapshot(), jd: services.jd.snapshot() }),
    async close() {
      services.jd.reset();
      engine.reset();
      await callbacks.close?.();
    },
  };
}
