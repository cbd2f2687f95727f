import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestFor, testEngine } from './test-support.ts';
import type { JobTag } from './types.ts';

const A = 'examplebucket-1250000000';
const B = 'otherbucket-1250000000';

/** Two buckets with one waiting FileHashCode job each (a start latency keeps them cancellable). */
function twoBuckets() {
  const t = testEngine({ timing: { startLatencyMs: [1e6, 1e6], jitter: 0 } });
  const inA = t.engine.submit(requestFor('FileHashCode')).JobId;
  const inB = t.engine.submit(requestFor('FileHashCode', { bucket: B })).JobId;
  return { ...t, inA, inB };
}

describe('jobs belong to the bucket they were submitted to (§1.1)', () => {
  it('describe: a job of another bucket is in NonExistJobIds; without a bucket every job is visible', () => {
    const { engine, inA, inB } = twoBuckets();
    expect(engine.describe([inA, inB], A)).toMatchObject({ JobsDetail: [{ JobId: inA }], NonExistJobIds: [inB] });
    expect(engine.describe([inA, inB], B)).toMatchObject({ JobsDetail: [{ JobId: inB }], NonExistJobIds: [inA] });
    expect(engine.describe([inA, inB]).JobsDetail.map((j) => j.JobId)).toEqual([inA, inB]);
  });

  it('list: only the bucket’s jobs; without a bucket all of them', () => {
    const { engine, inA, inB } = twoBuckets();
    const ids = (bucket?: string) => engine.list({ tag: 'FileHashCode', orderByTime: 'Asc', ...(bucket && { bucket }) }).JobsDetail.map((j) => j.JobId);
    expect(ids(A)).toEqual([inA]);
    expect(ids(B)).toEqual([inB]);
    expect(ids('unused-1250000000')).toEqual([]);
    expect(ids()).toEqual([inA, inB]);
  });

  it('cancel: a job of another bucket is 404 NoSuchJob and the batch cancels nothing', () => {
    const { engine, state, inA, inB } = twoBuckets();
    expect(() => engine.cancel([inA, inB], A)).toThrow(expect.objectContaining({ code: 'NoSuchJob', status: 404, message: expect.stringContaining(`in bucket ${A}`) }));
    expect(state(inA).State).toBe('Submitted');
    engine.cancel([inB], B);
    expect(state(inB).State).toBe('Cancel');
  });
});

describe('list filters queueType, workflowId, inventoryTriggerJobId (§2.7, spec §9 decisions)', () => {
  it('queueType matches the queue category (FileProcess) and yields to queueId', () => {
    const { engine, inA } = twoBuckets();
    const list = (extra: object) => engine.list({ tag: 'FileHashCode', bucket: A, ...extra }).JobsDetail.map((j) => j.JobId);
    const queueId = engine.describe([inA]).JobsDetail[0]?.QueueId ?? '';
    expect(list({ queueType: 'FileProcess' })).toEqual([inA]);
    expect(list({ queueType: 'Transcoding' })).toEqual([]);
    expect(list({ queueType: 'Transcoding', queueId })).toEqual([inA]);
    expect(list({ queueType: 'FileProcess', queueId: 'pnone' })).toEqual([]);
  });

  it('workflowId and inventoryTriggerJobId match no file job; empty values do not filter', () => {
    const { engine, inA } = twoBuckets();
    const list = (extra: object) => engine.list({ tag: 'FileHashCode', bucket: A, ...extra }).JobsDetail.map((j) => j.JobId);
    expect(list({ workflowId: 'web6ac56c1ef54dbfa44d7f4103203be9' })).toEqual([]);
    expect(list({ inventoryTriggerJobId: 'b1234' })).toEqual([]);
    expect(list({ workflowId: '', inventoryTriggerJobId: '' })).toEqual([inA]);
  });
});

describe('bucket scoping as a property', () => {
  it('each bucket sees exactly its own jobs through list and describe, whatever the mix', () => {
    const buckets = [A, B, 'third-1250000000'];
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom<JobTag>('FileHashCode', 'FileCompress')), { minLength: 1, maxLength: 25 }), (plan) => {
      const { engine } = testEngine({ timing: { startLatencyMs: [1e6, 1e6], jitter: 0 } });
      const owned = plan.map(([b, tag]) => ({ bucket: buckets[b] as string, tag, id: engine.submit(requestFor(tag, { bucket: buckets[b] as string })).JobId }));
      for (const bucket of buckets) {
        for (const tag of ['FileHashCode', 'FileCompress'] as const) {
          const listed = engine.list({ tag, bucket, orderByTime: 'Asc', size: 100 }).JobsDetail.map((j) => j.JobId);
          expect(listed).toEqual(owned.filter((j) => j.bucket === bucket && j.tag === tag).map((j) => j.id));
        }
        const ids = owned.slice(0, 10).map((j) => j.id);
        const seen = engine.describe(ids, bucket);
        expect(seen.JobsDetail.map((j) => j.JobId)).toEqual(owned.slice(0, 10).filter((j) => j.bucket === bucket).map((j) => j.id));
        expect(seen.NonExistJobIds).toEqual(owned.slice(0, 10).filter((j) => j.bucket !== bucket).map((j) => j.id));
      }
    }), { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 50 });
  });
});
