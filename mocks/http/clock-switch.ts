/**
 * The clock the mock runs on, switchable at run time between a real clock (injected by the
 * adapters) and a virtual one (`POST /__fileproc/clock {mode}`). It owns every timer so that a
 * switch moves pending timers to the new clock, and keeps `now()` non-decreasing across switches
 * (switching back to real time after advancing virtually keeps running from the virtual time).
 */
import type { Clock, TimerHandle } from '../engine/clock.ts';
import { VirtualClock } from '../engine/virtual-clock.ts';

/** The two clock modes. */
export type ClockMode = 'real' | 'virtual';

interface OwnedTimer { at: number; fn: () => void; inner: TimerHandle }

/** A Clock that delegates to a real or a virtual clock and can switch between them. */
export class SwitchableClock implements Clock {
  readonly #real: Clock | undefined;
  #virtual: VirtualClock | undefined;
  #mode: ClockMode;
  /** Added to the real clock's time, so time never runs backwards after a virtual stretch. */
  #offset = 0;
  #next = 1;
  readonly #timers = new Map<TimerHandle, OwnedTimer>();

  constructor(mode: ClockMode, real: Clock | undefined, startMs: number) {
    if (mode === 'real' && !real) throw new Error('[fileproc] a real clock is needed for clock mode "real"; pass options.clock');
    this.#real = real;
    this.#mode = mode;
    if (mode === 'virtual') this.#virtual = new VirtualClock(startMs);
  }

  /** The current mode. */
  get mode(): ClockMode {
    return this.#mode;
  }

  /** The virtual clock while in virtual mode (to advance it), else undefined. */
  get virtual(): VirtualClock | undefined {
    return this.#mode === 'virtual' ? this.#virtual : undefined;
  }

  now(): number {
    return this.#mode === 'virtual' ? (this.#virtual as VirtualClock).now() : (this.#real as Clock).now() + this.#offset;
  }

  setTimer(atMs: number, fn: () => void): TimerHandle {
    const handle = this.#next++;
    const timer: OwnedTimer = { at: atMs, fn, inner: 0 };
    this.#timers.set(handle, timer);
    timer.inner = this.#arm(handle, timer);
    return handle;
  }

  clearTimer(handle: TimerHandle): void {
    const timer = this.#timers.get(handle);
    if (!timer) return;
    this.#timers.delete(handle);
    this.#current().clearTimer(timer.inner);
  }

  /** Switches mode; pending timers move to the new clock in their original order. */
  switchTo(mode: ClockMode): void {
    if (mode === this.#mode) return;
    if (mode === 'real' && !this.#real) throw new Error('[fileproc] no real clock is configured; this mock can only run on virtual time');
    const now = this.now();
    const pending = [...this.#timers.entries()];
    for (const [, timer] of pending) this.#current().clearTimer(timer.inner);
    if (mode === 'virtual') {
      this.#virtual = new VirtualClock(now);
    } else {
      this.#offset = Math.max(0, now - (this.#real as Clock).now());
    }
    this.#mode = mode;
    for (const [handle, timer] of pending) timer.inner = this.#arm(handle, timer);
  }

  #current(): Clock {
    return this.#mode === 'virtual' ? (this.#virtual as VirtualClock) : (this.#real as Clock);
  }

  #arm(handle: TimerHandle, timer: OwnedTimer): TimerHandle {
    const at = this.#mode === 'virtual' ? timer.at : timer.at - this.#offset;
    return this.#current().setTimer(at, () => {
      if (this.#timers.get(handle) !== timer) return;
      this.#timers.delete(handle);
      timer.fn();
    });
  }
}
