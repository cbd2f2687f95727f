import { describe, expect, it } from 'vitest';
import { fixedTiming, requestFor, testEngine } from './test-support.ts';

const quick = { timing: fixedTiming() };
const active = { Name: 'q', State: 'Active', NotifyConfig: { State: 'Off' } };

describe('cancel (§2.8, §9.21)', () => {
  it('cancels a Submitted job: Cancel, EndTime set, progress kept, never started, no TaskFinish', async () => {
    const { engine, advance, state, clock, processor, events } = testEngine(quick);
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    await advance(50);
    engine.cancel([JobId]);
    expect(state(JobId)).toMatchObject({ State: 'Cancel', EndTime: clock.now(), Progress: 0, Code: 'Success' });
    expect(state(JobId).StartTime).toBeUndefined();
    await advance(5000);
    expect(state(JobId).State).toBe('Cancel');
    expect(processor.calls).toEqual([]);
    expect(events).toEqual([]);
  });

  it('cancels a Pause job, and a cancelled job frees its place for the next one', async () => {
    const { engine, advance, state } = testEngine({ ...quick, queueDefaults: { maxConcurrent: 1 } });
    const [a, b] = [engine.submit(requestFor('FileHashCode')).JobId, engine.submit(requestFor('FileHashCode')).JobId];
    engine.updateQueue(state(a).QueueId, { ...active, State: 'Paused' });
    engine.cancel([a]);
    expect(state(a).State).toBe('Cancel');
    engine.updateQueue(state(a).QueueId, active);
    await advance(100);
    expect(state(b).State).toBe('Running');
    expect(state(a).State).toBe('Cancel');
  });

  it('refuses Running and finished jobs with 400 InvalidRequest naming the state', async () => {
    const { engine, advance, state } = testEngine(quick);
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    await advance(100);
    expect(() => engine.cancel([JobId])).toThrow(expect.objectContaining({ code: 'InvalidRequest', status: 400, message: expect.stringMatching(/^\[fileproc\] .* is Running; only Submitted or Pause/) }));
    await advance(1000);
    expect(() => engine.cancel([JobId])).toThrow(expect.objectContaining({ code: 'InvalidRequest', message: expect.stringContaining('is Success') }));
    engine.submit(requestFor('FileHashCode'));
    expect(state(JobId).State).toBe('Success');
  });

  it('is all-or-nothing for several ids; unknown ids are 404 NoSuchJob; 1..10 ids', async () => {
    const { engine, advance, state } = testEngine({ ...quick, queueDefaults: { maxConcurrent: 1 } });
    const [a, b, c] = Array.from({ length: 3 }, () => engine.submit(requestFor('FileHashCode')).JobId) as [string, string, string];
    await advance(100);
    expect(state(a).State).toBe('Running');
    expect(() => engine.cancel([b, a])).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    expect(() => engine.cancel([b, 'fmissing'])).toThrow(expect.objectContaining({ code: 'NoSuchJob', status: 404 }));
    expect(state(b).State).toBe('Submitted');
    engine.cancel([b, c, b]);
    expect([b, c].map((id) => state(id).State)).toEqual(['Cancel', 'Cancel']);
    expect(() => engine.cancel([])).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => engine.cancel(Array.from({ length: 11 }, (_, i) => `f${i}`))).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});
