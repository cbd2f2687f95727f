import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { describeOne, pausedQueue } from '../support/lifecycle.ts';
import { expectRejected } from '../support/negative.ts';

/** Ids no target issued: well-formed file-job ids and other alphanumeric ids. */
const unknownId = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{30}$/).map((hex) => `f00${hex}`),
  fc.stringMatching(/^[a-eg-z][0-9a-f]{32}$/),
  fc.stringMatching(/^[A-Za-z0-9]{1,40}$/).filter((id) => !/^f[0-9a-f]{32}$/.test(id)),
);

/**
 * Cancelling an unknown job id → 404 NoSuchJob; in a batch with a waiting job the whole batch is
 * refused and the waiting job stays as it was (decision §9.21, ref §5.3).
 */
export default defineRule({
  id: 'negative-unknown-job-id',
  title: 'Cancel of unknown job ids → 404 NoSuchJob, all-or-nothing for a batch, nothing created',
  spec: 'spec/cos-ci/paths/jobs_{JobIds}.yaml#put (cancelJobs) · components/responses/NotFound · spec/README.md §9.21 · ref §2.8, §5.3',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const key = await putTestObject(ctx, 'unknown.txt', 'negative-unknown-job-id');
    await pausedQueue(ctx);
    const { jobId: waiting } = await submitOk(ctx, hashJob(key));
    await ctx.check.property([fc.array(unknownId, { minLength: 1, maxLength: 3 }), fc.boolean()], async (ids, withKnown) => {
      const batch = withKnown ? [waiting, ...ids] : ids;
      await expectRejected(ctx, () => ctx.client.cancelJobs(batch), { status: 404, code: 'NoSuchJob' }, `PUT /jobs/${batch.join(',')}?cancel`);
      ctx.check.equal((await describeOne(ctx, waiting)).State, 'Pause', `State of waiting job ${waiting} after a refused batch cancel (all-or-nothing, §9.21)`);
    });
  },
});
