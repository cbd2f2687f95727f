/** Driving an engine on a virtual clock so that processors finish "on time" (README "Virtual time"). */
import type { VirtualClock } from './virtual-clock.ts';

/** Anything with in-flight async work to wait for (the engine). */
export interface Settleable { settle(): Promise<void> }

/**
 * Advances `clock` by `ms` one due instant at a time, letting in-flight processors settle before
 * each step, so a fast processor's completion is applied at its job's planned end time rather than
 * at the end of the whole advance.
 */
export async function advanceSettled(clock: VirtualClock, engine: Settleable, ms: number): Promise<void> {
  if (!(ms >= 0)) throw new RangeError(`[fileproc] advance needs a non-negative number of ms, got ${ms}`);
  const target = clock.now() + ms;
  for (;;) {
    await engine.settle();
    const due = clock.nextDueAt();
    if (due === undefined || due > target) break;
    clock.advanceTo(due);
  }
  clock.advanceTo(target);
}

/** Runs until no timer is pending and no processor is in flight; returns the final time. */
export async function runUntilIdleSettled(clock: VirtualClock, engine: Settleable): Promise<number> {
  for (;;) {
    await engine.settle();
    const due = clock.nextDueAt();
    if (due === undefined) return clock.now();
    clock.advanceTo(due);
  }
}
