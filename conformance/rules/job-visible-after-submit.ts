import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** A submitted job is visible at once — no eventual consistency: the very next describe and list return it (§2.5–§2.7). */
export default defineRule({
  id: 'job-visible-after-submit',
  title: 'A job is visible in describe and list immediately after its submit returned',
  spec: 'spec/cos-ci/paths/jobs_{JobIds}.yaml#get, spec/cos-ci/paths/jobs.yaml#get · ref §2.5, §2.6, §2.7',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    // One input for every job, so each list must return all jobs submitted so far, the new one included.
    const key = await putTestObject(ctx, 'visible.txt', 'job-visible-after-submit');
    const submitted: string[] = [];
    await ctx.check.property([fc.constantFrom('/jobs', '/file_jobs' as const), fc.boolean()], async (path, listFirst) => {
      const { jobId } = await submitOk(ctx, hashJob(key), path as '/jobs' | '/file_jobs');
      submitted.push(jobId);
      const describe = async () => {
        const described = await ctx.client.describeJobs(jobId);
        ctx.check.exchange(described, { status: 200 });
        ctx.check.equal(jobsDetails(described.value).map((detail) => detail.JobId), [jobId], `JobIds of GET /jobs/${jobId} right after POST ${path}`);
      };
      const list = async () => {
        const listed = await ctx.client.listJobs({ tag: 'FileHashCode', inputObject: key, states: 'All', size: 100 });
        ctx.check.exchange(listed, { status: 200 });
        const ids = jobsDetails(listed.value).map((detail) => String(detail.JobId));
        ctx.check.equal(ids.sort(), [...submitted].sort(), `JobIds of GET /jobs?tag=FileHashCode&inputObject=${key} right after POST ${path} of ${jobId} (every job submitted so far)`);
      };
      for (const step of listFirst ? [list, describe] : [describe, list]) await step();
    });
  },
});
