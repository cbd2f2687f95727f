import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** `POST /file_jobs` and `POST /jobs` are the same operation; describe works on both paths (§9.1, §9.2). */
export default defineRule({
  id: 'submit-path-alias',
  title: 'Both submit paths (/file_jobs, /jobs) create jobs that both describe paths return',
  spec: 'spec/cos-ci/paths/file_jobs.yaml#post, spec/cos-ci/paths/jobs.yaml#post · spec/README.md §9.1, §9.2 · ref §2.2, §2.6',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'alias.txt', 'submit-path-alias');
    for (const submitPath of ['/file_jobs', '/jobs'] as const) {
      const { jobId } = await submitOk(ctx, hashJob(key, { userData: `via ${submitPath}` }), submitPath);
      for (const describePath of ['/file_jobs', '/jobs'] as const) {
        const described = await ctx.client.describeJobs(jobId, { path: describePath });
        ctx.check.exchange(described, { status: 200 });
        const ids = jobsDetails(described.value).map((detail) => detail.JobId);
        ctx.check.equal(ids, [jobId], `JobIds from GET ${describePath}/${jobId} after POST ${submitPath}`);
      }
    }
  },
});
