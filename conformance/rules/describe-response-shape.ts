import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { describeOne, waitTerminal } from '../support/lifecycle.ts';

/** Describe answers 200, `application/xml`, `x-ci-request-id` and a valid DescribeJobsResponse, before and after the job finished, on both paths (§2.6). */
export default defineRule({
  id: 'describe-response-shape',
  title: 'Describe answers 200 with a valid DescribeJobsResponse while the job waits and once it finished',
  spec: 'spec/cos-ci/paths/jobs_{JobIds}.yaml#get, spec/cos-ci/paths/file_jobs_{JobIds}.yaml#get · components/schemas/DescribeJobsResponse · ref §2.6, §3.1',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const key = await putTestObject(ctx, 'describe.txt', 'describe-response-shape');
    const { jobId } = await submitOk(ctx, hashJob(key));
    await describeOne(ctx, jobId);
    const finished = await waitTerminal(ctx, jobId);
    ctx.check.equal(finished.JobId, jobId, 'JobsDetail.JobId');
    for (const path of ['/jobs', '/file_jobs'] as const) {
      const exchange = await ctx.client.describeJobs(jobId, { path });
      ctx.check.exchange(exchange, { status: 200 });
      ctx.check.that(exchange.value !== undefined, `a DescribeJobsResponse from GET ${path}/${jobId}`, exchange.invalid ?? exchange.text);
    }
  },
});
