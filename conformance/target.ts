/**
 * A conformance target: the endpoints and bucket of an implementation under test, how requests
 * reach it, and which rules to skip there (each with a reason, like `fails_on_*` markers).
 */
import type { ClientOptions } from '../protocol/client.ts';

/** A rule the target is known not to support, and why; reported as skipped, never as passed. */
export interface SkipEntry { rule: string; reason: string }

/**
 * Everything the suite needs to reach one implementation: the client's connection options
 * (endpoints, bucket, region, credentials — auth rules run when given —, addressing, and an
 * in-process handler or custom transport; default a socket transport that honours `Host`).
 */
export interface Target extends Pick<ClientOptions, 'endpoint' | 'cosEndpoint' | 'bucket' | 'region' | 'credentials' | 'addressing' | 'fetch'> {
  /** How long a rule waits for a job to change state (default 30 s); raise it for slow vendors. */
  jobTimeoutMs?: number;
  /** Rules not to run on this target, each with its reason. */
  skip?: readonly SkipEntry[];
  /**
   * A public URL the target can POST callbacks to, when it cannot reach a local receiver. Without
   * `readCallbacks` the suite cannot see deliveries, so callback rules are skipped with a reason.
   */
  callbackUrl?: string;
  /**
   * A second bucket of the same account and region (CI enabled), for the rule that jobs stay with
   * the bucket they were submitted to (spec README §9.4). With `path` addressing every bucket has
   * its own endpoint: give it here too.
   */
  secondBucket?: { bucket: string; endpoint?: string; cosEndpoint?: string };
  /** Reads the deliveries made to `callbackUrl` (e.g. from a request bin's API). */
  readCallbacks?: () => Promise<import('./receiver.ts').ReceivedCallback[]>;
}

/** A human label for reports: the endpoint and bucket. */
export function targetLabel(target: Target): string {
  return `${target.endpoint} (bucket ${target.bucket}, ${target.region}, ${target.addressing ?? 'path'} addressing)`;
}
