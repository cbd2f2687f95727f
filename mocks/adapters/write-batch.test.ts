import { describe, expect, it } from 'vitest';
import { TurnEndWrites } from './write-batch.ts';

describe('TurnEndWrites', () => {
  it('gives every caller in one loop turn the same wait, resolved after the turn, and a fresh one next turn', async () => {
    const batch = new TurnEndWrites();
    const order: string[] = [];
    const first = batch.turnEnd();
    expect(batch.turnEnd()).toBe(first);
    void first.then(() => order.push('turn end'));
    queueMicrotask(() => order.push('microtask'));
    await first;
    expect(order).toEqual(['microtask', 'turn end']);
    const next = batch.turnEnd();
    expect(next).not.toBe(first);
    await next;
  });
});
