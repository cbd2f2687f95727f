import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { describeOne, pausedQueue, waitTerminal, waitUntil } from '../support/lifecycle.ts';

const UNKNOWN_JOB = 'f00000000000011ef8000000000000000';

/**
 * Only jobs not yet executing can be cancelled (§2.8): a Submitted/Pause job → 200 and State
 * Cancel; a Running or finished job → 400 InvalidRequest and unchanged; an unknown id → 404
 * NoSuchJob (decision §9.21).
 */
export default defineRule({
  id: 'cancel-queued-only',
  title: 'Cancel works on waiting jobs only; running/finished → 400 InvalidRequest; unknown → 404 NoSuchJob',
  spec: 'spec/cos-ci/paths/jobs_{JobIds}.yaml#put (cancelJobs) · spec/README.md §9.21 · ref §2.8, §3.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'cancel.bin', new Uint8Array(256 * 1024).fill(1));
    const finished = await waitTerminal(ctx, (await submitOk(ctx, hashJob(key))).jobId);
    const refused = await ctx.client.cancelJobs(finished.JobId);
    ctx.check.exchange(refused, { status: 400, code: 'InvalidRequest' });
    ctx.check.equal((await describeOne(ctx, finished.JobId)).State, finished.State, `State of finished job ${finished.JobId} after a refused cancel`);
    // A Running job: poll fast; if the target finished it before we saw Running, that job proves nothing and is skipped.
    const { jobId: runningId } = await submitOk(ctx, hashJob(key));
    const seen = await waitUntil(ctx, runningId, (detail) => detail.State !== 'Submitted', 'leaves Submitted');
    if (seen.State === 'Running') {
      ctx.check.exchange(await ctx.client.cancelJobs(runningId), { status: 400, code: 'InvalidRequest' });
      ctx.check.that((await describeOne(ctx, runningId)).State !== 'Cancel', `Running job ${runningId} not cancelled (§2.8)`, 'State Cancel');
    }
    await pausedQueue(ctx);
    for (const how of ['cancel', 'cancel='] as const) {
      const { jobId } = await submitOk(ctx, hashJob(key));
      const cancelled = await ctx.client.cancelJobs(jobId, { spelling: how });
      ctx.check.exchange(cancelled, { status: 200 });
      ctx.check.equal((await describeOne(ctx, jobId)).State, 'Cancel', `State of waiting job ${jobId} after PUT ?${how}`);
    }
    ctx.check.exchange(await ctx.client.cancelJobs(UNKNOWN_JOB), { status: 404, code: 'NoSuchJob' });
  },
});
