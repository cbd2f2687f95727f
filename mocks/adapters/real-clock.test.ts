import { describe, expect, it } from 'vitest';
import { checkClockContract } from '../engine/clock-contract.ts';
import { RealClock } from './real-clock.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('RealClock', () => {
  it('keeps the engine clock contract', async () => {
    expect(await checkClockContract(new RealClock(), () => sleep(40))).toEqual([]);
  });

  it('runs timers due at the same instant in set order even when set at different moments', async () => {
    const clock = new RealClock();
    const at = clock.now() + 30;
    const fired: number[] = [];
    clock.setTimer(at, () => fired.push(1));
    await sleep(5);
    clock.setTimer(at, () => fired.push(2));
    clock.setTimer(at - 1, () => fired.push(0));
    await sleep(60);
    expect(fired).toEqual([0, 1, 2]);
  });

  it('never lets now() go backwards when the system time steps back', () => {
    const readings = [1000, 2000, 1500, 2500];
    const clock = new RealClock({ now: () => readings.shift() ?? 0 });
    expect([clock.now(), clock.now(), clock.now(), clock.now()]).toEqual([1000, 2000, 2000, 2500]);
  });

  it('keeps running later timers when one throws, and dispose() cancels the rest', async () => {
    const clock = new RealClock();
    const fired: string[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      clock.setTimer(clock.now(), () => { throw new Error('boom'); });
      clock.setTimer(clock.now(), () => fired.push('after'));
      clock.setTimer(clock.now() + 200, () => fired.push('late'));
      await sleep(30);
      clock.dispose();
      await sleep(10);
    } finally {
      console.error = original;
    }
    expect(fired).toEqual(['after']);
    expect(errors).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
