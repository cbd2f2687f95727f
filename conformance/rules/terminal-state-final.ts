import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk, type JobsDetail } from '../support/jobs.ts';
import { describeOne, pausedQueue, updateQueue, waitTerminal } from '../support/lifecycle.ts';

const snapshot = (detail: JobsDetail) => ({ State: detail.State, Code: detail.Code, EndTime: detail.EndTime, StartTime: detail.StartTime });

/**
 * Success, Failed and Cancel are final (§3.2): once reached, a job's State, Code and times never
 * change — checked after later jobs (submitted behind them in the same queue) have finished.
 */
export default defineRule({
  id: 'terminal-state-final',
  title: 'Success, Failed and Cancel never change, even after the queue moved on',
  spec: 'spec/cos-ci/components/schemas/JobState · ref §3.2 (state machine: terminal Success, Failed, Cancel)',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'final.txt', 'terminal-state-final');
    const succeeded = await waitTerminal(ctx, (await submitOk(ctx, hashJob(key))).jobId);
    const failed = await waitTerminal(ctx, (await submitOk(ctx, hashJob(`${ctx.prefix}missing.txt`))).jobId);
    const queue = await pausedQueue(ctx);
    const { jobId: cancelledId } = await submitOk(ctx, hashJob(key));
    ctx.check.exchange(await ctx.client.cancelJobs(cancelledId), { status: 200 });
    const cancelled = await describeOne(ctx, cancelledId);
    ctx.check.equal(cancelled.State, 'Cancel', `State of job ${cancelledId} right after its cancel answered 200 (§2.8)`);
    await updateQueue(ctx, queue, { State: 'Active' });
    // A job queued behind the cancelled one: once it finished, the queue has passed the cancelled job.
    await waitTerminal(ctx, (await submitOk(ctx, hashJob(key))).jobId);
    for (const before of [succeeded, failed, cancelled]) {
      const after = await describeOne(ctx, before.JobId);
      ctx.check.equal(snapshot(after), snapshot(before), `[State, Code, EndTime, StartTime] of ${before.State} job ${before.JobId} later on (terminal, §3.2)`);
    }
  },
});
