/** JSON lines report: one record per rule (id, status, duration, seed, counterexample, …). */
import type { RunResult } from '../results.ts';

/** One JSON object per line, in run order. */
export function jsonLinesReport(run: RunResult): string {
  return run.results.map((result) => JSON.stringify({
    id: result.id,
    status: result.status,
    durationMs: result.durationMs,
    seed: result.seed,
    numRuns: result.numRuns,
    spec: result.spec,
    ...(result.reason !== undefined ? { reason: result.reason } : {}),
    ...(result.failure ? { documented: result.failure.documented, received: result.failure.received, counterexample: result.failure.counterexample ?? null } : {}),
    replay: result.replay,
  })).join('\n') + '\n';
}
