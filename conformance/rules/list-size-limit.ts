import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** `size` caps the page (default 10, 1..100); a size outside 1..100 or not an integer → 400 InvalidArgument (§2.7). */
export default defineRule({
  id: 'list-size-limit',
  title: 'List pages hold at most size jobs (default 10, max 100); size outside 1..100 → 400 InvalidArgument',
  spec: 'spec/cos-ci/paths/jobs.yaml#get · components/parameters/ListSize · ref §2.7, §5.3',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'size.txt', 'list-size-limit');
    for (let i = 0; i < 3; i++) await submitOk(ctx, hashJob(key));
    for (const [size, count] of [[1, 1], [2, 2], [3, 3], [100, 3], [undefined, 3]] as const) {
      const listed = await ctx.client.listJobs({ tag: 'FileHashCode', inputObject: key, ...(size ? { size } : {}) });
      ctx.check.exchange(listed, { status: 200 });
      ctx.check.equal(jobsDetails(listed.value).length, count, `JobsDetail count for size=${size ?? '(absent)'} over 3 jobs`);
      if (size !== undefined && size < 3) ctx.check.that(!!listed.value?.NextToken, `a NextToken when size=${size} < 3 matching jobs (§2.7)`, listed.text);
    }
    const defaults = await ctx.client.listJobs({ tag: 'FileHashCode' });
    ctx.check.exchange(defaults, { status: 200 });
    ctx.check.that(jobsDetails(defaults.value).length <= 10, 'at most 10 jobs when size is absent (default 10)', `${jobsDetails(defaults.value).length} jobs`);
    const big = await ctx.client.listJobs({ tag: 'FileHashCode', size: 100 });
    ctx.check.exchange(big, { status: 200 });
    ctx.check.that(jobsDetails(big.value).length <= 100, 'at most 100 jobs for size=100', `${jobsDetails(big.value).length} jobs`);
    for (const size of ['101', '1000', '0', '-1', 'ten', '1.5']) {
      ctx.check.exchange(await ctx.client.listJobs({ tag: 'FileHashCode', size }), { status: 400, code: 'InvalidArgument' });
    }
  },
});
