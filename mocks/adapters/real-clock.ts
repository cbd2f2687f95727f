/**
 * The wall-clock `Clock` the server and the browser use (the engine's contract is in
 * `mocks/engine/clock.ts`). One host timer is armed for the earliest due engine timer; due timers
 * run from a heap in (time, set order), because host timers with equal due times set at different
 * moments are not guaranteed to fire in set order.
 */
import type { Clock, TimerHandle } from '../engine/clock.ts';
import { TimerHeap } from '../engine/timer-heap.ts';

/** Options of `RealClock`. */
export interface RealClockOptions {
  /** Epoch milliseconds source; defaults to `Date.now`. */
  now?: () => number;
  /** Keep the process alive while timers wait (Node). Default false: pending jobs never block exit. */
  keepAlive?: boolean;
}

type HostTimer = ReturnType<typeof setTimeout>;

/** A `Clock` on `setTimeout`, monotonic even if the system time steps back. */
export class RealClock implements Clock {
  readonly #source: () => number;
  readonly #keepAlive: boolean;
  readonly #heap = new TimerHeap();
  readonly #live = new Set<TimerHandle>();
  #seq = 0;
  #last = 0;
  #armed: { at: number; timer: HostTimer } | undefined;

  constructor(options: RealClockOptions = {}) {
    this.#source = options.now ?? Date.now;
    this.#keepAlive = options.keepAlive ?? false;
  }

  now(): number {
    this.#last = Math.max(this.#last, this.#source());
    return this.#last;
  }

  setTimer(atMs: number, fn: () => void): TimerHandle {
    const handle = ++this.#seq;
    this.#live.add(handle);
    this.#heap.push({ at: atMs, seq: handle, fn });
    this.#arm();
    return handle;
  }

  clearTimer(handle: TimerHandle): void {
    this.#live.delete(handle);
  }

  /** How many timers are waiting. */
  get pendingTimers(): number {
    return this.#live.size;
  }

  /** Cancels every waiting timer (server shutdown). */
  dispose(): void {
    this.#live.clear();
    if (this.#armed) clearTimeout(this.#armed.timer);
    this.#armed = undefined;
  }

  #arm(): void {
    const top = this.#peekLive();
    if (!top) return;
    if (this.#armed && this.#armed.at <= top.at) return;
    if (this.#armed) clearTimeout(this.#armed.timer);
    const timer = setTimeout(() => this.#fire(), Math.max(0, top.at - this.now()));
    // Timers of an idle mock must not keep a CLI or a test process alive.
    if (!this.#keepAlive && typeof timer === 'object' && timer && 'unref' in timer) timer.unref();
    this.#armed = { at: top.at, timer };
  }

  #fire(): void {
    this.#armed = undefined;
    const now = this.now();
    for (let top = this.#peekLive(); top && top.at <= now; top = this.#peekLive()) {
      this.#heap.pop();
      this.#live.delete(top.seq);
      try {
        top.fn();
      } catch (error) {
        // One failing timer must neither stop the others nor crash the server.
        console.error('[fileproc] a clock timer threw; continuing', error);
      }
    }
    this.#arm();
  }

  #peekLive() {
    for (let top = this.#heap.peek(); top; top = this.#heap.peek()) {
      if (this.#live.has(top.seq)) return top;
      this.#heap.pop();
    }
    return undefined;
  }
}
