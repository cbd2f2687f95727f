import { describe, expect, it } from 'vitest';
import { INTERRUPTED_FAILURE } from './snapshot.ts';
import { fixedTiming, requestFor, testEngine } from './test-support.ts';

const quick = { timing: fixedTiming(), queueDefaults: { maxConcurrent: 1 } };

describe('snapshot / restore / reset', () => {
  it('snapshots to plain JSON and restores into a fresh engine: done jobs as they were, Running ones Failed, waiting ones run', async () => {
    const source = testEngine(quick);
    const done = source.engine.submit(requestFor('FileHashCode')).JobId;
    await source.advance(1100);
    const running = source.engine.submit(requestFor('FileHashCode')).JobId;
    const waiting = source.engine.submit(requestFor('FileCompress')).JobId;
    await source.advance(300);
    expect([source.state(done).State, source.state(running).State, source.state(waiting).State]).toEqual(['Success', 'Running', 'Submitted']);
    const snapshot = source.engine.snapshot();
    const json = JSON.parse(JSON.stringify(snapshot));
    expect(json).toEqual(snapshot);

    const target = testEngine(quick);
    target.clock.advanceTo(source.clock.now() + 60_000);
    target.engine.restore(json);
    expect(target.state(done)).toEqual(source.state(done));
    expect(target.state(running)).toMatchObject({ State: 'Failed', ...INTERRUPTED_FAILURE, EndTime: target.clock.now() });
    expect(target.events.map((e) => [e.job.JobId, e.job.State])).toEqual([[running, 'Failed']]);
    await target.advance(5000);
    expect(target.state(waiting).State).toBe('Success');
    expect(target.engine.history(waiting).map((h) => h.to)).toEqual(['Submitted', 'Running', 'Success']);
    // New jobs continue the submission order and the ids do not collide with restored ones.
    const next = target.engine.submit(requestFor('FileHashCode', { script: { startLatencyMs: 0 } }));
    expect(target.engine.list({ tag: 'FileHashCode', orderByTime: 'Asc' }).JobsDetail.at(-1)?.JobId).toBe(next.JobId);
    expect(target.engine.listQueues('examplebucket-1250000000', 'ap-chongqing').TotalCount).toBe(1);
  });

  it('keeps each job\'s whole history in the snapshot (creation first) and restores it unchanged', async () => {
    const source = testEngine(quick);
    const done = source.engine.submit(requestFor('FileHashCode', { script: { startLatencyMs: 0 } })).JobId;
    await source.advance(1500);
    const fresh = source.engine.submit(requestFor('FileHashCode')).JobId;
    const snapshot = source.engine.snapshot();
    const histories = snapshot.jobs.map((job) => job.history.map((h) => `${h.from}→${h.to}`));
    expect(histories).toEqual([['null→Submitted', 'Submitted→Running', 'Running→Success'], ['null→Submitted']]);
    const created = [source.clock.now() - 1500, source.clock.now()];
    expect(snapshot.jobs.map((job) => job.history[0])).toEqual(created.map((at) => ({ from: null, to: 'Submitted', at, reason: 'submitted' })));
    const target = testEngine(quick);
    target.engine.restore(JSON.parse(JSON.stringify(snapshot)));
    expect(target.engine.snapshot().jobs).toEqual(snapshot.jobs);
    expect(target.engine.history(fresh)).toEqual(source.engine.history(fresh));
    expect(target.engine.history(done)).toEqual(source.engine.history(done));
  });

  it('restoring a paused queue keeps its jobs paused', () => {
    const source = testEngine(quick);
    const { JobId, QueueId } = source.engine.submit(requestFor('FileHashCode'));
    source.engine.updateQueue(QueueId, { Name: 'q', State: 'Paused', NotifyConfig: { State: 'Off' } });
    const target = testEngine(quick);
    target.engine.restore(source.engine.snapshot());
    target.clock.advance(10_000);
    expect(target.state(JobId).State).toBe('Pause');
  });

  it('rejects snapshots it does not understand', () => {
    const { engine } = testEngine();
    expect(() => engine.restore({ version: 2 } as never)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('reset forgets everything, aborts processors and ignores their late results', async () => {
    const { engine, advance, clock, processor, events } = testEngine({ ...quick, behaviour: () => ({ progress: [10, 20, 30] }) });
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    clock.advance(100);
    engine.reset();
    expect(processor.signals[0]?.aborted).toBe(true);
    await engine.settle();
    expect(engine.describe([JobId]).NonExistJobIds).toEqual([JobId]);
    expect(engine.snapshot()).toEqual({ version: 1, seq: 0, buckets: [], queues: [], defaultQueues: [], jobs: [] });
    await advance(10_000);
    expect(clock.pendingTimers).toBe(0);
    expect(events).toEqual([]);
  });
});
