import { describe, expect, it, vi } from 'vitest';
import { RealClock } from '../adapters/real-clock.ts';
import { BUCKET, CI, COS, call, expectError, hashBody, submit, testMock, upload } from './test-support.ts';

const ADMIN = 'http://127.0.0.1:9000/__fileproc';
const json = (value: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(value) });

describe('admin API over HTTP (/__fileproc/…)', () => {
  it('seeds objects, reports state, advances virtual time and resets everything', async () => {
    const mock = testMock();
    const seeded = await call(mock, `${ADMIN}/objects/seed/one.txt?bucket=${BUCKET}`, { method: 'PUT', body: 'seeded', headers: { 'x-cos-meta-tag': 't' } });
    expect(((await seeded.json()) as { key: string; size: number }).size).toBe(6);
    expect(await (await call(mock, `${COS}/seed/one.txt`)).text()).toBe('seeded');
    const id = await submit(mock, hashBody('seed/one.txt'));
    const before = (await (await call(mock, `${ADMIN}/state`)).json()) as { jobs: { JobId: string; State: string }[]; clock: { mode: string; now: number } };
    expect(before.jobs).toEqual([expect.objectContaining({ JobId: id, State: 'Submitted' })]);
    const advanced = (await (await call(mock, `${ADMIN}/clock/advance`, json({ ms: 5000 }))).json()) as { now: number };
    expect(advanced.now).toBe(before.clock.now + 5000);
    expect(mock.engine.describe([id]).JobsDetail[0]?.State).toBe('Success');
    expect(((await (await call(mock, `${ADMIN}/callbacks`)).json()) as unknown[]).length).toBe(1);
    expect((await call(mock, `${ADMIN}/reset`, { method: 'POST' })).status).toBe(204);
    const after = (await (await call(mock, `${ADMIN}/state`)).json()) as { jobs: unknown[]; callbacks: number };
    expect([after.jobs.length, after.callbacks]).toEqual([0, 0]);
    expect((await call(mock, `${COS}/seed/one.txt`)).status).toBe(404);
  });

  it('switches faults and timing, and rejects unknown names and bad values with 400', async () => {
    const mock = testMock();
    const faults = await call(mock, `${ADMIN}/faults`, json({ enable: ['paging-skips-job'] }));
    expect(await faults.json()).toEqual({ enabled: ['paging-skips-job'] });
    expect(await (await call(mock, `${ADMIN}/faults`, json({ disable: 'paging-skips-job' }))).json()).toEqual({ enabled: [] });
    expect((await call(mock, `${ADMIN}/faults`, json({ enable: ['no-such-fault'] }))).status).toBe(400);
    const timing = (await (await call(mock, `${ADMIN}/timing`, json({ startLatencyMs: [0, 0], jdStartLatencyMs: 0 }))).json()) as { startLatencyMs: number[] };
    expect(timing.startLatencyMs).toEqual([0, 0]);
    expect((await call(mock, `${ADMIN}/clock/advance`, json({ ms: -1 }))).status).toBe(400);
    expect((await call(mock, `${ADMIN}/clock/advance`, json({}))).status).toBe(400);
    expect((await call(mock, `${ADMIN}/clock`, json({ mode: 'sideways' }))).status).toBe(400);
    expect((await call(mock, `${ADMIN}/timing`, { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await call(mock, `${ADMIN}/jobs/fmissing/script`, json({ durationMs: 5 }))).status).toBe(404);
  });

  it('switches between virtual and real time; advancing needs virtual mode', async () => {
    const mock = testMock({ realClock: new RealClock() });
    await upload(mock, 'a', 'a');
    expect((await (await call(mock, `${ADMIN}/clock`, json({ mode: 'real' }))).json())).toMatchObject({ mode: 'real' });
    expect((await call(mock, `${ADMIN}/clock/advance`, json({ ms: 10 }))).status).toBe(400);
    expect((await (await call(mock, `${ADMIN}/clock`, json({ mode: 'virtual' }))).json())).toMatchObject({ mode: 'virtual' });
    const noReal = testMock();
    expect((await call(noReal, `${ADMIN}/clock`, json({ mode: 'real' }))).status).toBe(400);
  });
});

describe('scripted HTTP behaviour (/__fileproc/http-script)', () => {
  it('answers the next matching requests with the scripted documented error, then serves normally', async () => {
    const mock = testMock();
    const rule = await call(mock, `${ADMIN}/http-script`, json({ operationId: 'submitFileJob', code: 'SlowDown', count: 2 }));
    expect(await rule.json()).toMatchObject({ operationId: 'submitFileJob', code: 'SlowDown', remaining: 2 });
    for (let i = 0; i < 2; i++) await expectError(await call(mock, `${CI}/file_jobs`, { method: 'POST', body: hashBody('a') }), 503, 'SlowDown');
    expect((await call(mock, `${CI}/jobs`, { method: 'POST', body: hashBody('a') })).status).toBe(200);
    await submit(mock, hashBody('a'));
    expect(await (await call(mock, `${ADMIN}/http-script`)).json()).toEqual([]);
    expect(mock.engine.snapshot().jobs).toHaveLength(2);
  });

  it('delays matching requests on the host clock until cleared, and rejects nonsense rules', async () => {
    const mock = testMock();
    await call(mock, `${ADMIN}/http-script`, json({ pathPrefix: '/a.txt', delayMs: 5000, count: 0 }));
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let answered = false;
      const pending = call(mock, `${COS}/a.txt`, { method: 'PUT', body: 'x' }).then((r) => {
        answered = true;
        return r;
      });
      await vi.advanceTimersByTimeAsync(4999);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    expect((await call(mock, `${ADMIN}/http-script`, { method: 'DELETE' })).status).toBe(204);
    for (const bad of [{}, { delayMs: -1 }, { code: 'Slow Down' }, { code: 'SlowDown', count: 1.5 }, { code: 7 }]) {
      expect((await call(mock, `${ADMIN}/http-script`, json(bad))).status).toBe(400);
    }
  });
});
