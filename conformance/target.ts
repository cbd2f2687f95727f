/**
 * A conformance target: the endpoints and bucket of an implementation under test, how requests
 * reach it, and which rules to skip there (each with a reason, like `fails_on_*` markers).
 */
import type { Addressing, Transport } from '../protocol/client.ts';
import type { Credentials } from '../protocol/signing/types.ts';

/** A rule the target is known not to support, and why; reported as skipped, never as passed. */
export interface SkipEntry { rule: string; reason: string }

/** Everything the suite needs to reach one implementation. */
export interface Target {
  /** CI endpoint, e.g. `http://127.0.0.1:9000`. */
  endpoint: string;
  /** COS endpoint for objects and sync processes; defaults to `endpoint`. */
  cosEndpoint?: string;
  bucket: string;
  region: string;
  /** When given, every request is signed (reference §6.1) and auth rules run. */
  credentials?: Credentials;
  /** Default `path`; see `Addressing` in `protocol/client/types.ts`. */
  addressing?: Addressing;
  /** An in-process handler or custom transport; default: a socket transport that honours `Host`. */
  fetch?: Transport;
  /** How long a rule waits for a job to change state (default 30 s); raise it for slow vendors. */
  jobTimeoutMs?: number;
  /** Rules not to run on this target, each with its reason. */
  skip?: readonly SkipEntry[];
  /**
   * A public URL the target can POST callbacks to, when it cannot reach a local receiver. Without
   * `readCallbacks` the suite cannot see deliveries, so callback rules are skipped with a reason.
   */
  callbackUrl?: string;
  /** Reads the deliveries made to `callbackUrl` (e.g. from a request bin's API). */
  readCallbacks?: () => Promise<import('./receiver.ts').ReceivedCallback[]>;
}

/** A human label for reports: the endpoint and bucket. */
export function targetLabel(target: Target): string {
  return `${target.endpoint} (bucket ${target.bucket}, ${target.region}, ${target.addressing ?? 'path'} addressing)`;
}
