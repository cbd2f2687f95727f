import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { callbackUrl, decodeTaskFinish, deliveriesAt, waitDelivery } from '../support/callbacks.ts';
import { pausedQueue, updateQueue, waitTerminal } from '../support/lifecycle.ts';

/**
 * Each finished job (Success or Failed) POSTs exactly one TaskFinish to its CallBack URL; a
 * cancelled job sends none (§4.1, decision §9.22). Counted once a later job's callback arrived.
 */
export default defineRule({
  id: 'callback-exactly-once',
  title: 'Exactly one TaskFinish callback per finished job; none for a cancelled job',
  spec: 'spec/cos-ci/paths/jobs.yaml#post callbacks.onJobTaskFinish · spec/README.md §9.22 · ref §4.1',
  profile: 'quick',
  kind: 'scenario',
  needs: ['callbacks'],
  async run(ctx) {
    const key = await putTestObject(ctx, 'cb-once.txt', 'callback-exactly-once');
    const finished: Array<{ jobId: string; path: string }> = [];
    for (const input of [key, `${ctx.prefix}missing.txt`, key]) {
      const { url, path } = callbackUrl(ctx);
      finished.push({ jobId: (await submitOk(ctx, hashJob(input, { callBack: url }))).jobId, path });
    }
    const queue = await pausedQueue(ctx);
    const cancelled = callbackUrl(ctx);
    const cancelledId = (await submitOk(ctx, hashJob(key, { callBack: cancelled.url }))).jobId;
    ctx.check.exchange(await ctx.client.cancelJobs(cancelledId), { status: 200 });
    await updateQueue(ctx, queue, { State: 'Active' });
    for (const { jobId } of finished) await waitTerminal(ctx, jobId);
    for (const { path } of finished) await waitDelivery(ctx, path, 'finished job');
    // A later job's callback: deliveries of the earlier jobs are due by the time it arrives.
    const sentinel = callbackUrl(ctx);
    await submitOk(ctx, hashJob(key, { callBack: sentinel.url }));
    await waitDelivery(ctx, sentinel.path, 'sentinel job');
    for (const { jobId, path } of finished) {
      const deliveries = await deliveriesAt(ctx, path);
      const jobIds = deliveries.map((delivery) => decodeTaskFinish(ctx, delivery, 'XML').details.map((detail) => detail.JobId)).flat();
      ctx.check.equal(jobIds, [jobId], `JobIds in the TaskFinish callbacks received for job ${jobId}`);
    }
    ctx.check.equal((await deliveriesAt(ctx, cancelled.path)).length, 0, `callbacks received for cancelled job ${cancelledId} (§9.22: Success/Failed only)`);
  },
});
