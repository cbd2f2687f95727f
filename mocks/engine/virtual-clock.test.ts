import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.ts';

const fcOptions = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 100 };

describe('VirtualClock', () => {
  it('does not move or run anything until advanced', () => {
    const clock = new VirtualClock(1000);
    const ran: number[] = [];
    clock.setTimer(1000, () => ran.push(1));
    expect(ran).toEqual([]);
    expect(clock.now()).toBe(1000);
    clock.advance(0);
    expect(ran).toEqual([1]);
  });

  it('runs due timers in time order, ties in the order they were set, at their own time', () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    const at = (label: string) => () => seen.push(`${label}@${clock.now()}`);
    clock.setTimer(30, at('c'));
    clock.setTimer(10, at('a'));
    clock.setTimer(10, at('b'));
    clock.setTimer(50, at('late'));
    clock.advance(40);
    expect(seen).toEqual(['a@10', 'b@10', 'c@30']);
    expect(clock.now()).toBe(40);
    expect(clock.nextDueAt()).toBe(50);
  });

  it('runs timers set by timers within the same advance, and past times run at the current time', () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    clock.setTimer(10, () => {
      seen.push(`outer@${clock.now()}`);
      clock.setTimer(15, () => seen.push(`inner@${clock.now()}`));
      clock.setTimer(5, () => seen.push(`past@${clock.now()}`));
      clock.setTimer(100, () => seen.push('too-late'));
    });
    clock.advance(20);
    expect(seen).toEqual(['outer@10', 'past@10', 'inner@15']);
  });

  it('cleared timers never run; clearing twice or unknown handles is harmless', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    const h = clock.setTimer(5, () => seen.push(1));
    clock.setTimer(6, () => seen.push(2));
    clock.clearTimer(h);
    clock.clearTimer(h);
    clock.clearTimer(9999);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.nextDueAt()).toBe(6);
    clock.advance(10);
    expect(seen).toEqual([2]);
  });

  it('runUntilIdle follows chains of timers and returns the final time', () => {
    const clock = new VirtualClock(0);
    let count = 0;
    const tick = (): void => {
      if (++count < 5) clock.setTimer(clock.now() + 100, tick);
    };
    clock.setTimer(100, tick);
    expect(clock.runUntilIdle()).toBe(500);
    expect(count).toBe(5);
  });

  it('rejects negative or NaN advances and never goes backwards', () => {
    const clock = new VirtualClock(100);
    expect(() => clock.advance(-1)).toThrow(/\[fileproc\]/);
    expect(() => clock.advance(Number.NaN)).toThrow(/\[fileproc\]/);
    clock.advanceTo(50);
    expect(clock.now()).toBe(100);
  });

  it('property: any set of timers fires sorted by (time, set order), each exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.boolean()), { maxLength: 60 }), fc.array(fc.nat(300), { minLength: 1, maxLength: 8 }), (timers, steps) => {
        const clock = new VirtualClock(0);
        const fired: { at: number; index: number; now: number }[] = [];
        const handles = timers.map(([at], index) => clock.setTimer(at, () => fired.push({ at, index, now: clock.now() })));
        timers.forEach(([, cancel], i) => cancel && clock.clearTimer(handles[i] as number));
        for (const step of steps) clock.advance(step);
        clock.runUntilIdle();
        const expected = timers.map(([at, cancel], index) => ({ at, index, cancel })).filter((t) => !t.cancel)
          .sort((a, b) => a.at - b.at || a.index - b.index).map((t) => t.index);
        expect(fired.map((f) => f.index)).toEqual(expected);
        for (const f of fired) expect(f.now).toBeGreaterThanOrEqual(f.at);
      }),
      fcOptions,
    );
  });

  it('property: clearing most timers (the heap drops cleared ones) keeps the order of the rest, also for timers set later', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(500), fc.nat(9)), { minLength: 100, maxLength: 400 }), fc.nat(200), (timers, pause) => {
        const clock = new VirtualClock(0);
        const fired: number[] = [];
        const plan = timers.map(([at, roll], index) => ({ at: index % 2 === 0 ? at : at + pause, index, cancel: roll < 8 }));
        const set = (p: (typeof plan)[number]) => ({ ...p, handle: clock.setTimer(p.at, () => fired.push(p.index)) });
        const first = plan.filter((p) => p.index % 2 === 0).map(set);
        for (const p of first) if (p.cancel) clock.clearTimer(p.handle);
        clock.advance(pause);
        const second = plan.filter((p) => p.index % 2 === 1).map(set);
        for (const p of second) if (p.cancel) clock.clearTimer(p.handle);
        clock.runUntilIdle();
        const live = [...first, ...second].filter((p) => !p.cancel);
        const firedEarly = live.filter((p) => p.index % 2 === 0 && p.at <= pause).sort((a, b) => a.at - b.at || a.index - b.index);
        const rest = live.filter((p) => !firedEarly.includes(p)).sort((a, b) => Math.max(a.at, pause) - Math.max(b.at, pause) || a.handle - b.handle);
        expect(fired).toEqual([...firedEarly, ...rest].map((p) => p.index));
        expect(clock.pendingTimers).toBe(0);
      }),
      fcOptions,
    );
  });
});
