import { describe, expect, it } from 'vitest';
import { impossibleCancel, impossibleTransition, observe, type JobModel, type LifecycleModel } from './job-machine.ts';

const job = (change: Partial<JobModel> = {}): JobModel => ({ jobId: 'f1', input: 'k', last: 'Submitted', cancelled: false, sawPause: false, sawActive: true, mayExist: true, ...change });

describe('the §3.2 job machine model', () => {
  it('admits the documented forward transitions of an active queue', () => {
    for (const state of ['Submitted', 'Running', 'Success', 'Failed']) expect(impossibleTransition(job(), state)).toBeUndefined();
    expect(impossibleTransition(job({ last: 'Running' }), 'Success')).toBeUndefined();
  });

  it('rejects leaving a terminal state, going back to Running, and Cancel without a successful cancel', () => {
    expect(impossibleTransition(job({ last: 'Success' }), 'Running')).toMatch(/not a transition/);
    expect(impossibleTransition(job({ last: 'Running' }), 'Submitted')).toMatch(/not a transition/);
    expect(impossibleTransition(job(), 'Cancel')).toMatch(/no cancel/);
    expect(impossibleTransition(job({ cancelled: true, last: 'Cancel' }), 'Running')).toMatch(/stay Cancel/);
  });

  it('ties Pause and scheduling to the queue state seen since the last observation', () => {
    expect(impossibleTransition(job(), 'Pause')).toMatch(/stayed Active/);
    expect(impossibleTransition(job({ last: 'Pause', sawPause: true, sawActive: false }), 'Running')).toMatch(/stayed Paused/);
    expect(impossibleTransition(job({ sawPause: true, sawActive: false }), 'Submitted')).toMatch(/stayed Paused/);
    expect(impossibleTransition(job({ last: 'Pause', sawPause: true, sawActive: true }), 'Success')).toBeUndefined();
  });

  it('allows Success only when the input object may have existed', () => {
    expect(impossibleTransition(job({ mayExist: false }), 'Success')).toMatch(/never existed/);
    expect(impossibleTransition(job({ mayExist: false }), 'Failed')).toBeUndefined();
  });

  it('judges cancel answers: 200 only for waiting jobs, 400 not for a Pause job in a still-paused queue', () => {
    expect(impossibleCancel(job({ last: 'Running' }), 200)).toMatch(/last seen Running/);
    expect(impossibleCancel(job({ last: 'Success' }), 400)).toBeUndefined();
    expect(impossibleCancel(job({ last: 'Pause', sawActive: false }), 400)).toMatch(/stayed Paused/);
    expect(impossibleCancel(job({ last: 'Submitted' }), 400)).toBeUndefined();
  });

  it('resets the since-last-observation flags to the current queue state', () => {
    const model: LifecycleModel = { jobs: [], paused: true, inputExists: true };
    const observed = job({ sawActive: true });
    observe(model, observed, 'Pause');
    expect([observed.last, observed.sawPause, observed.sawActive]).toEqual(['Pause', true, false]);
  });
});
