import { describe, expect, it } from 'vitest';
import type { JobListQuery } from './queries.ts';
import { fixedTiming, requestFor, testEngine } from './test-support.ts';

const quick = { timing: fixedTiming() };

async function cancelWhileRunning(fault: boolean) {
  const t = testEngine(quick);
  if (fault) t.engine.faults.enable('cancel-running-accepted');
  const { JobId } = t.engine.submit(requestFor('FileHashCode'));
  await t.advance(300);
  let error: unknown;
  try {
    t.engine.cancel([JobId]);
  } catch (e) {
    error = e;
  }
  await t.advance(5000);
  return { error, job: t.state(JobId), signal: t.processor.signals[0] };
}

async function progressSeries(fault: boolean): Promise<number[]> {
  const t = testEngine(quick);
  if (fault) t.engine.faults.enable('progress-decreases');
  const { JobId } = t.engine.submit(requestFor('FileHashCode'));
  const series: number[] = [];
  for (let i = 0; i < 13; i++) {
    await t.advance(100);
    series.push(t.state(JobId).Progress);
  }
  return series;
}

async function cancelThenWait(fault: boolean) {
  const t = testEngine(quick);
  if (fault) t.engine.faults.enable('terminal-state-changes');
  const { JobId } = t.engine.submit(requestFor('FileHashCode'));
  t.engine.cancel([JobId]);
  const afterCancel = t.state(JobId).State;
  await t.advance(5000);
  return { afterCancel, final: t.state(JobId).State, history: t.engine.history(JobId).map((h) => h.to) };
}

function pagedIds(fault: boolean): { all: number; seen: number } {
  const t = testEngine();
  if (fault) t.engine.faults.enable('paging-skips-job');
  for (let i = 0; i < 10; i++) t.engine.submit(requestFor('FileHashCode'));
  const seen = new Set<string>();
  let query: JobListQuery = { tag: 'FileHashCode', size: 3 };
  for (;;) {
    const page = t.engine.list(query);
    page.JobsDetail.forEach((j) => seen.add(j.JobId));
    if (!page.NextToken) break;
    query = { ...query, nextToken: page.NextToken };
  }
  return { all: 10, seen: seen.size };
}

const nonDecreasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x >= (xs[i - 1] as number));

describe('faults change behaviour only when switched on', () => {
  it('cancel-running-accepted', async () => {
    const off = await cancelWhileRunning(false);
    expect(off.error).toMatchObject({ code: 'InvalidRequest' });
    expect(off.job.State).toBe('Success');
    const on = await cancelWhileRunning(true);
    expect(on.error).toBeUndefined();
    expect(on.job.State).toBe('Cancel');
    expect(on.signal?.aborted).toBe(true);
  });

  it('progress-decreases', async () => {
    const off = await progressSeries(false);
    expect(nonDecreasing(off)).toBe(true);
    expect(off.at(-1)).toBe(100);
    const on = await progressSeries(true);
    expect(nonDecreasing(on)).toBe(false);
  });

  it('terminal-state-changes', async () => {
    expect(await cancelThenWait(false)).toEqual({ afterCancel: 'Cancel', final: 'Cancel', history: ['Submitted', 'Cancel'] });
    const on = await cancelThenWait(true);
    expect(on.afterCancel).toBe('Cancel');
    expect(on.final).toBe('Success');
    expect(on.history).toEqual(['Submitted', 'Cancel', 'Running', 'Success']);
  });

  it('paging-skips-job', () => {
    expect(pagedIds(false)).toEqual({ all: 10, seen: 10 });
    expect(pagedIds(true).seen).toBeLessThan(10);
  });

  it('the registry lists what is on and can switch faults off again', () => {
    const { engine } = testEngine();
    engine.faults.enable('paging-skips-job');
    engine.faults.enable('cancel-running-accepted');
    expect(engine.faults.list()).toEqual(['cancel-running-accepted', 'paging-skips-job']);
    engine.faults.disable('paging-skips-job');
    expect(engine.faults.list()).toEqual(['cancel-running-accepted']);
  });
});
