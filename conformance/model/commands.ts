/**
 * fast-check commands of the lifecycle model (ARCHITECTURE `conformance/model/`): submit,
 * describe, list, cancel, pause/resume the queue, upload/delete the input object, wait.
 * Each runs against the target through `ctx.client` and judges what it saw with `job-machine.ts`.
 */
import fc from 'fast-check';
import type { RuleContext } from '../rule.ts';
import { hashJob, jobsDetails, type JobsDetail } from '../support/jobs.ts';
import { describeOne, listAll, updateQueue, type Queue } from '../support/lifecycle.ts';
import { impossibleCancel, impossibleTransition, observe, type JobModel, type LifecycleModel } from './job-machine.ts';

/** What commands act on: the rule context, the bucket queue and this run's input key. */
export interface LifecycleReal { ctx: RuleContext; queue: Queue; input: string }

type Command = fc.AsyncCommand<LifecycleModel, LifecycleReal>;

function judge(real: LifecycleReal, model: LifecycleModel, job: JobModel, detail: JobsDetail, where: string): void {
  const problem = impossibleTransition(job, String(detail.State));
  real.ctx.check.that(problem === undefined, `observed states follow the job state machine (§3.2) — ${where}`, () => `job ${job.jobId}: ${problem} (last seen ${job.last})`);
  observe(model, job, String(detail.State));
}

const pick = (model: LifecycleModel, index: number) => model.jobs[index % model.jobs.length] as JobModel;

class Submit implements Command {
  /** Shown in counterexamples (JSON). */
  readonly op = 'submit';
  check = () => true;
  async run(model: LifecycleModel, real: LifecycleReal) {
    const exchange = await real.ctx.client.submitJob(hashJob(real.input));
    real.ctx.check.exchange(exchange, { status: 200 });
    const detail = real.ctx.check.present(jobsDetails(exchange.value)[0], 'a JobsDetail in the submit response (§2.5)', exchange.text);
    const job: JobModel = { jobId: String(detail.JobId), input: real.input, last: 'Submitted', cancelled: false, sawPause: model.paused, sawActive: !model.paused, mayExist: model.inputExists };
    real.ctx.check.that(['Submitted', 'Pause', 'Running', 'Success', 'Failed'].includes(String(detail.State)), 'a new job is Submitted (or already further, never Cancel) in the submit response (§2.5)', `State ${detail.State}`);
    job.sawPause = job.sawPause || detail.State === 'Pause';
    judge(real, model, job, detail, 'submit response');
    model.jobs.push(job);
  }
  toString = () => 'submit';
}

/** A command on one of the jobs submitted so far (`index` modulo their number). */
abstract class OnJob implements Command {
  abstract readonly op: string;
  constructor(readonly index: number) {}
  check = (model: Readonly<LifecycleModel>) => model.jobs.length > 0;
  abstract run(model: LifecycleModel, real: LifecycleReal): Promise<void>;
  toString = () => `${this.op}(${this.index})`;
}

class Describe extends OnJob {
  /** Shown in counterexamples (JSON). */
  readonly op = 'describe';
  async run(model: LifecycleModel, real: LifecycleReal) {
    const job = pick(model, this.index);
    judge(real, model, job, await describeOne(real.ctx, job.jobId), `GET /jobs/${job.jobId}`);
  }
}

class List implements Command {
  /** Shown in counterexamples (JSON). */
  readonly op = 'list';
  check = () => true;
  async run(model: LifecycleModel, real: LifecycleReal) {
    const { jobs } = await listAll(real.ctx, { tag: 'FileHashCode', inputObject: real.input, size: 100 });
    real.ctx.check.equal(jobs.map((detail) => detail.JobId).sort(), model.jobs.map((job) => job.jobId).sort(), `JobIds listed for inputObject=${real.input} (every submitted job, no other)`);
    for (const detail of jobs) judge(real, model, model.jobs.find((job) => job.jobId === detail.JobId) as JobModel, detail, 'GET /jobs?tag=FileHashCode');
  }
  toString = () => 'list';
}

class Cancel extends OnJob {
  /** Shown in counterexamples (JSON). */
  readonly op = 'cancel';
  async run(model: LifecycleModel, real: LifecycleReal) {
    const job = pick(model, this.index);
    const exchange = await real.ctx.client.cancelJobs(job.jobId);
    real.ctx.check.exchange(exchange, exchange.status === 200 ? { status: 200 } : { status: 400, code: 'InvalidRequest' });
    const problem = impossibleCancel(job, exchange.status);
    real.ctx.check.that(problem === undefined, 'cancel succeeds exactly on Submitted/Pause jobs (§2.8, §9.21)', () => `job ${job.jobId}: ${problem}`);
    if (exchange.status === 200) job.cancelled = true;
    judge(real, model, job, await describeOne(real.ctx, job.jobId), `GET /jobs/${job.jobId} after cancel answered ${exchange.status}`);
  }
}

class SetQueue implements Command {
  /** Shown in counterexamples (JSON). */
  readonly op = 'setQueue';
  constructor(readonly paused: boolean) {}
  check = () => true;
  async run(model: LifecycleModel, real: LifecycleReal) {
    await updateQueue(real.ctx, real.queue, { State: this.paused ? 'Paused' : 'Active' });
    model.paused = this.paused;
    for (const job of model.jobs) {
      if (this.paused) job.sawPause = true;
      else job.sawActive = true;
    }
  }
  toString = () => (this.paused ? 'pauseQueue' : 'resumeQueue');
}

class SetInput implements Command {
  /** Shown in counterexamples (JSON). */
  readonly op = 'setInput';
  constructor(readonly exists: boolean) {}
  check = () => true;
  async run(model: LifecycleModel, real: LifecycleReal) {
    const exchange = this.exists ? await real.ctx.client.putObject(real.input, 'lifecycle-model input') : await real.ctx.client.deleteObject(real.input);
    real.ctx.check.exchange(exchange, { status: this.exists ? 200 : 204 });
    model.inputExists = this.exists;
    if (this.exists) for (const job of model.jobs) job.mayExist = true;
  }
  toString = () => (this.exists ? 'uploadInput' : 'deleteInput');
}

class Wait implements Command {
  /** Shown in counterexamples (JSON). */
  readonly op = 'wait';
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_model: LifecycleModel, real: LifecycleReal) {
    await real.ctx.sleep(this.ms);
  }
  toString = () => `wait(${this.ms})`;
}

/** The command arbitraries, weighted towards submit/describe so sequences exercise lifecycles. */
export function lifecycleCommands(maxCommands: number): fc.Arbitrary<Iterable<Command>> {
  return fc.commands([
    fc.constant(new Submit()), fc.constant(new Submit()),
    fc.nat().map((index) => new Describe(index)), fc.nat().map((index) => new Describe(index)),
    fc.constant(new List()),
    fc.nat().map((index) => new Cancel(index)),
    fc.boolean().map((paused) => new SetQueue(paused)),
    fc.boolean().map((exists) => new SetInput(exists)),
    fc.integer({ min: 20, max: 400 }).map((ms) => new Wait(ms)),
  ], { maxCommands });
}
