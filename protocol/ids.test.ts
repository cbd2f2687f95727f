import { describe, expect, it } from 'vitest';
import { createIdGenerator, isJobId, isQueueId, jobIdCreationTime, seededRandom } from './ids.ts';

const CREATED = Date.UTC(2022, 6, 18, 7, 16, 43, 590);

describe('createIdGenerator', () => {
  it('makes JobIds whose UUID v1 timestamp is the creation time (§3.3)', () => {
    let now = CREATED;
    const ids = createIdGenerator({ now: () => now, random: seededRandom(1) });
    const first = ids.jobId();
    now += 1234;
    const second = ids.jobId();
    expect([first, second].every((id) => isJobId(id, { requireUuidV1: true }))).toBe(true);
    expect([jobIdCreationTime(first), jobIdCreationTime(second)]).toEqual([CREATED, CREATED + 1234]);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const run = (seed: number) => {
      const ids = createIdGenerator({ now: () => CREATED, random: seededRandom(seed) });
      return [ids.jobId(), ids.jobId(), ids.queueId()];
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('makes QueueIds of the documented shape', () => {
    const ids = createIdGenerator({ now: () => CREATED, random: seededRandom('queues') });
    const queueIds = Array.from({ length: 100 }, () => ids.queueId());
    expect(queueIds.every(isQueueId)).toBe(true);
    expect(new Set(queueIds).size).toBe(100);
  });
});

describe('validators', () => {
  it('accept the documented examples (§3.1, §3.3)', () => {
    expect(isJobId('f93984788066911ed89ed352d4d9d2084', { requireUuidV1: true })).toBe(true);
    expect(isJobId('f9640f1b0874211edb47e5fa2d6bd5e47', { requireUuidV1: true })).toBe(true);
    expect(isQueueId('p2911917386e148639319e13c285cc774')).toBe(true);
  });

  it.each(['c93984788066911ed89ed352d4d9d2084', 'f93984788066911ED89ed352d4d9d2084', 'f93984788066911ed89ed352d4d9d208', 'f93984788066911ed89ed352d4d9d20845', ''])('reject JobId %j', (value) => {
    expect(isJobId(value)).toBe(false);
  });

  it('tell the loose shape from a real v1 id', () => {
    expect(isJobId('f2911917386e148639319e13c285cc774')).toBe(true);
    expect(isJobId('f2911917386e148639319e13c285cc774', { requireUuidV1: true })).toBe(false);
    expect(jobIdCreationTime('f2911917386e148639319e13c285cc774')).toBeUndefined();
  });

  it.each(['f2911917386e148639319e13c285cc774', 'p2911917386e148639319e13c285cc77', 'P2911917386e148639319e13c285cc774'])('reject QueueId %j', (value) => {
    expect(isQueueId(value)).toBe(false);
  });
});
