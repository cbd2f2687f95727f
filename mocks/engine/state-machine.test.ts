import { describe, expect, it } from 'vitest';
import { FaultRegistry } from './faults.ts';
import { ALLOWED_TRANSITIONS, TERMINAL_STATES, isAllowed, transition } from './state-machine.ts';
import { JOB_STATES, type JobRecord, type JobState } from './types.ts';

function jobIn(state: JobState): JobRecord {
  return {
    detail: { Code: 'Success', Message: '', JobId: 'f1', Tag: 'FileHashCode', State: state, Progress: 0, CreationTime: 0, QueueId: 'p1', Operation: {} },
    bucket: 'b-1', region: 'r', callback: {}, script: {}, plan: { startLatencyMs: 0, minDurationMs: 0, progressSteps: 1 }, seq: 1, history: [],
  };
}

// The binding table of §3.2, written as arrows so that it is stated independently of the code.
const EXPECTED = ['Submitted→Running', 'Submitted→Pause', 'Submitted→Cancel', 'Pause→Submitted', 'Pause→Cancel', 'Running→Success', 'Running→Failed'];
const expectedFrom = (from: JobState): JobState[] => EXPECTED.filter((a) => a.startsWith(`${from}→`)).map((a) => a.split('→')[1] as JobState);

describe('job state machine (§3.2)', () => {
  it('has exactly the binding table', () => {
    for (const from of JOB_STATES) expect([...ALLOWED_TRANSITIONS[from]].sort()).toEqual(expectedFrom(from).sort());
    expect([...TERMINAL_STATES].sort()).toEqual(['Cancel', 'Failed', 'Success']);
  });

  for (const from of JOB_STATES) {
    for (const to of JOB_STATES) {
      const allowed = expectedFrom(from).includes(to);
      it(`${from} → ${to} is ${allowed ? 'applied and recorded' : 'refused'}`, () => {
        const job = jobIn(from);
        const faults = new FaultRegistry();
        if (!allowed) {
          expect(() => transition(job, to, 10, 'test', faults)).toThrow(/illegal job transition/);
          expect(job.detail.State).toBe(from);
          expect(job.history).toEqual([]);
          return;
        }
        transition(job, to, 10, 'test', faults);
        expect(job.detail.State).toBe(to);
        expect(job.history).toEqual([{ from, to, at: 10, reason: 'test' }]);
        expect(job.detail.StartTime).toBe(to === 'Running' ? 10 : undefined);
        expect(job.detail.EndTime).toBe(TERMINAL_STATES.includes(to) ? 10 : undefined);
      });
    }
  }

  it('faults widen the table only while switched on', () => {
    const faults = new FaultRegistry();
    expect(() => transition(jobIn('Running'), 'Cancel', 1, 't', faults)).toThrow();
    faults.enable('cancel-running-accepted');
    expect(() => transition(jobIn('Running'), 'Cancel', 1, 't', faults)).not.toThrow();
    expect(() => transition(jobIn('Cancel'), 'Running', 1, 't', faults)).toThrow();
    faults.enable('terminal-state-changes');
    expect(() => transition(jobIn('Cancel'), 'Running', 1, 't', faults)).not.toThrow();
    faults.clear();
    expect(() => transition(jobIn('Success'), 'Failed', 1, 't', faults)).toThrow();
    expect(isAllowed('Pause', 'Submitted')).toBe(true);
  });

  it('the fault registry rejects unknown names', () => {
    expect(() => new FaultRegistry().enable('no-such-fault')).toThrow(/\[fileproc\] unknown engine fault/);
  });
});
