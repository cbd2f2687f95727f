import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../engine/virtual-clock.ts';
import { CallbackDeliverer } from './deliverer.ts';
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from './retry-policy.ts';
import { finishEvent, hashJob } from './test-support.ts';

const URL_TARGET = { source: 'job', type: 'Url', format: 'XML', url: 'http://receiver.invalid/cb' } as const;

/** A fetch that answers with the given statuses in turn (a thrown Error for `'network'`). */
function scriptedFetch(answers: (number | 'network')[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const answer = answers.shift() ?? 200;
    if (answer === 'network') throw new TypeError('fetch failed');
    return new Response('ok', { status: answer });
  }) as typeof fetch;
  return { fetchFn, calls };
}

async function advance(clock: VirtualClock, deliverer: CallbackDeliverer, ms: number): Promise<void> {
  await deliverer.idle();
  clock.advance(ms);
  await deliverer.idle();
}

describe('CallbackDeliverer', () => {
  it('never calls fetch synchronously and records a first-attempt success', async () => {
    const clock = new VirtualClock(1000);
    const { fetchFn, calls } = scriptedFetch([200]);
    const deliverer = new CallbackDeliverer({ clock, fetch: fetchFn });
    deliverer.onTaskFinish(finishEvent(hashJob(), URL_TARGET));
    expect(calls).toHaveLength(0);
    await deliverer.idle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init?.method).toBe('POST');
    const [record] = deliverer.deliveries();
    expect(record).toMatchObject({ state: 'delivered', channel: 'url', target: URL_TARGET.url, attempts: [{ attempt: 1, at: 1000, status: 200, ok: true }] });
  });

  it('retries failures at growing intervals on the injected clock, then succeeds', async () => {
    const clock = new VirtualClock(0);
    const { fetchFn, calls } = scriptedFetch([500, 'network', 404, 200]);
    const deliverer = new CallbackDeliverer({ clock, fetch: fetchFn });
    deliverer.onTaskFinish(finishEvent(hashJob(), URL_TARGET));
    await deliverer.idle();
    await advance(clock, deliverer, 9_999);
    expect(calls).toHaveLength(1); // not before 10 s
    for (const step of [1, 30_000, 60_000]) await advance(clock, deliverer, step);
    const [record] = deliverer.deliveries();
    expect(record?.attempts.map((a) => [a.at, a.status ?? a.error])).toEqual([
      [0, 500], [10_000, 'TypeError: fetch failed'], [40_000, 404], [100_000, 200],
    ]);
    expect(record?.state).toBe('delivered');
  });

  it('abandons a callback that failed for one day, after the documented number of attempts', async () => {
    const clock = new VirtualClock(0);
    const statuses: number[] = Array.from({ length: 100 }, () => 503);
    const { fetchFn, calls } = scriptedFetch(statuses);
    const lines: string[] = [];
    const deliverer = new CallbackDeliverer({ clock, fetch: fetchFn, log: (l) => lines.push(l) });
    deliverer.onTaskFinish(finishEvent(hashJob(), URL_TARGET));
    await deliverer.idle();
    // Step from due time to due time, as a settled virtual run would.
    for (let due = clock.nextDueAt(); due !== undefined; due = clock.nextDueAt()) {
      clock.advanceTo(due);
      await deliverer.idle();
    }
    const [record] = deliverer.deliveries();
    // Independent count: attempts at 0, then 10 s, 40 s, 100 s, 400 s, 1300 s, 3100 s, then hourly ≤ 86 400 s.
    const early = [0, 10, 40, 100, 400, 1300, 3100];
    const hourly = Math.floor((86_400 - 3100) / 3600);
    expect(record?.state).toBe('abandoned');
    expect(calls).toHaveLength(early.length + hourly);
    expect(record?.attempts.slice(0, 7).map((a) => a.at / 1000)).toEqual(early);
    expect(Math.max(...(record?.attempts.map((a) => a.at) ?? []))).toBeLessThanOrEqual(86_400_000);
    expect(lines.at(-1)).toMatch(/abandoned after \d+ attempts/);
  });

  it('nextAttemptAt repeats the last delay and refuses beyond the window', () => {
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, 1, 0, 0)).toBe(10_000);
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, 50, 0, 0)).toBe(3_600_000);
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, 50, 0, 86_400_000 - 3_599_999)).toBeUndefined();
  });

  it('publishes TDMQ callbacks to the in-memory topic without HTTP', async () => {
    const clock = new VirtualClock(5);
    const { fetchFn, calls } = scriptedFetch([]);
    const deliverer = new CallbackDeliverer({ clock, fetch: fetchFn });
    const mq = { MqRegion: 'gz', MqMode: 'Topic', MqName: 'jobs-done' };
    deliverer.onTaskFinish(finishEvent(hashJob(), { source: 'queue', type: 'TDMQ', format: 'JSON', mq }));
    await deliverer.idle();
    expect(calls).toHaveLength(0);
    const [message] = deliverer.tdmq.messages('jobs-done');
    expect(message).toMatchObject({ region: 'gz', mode: 'Topic', name: 'jobs-done', format: 'JSON', at: 5 });
    expect(JSON.parse(message?.body ?? '{}').EventName).toBe('TaskFinish');
    expect(deliverer.tdmq.messages('jobs-done', { region: 'bj' })).toEqual([]);
    expect(deliverer.deliveries()[0]).toMatchObject({ channel: 'tdmq', target: 'gz/Topic/jobs-done', state: 'delivered' });
  });

  it('ignores events without a target and forgets everything on reset, cancelling retries', async () => {
    const clock = new VirtualClock(0);
    const { fetchFn, calls } = scriptedFetch([500, 500]);
    const deliverer = new CallbackDeliverer({ clock, fetch: fetchFn });
    deliverer.onTaskFinish(finishEvent(hashJob(), undefined));
    deliverer.onTaskFinish(finishEvent(hashJob(), URL_TARGET));
    await deliverer.idle();
    expect(deliverer.deliveries()).toHaveLength(1);
    deliverer.reset();
    expect(clock.pendingTimers).toBe(0);
    await advance(clock, deliverer, 60_000);
    expect(calls).toHaveLength(1);
    expect(deliverer.deliveries()).toEqual([]);
  });
});
