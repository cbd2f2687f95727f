import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { pausedQueue } from '../support/lifecycle.ts';

/** A cancel of a waiting job answers 200 with an empty body and `x-ci-request-id` (§2.8, fixture F10). */
export default defineRule({
  id: 'cancel-response-shape',
  title: 'Cancel of a waiting job answers 200, empty body, request id',
  spec: 'spec/cos-ci/paths/jobs_{JobIds}.yaml#put (cancelJobs) · ref §2.8, §8 F10',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const key = await putTestObject(ctx, 'cancel.txt', 'cancel-response-shape');
    await pausedQueue(ctx);
    const { jobId } = await submitOk(ctx, hashJob(key));
    const exchange = await ctx.client.cancelJobs(jobId);
    ctx.check.exchange(exchange, { status: 200 });
    ctx.check.equal(exchange.text, '', `body of PUT /jobs/${jobId}?cancel`);
  },
});
