import { describe, expect, it } from 'vitest';
import { encodeToken } from './paging.ts';
import { requestFor, testEngine } from './test-support.ts';
import type { JobListQuery } from './queries.ts';

describe('describe (§2.6)', () => {
  it('answers existing ids in request order, once each, and lists the unknown ones', () => {
    const { engine } = testEngine();
    const a = engine.submit(requestFor('FileHashCode')).JobId;
    const b = engine.submit(requestFor('FileCompress')).JobId;
    const result = engine.describe([b, 'fx', a, b, ' ', 'fy']);
    expect(result.JobsDetail.map((j) => j.JobId)).toEqual([b, a]);
    expect(result.NonExistJobIds).toEqual(['fx', 'fy']);
    expect(engine.describe(['fz'])).toEqual({ JobsDetail: [], NonExistJobIds: ['fz'] });
    expect(() => engine.describe(Array.from({ length: 11 }, (_, i) => `f${i}`))).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('submit copies the request (a caller changing it later does not change the job); submitWith keeps the handed-over Operation', () => {
    const { engine, state } = testEngine();
    const request = requestFor('FileHashCode');
    const { JobId } = engine.submit(request);
    (request.Operation as { UserData?: string }).UserData = 'changed later';
    expect(state(JobId).Operation.UserData).toBeUndefined();
    const handed = requestFor('FileHashCode', { Operation: { FileHashCodeConfig: { Type: 'MD5' }, UserData: 'kept' } });
    const answer = engine.submitWith(handed, (detail) => ({ id: detail.JobId, same: detail.Operation === handed.Operation }));
    expect(answer.same).toBe(true);
    expect(state(answer.id).Operation).toEqual({ FileHashCodeConfig: { Type: 'MD5' }, UserData: 'kept' });
  });

  it('returns copies: mutating a result does not change the job', () => {
    const { engine, state } = testEngine();
    const { JobId } = engine.submit(requestFor('FileHashCode'));
    const copy = state(JobId);
    copy.State = 'Success';
    copy.Operation.UserData = 'changed';
    expect(state(JobId).State).toBe('Submitted');
    expect(state(JobId).Operation.UserData).toBeUndefined();
  });
});

function pageThrough(list: (q: JobListQuery) => { JobsDetail: { JobId: string }[]; NextToken: string }, query: JobListQuery): string[] {
  const ids: string[] = [];
  let nextToken: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = list({ ...query, ...(nextToken && { nextToken }) });
    ids.push(...page.JobsDetail.map((j) => j.JobId));
    if (!page.NextToken) return ids;
    nextToken = page.NextToken;
  }
  throw new Error('[fileproc] test: paging did not end');
}

describe('list (§2.7)', () => {
  it('requires tag; filters by tag, queueId and states; orders by creation time (Desc by default)', async () => {
    const { engine, clock, advance } = testEngine({ timing: { startLatencyMs: [0, 0], jitter: 0 } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(engine.submit(requestFor('FileHashCode', i === 3 ? { script: { startLatencyMs: 1e6 } } : {})).JobId);
      clock.advance(1000);
    }
    const other = engine.submit(requestFor('FileCompress')).JobId;
    expect(() => engine.list({ tag: '' })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(engine.list({ tag: 'FileHashCode' }).JobsDetail.map((j) => j.JobId)).toEqual([...ids].reverse());
    expect(engine.list({ tag: 'FileHashCode', orderByTime: 'Asc' }).JobsDetail.map((j) => j.JobId)).toEqual(ids);
    expect(engine.list({ tag: 'FileCompress', states: 'All' }).JobsDetail.map((j) => j.JobId)).toEqual([other]);
    expect(engine.list({ tag: 'FileHashCode', queueId: 'pnone' }).JobsDetail).toEqual([]);
    expect(engine.list({ tag: 'FileHashCode', states: 'Running', orderByTime: 'Asc' }).JobsDetail.map((j) => j.JobId)).toEqual(ids.slice(0, 3));
    engine.cancel([ids[3] as string]);
    await advance(1);
    expect(engine.list({ tag: 'FileHashCode', states: 'Running' }).JobsDetail).toEqual([]);
    expect(engine.list({ tag: 'FileHashCode', states: 'Success', orderByTime: 'Asc' }).JobsDetail.map((j) => j.JobId)).toEqual(ids.slice(0, 3));
    expect(engine.list({ tag: 'FileHashCode', states: 'Cancel,Submitted' }).JobsDetail.map((j) => j.JobId)).toEqual([ids[3]]);
    expect(() => engine.list({ tag: 'FileHashCode', states: 'Done' })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => engine.list({ tag: 'FileHashCode', orderByTime: 'Random' })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    for (const size of [0, 101, 1.5]) expect(() => engine.list({ tag: 'FileHashCode', size })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('time bounds are inclusive, compared at the one-second resolution of CreationTime (§9.20)', () => {
    const { engine, clock } = testEngine();
    const t0 = clock.now();
    const ids = [0, 1500, 3000].map((offset) => {
      clock.advanceTo(t0 + offset);
      return engine.submit(requestFor('FileHashCode')).JobId;
    });
    const within = (startCreationTime?: number, endCreationTime?: number) =>
      engine.list({ tag: 'FileHashCode', orderByTime: 'Asc', ...(startCreationTime !== undefined && { startCreationTime }), ...(endCreationTime !== undefined && { endCreationTime }) }).JobsDetail.map((j) => j.JobId);
    expect(within(t0)).toEqual(ids);
    expect(within(t0 + 1000)).toEqual([ids[1], ids[2]]);
    expect(within(undefined, t0 + 3000)).toEqual(ids);
    expect(within(undefined, t0 + 2999)).toEqual([ids[0], ids[1]]);
    expect(within(t0 + 2000, t0 + 2999)).toEqual([]);
    expect(within(t0 + 1000, t0 + 1000)).toEqual([ids[1]]);
  });

  it('paging covers every job exactly once, in order, also with equal creation times', () => {
    const { engine, clock } = testEngine();
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      ids.push(engine.submit(requestFor('FileHashCode')).JobId);
      if (i % 3 === 0) clock.advance(1);
    }
    for (const size of [1, 4, 10, 23, 100]) {
      expect(pageThrough((q) => engine.list(q), { tag: 'FileHashCode', orderByTime: 'Asc', size })).toEqual(ids);
      expect(pageThrough((q) => engine.list(q), { tag: 'FileHashCode', size })).toEqual([...ids].reverse());
    }
    const exact = engine.list({ tag: 'FileHashCode', size: 23 });
    expect(exact.NextToken).toBe('');
  });

  it('jobs added between pages do not disturb paging of the ones that were there', () => {
    const { engine } = testEngine();
    const before = Array.from({ length: 7 }, () => engine.submit(requestFor('FileHashCode')).JobId);
    for (const orderByTime of ['Asc', 'Desc']) {
      const seen: string[] = [];
      let nextToken = '';
      do {
        const page = engine.list({ tag: 'FileHashCode', orderByTime, size: 3, ...(nextToken && { nextToken }) });
        seen.push(...page.JobsDetail.map((j) => j.JobId));
        nextToken = page.NextToken;
        engine.submit(requestFor('FileHashCode'));
      } while (nextToken);
      for (const id of before) expect(seen.filter((s) => s === id)).toHaveLength(1);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('rejects tokens it did not issue', () => {
    const { engine } = testEngine();
    engine.submit(requestFor('FileHashCode'));
    for (const nextToken of ['garbage', 'fpk1.!!!', `fpk1.${btoa('1:x')}`]) {
      expect(() => engine.list({ tag: 'FileHashCode', nextToken })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    }
    expect(engine.list({ tag: 'FileHashCode', nextToken: encodeToken({ creationTime: 0, seq: 0 }) }).JobsDetail).toEqual([]);
  });
});
