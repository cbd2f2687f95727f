import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** `GET /jobs?tag=…` answers 200 with a valid ListJobsResponse, whether the page holds jobs or none (§2.7). */
export default defineRule({
  id: 'list-response-shape',
  title: 'List answers 200 with a valid ListJobsResponse, for a full and for an empty page',
  spec: 'spec/cos-ci/paths/jobs.yaml#get · components/schemas/ListJobsResponse · ref §2.7',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const key = await putTestObject(ctx, 'list.txt', 'list-response-shape');
    const { jobId } = await submitOk(ctx, hashJob(key));
    const full = await ctx.client.listJobs({ tag: 'FileHashCode', inputObject: key });
    ctx.check.exchange(full, { status: 200 });
    ctx.check.equal(jobsDetails(full.value).map((detail) => detail.JobId), [jobId], `JobIds listed for inputObject=${key}`);
    const empty = await ctx.client.listJobs({ tag: 'FileHashCode', inputObject: `${ctx.prefix}never-used` });
    ctx.check.exchange(empty, { status: 200 });
    ctx.check.equal(jobsDetails(empty.value).length, 0, 'JobsDetail elements on a page matching no job');
    const defaults = await ctx.client.listJobs({ tag: 'FileHashCode', orderByTime: 'Desc', states: 'All', size: 10, nextToken: '' });
    ctx.check.exchange(defaults, { status: 200 });
  },
});
