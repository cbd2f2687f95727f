/**
 * Model-based test: random sequences of submit, describe, list, cancel, pause/resume and clock
 * advances against a small model of what a client may observe (§3.2 state machine, §2.7 paging,
 * §2.8 cancel, §2.10 pause). Seeded by FC_SEED.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINE_FAULTS, type EngineFault } from './faults.ts';
import { ALLOWED_TRANSITIONS, isAllowed, isTerminal } from './state-machine.ts';
import { requestFor, testEngine } from './test-support.ts';
import { JOB_STATES, type JobDetail, type JobState, type JobTag } from './types.ts';

const MAX_CONCURRENT = 2;
const TAGS: JobTag[] = ['FileHashCode', 'FileCompress', 'FileUncompress'];

/** States reachable from each state (reflexive, transitive) — what a later observation may show. */
const REACHABLE: Record<JobState, Set<JobState>> = Object.fromEntries(JOB_STATES.map((from) => {
  const seen = new Set<JobState>([from]);
  for (const stack = [from]; stack.length > 0; ) for (const to of ALLOWED_TRANSITIONS[stack.pop() as JobState]) if (!seen.has(to)) { seen.add(to); stack.push(to); }
  return [from, seen];
})) as Record<JobState, Set<JobState>>;

interface Model { jobs: Map<string, { tag: JobTag; state: JobState; progress: number }>; paused: boolean; queueId?: string }
type Real = ReturnType<typeof testEngine>;
type Cmd = fc.AsyncCommand<Model, Real>;

function observe(model: Model, real: Real): JobDetail[] {
  const ids = [...model.jobs.keys()];
  const details: JobDetail[] = [];
  for (let i = 0; i < ids.length; i += 10) details.push(...real.engine.describe(ids.slice(i, i + 10)).JobsDetail);
  expect(details.map((d) => d.JobId)).toEqual(ids);
  let running = 0;
  for (const d of details) {
    const known = model.jobs.get(d.JobId);
    if (!known) throw new Error('[fileproc] test: unknown job observed');
    expect(REACHABLE[known.state].has(d.State), `${d.JobId}: ${known.state} → ${d.State}`).toBe(true);
    expect(d.Progress, `${d.JobId} progress`).toBeGreaterThanOrEqual(known.progress);
    expect(d.Progress).toBeLessThanOrEqual(d.State === 'Success' ? 100 : 99);
    if (d.State === 'Success') expect(d.Progress).toBe(100);
    expect(d.State).not.toBe(model.paused ? 'Submitted' : 'Pause');
    expect(d.StartTime === undefined).toBe(['Submitted', 'Pause'].includes(d.State) || (d.State === 'Cancel'));
    expect(d.EndTime === undefined).toBe(!isTerminal(d.State));
    for (const h of real.engine.history(d.JobId).slice(1)) expect(isAllowed(h.from as JobState, h.to)).toBe(true);
    if (d.State === 'Running') running++;
    known.state = d.State;
    known.progress = d.Progress;
  }
  expect(running).toBeLessThanOrEqual(MAX_CONCURRENT);
  return details;
}

class Submit implements Cmd {
  constructor(readonly tag: JobTag, readonly fail: boolean) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const job = real.engine.submit(requestFor(this.tag, { Operation: { ...requestFor(this.tag).Operation, ...(this.fail && { UserData: 'fail' }) } }));
    expect(job.State).toBe(model.paused ? 'Pause' : 'Submitted');
    model.queueId = job.QueueId;
    model.jobs.set(job.JobId, { tag: this.tag, state: job.State, progress: 0 });
  }
  toString = (): string => `submit(${this.tag}${this.fail ? ',fail' : ''})`;
}

class Advance implements Cmd {
  constructor(readonly ms: number) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    await real.advance(this.ms);
    observe(model, real);
  }
  toString = (): string => `advance(${this.ms})`;
}

class Cancel implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Model): boolean => m.jobs.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const id = [...model.jobs.keys()][this.pick % model.jobs.size] as string;
    const before = real.state(id).State;
    let accepted = true;
    try {
      real.engine.cancel([id]);
    } catch (error) {
      accepted = false;
      expect(error).toMatchObject({ code: 'InvalidRequest', status: 400 });
    }
    expect(accepted).toBe(before === 'Submitted' || before === 'Pause');
    expect(real.state(id).State).toBe(accepted ? 'Cancel' : before);
    observe(model, real);
  }
  toString = (): string => `cancel(#${this.pick})`;
}

class SetQueue implements Cmd {
  constructor(readonly paused: boolean) {}
  check = (m: Model): boolean => m.queueId !== undefined && m.paused !== this.paused;
  async run(model: Model, real: Real): Promise<void> {
    real.engine.updateQueue(model.queueId as string, { Name: 'q', State: this.paused ? 'Paused' : 'Active', NotifyConfig: { State: 'Off' } });
    model.paused = this.paused;
    observe(model, real);
  }
  toString = (): string => (this.paused ? 'pause' : 'resume');
}

