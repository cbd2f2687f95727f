import { describe, expect, it } from 'vitest';
import { fixedTiming, requestFor, testEngine } from './test-support.ts';

const fixed = { timing: fixedTiming(200, 1000) };

/** Lets pending promise callbacks run (the fake processors need a few turns). */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('job lifecycle on the virtual clock', () => {
  it('submit returns a Submitted job with the request echoed and no times but CreationTime', () => {
    const { engine, clock } = testEngine(fixed);
    const job = engine.submit(requestFor('FileUncompress', { Operation: { FileUncompressConfig: { Prefix: 'out/' }, Output: { Region: 'ap-chongqing', Bucket: 'examplebucket-1250000000' }, UserData: 'u1' } }));
    expect(job).toMatchObject({
      Code: 'Success', Message: '', Tag: 'FileUncompress', State: 'Submitted', Progress: 0, CreationTime: clock.now(),
      Input: { BucketId: 'examplebucket-1250000000', Object: 'in/file.zip', Region: 'ap-chongqing' },
      Operation: { FileUncompressConfig: { Prefix: 'out/' }, UserData: 'u1' },
    });
    expect(job.JobId).toMatch(/^f[0-9a-f]{32}$/);
    expect(job.QueueId).toMatch(/^p[0-9a-f]{32}$/);
    expect(job.StartTime).toBeUndefined();
    expect(job.EndTime).toBeUndefined();
    expect(job.Operation.FileUncompressResult).toBeUndefined();
    expect(engine.submit(requestFor('FileCompress')).Input).toBeUndefined();
  });

  it('goes Running after the start latency, advances progress in steps, ends Success at the planned time', async () => {
    const { engine, clock, advance, state, processor } = testEngine(fixed);
    const t0 = clock.now();
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    await advance(199);
    expect(state(JobId).State).toBe('Submitted');
    expect(processor.calls).toEqual([]);
    await advance(1);
    expect(state(JobId)).toMatchObject({ State: 'Running', StartTime: t0 + 200, Progress: 0 });
    expect(processor.calls).toEqual([JobId]);
    const seen: number[] = [];
    for (let i = 0; i < 9; i++) {
      await advance(100);
      seen.push(state(JobId).Progress);
    }
    // The fake processor reported 50 and then finished, so progress follows time (10 % per step).
    expect(seen).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    await advance(100);
    const done = state(JobId);
    expect(done).toMatchObject({ State: 'Success', Progress: 100, Code: 'Success', Message: '', EndTime: t0 + 1200 });
    expect(done.Operation.FileHashCodeResult).toMatchObject({ MD5: 'md5-of-in/file.zip' });
    expect(engine.history(JobId).map((h) => `${h.from}→${h.to}@${h.at - t0}`)).toEqual(['null→Submitted@0', 'Submitted→Running@200', 'Running→Success@1200']);
  });

  it('a slow processor holds the job Running past the minimum duration; completion is applied when it settles', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const { engine, clock, advance, state } = testEngine({
      ...fixed,
      processor: async (job, onProgress) => {
        onProgress(30);
        await gate;
        return { ok: true, result: { MD5: 'abc', FileSize: 3, LastModified: '-', Etag: '"x"' } };
      },
    });
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    clock.advance(200);
    await flush();
    clock.advance(5000);
    await flush();
    // Time says 100 %, the processor says 30 %: the smaller one is shown.
    expect(state(JobId)).toMatchObject({ State: 'Running', Progress: 30 });
    clock.advance(700);
    release();
    await engine.settle();
    expect(state(JobId)).toMatchObject({ State: 'Success', Progress: 100, EndTime: clock.now() });
    expect(state(JobId).Operation.FileHashCodeResult?.MD5).toBe('abc');
  });

  it('progress reported by the processor is merged monotonically and bounds the shown progress', async () => {
    const { engine, clock, state } = testEngine({ ...fixed, behaviour: (job) => ({ progress: job.detail.Operation.UserData ? [100] : [80, 40], hang: true }) });
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    const reportsAll = engine.submit(requestFor('FileHashCode', { Operation: { FileHashCodeConfig: { Type: 'MD5' }, UserData: 'full' } })).JobId;
    clock.advance(200);
    await flush();
    clock.advance(500);
    expect(state(JobId).Progress).toBe(50);
    clock.advance(10_000);
    await flush();
    // The processor's report went 80 → 40; the higher one counts.
    expect(state(JobId)).toMatchObject({ State: 'Running', Progress: 80 });
    // 100 % reported but the processor has not returned: not finished, so not 100 yet.
    expect(state(reportsAll)).toMatchObject({ State: 'Running', Progress: 99 });
  });

  it('a failing processor ends the job Failed with its Code/Message, progress kept, partial result shown', async () => {
    const { engine, advance, state, events } = testEngine({
      ...fixed,
      processor: async (job, onProgress) => {
        onProgress(40);
        return { ok: false, failure: { Code: 'NoSuchKey', Message: 'in/file.zip does not exist' }, partial: { Region: 'r', Bucket: job.bucket, FileCount: 2 } };
      },
    });
    const { JobId } = engine.submit(requestFor('FileUncompress'));
    await advance(200 + 1000);
    const failed = state(JobId);
    expect(failed).toMatchObject({ State: 'Failed', Code: 'NoSuchKey', Message: 'in/file.zip does not exist', Progress: 40 });
    expect(failed.Operation.FileUncompressResult).toEqual({ Region: 'r', Bucket: 'examplebucket-1250000000', FileCount: 2 });
    expect(events.map((e) => [e.EventName, e.job.State])).toEqual([['TaskFinish', 'Failed']]);
  });

  it('a processor that throws (synchronously or not) fails the job with InternalError', async () => {
    const { engine, advance, state } = testEngine({ ...fixed, behaviour: () => ({ throws: 'disk on fire' }) });
    const a = engine.submit(requestFor('FileHashCode')).JobId;
    await advance(1200);
    expect(state(a)).toMatchObject({ State: 'Failed', Code: 'InternalError', Message: '[fileproc] processing failed: disk on fire' });
    const sync = testEngine({ ...fixed, processor: () => { throw new Error('sync boom'); } });
    const b = sync.engine.submit(requestFor('FileHashCode')).JobId;
    await sync.advance(1200);
    expect(sync.state(b)).toMatchObject({ State: 'Failed', Code: 'InternalError' });
  });

  it('scripted failure (per job) skips the processor; forced failure (global) applies to jobs started later', async () => {
    const { engine, advance, state, processor } = testEngine(fixed);
    const scripted = engine.submit(requestFor('FileHashCode', { script: { outcome: { Code: 'InvalidArgument', Message: 'scripted' }, durationMs: 300, startLatencyMs: 0 } })).JobId;
    const normal = engine.submit(requestFor('FileHashCode')).JobId;
    await advance(300);
    expect(state(scripted)).toMatchObject({ State: 'Failed', Code: 'InvalidArgument', Message: 'scripted' });
    expect(processor.calls).toEqual([normal]);
    engine.configureTiming({ forceFailure: { Code: 'InternalError', Message: 'forced' } });
    const later = engine.submit(requestFor('FileHashCode')).JobId;
    await advance(5000);
    expect(state(normal).State).toBe('Success');
    expect(state(later)).toMatchObject({ State: 'Failed', Message: 'forced' });
    expect(processor.calls).not.toContain(later);
  });

  it('scriptJob changes latency and duration of a job that has not started, and refuses started ones', async () => {
    const { engine, advance, state, clock } = testEngine(fixed);
    const t0 = clock.now();
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    engine.scriptJob(JobId, { startLatencyMs: 50, durationMs: 20 });
    await advance(70);
    expect(state(JobId)).toMatchObject({ State: 'Success', StartTime: t0 + 50, EndTime: t0 + 70 });
    expect(() => engine.scriptJob(JobId, {})).toThrow(/only jobs that have not started/);
    expect(() => engine.scriptJob('fnope', {})).toThrow(expect.objectContaining({ code: 'NoSuchJob', status: 404 }));
  });

  it('default timing is realistic: 100–300 ms latency, jittered durations, reproducible from the seed', async () => {
    const run = async () => {
      const { engine, advance, state } = testEngine();
      const ids = ['FileHashCode', 'FileUncompress', 'FileCompress'].map((t) => engine.submit(requestFor(t as 'FileHashCode')).JobId);
      await advance(20_000);
      return ids.map((id) => state(id)).map((j) => [j.State, (j.StartTime ?? 0) - j.CreationTime, (j.EndTime ?? 0) - (j.StartTime ?? 0)]);
    };
    const first = await run();
    expect(await run()).toEqual(first);
    for (const [stateName, latency, duration] of first) {
      expect(stateName).toBe('Success');
      expect(latency).toBeGreaterThanOrEqual(100);
      expect(latency).toBeLessThanOrEqual(300);
      expect(duration).toBeGreaterThanOrEqual(300);
      expect(duration).toBeLessThanOrEqual(1000);
    }
  });
});
