import { describe, expect, it } from 'vitest';
import { resolveTarget } from './events.ts';
import { requestFor, testEngine } from './test-support.ts';
import type { NotifyConfig } from './types.ts';

const queueUrl: NotifyConfig = { State: 'On', Event: 'TaskFinish', Type: 'Url', Url: 'http://queue.example/cb', ResultFormat: 'JSON' };
const mq = { MqRegion: 'sh', MqName: 'topic-a', MqMode: 'Topic' };

describe('callback target resolution (§4.1)', () => {
  it('job settings win, CallBack=no silences the queue, the queue applies only when On with TaskFinish', () => {
    expect(resolveTarget({ CallBack: 'http://job.example/cb' }, queueUrl)).toEqual({ source: 'job', type: 'Url', format: 'XML', url: 'http://job.example/cb' });
    expect(resolveTarget({ CallBack: 'http://job.example/cb', CallBackFormat: 'JSON' }, undefined)?.format).toBe('JSON');
    expect(resolveTarget({ CallBackType: 'TDMQ', CallBackMqConfig: mq }, queueUrl)).toEqual({ source: 'job', type: 'TDMQ', format: 'XML', mq });
    expect(resolveTarget({ CallBack: 'no' }, queueUrl)).toBeUndefined();
    expect(resolveTarget({}, queueUrl)).toEqual({ source: 'queue', type: 'Url', format: 'JSON', url: 'http://queue.example/cb' });
    expect(resolveTarget({}, { ...queueUrl, Event: 'WorkflowFinish' })).toBeUndefined();
    expect(resolveTarget({}, { ...queueUrl, Event: 'WorkflowFinish,TaskFinish' })?.source).toBe('queue');
    expect(resolveTarget({}, { ...queueUrl, State: 'Off' })).toBeUndefined();
    expect(resolveTarget({}, { State: 'On', Event: 'TaskFinish', Type: 'TDMQ', MqRegion: 'bj', MqName: 'q' })).toEqual({ source: 'queue', type: 'TDMQ', format: 'XML', mq: { MqRegion: 'bj', MqName: 'q', MqMode: 'Queue' } });
    expect(resolveTarget({}, undefined)).toBeUndefined();
  });
});

describe('TaskFinish events', () => {
  it('are emitted once per Success/Failed with a job snapshot and the queue target read at finish time', async () => {
    const { engine, advance, events, clock } = testEngine({ behaviour: (job) => (job.detail.Operation.UserData === 'fail' ? { failure: { Code: 'NoSuchKey', Message: 'gone' } } : {}) });
    const ok = engine.submit(requestFor('FileHashCode')).JobId;
    const bad = engine.submit(requestFor('FileHashCode', { Operation: { FileHashCodeConfig: { Type: 'MD5' }, UserData: 'fail' } })).JobId;
    const quiet = engine.submit(requestFor('FileHashCode', { CallBack: 'no' })).JobId;
    const cancelled = engine.submit(requestFor('FileHashCode')).JobId;
    engine.cancel([cancelled]);
    engine.updateQueue(engine.describe([ok]).JobsDetail[0]?.QueueId ?? '', { Name: 'q', State: 'Active', NotifyConfig: { State: 'On', Event: 'TaskFinish', Type: 'Url', Url: 'http://queue.example/cb' } });
    await advance(10_000);
    expect(events.map((e) => [e.job.JobId, e.job.State, e.target?.source])).toEqual(
      expect.arrayContaining([[ok, 'Success', 'queue'], [bad, 'Failed', 'queue'], [quiet, 'Success', undefined]]));
    expect(events).toHaveLength(3);
    const success = events.find((e) => e.job.JobId === ok);
    expect(success).toMatchObject({ EventName: 'TaskFinish', bucket: 'examplebucket-1250000000', region: 'ap-chongqing', at: success?.job.EndTime });
    expect(success?.job.Operation.FileHashCodeResult).toBeDefined();
    expect(clock.now()).toBeGreaterThan(success?.at ?? Infinity);
  });

  it('a throwing listener cannot corrupt the engine: the error goes to onListenerError', async () => {
    const errors: unknown[] = [];
    const { engine, advance, state } = testEngine({ onEvent: () => { throw new Error('listener bug'); }, onListenerError: (e) => errors.push(e) });
    const a = engine.submit(requestFor('FileHashCode')).JobId;
    const b = engine.submit(requestFor('FileHashCode')).JobId;
    await advance(10_000);
    expect([state(a).State, state(b).State]).toEqual(['Success', 'Success']);
    expect(errors).toHaveLength(2);
  });
});
