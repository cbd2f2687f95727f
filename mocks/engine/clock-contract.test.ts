import { describe, expect, it } from 'vitest';
import type { Clock } from './clock.ts';
import { checkClockContract } from './clock-contract.ts';
import { VirtualClock } from './virtual-clock.ts';

describe('checkClockContract', () => {
  it('passes the virtual clock', async () => {
    const clock = new VirtualClock(5000);
    expect(await checkClockContract(clock, async () => void clock.runUntilIdle())).toEqual([]);
  });

  it('reports a clock that runs timers synchronously, early, or ignores clearTimer', async () => {
    let now = 0;
    const eager: Clock = { now: () => now, setTimer: (_at, fn) => { fn(); return 0; }, clearTimer: () => {} };
    const problems = await checkClockContract(eager, async () => { now += 100; });
    expect(problems.some((p) => p.includes('synchronously'))).toBe(true);
    expect(problems.some((p) => p.includes('before its time'))).toBe(true);
    expect(problems.some((p) => p.includes('expected [past, a, b1, b2]'))).toBe(true);
  });

  it('reports timers of equal time run out of order', async () => {
    const inner = new VirtualClock(0);
    const reversed: Clock = {
      now: () => inner.now(),
      // Equal times in reverse order: a later timer gets a slightly earlier due time.
      setTimer: (at, fn) => inner.setTimer(at - inner.pendingTimers * 0.001, fn),
      clearTimer: (h) => inner.clearTimer(h),
    };
    const problems = await checkClockContract(reversed, async () => void inner.runUntilIdle());
    expect(problems.join()).toMatch(/fired as/);
  });
});
