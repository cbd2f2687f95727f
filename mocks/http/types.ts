/** The service composition the HTTP layer works on, and the shape of a route handler. */
import type { JobEngine } from '../engine/engine.ts';
import type { Processors } from '../processing/platform.ts';
import type { ProcessingLimits } from '../processing/types.ts';
import type { ObjectStore } from '../store/types.ts';
import type { AdminApi } from './admin-api.ts';
import type { CallbackSink } from './callback-sink.ts';
import type { Reply, RequestView } from './exchange.ts';
import type { SwitchableClock } from './clock-switch.ts';
import type { HostInfo } from './host.ts';
import type { HttpScript } from './http-script.ts';
import type { JdCompressRunner } from './jd-runner.ts';
import type { ParamValidator } from './params.ts';
import type { PathShape } from './path-shape.ts';
import type { ResponseFamily, ResponseMeta } from './respond.ts';

/** Request size limits (bytes). */
export interface HttpLimits {
  /** XML and JSON request bodies (submit, queue update, JD compress, admin). Default 1 MiB. */
  maxXmlBodyBytes: number;
  /** Object uploads (`PUT /{Key}`, admin seed). Default 5 GiB, the COS single-PUT limit. */
  maxObjectBytes: number;
}

/** A log line from the HTTP layer (unexpected errors, delivery problems). */
export type Logger = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;

/** Everything handlers use; built once by `createMock`. */
export interface MockServices {
  engine: JobEngine;
  store: ObjectStore;
  clock: SwitchableClock;
  processors: Processors;
  processingLimits: ProcessingLimits;
  callbacks: CallbackSink;
  jd: JdCompressRunner;
  admin: AdminApi;
  /** SecretId → SecretKey; empty means authentication is off. */
  keys: ReadonlyMap<string, string>;
  /** Scripted delays and error answers (admin `http-script`). */
  httpScript: HttpScript;
  /** Wall-clock epoch ms for signature time windows (SDKs sign with the host's time, not virtual time). */
  authNow(): number;
  limits: HttpLimits;
  defaults: { bucket: string; region: string };
  params: { cosCi: ParamValidator; jdcloud: ParamValidator };
  nextRequestId(): string;
  log: Logger;
}

/** One request as a handler sees it. */
export interface RequestContext {
  request: RequestView;
  url: URL;
  host: HostInfo;
  /** Decoded variable part of the path: job ids, queue id, object key, topic. */
  variable: string;
  meta: ResponseMeta;
  services: MockServices;
}

/** A route handler. */
export type Handler = (ctx: RequestContext) => Promise<Reply>;

/** The query parameter whose presence selects among operations sharing a method and path. */
export type Selector = '' | 'ci-process' | 'cancel' | 'compress';

/** One row of the route table. */
export interface Route {
  method: string;
  shape: PathShape;
  selector: Selector;
  /** Answering side when the Host does not say (e.g. `127.0.0.1:9000`). */
  family: ResponseFamily;
  handler: Handler;
  /** The spec operation served (`spec/cos-ci`, `spec/jdcloud`); absent for admin routes. */
  operationId?: string;
  /** Skips COS signing: admin routes (the mock's own control plane) and JD (its handler verifies AWS signing, `auth-aws.ts`). */
  unsigned?: boolean;
}
