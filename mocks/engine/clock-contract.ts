/**
 * A check of the `Clock` contract (clock.ts) that any implementation can run — the adapters'
 * setTimeout-based clock as well as `VirtualClock`. Returns the violations found (empty = kept).
 */
import type { Clock } from './clock.ts';

/**
 * Exercises `clock`: `letTimeRun()` must resolve once every timer set so far had the chance to
 * fire (virtual: `runUntilIdle`; real: wait a little longer than the delays used, ≤ 30 ms).
 */
export async function checkClockContract(clock: Clock, letTimeRun: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const fired: string[] = [];
  let inside = true;
  const start = clock.now();
  const record = (label: string, due: number) => () => {
    if (inside) problems.push(`timer "${label}" ran synchronously inside setTimer`);
    if (clock.now() < due) problems.push(`timer "${label}" ran at ${clock.now()}, before its time ${due}`);
    fired.push(label);
  };
  clock.setTimer(start - 1000, record('past', start - 1000));
  clock.setTimer(start + 20, record('b1', start + 20));
  clock.setTimer(start + 20, record('b2', start + 20));
  clock.setTimer(start + 10, record('a', start + 10));
  const cleared = clock.setTimer(start + 15, record('cleared', start + 15));
  clock.clearTimer(cleared);
  inside = false;
  await letTimeRun();
  clock.clearTimer(cleared);
  const expected = ['past', 'a', 'b1', 'b2'];
  if (fired.join() !== expected.join()) problems.push(`timers fired as [${fired.join(', ')}], expected [${expected.join(', ')}]`);
  if (clock.now() < start) problems.push(`now() went backwards from ${start} to ${clock.now()}`);
  return problems;
}
