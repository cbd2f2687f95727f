import fc from 'fast-check';
import { isJobId, isQueueId } from '../../protocol/ids.ts';
import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** JobId is `f` + UUID v1 without dashes, QueueId `p` + 32 hex, and every submit gets a new JobId (§3.3). */
export default defineRule({
  id: 'job-id-format',
  title: 'JobIds are f + 32 hex (UUID v1), QueueIds p + 32 hex, JobIds unique',
  spec: 'spec/cos-ci/components/schemas/JobId, QueueId · ref §3.3',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const key = await putTestObject(ctx, 'ids.txt', 'job-id-format');
    const seen = new Set<string>();
    await ctx.check.property([fc.constantFrom('/jobs', '/file_jobs' as const)], async (path) => {
      const { jobId, exchange } = await submitOk(ctx, hashJob(key), path as '/jobs' | '/file_jobs');
      ctx.check.that(isJobId(jobId, { requireUuidV1: true }), 'JobId = "f" + a UUID version 1 without dashes (§3.3)', `JobId ${JSON.stringify(jobId)}`);
      ctx.check.that(!seen.has(jobId), 'a new JobId for every submitted job', `JobId ${jobId} returned twice`);
      seen.add(jobId);
      const queueId = String(jobsDetails(exchange.value)[0]?.QueueId ?? '');
      ctx.check.that(isQueueId(queueId), 'QueueId = "p" + 32 lower-case hex (§3.3)', `QueueId ${JSON.stringify(queueId)}`);
    });
  },
});