class Describe implements Cmd {
  constructor(readonly picks: number[]) {}
  check = (m: Model): boolean => m.jobs.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const ids = [...model.jobs.keys()];
    const asked = this.picks.map((p, i) => (p % 4 === 3 ? `fmissing${i}` : (ids[p % ids.length] as string)));
    const unique = [...new Set(asked)];
    const result = real.engine.describe(asked);
    expect(result.JobsDetail.map((d) => d.JobId)).toEqual(unique.filter((id) => model.jobs.has(id)));
    expect(result.NonExistJobIds).toEqual(unique.filter((id) => !model.jobs.has(id)));
  }
  toString = (): string => `describe(${this.picks.join(',')})`;
}

class ListAll implements Cmd {
  constructor(readonly tag: JobTag, readonly size: number, readonly asc: boolean, readonly submitBetween: boolean) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const expected = [...model.jobs].filter(([, j]) => j.tag === this.tag).map(([id]) => id);
    const seen: string[] = [];
    let nextToken = '';
    do {
      const page = real.engine.list({ tag: this.tag, size: this.size, orderByTime: this.asc ? 'Asc' : 'Desc', ...(nextToken && { nextToken }) });
      expect(page.JobsDetail.length).toBeLessThanOrEqual(this.size);
      seen.push(...page.JobsDetail.map((d) => d.JobId));
      nextToken = page.NextToken;
      // A few submissions only: in Asc order every new job sorts after the cursor, so endless
      // submitting would keep paging going forever (a client's problem, not the server's).
      if (this.submitBetween && nextToken && seen.length <= expected.length) await new Submit(this.tag, false).run(model, real);
    } while (nextToken);
    for (const id of expected) expect(seen.filter((s) => s === id), `job ${id} listed once`).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  }
  toString = (): string => `list(${this.tag},size=${this.size},${this.asc ? 'Asc' : 'Desc'}${this.submitBetween ? ',+submit' : ''})`;
}

/** Another bucket of the same account sees none of these jobs (spec README §9.4): describe, list and cancel. */
class FromOtherBucket implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Model): boolean => m.jobs.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const other = 'otherbucket-1250000000';
    const id = [...model.jobs.keys()][this.pick % model.jobs.size] as string;
    expect(real.engine.describe([id], other)).toEqual({ JobsDetail: [], NonExistJobIds: [id] });
    const tag = model.jobs.get(id)?.tag as JobTag;
    expect(real.engine.list({ tag, bucket: other, size: 100 }).JobsDetail).toEqual([]);
    const before = real.state(id).State;
    expect(() => real.engine.cancel([id], other)).toThrow(expect.objectContaining({ code: 'NoSuchJob', status: 404 }));
    expect(real.state(id).State).toBe(before);
  }
  toString = (): string => `fromOtherBucket(#${this.pick})`;
}

const submit = fc.tuple(fc.constantFrom(...TAGS), fc.boolean()).map(([tag, fail]) => new Submit(tag, fail));
const advance = fc.integer({ min: 0, max: 600 }).map((ms) => new Advance(ms));
// Repeated entries weigh submits and clock advances more, so runs build up queues and lifecycles.
const commands = [
  submit, submit, advance, advance, advance,
  fc.nat().map((pick) => new Cancel(pick)),
  fc.nat().map((pick) => new FromOtherBucket(pick)),
  fc.boolean().map((paused) => new SetQueue(paused)),
  fc.array(fc.nat(), { minLength: 1, maxLength: 10 }).map((picks) => new Describe(picks)),
  fc.tuple(fc.constantFrom(...TAGS), fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.boolean()).map(([tag, size, asc, between]) => new ListAll(tag, size, asc, between)),
];

const fcSeed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
let commandsRun = 0;

function modelProperty(fault?: EngineFault) {
  return fc.asyncProperty(fc.commands(commands, { maxCommands: 50, size: 'max' }), fc.nat(), async (cmds, seed) => {
    const setup = () => {
      const real = testEngine({
        queueDefaults: { maxConcurrent: MAX_CONCURRENT },
        random: { next: mulberryish(seed) },
        behaviour: (job) => (job.detail.Operation.UserData === 'fail' ? { failure: { Code: 'NoSuchKey', Message: 'missing' }, progress: [30] } : { progress: [25, 60] }),
      });
      if (fault) real.engine.faults.enable(fault);
      return { model: { jobs: new Map(), paused: false } as Model, real };
    };
    commandsRun += [...cmds].length;
    await fc.asyncModelRun(setup, cmds);
  });
}

describe('engine model', () => {
  it('observations follow the state machine, cancel works exactly on Submitted/Pause, paging is exact', async () => {
    commandsRun = 0;
    await fc.assert(modelProperty(), { seed: fcSeed, numRuns: 60 });
    expect(commandsRun).toBeGreaterThan(60 * 20);
  });

  // The model must notice each engine fault: that is what the conformance self-test relies on.
  for (const fault of ENGINE_FAULTS) {
    it(`catches the ${fault} fault`, async () => {
      const result = await fc.check(modelProperty(fault), { seed: fcSeed, numRuns: 300, endOnFailure: true });
      expect(result.failed).toBe(true);
    });
  }
});

/** A tiny deterministic jitter source derived from the run's seed. */
function mulberryish(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
