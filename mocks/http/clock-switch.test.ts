import { describe, expect, it } from 'vitest';
import { checkClockContract } from '../engine/clock-contract.ts';
import { VirtualClock } from '../engine/virtual-clock.ts';
import { SwitchableClock } from './clock-switch.ts';

describe('SwitchableClock', () => {
  it('keeps the Clock contract in virtual mode', async () => {
    const clock = new SwitchableClock('virtual', undefined, 1_000);
    expect(await checkClockContract(clock, async () => void (clock.virtual as VirtualClock).runUntilIdle())).toEqual([]);
  });

  it('keeps the Clock contract in real mode (driven by a stand-in real clock)', async () => {
    const real = new VirtualClock(5_000);
    const clock = new SwitchableClock('real', real, 0);
    expect(await checkClockContract(clock, async () => void real.runUntilIdle())).toEqual([]);
  });

  it('moves pending timers across switches in set order and never runs time backwards', () => {
    const real = new VirtualClock(10_000);
    const clock = new SwitchableClock('real', real, 0);
    const fired: string[] = [];
    clock.setTimer(10_500, () => fired.push('a'));
    const cancelled = clock.setTimer(10_500, () => fired.push('cancelled'));
    clock.setTimer(10_500, () => fired.push('b'));
    clock.clearTimer(cancelled);
    clock.switchTo('virtual');
    expect(clock.now()).toBe(10_000);
    (clock.virtual as VirtualClock).advance(60_000);
    expect(fired).toEqual(['a', 'b']);
    clock.setTimer(clock.now() + 100, () => fired.push('c'));
    clock.switchTo('real');
    expect(clock.now()).toBe(70_000);
    real.advance(99);
    expect(fired).toEqual(['a', 'b']);
    real.advance(1);
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('refuses real mode without a real clock', () => {
    expect(() => new SwitchableClock('virtual', undefined, 0).switchTo('real')).toThrow(/\[fileproc\]/);
  });
});
