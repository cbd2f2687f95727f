/**
 * The Node entry of the suite: picks the socket transport for HTTP targets, starts the local
 * callback receiver (or wraps a user's public URL), probes the target, runs, and cleans up.
 * Used by the CLI (`fileproc conformance`) and `describeConformance`.
 */
import { createClient, type Transport } from '../protocol/client.ts';
import { probeTarget } from './probe.ts';
import { pollingReceiver, type CallbackReceiver } from './receiver.ts';
import { startReceiver } from './receiver.node.ts';
import type { RunResult } from './results.ts';
import { runConformance, type RunOptions } from './run.ts';
import type { Target } from './target.ts';
import { nodeTransport } from './transport.node.ts';

/** Node-only options: where the receiver listens and whether to probe first. */
export interface NodeRunOptions extends RunOptions {
  /** Address the target can reach this host at (default 127.0.0.1). */
  receiverHost?: string;
  /** Skip the reachability probe (default: probe). */
  noProbe?: boolean;
}

/** The transport for a target: its own `fetch`, else the Host-honouring socket transport. */
export function transportFor(target: Target): Transport {
  if (target.fetch) return target.fetch;
  return nodeTransport(target.addressing === 'proxy' ? { endpoint: target.endpoint } : {});
}

/** The receiver for a target: the user's URL (readable only with `readCallbacks`) or a local one. */
export async function receiverFor(target: Target, host?: string): Promise<CallbackReceiver | undefined> {
  if (target.callbackUrl) return target.readCallbacks ? pollingReceiver(target.callbackUrl, target.readCallbacks) : undefined;
  return startReceiver(host ? { host } : {});
}

/** Thrown when the target cannot be reached at all (the CLI maps it to exit code 2). */
export class UnreachableTargetError extends Error {}

/** Runs the suite from Node; throws `UnreachableTargetError` when the probe gets no HTTP answer. */
export async function runConformanceNode(target: Target, options: NodeRunOptions = {}): Promise<RunResult> {
  const transport = transportFor(target);
  if (!options.noProbe) {
    const problem = await probeTarget(createClient({ ...target, fetch: transport }));
    if (problem) throw new UnreachableTargetError(`[fileproc] target ${target.endpoint} is unreachable: ${problem}`);
  }
  const receiver = options.receiver ?? (await receiverFor(target, options.receiverHost));
  try {
    return await runConformance(target, { ...options, transport, ...(receiver ? { receiver } : {}) });
  } finally {
    if (!options.receiver) await receiver?.close();
  }
}
