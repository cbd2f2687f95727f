import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';
import { describeOne, pausedQueue } from '../support/lifecycle.ts';

/**
 * A job belongs to the bucket it was submitted to (§1.1: the Host names the bucket; decision
 * spec README §9.4): from a second bucket of the same account its id is unknown to describe
 * (`NonExistJobIds`), absent from list, and cancel answers 404 NoSuchJob and leaves it waiting.
 */
export default defineRule({
  id: 'jobs-scoped-by-bucket',
  title: 'Describe, list and cancel from another bucket do not see a job: NonExistJobIds, not listed, 404 NoSuchJob',
  spec: 'spec/README.md §9.4 · spec/cos-ci/paths/jobs_{JobIds}.yaml#get,#put · spec/cos-ci/paths/jobs.yaml#get · ref §1.1, §2.6–§2.8',
  profile: 'quick',
  needs: ['second-bucket'],
  kind: 'scenario',
  async run(ctx) {
    const other = ctx.secondClient;
    if (!other) throw new Error('[fileproc] jobs-scoped-by-bucket runs only with a second bucket (the runner skips it otherwise)');
    const key = await putTestObject(ctx, 'scoped.txt', 'jobs-scoped-by-bucket');
    // Paused, so the job is still waiting (cancellable) when the other bucket tries to cancel it.
    await pausedQueue(ctx);
    const { jobId } = await submitOk(ctx, hashJob(key));
    const where = `from bucket ${ctx.target.secondBucket?.bucket}, job ${jobId} of bucket ${ctx.target.bucket}`;

    const described = await other.describeJobs(jobId);
    ctx.check.exchange(described, { status: 200 });
    ctx.check.equal(jobsDetails(described.value).map((detail) => detail.JobId), [], `JobsDetail of GET /jobs/${jobId} ${where}`);
    ctx.check.equal(described.value?.NonExistJobIds ?? [], [jobId], `NonExistJobIds of GET /jobs/${jobId} ${where}`);

    const listed = await other.listJobs({ tag: 'FileHashCode', inputObject: key, states: 'All', size: 100 });
    ctx.check.exchange(listed, { status: 200 });
    ctx.check.equal(jobsDetails(listed.value).map((detail) => detail.JobId), [], `JobIds of GET /jobs?tag=FileHashCode&inputObject=${key} ${where}`);

    ctx.check.exchange(await other.cancelJobs(jobId), { status: 404, code: 'NoSuchJob' });
    ctx.check.equal((await describeOne(ctx, jobId)).State, 'Pause', `State of job ${jobId} in its own bucket after a cancel ${where}`);
  },
});
