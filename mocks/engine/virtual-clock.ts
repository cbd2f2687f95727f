import type { Clock, TimerHandle } from './clock.ts';
import { TimerHeap } from './timer-heap.ts';

/** Hard stop for timer chains that never end (a timer that always sets another one). */
const MAX_TIMERS_PER_RUN = 1_000_000;

/** A clock where time only moves when told to; timers run deterministically in (time, set order). */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  readonly #heap = new TimerHeap();
  // Cleared timers stay in the heap until they surface; only handles in here are live.
  readonly #live = new Set<TimerHandle>();

  constructor(startMs = 0) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  setTimer(atMs: number, fn: () => void): TimerHandle {
    const handle = ++this.#seq;
    this.#live.add(handle);
    this.#heap.push({ at: Math.max(atMs, this.#now), seq: handle, fn });
    return handle;
  }

  clearTimer(handle: TimerHandle): void {
    this.#live.delete(handle);
    // A cleared timer's closure holds what it would have touched (a reset engine's queues and
    // jobs): once most of the heap is cleared timers, drop them (amortised O(1) per clear).
    if (this.#heap.size > 2 * this.#live.size + 64) this.#heap.retain((timer) => this.#live.has(timer.seq));
  }

  /** How many timers are waiting. */
  get pendingTimers(): number {
    return this.#live.size;
  }

  /** When the earliest waiting timer is due, or undefined when none is. */
  nextDueAt(): number | undefined {
    this.#dropCleared();
    return this.#heap.peek()?.at;
  }

  /** Moves time forward by `ms`, running every timer due on the way, including ones set by timers. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`[fileproc] advance needs a non-negative number of ms, got ${ms}`);
    this.advanceTo(this.#now + ms);
  }

  /** Moves time forward to `atMs` (never backwards), running due timers in order. */
  advanceTo(atMs: number): void {
    const target = Math.max(atMs, this.#now);
    for (let ran = 0; ; ran++) {
      const due = this.nextDueAt();
      if (due === undefined || due > target) break;
      if (ran >= MAX_TIMERS_PER_RUN) throw new Error('[fileproc] virtual clock: timers keep setting timers; stopped');
      const timer = this.#heap.pop();
      if (!timer) break;
      this.#live.delete(timer.seq);
      this.#now = timer.at;
      timer.fn();
    }
    this.#now = target;
  }

  /** Runs timers until none is left, moving time to each one's due time; returns the final time. */
  runUntilIdle(): number {
    const due = (): number | undefined => this.nextDueAt();
    for (let at = due(), ran = 0; at !== undefined; at = due(), ran++) {
      if (ran >= MAX_TIMERS_PER_RUN) throw new Error('[fileproc] virtual clock: timers keep setting timers; stopped');
      this.advanceTo(at);
    }
    return this.#now;
  }

  #dropCleared(): void {
    for (let top = this.#heap.peek(); top && !this.#live.has(top.seq); top = this.#heap.peek()) this.#heap.pop();
  }
}
