import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

// Well-formed ids no target issued: `f` + 32 hex with a fixed, impossible-looking head.
const unknownId = fc.stringMatching(/^[0-9a-f]{26}$/).map((hex) => `f000000${hex}`);

/**
 * Describing up to 10 comma-separated ids answers 200 with one JobsDetail per existing job in
 * request order and one NonExistJobIds element per unknown id, even when all are unknown (§2.6, §9.16).
 */
export default defineRule({
  id: 'describe-multi-nonexist',
  title: 'Multi-id describe: existing jobs in order, every unknown id in NonExistJobIds, 200 even if none exists',
  spec: 'spec/cos-ci/paths/jobs_{JobIds}.yaml#get · components/schemas/DescribeJobsResponse · spec/README.md §9.16 · ref §2.6',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const key = await putTestObject(ctx, 'multi.txt', 'describe-multi-nonexist');
    const known = [(await submitOk(ctx, hashJob(key))).jobId, (await submitOk(ctx, hashJob(key))).jobId];
    const request = fc.shuffledSubarray([...known, 'u1', 'u2', 'u3', 'u4'], { minLength: 1, maxLength: 6 });
    await ctx.check.property([request, fc.array(unknownId, { minLength: 4, maxLength: 4 })], async (slots, unknown) => {
      const ids = slots.map((slot) => (slot.startsWith('u') ? (unknown[Number(slot[1]) - 1] as string) : slot));
      const exchange = await ctx.client.describeJobs(ids);
      ctx.check.exchange(exchange, { status: 200 });
      const value = exchange.value as { NonExistJobIds?: string | string[] } | undefined;
      const found = jobsDetails(exchange.value).map((detail) => detail.JobId);
      const missing = [value?.NonExistJobIds ?? []].flat();
      ctx.check.equal(found, ids.filter((id) => known.includes(id)), `JobsDetail JobIds for GET /jobs/${ids.join(',')}`);
      ctx.check.equal([...missing].sort(), ids.filter((id) => !known.includes(id)).sort(), `NonExistJobIds for GET /jobs/${ids.join(',')}`);
    });
  },
});
