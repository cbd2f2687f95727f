import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** Describe takes up to 10 comma-separated ids (200); 11 or more → 400 InvalidArgument, not a partial answer (§2.6, §2.8). */
export default defineRule({
  id: 'describe-max-ten-ids',
  title: 'Describe accepts up to 10 ids; more than 10 → 400 InvalidArgument',
  spec: 'spec/cos-ci/components/parameters/JobIds (pattern: at most 10 ids) · ref §2.6, §2.8, §5.3',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const key = await putTestObject(ctx, 'ten.txt', 'describe-max-ten-ids');
    const { jobId } = await submitOk(ctx, hashJob(key));
    await ctx.check.property([fc.integer({ min: 1, max: 25 })], async (count) => {
      const ids = Array.from({ length: count }, () => jobId);
      const exchange = await ctx.client.describeJobs(ids);
      if (count <= 10) {
        ctx.check.exchange(exchange, { status: 200 });
        ctx.check.that(jobsDetails(exchange.value).every((detail) => detail.JobId === jobId) && jobsDetails(exchange.value).length >= 1, `only job ${jobId} described for ${count} copies of its id`, exchange.text);
      } else {
        ctx.check.exchange(exchange, { status: 400, code: 'InvalidArgument' });
      }
    });
    ctx.check.exchange(await ctx.client.describeJobs(Array.from({ length: 11 }, () => jobId)), { status: 400, code: 'InvalidArgument' });
  },
});
