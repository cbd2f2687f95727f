/**
 * The engine's only notion of time. Two implementations exist: `VirtualClock` here (tests, frontend
 * development: nothing moves until advanced) and a real clock the adapters build on setTimeout
 * (I/O, so it is not part of this pure module).
 */

/** An opaque timer handle, only meaningful to the clock that issued it. */
export type TimerHandle = number;

/**
 * Contract every clock keeps:
 * - `now()` is epoch milliseconds and never decreases.
 * - `setTimer(atMs, fn)` runs `fn` once, at `atMs` or later, never synchronously inside `setTimer`
 *   (the engine calls it while mutating state); a time already past means "as soon as possible".
 * - Timers due at the same time run in the order they were set.
 * - `clearTimer` of a fired or unknown handle is a no-op.
 */
export interface Clock {
  now(): number;
  setTimer(atMs: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}
