/**
 * When a failed callback is tried again. Tencent documents no retry policy (§4.1, §9.22); JD
 * documents "growing intervals, abandoned if not delivered within one day" (§7.3). We use one
 * policy for both: 10 s, 30 s, 1 min, 5 min, 15 min, 30 min, then hourly, until one day has passed
 * since the first attempt (about 29 attempts in all).
 */

/** Options of the retry policy; all in milliseconds. */
export interface RetryPolicy {
  /** Waits after the 1st, 2nd, … failed attempt; the last one repeats. */
  delaysMs: readonly number[];
  /** No attempt starts later than this after the first one. */
  giveUpAfterMs: number;
  /** How long one HTTP attempt may take before it counts as failed. */
  attemptTimeoutMs: number;
}

/** The documented default policy (see the module comment). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: [10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000],
  giveUpAfterMs: 24 * 3_600_000,
  attemptTimeoutMs: 10_000,
};

/** When attempt `failedAttempt + 1` is due, or undefined when the callback is abandoned. */
export function nextAttemptAt(policy: RetryPolicy, failedAttempt: number, firstAt: number, now: number): number | undefined {
  const delays = policy.delaysMs;
  const delay = delays[Math.min(failedAttempt, delays.length) - 1] ?? delays[delays.length - 1];
  if (delay === undefined) return undefined;
  const due = now + delay;
  return due - firstAt > policy.giveUpAfterMs ? undefined : due;
}
