/**
 * A `Clock` wrapper that reports every timer that ran. Engine state only changes in a request, in
 * a clock timer (start, progress, finish) or when a processor settles (which ends in a TaskFinish
 * event), so `--data-dir` persistence hooks requests, this and the event sink.
 */
import type { Clock, TimerHandle } from '../engine/clock.ts';

/** Wraps `inner` so that `afterTimer()` runs after each timer callback. */
export function observeTimers(inner: Clock, afterTimer: () => void): Clock {
  return {
    now: () => inner.now(),
    setTimer: (atMs: number, fn: () => void): TimerHandle => inner.setTimer(atMs, () => {
      try {
        fn();
      } finally {
        afterTimer();
      }
    }),
    clearTimer: (handle: TimerHandle) => inner.clearTimer(handle),
  };
}
